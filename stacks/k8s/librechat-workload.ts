// Secure Enterprise Chat on a contained cluster: LibreChat from its chart, its egress from
// librechat.yaml through the shim's model (LibreChatEgress), and the V1 rules in first-match order.
//
// The seed's table (10 llm, 15 mcp, 20 oci, 25 ioc, 30 control plane, 40 data stores, 1000 deny)
// is changed where first-match evaluation makes it wrong:
//  - deny-supply-chain-ioc 25 → 5: a deny placed after the permits it refines never fires for
//    hosts those permits allow (e.g. raw.githubusercontent.com via an MCP or LLM group);
//  - deny-data-store-internet 40 → 8: ahead of every permit, so a broader pod selector (e.g. a
//    namespace-wide librechat-pods) can never let MongoDB/PostgreSQL out first;
//  - allow-oci-registry 20 and allow-k8s-control-plane 30 have the NODES as source: containerd
//    and the kubelet pull images and talk to the API server from the node IP, not from the pod;
//  - default-deny 1000 → the POST_RULES default action (DENY + log in enforce mode): a V1
//    catch-all would pre-empt every FirewallPolicy (K8S tier) permit evaluated after V1.
//
// Decryption is scoped to what it serves. deny-supply-chain-ioc's URL filters only match decrypted
// sessions, so it decrypts, but only flows to the IoC hosts (an FQDN SmartGroup of them, like
// AgentCore rule 29), never every 443 flow of the pods. A pod whose traffic is decrypted must trust
// the DCF CA, so the rule comes by default only with tlsDecryption (MitmCa published to the
// namespace and mounted into LibreChat); without it the URL filters could only be inert or break
// the pods' TLS. Explicit supplyChainIocUrls without tlsDecryption synthesize, and preflight
// AVX-K8S6 fails them until the CA is trusted (or the finding is acknowledged).
import { Construct } from "constructs";
import * as yaml from "js-yaml";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { ITerraformDependable } from "../../lib/core/cdktf";
import { ControllerVersion } from "../../lib/core/controller-version";
import { DcfPolicyPack } from "../../lib/constructs/dcf/dcf-policy-pack";
import { WellKnownSmartGroups } from "../../lib/constructs/dcf/group-refs";
import { SmartGroup } from "../../lib/constructs/dcf/smart-group";
import { WebGroup } from "../../lib/constructs/dcf/web-group";
import { K8sFirewallChart } from "../../lib/constructs/kubernetes/k8s-firewall-chart";
import { KubernetesProviders } from "../../lib/constructs/kubernetes/kubernetes-providers";
import { MitmCa } from "../../lib/constructs/kubernetes/mitm-ca";
import { PodSnatDisabled } from "../../lib/constructs/kubernetes/pod-snat-disabled";
import { LibreChat, LibreChatImageRegistries, LIBRECHAT_DEFAULT_REGISTRIES, LIBRECHAT_REQUIRED_SECRETS } from "../../lib/constructs/workloads/librechat";
import { LibreChatEgress } from "../../lib/constructs/workloads/librechat-egress";
import { Select } from "../../lib/dcf/builder/selectors";
import { WELL_KNOWN } from "../../lib/dcf/model";
import { checkPublicDomain } from "../../lib/net/domain-name";
import { SUPPLY_CHAIN_IOC_URLS, urlFilterHosts } from "../supply-chain-ioc";
import { K8sVcaStackProps, LibreChatWorkloadProps } from "./k8s-vca-props";
import { ConstructLocation, ConstructPropsError } from "../../lib/core/construct-props-error";
import { checkEnvNames, sensitiveEnvVariables } from "./secret-variables";

/** Rule priorities of the LibreChat pack (see the header for why they differ from the seed). */
export const LIBRECHAT_PRIORITIES = { ioc: 5, dataStores: 8, llm: 10, mcp: 15, other: 17, registry: 20 } as const;

/** Default data-store pod labels: the MongoDB and PostgreSQL (RAG vector DB) charts LibreChat uses. */
export const LIBRECHAT_DATA_STORE_LABELS: ReadonlyArray<Readonly<Record<string, string>>> = [
  { "app.kubernetes.io/name": "mongodb" },
  { "app.kubernetes.io/name": "postgresql" },
];

/** The chart values the shim reads for the node-scope OCI registry group (same registries as the release). */
export function librechatShimHelmValues(registries: LibreChatImageRegistries = {}): string {
  const r = { ...LIBRECHAT_DEFAULT_REGISTRIES, ...registries };
  return (
    "# LibreChat chart values as the vca-librechat-* stacks render them (image registries pinned to\n" +
    "# well-known hosts): input of the shim's node-scope OCI registry group.\n" +
    yaml.dump(
      { image: { registry: r.librechat }, mongodb: { image: { registry: r.mongodb } }, meilisearch: { image: { registry: r.meilisearch } } },
      { lineWidth: -1 },
    )
  );
}

export interface WorkloadContext {
  readonly prefix: string;
  readonly clusterId: string;
  readonly providers: KubernetesProviders;
  readonly pack: DcfPolicyPack;
  readonly nodes: SmartGroup;
  readonly firewallChart: K8sFirewallChart;
  readonly podSnat: PodSnatDisabled;
  readonly ordering: readonly ITerraformDependable[];
}

export interface LibreChatWorkload {
  readonly egress: LibreChatEgress;
  readonly chat: LibreChat;
  readonly pods: SmartGroup;
  readonly dataStores: SmartGroup;
  readonly supplyChainIoc?: WebGroup;
  /** The IoC hosts (FQDN SmartGroup): the only destinations deny-supply-chain-ioc decrypts. */
  readonly supplyChainIocHosts?: SmartGroup;
  readonly mitmCa?: MitmCa;
}

export function addLibreChatWorkload(
  scope: Construct,
  id: string,
  props: WorkloadContext & { readonly workload: LibreChatWorkloadProps; readonly controllerVersion: K8sVcaStackProps["controllerVersion"] },
): LibreChatWorkload {
  const self = new Construct(scope, id);
  // A plain grouping construct: errors name the props as K8sContainment (and the stacks) take them.
  const at: ConstructLocation = { path: self.node.path, construct: "K8sContainment" };
  const w = props.workload;
  if (typeof w.config !== "string" || w.config.trim() === "") {
    throw new ConstructPropsError(at, "librechat.config", w.config, "the librechat.yaml text", 'read it with fs.readFileSync("librechat.yaml", "utf8")');
  }
  const controller = ControllerVersion.parse(props.controllerVersion, `[${self.node.path}] controllerVersion`);
  const namespace = w.namespace ?? "librechat";
  checkEnvNames(at, "librechat.secretEnvNames", w.secretEnvNames ?? []);
  const secretNames = [...LIBRECHAT_REQUIRED_SECRETS, ...(w.secretEnvNames ?? [])];
  const secretEnv = sensitiveEnvVariables(self, "librechat.secretEnvNames", "librechat", secretNames);

  // One model for the CLI and Terraform: the same inputs `vca shim librechat` gets.
  const egress = new LibreChatEgress(self, "egress", {
    config: w.config,
    configName: w.configName,
    envKeys: Object.keys(secretEnv),
    helmValues: librechatShimHelmValues(w.imageRegistries),
    annotations: w.annotations,
    namespace,
    // Controller names are global: the stack prefix keeps two LibreChat stacks apart.
    namePrefix: props.prefix,
  });

  let mitmCa: MitmCa | undefined;
  let ns: NamespaceV1 | undefined;
  if (w.tlsDecryption) {
    if (!controller.atLeast("9.0.0")) {
      throw new ConstructPropsError(
        at,
        "librechat.tlsDecryption",
        w.tlsDecryption,
        `controller ≥ 9.0 (got ${controller})`,
        "upgrade the controller or drop tlsDecryption",
      );
    }
    // The CA ConfigMap needs the namespace first, and LibreChat needs the ConfigMap: own the namespace here.
    ns = new NamespaceV1(self, "namespace", {
      metadata: { name: namespace, labels: { "app.kubernetes.io/managed-by": "vca-cdktf" } },
      provider: props.providers.kubernetes,
      dependsOn: [...props.ordering],
    });
    mitmCa = new MitmCa(self, "mitm-ca", { name: w.tlsDecryption.caName, namespaces: [namespace], providers: props.providers, dependsOn: [ns] });
  }
  const chat = new LibreChat(self, "app", {
    namespace,
    createNamespace: ns === undefined,
    chartVersion: w.chartVersion,
    configYamlContent: w.config,
    secretEnv,
    imageRegistries: w.imageRegistries,
    mitmCa,
    firewallChart: props.firewallChart,
    podSnat: props.podSnat,
    providers: props.providers,
    dependsOn: [...props.ordering, ...(ns ? [ns] : [])],
  });

  const pods = new SmartGroup(self, "pods", {
    name: `${props.prefix}-librechat-pods`,
    matchExpressions: [Select.k8s({ cluster: props.clusterId, namespace, labels: chat.podSelector })],
  });
  const storeLabels = w.dataStoreLabels ?? LIBRECHAT_DATA_STORE_LABELS;
  if (storeLabels.length === 0)
    throw new ConstructPropsError(at, "librechat.dataStoreLabels", storeLabels, "at least one label set", "omit it for the MongoDB/PostgreSQL defaults");
  const dataStores = new SmartGroup(self, "data-stores", {
    name: `${props.prefix}-librechat-data-stores`,
    matchExpressions: storeLabels.map((labels) => Select.k8s({ cluster: props.clusterId, namespace, labels })),
  });
  const internet = WellKnownSmartGroups.publicInternet();

  let supplyChainIoc: WebGroup | undefined;
  let supplyChainIocHosts: SmartGroup | undefined;
  // Default: the IoC deny comes with TLS decryption (see the header).
  const iocUrls = w.supplyChainIocUrls ?? (mitmCa ? SUPPLY_CHAIN_IOC_URLS : false);
  if (iocUrls !== false) {
    if (!controller.atLeast("8.2.0")) {
      throw new ConstructPropsError(
        at,
        "librechat.supplyChainIocUrls",
        iocUrls,
        `controller ≥ 8.2 for per-rule TLS decryption (got ${controller})`,
        "upgrade the controller, or set supplyChainIocUrls: false to drop the rule explicitly",
      );
    }
    supplyChainIoc = new WebGroup(self, "supply-chain-ioc", { name: `${props.prefix}-supply-chain-ioc`, urls: [...iocUrls] });
    supplyChainIocHosts = new SmartGroup(self, "supply-chain-ioc-hosts", {
      name: `${props.prefix}-supply-chain-ioc-hosts`,
      matchExpressions: iocHosts(at, iocUrls).map((h) => Select.fqdn(h)),
    });
    props.pack.addRule({
      name: "deny-supply-chain-ioc",
      priority: LIBRECHAT_PRIORITIES.ioc,
      action: "DENY",
      protocol: "TCP",
      ports: [443],
      src: [pods],
      // Decrypt only what the URL filters can match: flows to the IoC hosts.
      dst: [supplyChainIocHosts],
      webGroups: [supplyChainIoc],
      // URL paths are only visible in decrypted sessions.
      decryptPolicy: "DECRYPT_ALLOWED",
      tlsProfile: WELL_KNOWN.defaultTlsProfile,
    });
  }
  props.pack.addRule({
    name: "deny-data-store-internet",
    priority: LIBRECHAT_PRIORITIES.dataStores,
    action: "DENY",
    protocol: "ANY",
    src: [dataStores],
    dst: [internet],
    logging: true,
  });
  const decrypt = mitmCa ? ({ decryptPolicy: "DECRYPT_ALLOWED" } as const) : {};
  for (const rule of egress.podRules({
    src: [pods],
    dst: [internet],
    llmPriority: LIBRECHAT_PRIORITIES.llm,
    mcpPriority: LIBRECHAT_PRIORITIES.mcp,
    otherPriority: LIBRECHAT_PRIORITIES.other,
  })) {
    props.pack.addRule({ ...rule, ...(rule.webGroups && rule.webGroups.length > 0 ? decrypt : {}) });
  }
  for (const rule of egress.registryRules({ src: [props.nodes], dst: [internet], priority: LIBRECHAT_PRIORITIES.registry })) props.pack.addRule(rule);
  return { egress, chat, pods, dataStores, supplyChainIoc, supplyChainIocHosts, mitmCa };
}

/** The hosts of the IoC URL filters; each must be a literal public host (an FQDN SmartGroup member). */
function iocHosts(at: ConstructLocation, urls: readonly string[]): string[] {
  urls.forEach((url, i) => {
    const host = String(url).split("/")[0];
    const checked = checkPublicDomain(host);
    const problem = host.includes("*") ? "is a wildcard" : checked.ok ? undefined : checked.reason;
    if (problem !== undefined) {
      throw new ConstructPropsError(
        at,
        `librechat.supplyChainIocUrls[${i}]`,
        url,
        `a "host/path" URL filter with a literal public host (its host ${JSON.stringify(host)} ${problem})`,
        "the rule decrypts only flows to an FQDN SmartGroup of the filters' hosts, which holds literal host names",
      );
    }
  });
  return urlFilterHosts(urls);
}

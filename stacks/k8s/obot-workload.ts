// Enterprise MCP (Obot) on a contained cluster, three tiers (research docs/research/k8s-obot-crds.md §5.4):
//  V1: named permits for the nodes (Obot/MCP images) and for obot-system (its LLM API, GitHub,
//      the chart repo; on AKS K8sContainment adds obot-system to the API server permit) — never a V1 deny-all;
//  K8S: one FirewallPolicy per MCP server, written by Obot's network policy controller;
//  POST_RULES: the pack's default action (discover PERMIT + log, enforce DENY + log).
// V1 sources are scoped to nodes and obot-system, never to a CIDR containing the MCP pods, so
// MCP servers cannot borrow the infrastructure permits (the CIDR-baseline problem, §5.4).
import { Construct } from "constructs";
import { WellKnownSmartGroups } from "../../lib/constructs/dcf/group-refs";
import { SmartGroup } from "../../lib/constructs/dcf/smart-group";
import { WebGroup } from "../../lib/constructs/dcf/web-group";
import { ObotPlatform } from "../../lib/constructs/workloads/obot-platform";
import { Select } from "../../lib/dcf/builder/selectors";
import { OBOT_IMAGE_REGISTRY_DOMAINS, OBOT_SYSTEM_DOMAINS } from "./cluster-egress-domains";
import { ObotWorkloadProps } from "./k8s-vca-props";
import { WorkloadContext } from "./librechat-workload";
import { sensitiveEnvVariables } from "./secret-variables";

/** Rule priorities of the Obot V1 permits (after LibreChat's 5–30 when both run in one stack; 45 is K8sContainment's API server permit). */
export const OBOT_PRIORITIES = { images: 40, obotSystem: 50 } as const;

export interface ObotWorkload {
  readonly platform: ObotPlatform;
  readonly obotSystem: SmartGroup;
  readonly mcpServers: SmartGroup;
  readonly obotSystemEgress: WebGroup;
}

export function addObotWorkload(scope: Construct, id: string, props: WorkloadContext & { readonly workload: ObotWorkloadProps }): ObotWorkload {
  const self = new Construct(scope, id);
  const w = props.workload;
  const secretEnv = sensitiveEnvVariables(self, "obot.secretEnvNames", "obot", w.secretEnvNames ?? ["OBOT_SERVER_ADMIN_PASSWORD", "OPENAI_API_KEY"]);
  const platform = new ObotPlatform(self, "platform", {
    version: w.version,
    namespace: w.namespace,
    mcpNamespace: w.mcpNamespace,
    defaultDenyAllEgress: w.defaultDenyAllEgress,
    ...(w.networkPolicyControllerVersion !== undefined ? { networkPolicyProvider: { chartVersion: w.networkPolicyControllerVersion } } : {}),
    secretEnv,
    firewallChart: props.firewallChart,
    podSnat: props.podSnat,
    providers: props.providers,
    dependsOn: [...props.ordering, props.pack.policyList ?? props.pack.ruleset!, ...(props.pack.defaultActionRule ? [props.pack.defaultActionRule] : [])],
  });

  const internet = WellKnownSmartGroups.publicInternet();
  const obotSystem = new SmartGroup(self, "obot-system", {
    name: `${props.prefix}-obot-system`,
    // Namespace SmartGroups work as V1 sources when the selector names the cluster too (§5.2).
    matchExpressions: [Select.k8s({ cluster: props.clusterId, namespace: platform.namespace })],
  });
  // Not referenced by rules before the K8S block (the K8S tier owns MCP pods); the stack's closing
  // deny after the K8S block contains them (k8s-closing-denies.ts).
  const mcpServers = new SmartGroup(self, "mcp-servers", {
    name: `${props.prefix}-obot-mcp-servers`,
    matchExpressions: [Select.k8s({ cluster: props.clusterId, namespace: platform.mcpNamespace })],
  });
  const images = new WebGroup(self, "images", { name: `${props.prefix}-obot-images`, domains: [...OBOT_IMAGE_REGISTRY_DOMAINS] });
  props.pack.addRule({
    name: "allow-obot-images",
    priority: OBOT_PRIORITIES.images,
    action: "PERMIT",
    protocol: "TCP",
    ports: [443],
    src: [props.nodes],
    dst: [internet],
    webGroups: [images],
    decryptPolicy: "DECRYPT_NOT_ALLOWED",
  });
  const domains = [...(w.llmDomains ?? ["api.openai.com"]), ...OBOT_SYSTEM_DOMAINS, ...(w.extraDomains ?? [])];
  const obotSystemEgress = new WebGroup(self, "obot-system-egress", { name: `${props.prefix}-obot-system-egress`, domains });
  props.pack.addRule({
    name: "allow-obot-system",
    priority: OBOT_PRIORITIES.obotSystem,
    action: "PERMIT",
    protocol: "TCP",
    ports: [443],
    src: [obotSystem],
    dst: [internet],
    webGroups: [obotSystemEgress],
  });
  return { platform, obotSystem, mcpServers, obotSystemEgress };
}

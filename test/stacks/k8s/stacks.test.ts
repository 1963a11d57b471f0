// Targeted assertions on the Kubernetes VCA stacks: rules, priorities, decrypt settings, groups,
// the discover/enforce switch, TLS decryption, and props validation (error messages snapshotted).
import { EksVcaStack, EksVcaStackProps } from "../../../stacks/eks-vca-stack";
import { AksVcaStack } from "../../../stacks/aks-vca-stack";
import { GkeVcaStack } from "../../../stacks/gke-vca-stack";
import { LAB_LIBRECHAT } from "../../../examples/blueprints/librechat/lab-config";
import { containmentRules, synthJson, testApp, v1Rules } from "./helpers";
import { expectInputError } from "../../support/expect-error";

const EKS: EksVcaStackProps = {
  controllerVersion: "9.0",
  accountName: "aws-lab",
  region: "us-east-2",
  namePrefix: "t",
  mode: "enforce",
  newNetwork: { cidr: "10.20.0.0/16", availabilityZones: ["us-east-2a", "us-east-2b"] },
  newCluster: {},
  librechat: LAB_LIBRECHAT,
};
const eks = (p: Partial<EksVcaStackProps> = {}) => synthJson(new EksVcaStack(testApp(), "s", { ...EKS, ...p }));

describe("LibreChat pack", () => {
  const json = eks();
  const rules = v1Rules(json);

  test("rules in first-match order: the data-store deny before the permits, registries and control plane from the nodes; no IoC URL deny without tlsDecryption", () => {
    expect(Object.values(rules).map((r: any) => [r.priority, r.name, r.action])).toEqual([
      [8, "deny-data-store-internet", "DENY"],
      [10, "allow-llm-providers", "PERMIT"],
      [15, "allow-mcp-per-server", "PERMIT"],
      [20, "allow-oci-registry", "PERMIT"],
      [30, "allow-k8s-control-plane", "PERMIT"],
    ]);
    // Registries: the nodes only; control plane: the nodes and kube-system pods (pod IPs, e.g. the EBS CSI controller → EC2).
    expect(rules["allow-k8s-control-plane"].src_smart_groups).toEqual(expect.arrayContaining(rules["allow-oci-registry"].src_smart_groups));
    expect(rules["allow-k8s-control-plane"].src_smart_groups).toHaveLength(2);
    expect(rules["allow-oci-registry"].src_smart_groups).not.toEqual(rules["allow-llm-providers"].src_smart_groups);
  });

  test("decrypt settings: nothing decrypts without tlsDecryption, registries and control plane never, LLM/MCP unspecified", () => {
    expect(Object.values(rules).filter((r: any) => r.decrypt_policy === "DECRYPT_ALLOWED")).toEqual([]);
    expect(rules["allow-oci-registry"].decrypt_policy).toBe("DECRYPT_NOT_ALLOWED");
    expect(rules["allow-k8s-control-plane"].decrypt_policy).toBe("DECRYPT_NOT_ALLOWED");
    expect(rules["allow-llm-providers"].decrypt_policy ?? "DECRYPT_UNSPECIFIED").toBe("DECRYPT_UNSPECIFIED");
    expect(rules["deny-data-store-internet"]).toMatchObject({ protocol: "ANY", logging: true });
  });

  test("brownfield: no controller singleton; the stack closes its own sources after the K8S block", () => {
    for (const singleton of [
      "aviatrix_distributed_firewalling_default_action_rule",
      "aviatrix_distributed_firewalling_policy_list",
      "aviatrix_config_feature",
    ]) {
      expect(json.resource[singleton]).toBeUndefined();
    }
    expect(
      Object.values(json.data.aviatrix_dcf_attachment_point)
        .map((d: any) => d.name)
        .sort(),
    ).toEqual(["t-after-k8s", "t-before-k8s"]);
    const closing = containmentRules(json);
    expect(Object.values(closing).map((r: any) => [r.priority, r.name, r.action, r.protocol])).toEqual([
      [100, "contain-librechat-pods", "DENY", "ANY"],
      [110, "contain-librechat-data-stores", "DENY", "ANY"],
      [190, "contain-kube-system-internet", "DENY", "ANY"],
      [200, "contain-nodes-internet", "DENY", "ANY"],
    ]);
    expect(closing["contain-librechat-pods"].src_smart_groups).toEqual(rules["allow-llm-providers"].src_smart_groups);
    expect(closing["contain-librechat-pods"].dst_smart_groups).toEqual(["def000ad-0000-0000-0000-000000000000"]);
  });

  test("ownController: DCF flags, the default action (after the bootstrap permits) and the root attachment points", () => {
    const owned = eks({ ownController: true });
    expect(Object.values(owned.resource.aviatrix_distributed_firewalling_default_action_rule)).toEqual([
      expect.objectContaining({ action: "DENY", logging: true, depends_on: expect.arrayContaining([expect.stringMatching(/^aviatrix_dcf_ruleset\./)]) }),
    ]);
    expect((Object.values(owned.resource.aviatrix_config_feature) as any[]).map((f) => f.feature_name).sort()).toEqual(["k8s", "k8s_dcf_policies", "microseg"]);
    expect(
      Object.values(owned.data.aviatrix_dcf_attachment_point)
        .map((d: any) => d.name)
        .sort(),
    ).toEqual(["TERRAFORM_AFTER_K8S_MANAGED", "TERRAFORM_BEFORE_UI_MANAGED"]);
  });

  test("groups: librechat-pods by cluster + namespace + chart label; nodes by the EKS cluster tag; one WebGroup per MCP server", () => {
    const groups = Object.values(json.resource.aviatrix_smart_group) as any[];
    const pods = groups.find((g) => g.name === "t-librechat-pods");
    expect(pods.selector.match_expressions).toEqual([
      { type: "k8s", k8s_cluster_id: "${aws_eks_cluster.cluster.arn}", k8s_namespace: "librechat", tags: { "app.kubernetes.io/name": "librechat" } },
    ]);
    expect(groups.find((g) => g.name === "t-nodes").selector.match_expressions).toEqual([{ type: "vm", tags: { "eks:cluster-name": "t-eks" } }]);
    const web = (Object.values(json.resource.aviatrix_web_group) as any[]).map((w) => w.name).sort();
    expect(web).toEqual(["t-k8s-control-plane", "t-librechat-llm", "t-librechat-mcp--deepwiki", "t-librechat-mcp--github", "t-librechat-oci-registries"]);
  });

  test("secrets are sensitive variables, never literals", () => {
    expect(json.variable.librechat_openai_api_key).toEqual(expect.objectContaining({ sensitive: true, type: "string" }));
    expect(json.variable.librechat_creds_key.sensitive).toBe(true);
    const secret = Object.values(json.resource.kubernetes_secret_v1)[0] as any;
    expect(secret.data.OPENAI_API_KEY).toBe("${var.librechat_openai_api_key}");
  });

  test("pod SNAT off through the vpc-cni add-on; the CRD chart precedes the workload", () => {
    const addon = Object.values(json.resource.aws_eks_addon)[0] as any;
    expect(JSON.parse(addon.configuration_values)).toEqual({ env: { AWS_VPC_K8S_CNI_EXTERNALSNAT: "true" } });
    const release = json.resource.helm_release;
    const chat = Object.values(release).find((r: any) => r.chart === "librechat") as any;
    const crdKey = Object.keys(release).find((k) => release[k].chart === "k8s-firewall");
    expect(chat.depends_on).toContain(`helm_release.${crdKey}`);
  });
});

describe("discover / enforce switch", () => {
  test("discover (the default): every rule watches; an owned controller's default action is PERMIT + log", () => {
    const json = eks({ mode: undefined });
    expect(Object.values(v1Rules(json)).every((r: any) => r.watch === true)).toBe(true);
    expect(Object.values(containmentRules(json)).every((r: any) => r.watch === true)).toBe(true);
    const owned = eks({ mode: undefined, ownController: true });
    expect(Object.values(owned.resource.aviatrix_distributed_firewalling_default_action_rule)).toEqual([
      expect.objectContaining({ action: "PERMIT", logging: true }),
    ]);
  });

  test("promoteRules: the named rules act in discover mode, one by one; an unknown name is an error", () => {
    const json = eks({ mode: undefined, promoteRules: ["allow-llm-providers", "contain-librechat-pods"] });
    const watching = [...Object.values(v1Rules(json)), ...Object.values(containmentRules(json))].filter((r: any) => r.watch === false).map((r: any) => r.name);
    expect(watching.sort()).toEqual(["allow-llm-providers", "contain-librechat-pods"]);
    expect(() => eks({ mode: undefined, promoteRules: ["allow-llm-provider"] })).toThrow(
      /promoteRules\[0\]: got "allow-llm-provider", want a rule of this stack \(/,
    );
  });
});

test("TLS decryption: CA published to the namespace, NODE_EXTRA_CA_CERTS set, LLM/MCP rules decrypt, the IoC deny decrypts only its hosts", () => {
  const json = eks({ librechat: { ...LAB_LIBRECHAT, tlsDecryption: { caName: "lab-ca" } } });
  const rules = v1Rules(json);
  const iocHosts = Object.entries(json.resource.aviatrix_smart_group).find(([, g]: [string, any]) => g.name === "t-supply-chain-ioc-hosts")!;
  expect((iocHosts[1] as any).selector.match_expressions).toEqual([{ fqdn: "api.github.com" }, { fqdn: "github.com" }, { fqdn: "raw.githubusercontent.com" }]);
  expect(rules["deny-supply-chain-ioc"]).toMatchObject({
    priority: 5,
    action: "DENY",
    decrypt_policy: "DECRYPT_ALLOWED",
    tls_profile: "def000ad-6000-0000-0000-000000000001",
    port_ranges: [{ lo: 443 }],
    dst_smart_groups: [`\${aviatrix_smart_group.${iocHosts[0]}.uuid}`],
  });
  expect(rules["allow-llm-providers"].decrypt_policy).toBe("DECRYPT_ALLOWED");
  expect(rules["allow-mcp-per-server"].decrypt_policy).toBe("DECRYPT_ALLOWED");
  expect(rules["allow-oci-registry"].decrypt_policy).toBe("DECRYPT_NOT_ALLOWED");
  const cm = Object.values(json.resource.kubernetes_config_map_v1).find((c: any) => c.metadata.name === "aviatrix-mitm-ca") as any;
  expect(cm.metadata.namespace).toBe("librechat");
  const chat = Object.values(json.resource.helm_release).find((r: any) => r.chart === "librechat") as any;
  expect(chat.values.join("\n")).toContain("NODE_EXTRA_CA_CERTS");
});

test("Obot on AKS: no V1 deny, API server by FQDN SmartGroup from obot-system, Obot after the CRDs", () => {
  const json = synthJson(
    new AksVcaStack(testApp(), "o", {
      controllerVersion: "9.0",
      accountName: "az",
      subscriptionId: "11111111-2222-3333-4444-555555555555",
      location: "westeurope",
      namePrefix: "o",
      mode: "enforce",
      newNetwork: { cidr: "10.1.0.0/16" },
      newCluster: {},
      obot: { version: "v0.21.0" },
    }),
  );
  const rules = v1Rules(json);
  expect(Object.values(rules).map((r: any) => [r.priority, r.name, r.action])).toEqual([
    [30, "allow-k8s-control-plane", "PERMIT"],
    [40, "allow-obot-images", "PERMIT"],
    [45, "allow-k8s-api-server", "PERMIT"],
    [50, "allow-obot-system", "PERMIT"],
  ]);
  const api = (Object.values(json.resource.aviatrix_smart_group) as any[]).find((g) => g.name === "o-k8s-api-server");
  expect(api.selector.match_expressions).toEqual([{ fqdn: "${azurerm_kubernetes_cluster.cluster.fqdn}" }]);
  // kube-system and obot-system reach the API server; the MCP servers' namespace never does.
  const groupRef = (name: string) =>
    `\${aviatrix_smart_group.${Object.entries(json.resource.aviatrix_smart_group).find(([, g]: [string, any]) => g.name === name)![0]}.uuid}`;
  expect(rules["allow-k8s-api-server"].src_smart_groups).toEqual([groupRef("o-kube-system"), groupRef("o-obot-system")].sort());
  expect(rules["allow-k8s-api-server"].src_smart_groups).not.toContain(groupRef("o-obot-mcp-servers"));
  const cluster = json.resource.azurerm_kubernetes_cluster.cluster;
  expect(cluster.network_profile.outbound_type).toBe("userDefinedRouting");
  expect(cluster.default_node_pool.pod_subnet_id).toBeDefined();
  const obot = Object.values(json.resource.helm_release).find((r: any) => r.chart === "obot") as any;
  expect(obot.depends_on.some((d: string) => d.startsWith("helm_release."))).toBe(true);
  expect(json.resource.kubernetes_config_map_v1).toBeDefined();
});

test("GKE: VPC-native private cluster with default SNAT disabled", () => {
  const json = synthJson(
    new GkeVcaStack(testApp(), "g", {
      controllerVersion: "9.0",
      accountName: "gcp",
      projectId: "p",
      zone: "us-central1-a",
      namePrefix: "g",
      newNetwork: { cidr: "10.40.0.0/16" },
      newCluster: {},
      librechat: LAB_LIBRECHAT,
    }),
  );
  const cluster = json.resource.google_container_cluster.cluster;
  expect(cluster.default_snat_status).toEqual({ disabled: true });
  expect(cluster.private_cluster_config.enable_private_nodes).toBe(true);
  expect(cluster.networking_mode).toBe("VPC_NATIVE");
});

describe("props validation", () => {
  const cases: Array<[string, () => unknown, string]> = [
    ["no workload", () => new EksVcaStack(testApp(), "s", { ...EKS, librechat: undefined }), "K8sContainment.librechat/obot"],
    [
      "both new and existing network",
      () => new EksVcaStack(testApp(), "s", { ...EKS, existingNetwork: { vpcId: "vpc-1", gatewaySubnetCidr: "10.0.0.0/28", nodeSubnetIds: ["subnet-1"] } }),
      "EksVcaStack.newNetwork/existingNetwork",
    ],
    [
      "one availability zone",
      () => new EksVcaStack(testApp(), "s", { ...EKS, newNetwork: { cidr: "10.20.0.0/16", availabilityZones: ["us-east-2a"] } }),
      "EksVcaStack.newNetwork.availabilityZones",
    ],
    ["bad name prefix", () => new EksVcaStack(testApp(), "s", { ...EKS, namePrefix: "Bad_Prefix" }), "EksVcaStack.namePrefix"],
    ["bad mode", () => new EksVcaStack(testApp(), "s", { ...EKS, mode: "audit" as never }), "K8sContainment.mode"],
    [
      "TLS decryption on 8.2",
      () => new EksVcaStack(testApp(), "s", { ...EKS, controllerVersion: "8.2", librechat: { ...LAB_LIBRECHAT, tlsDecryption: { caName: "ca" } } }),
      "K8sContainment.librechat.tlsDecryption",
    ],
    [
      "IoC deny on 8.1",
      () =>
        new EksVcaStack(testApp(), "s", { ...EKS, controllerVersion: "8.1", librechat: { ...LAB_LIBRECHAT, supplyChainIocUrls: ["github.com/*shai-hulud*"] } }),
      "K8sContainment.librechat.supplyChainIocUrls",
    ],
    [
      "IoC URL filter with a wildcard host",
      () =>
        new EksVcaStack(testApp(), "s", {
          ...EKS,
          librechat: { ...LAB_LIBRECHAT, supplyChainIocUrls: ["github.com/*shai-hulud*", "*.GitHub.io/*shai-hulud*"] },
        }),
      "K8sContainment.librechat.supplyChainIocUrls[1]",
    ],
    [
      "bad secret env name",
      () => new EksVcaStack(testApp(), "s", { ...EKS, librechat: { ...LAB_LIBRECHAT, secretEnvNames: ["openai-key"] } }),
      "K8sContainment.librechat.secretEnvNames[0]",
    ],
    ["Obot below v0.21.0", () => new EksVcaStack(testApp(), "s", { ...EKS, librechat: undefined, obot: { version: "v0.20.3" } }), "ObotPlatform.version"],
    [
      "GKE zone is a region",
      () =>
        new GkeVcaStack(testApp(), "g", {
          controllerVersion: "9.0",
          accountName: "gcp",
          projectId: "p",
          zone: "us-central1",
          newNetwork: { cidr: "10.40.0.0/16" },
          newCluster: {},
          librechat: LAB_LIBRECHAT,
        }),
      "GkeVcaStack.zone",
    ],
  ];
  test.each(cases)("%s", (_name, make, names) => {
    expect(expectInputError(make, names)).toMatchSnapshot();
  });

  test("IoC deny dropped explicitly: allowed, no IoC rule (the stack itself still needs ≥ 8.2.10 for aviatrix_config_feature)", () => {
    const rules = v1Rules(eks({ librechat: { ...LAB_LIBRECHAT, supplyChainIocUrls: false } }));
    expect(rules["deny-supply-chain-ioc"]).toBeUndefined();
    expect(rules["allow-llm-providers"]).toBeDefined();
  });
});

// Targeted assertions on the LibreChat-on-AKS and Obot-on-EKS blueprints (examples/blueprints):
// rule names, priorities, actions and decrypt settings, groups and the default action, read from
// the synthesized JSON. Mode pinned to enforce through the context (hermetic against VCA_MODE).
import { addLibreChatAks } from "../../../examples/blueprints/librechat-aks/stack";
import { addObotEks } from "../../../examples/blueprints/obot-eks/stack";
import { MODE_CONTEXT_KEY } from "../../../examples/blueprints/policy-mode";
import { containmentRules, synthJson, testApp, v1Rules } from "./helpers";

const ANY = "def000ad-0000-0000-0000-000000000001";
const byName = (json: Record<string, any>, type: string) => Object.fromEntries((Object.values(json.resource[type]) as any[]).map((g) => [g.name, g]));
const refOf = (json: Record<string, any>, type: string, name: string) => {
  const [key] = Object.entries(json.resource[type]).find(([, g]: [string, any]) => g.name === name)!;
  return `\${${type}.${key}.uuid}`;
};

describe("GIVEN the vca-librechat-aks blueprint (enforce) WHEN synthesized", () => {
  const json = synthJson(addLibreChatAks(testApp({ [MODE_CONTEXT_KEY]: "enforce" })));
  const rules = v1Rules(json);
  const sg = (n: string) => refOf(json, "aviatrix_smart_group", n);
  const wg = (n: string) => refOf(json, "aviatrix_web_group", n);

  test("THEN the rules run in first-match order: the data-store deny before the permits; no IoC URL deny without tlsDecryption", () => {
    expect(Object.values(rules).map((r: any) => [r.priority, r.name, r.action, r.watch])).toEqual([
      [8, "deny-data-store-internet", "DENY", false],
      [10, "allow-llm-providers", "PERMIT", false],
      [15, "allow-mcp-per-server", "PERMIT", false],
      [20, "allow-oci-registry", "PERMIT", false],
      [30, "allow-k8s-control-plane", "PERMIT", false],
      [45, "allow-k8s-api-server", "PERMIT", false],
    ]);
    const internetRules = Object.values(rules).filter((r: any) => r.name !== "allow-k8s-api-server");
    expect(internetRules.every((r: any) => r.logging === true && r.dst_smart_groups.length === 1 && r.dst_smart_groups[0] === ANY)).toBe(true);
  });

  test("THEN decrypt: nothing decrypts (the pods do not trust a CA), registries and control plane never, LLM/MCP unspecified", () => {
    expect(Object.values(rules).filter((r: any) => r.decrypt_policy === "DECRYPT_ALLOWED")).toEqual([]);
    expect(rules["allow-oci-registry"].decrypt_policy).toBe("DECRYPT_NOT_ALLOWED");
    expect(rules["allow-k8s-control-plane"].decrypt_policy).toBe("DECRYPT_NOT_ALLOWED");
    expect(rules["allow-llm-providers"].decrypt_policy).toBeUndefined();
    expect(rules["allow-mcp-per-server"].decrypt_policy).toBeUndefined();
    expect(rules["deny-data-store-internet"]).toMatchObject({ protocol: "ANY" });
    expect(rules["deny-data-store-internet"].port_ranges).toBeUndefined();
  });

  test("THEN sources and destinations: pods → LLM/MCP, data stores → deny, nodes → registries/control plane", () => {
    const pods = sg("librechat-aks-librechat-pods");
    const nodes = sg("librechat-aks-nodes");
    expect(rules["deny-data-store-internet"]).toMatchObject({ src_smart_groups: [sg("librechat-aks-librechat-data-stores")] });
    expect(rules["deny-data-store-internet"].web_groups).toBeUndefined();
    expect(rules["allow-llm-providers"]).toMatchObject({ src_smart_groups: [pods], web_groups: [wg("librechat-aks-librechat-llm")] });
    expect(rules["allow-mcp-per-server"]).toMatchObject({
      src_smart_groups: [pods],
      web_groups: [wg("librechat-aks-librechat-mcp--deepwiki"), wg("librechat-aks-librechat-mcp--github")],
    });
    expect(rules["allow-oci-registry"]).toMatchObject({ src_smart_groups: [nodes], web_groups: [wg("librechat-aks-librechat-oci-registries")] });
    const kubeSystem = sg("librechat-aks-kube-system");
    expect(rules["allow-k8s-control-plane"]).toMatchObject({
      src_smart_groups: [kubeSystem, nodes].sort(),
      web_groups: [wg("librechat-aks-k8s-control-plane")],
    });
  });

  test("THEN in-cluster clients reach the API server by address: kube-system pods (pod IPs, no SNI) → the API server FQDN group, never the chat pods", () => {
    const api = rules["allow-k8s-api-server"];
    expect(api).toMatchObject({ action: "PERMIT", protocol: "TCP", port_ranges: [{ lo: 443 }], decrypt_policy: "DECRYPT_NOT_ALLOWED" });
    expect(api.src_smart_groups).toEqual([sg("librechat-aks-kube-system")]);
    expect(api.dst_smart_groups).toEqual([sg("librechat-aks-k8s-api-server")]);
    expect(api.web_groups).toBeUndefined();
    const groups = byName(json, "aviatrix_smart_group");
    expect(groups["librechat-aks-k8s-api-server"].selector.match_expressions).toEqual([{ fqdn: "${azurerm_kubernetes_cluster.cluster.fqdn}" }]);
    expect(groups["librechat-aks-kube-system"].selector.match_expressions).toEqual([
      { type: "k8s", k8s_cluster_id: "${lower(azurerm_kubernetes_cluster.cluster.id)}", k8s_namespace: "kube-system" },
    ]);
  });

  test("THEN no controller singleton; the closing denies contain pods, data stores and nodes after the K8S block", () => {
    expect(json.resource.aviatrix_distributed_firewalling_default_action_rule).toBeUndefined();
    expect(json.resource.aviatrix_config_feature).toBeUndefined();
    const closing = containmentRules(json);
    expect(Object.keys(closing)).toEqual(["contain-librechat-pods", "contain-librechat-data-stores", "contain-kube-system-internet", "contain-nodes-internet"]);
    expect(closing["contain-librechat-pods"].src_smart_groups).toEqual([sg("librechat-aks-librechat-pods")]);
    expect(closing["contain-nodes-internet"]).toMatchObject({
      src_smart_groups: [sg("librechat-aks-nodes")],
      dst_smart_groups: [ANY],
      action: "DENY",
      protocol: "ANY",
    });
  });

  test("THEN groups: pods and data stores by (lower-cased) AKS id + namespace + chart label, nodes by the node subnet CIDR", () => {
    const groups = byName(json, "aviatrix_smart_group");
    expect(Object.keys(groups).sort()).toEqual([
      "librechat-aks-k8s-api-server",
      "librechat-aks-kube-system",
      "librechat-aks-librechat-data-stores",
      "librechat-aks-librechat-pods",
      "librechat-aks-nodes",
    ]);
    const k8s = (app: string) => ({
      type: "k8s",
      k8s_cluster_id: "${lower(azurerm_kubernetes_cluster.cluster.id)}",
      k8s_namespace: "librechat",
      tags: { "app.kubernetes.io/name": app },
    });
    expect(groups["librechat-aks-librechat-pods"].selector.match_expressions).toEqual([k8s("librechat")]);
    expect(groups["librechat-aks-librechat-data-stores"].selector.match_expressions).toEqual([k8s("mongodb"), k8s("postgresql")]);
    expect(groups["librechat-aks-nodes"].selector.match_expressions).toEqual([{ cidr: "10.30.64.0/18" }]);
    expect(Object.keys(byName(json, "aviatrix_web_group")).sort()).toEqual([
      "librechat-aks-k8s-control-plane",
      "librechat-aks-librechat-llm",
      "librechat-aks-librechat-mcp--deepwiki",
      "librechat-aks-librechat-mcp--github",
      "librechat-aks-librechat-oci-registries",
    ]);
  });
});

describe("GIVEN the vca-obot-eks blueprint (enforce) WHEN synthesized", () => {
  const json = synthJson(addObotEks(testApp({ [MODE_CONTEXT_KEY]: "enforce" })));
  const rules = v1Rules(json);
  const sg = (n: string) => refOf(json, "aviatrix_smart_group", n);
  const wg = (n: string) => refOf(json, "aviatrix_web_group", n);

  test("THEN three V1 permits in order, no V1 deny (MCP servers are governed by the FirewallPolicy CRDs), no API-server rule on EKS", () => {
    expect(Object.values(rules).map((r: any) => [r.priority, r.name, r.action, r.watch])).toEqual([
      [30, "allow-k8s-control-plane", "PERMIT", false],
      [40, "allow-obot-images", "PERMIT", false],
      [50, "allow-obot-system", "PERMIT", false],
    ]);
    expect(Object.values(rules).every((r: any) => r.logging === true && r.protocol === "TCP" && r.dst_smart_groups[0] === ANY)).toBe(true);
  });

  test("THEN decrypt: control plane and images never decrypted, obot-system unspecified", () => {
    expect(rules["allow-k8s-control-plane"].decrypt_policy).toBe("DECRYPT_NOT_ALLOWED");
    expect(rules["allow-obot-images"].decrypt_policy).toBe("DECRYPT_NOT_ALLOWED");
    expect(rules["allow-obot-system"].decrypt_policy).toBeUndefined();
    expect(rules["allow-obot-system"].port_ranges).toEqual([{ lo: 443 }]);
  });

  test("THEN sources and destinations: nodes → control plane and images, obot-system → its egress WebGroup", () => {
    const nodes = sg("obot-eks-nodes");
    expect(rules["allow-k8s-control-plane"]).toMatchObject({
      src_smart_groups: [sg("obot-eks-kube-system"), nodes].sort(),
      web_groups: [wg("obot-eks-k8s-control-plane")],
    });
    expect(rules["allow-obot-images"]).toMatchObject({ src_smart_groups: [nodes], web_groups: [wg("obot-eks-obot-images")] });
    expect(rules["allow-obot-system"]).toMatchObject({ src_smart_groups: [sg("obot-eks-obot-system")], web_groups: [wg("obot-eks-obot-system-egress")] });
  });

  test("THEN no default action; MCP servers and obot-system are closed after the K8S block (after their FirewallPolicies)", () => {
    expect(json.resource.aviatrix_distributed_firewalling_default_action_rule).toBeUndefined();
    const closing = containmentRules(json);
    expect(Object.keys(closing)).toEqual(["contain-obot-system", "contain-obot-mcp-servers", "contain-kube-system-internet", "contain-nodes-internet"]);
    expect(closing["contain-obot-mcp-servers"].src_smart_groups).toEqual([sg("obot-eks-obot-mcp-servers")]);
  });

  test("THEN groups: nodes by the EKS cluster tag, obot-system and obot-mcp by cluster ARN + namespace", () => {
    const groups = byName(json, "aviatrix_smart_group");
    expect(Object.keys(groups).sort()).toEqual(["obot-eks-kube-system", "obot-eks-nodes", "obot-eks-obot-mcp-servers", "obot-eks-obot-system"]);
    expect(groups["obot-eks-nodes"].selector.match_expressions).toEqual([{ type: "vm", tags: { "eks:cluster-name": "obot-eks-eks" } }]);
    expect(groups["obot-eks-obot-system"].selector.match_expressions).toEqual([
      { type: "k8s", k8s_cluster_id: "${aws_eks_cluster.cluster.arn}", k8s_namespace: "obot-system" },
    ]);
    expect(groups["obot-eks-obot-mcp-servers"].selector.match_expressions).toEqual([
      { type: "k8s", k8s_cluster_id: "${aws_eks_cluster.cluster.arn}", k8s_namespace: "obot-mcp" },
    ]);
    expect(Object.keys(byName(json, "aviatrix_web_group")).sort()).toEqual([
      "obot-eks-k8s-control-plane",
      "obot-eks-obot-images",
      "obot-eks-obot-system-egress",
    ]);
  });
});

test("GIVEN the blueprints in discover mode WHEN synthesized THEN every rule watches and no default action is managed", () => {
  for (const add of [addLibreChatAks, addObotEks]) {
    const json = synthJson(add(testApp({ [MODE_CONTEXT_KEY]: "discover" })));
    expect(Object.values(v1Rules(json)).every((r: any) => r.watch === true)).toBe(true);
    expect(Object.values(containmentRules(json)).every((r: any) => r.watch === true)).toBe(true);
    expect(json.resource.aviatrix_distributed_firewalling_default_action_rule).toBeUndefined();
  }
});

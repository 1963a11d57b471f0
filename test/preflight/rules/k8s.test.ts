import { ANYWHERE, expectFindings, findingsOf, model, OK_POLICY, OK_WEB, rule, stackWith, statuses } from "../helpers";
import type { PreflightFact } from "../../../lib/preflight/facts";

const chart: PreflightFact = { kind: "k8s-firewall-chart", clusterKey: "aks", chartVersion: "10.1.0", address: "helm_release.k8s_firewall" };

describe("AVX-K8S1: pod SNAT disabled", () => {
  test("non-compliant: EKS with default SNAT names the cloud-specific fix", () => {
    const f = expectFindings(stackWith([{ kind: "kubernetes-cluster", clusterKey: "eks", cloud: "eks", podSnatDisabled: false }]).preflight, "AVX-K8S1", [
      {
        id: "AVX-K8S1[eks]",
        status: "non-compliant",
        severity: "error",
        constructPath: "test-stack/facts",
        got: "EKS default SNAT",
        fix: expect.stringContaining("AWS_VPC_K8S_CNI_EXTERNALSNAT"),
      },
    ]);
    expect(f.map((x) => x.message)).toMatchSnapshot();
  });
  test("compliant: disabled", () => {
    expect(statuses(stackWith([{ kind: "kubernetes-cluster", clusterKey: "aks", cloud: "aks", podSnatDisabled: true }]).preflight, "AVX-K8S1")).toEqual([
      "compliant",
    ]);
  });
});

describe("AVX-K8S2: CRD chart before onboarding and Obot", () => {
  test("non-compliant: onboarding without depends_on, Obot without a chart on its cluster", () => {
    const { preflight } = stackWith([
      chart,
      { kind: "cluster-onboarding", clusterKey: "aks", dependsOn: [] },
      { kind: "obot", clusterKey: "other", version: "0.21.0", dependsOn: [] },
    ]);
    expect(findingsOf(preflight, "AVX-K8S2").map((f) => `${f.status} ${f.got} / ${f.want}`)).toEqual([
      "non-compliant no depends_on / depends_on helm_release.k8s_firewall",
      "non-compliant no chart / k8s-firewall chart installed first",
    ]);
  });
  test("compliant: both depend on the chart (literal or ${} form)", () => {
    const { preflight } = stackWith([
      chart,
      { kind: "cluster-onboarding", clusterKey: "aks", dependsOn: ["helm_release.k8s_firewall"] },
      { kind: "obot", clusterKey: "aks", version: "0.21.0", dependsOn: ["${helm_release.k8s_firewall}"] },
    ]);
    expect(statuses(preflight, "AVX-K8S2")).toEqual(["compliant", "compliant"]);
  });
});

describe("AVX-K8S3: no V1 deny-all with a K8S tier", () => {
  const v1Deny = rule("deny-pods", { priority: 3, action: "DENY", protocol: "ANY", portRanges: [], dstGroups: ["internet"] });
  test("non-compliant: V1 deny to the internet while FirewallPolicies are used", () => {
    const m = model([rule("llm", { webGroups: ["llm"] }), v1Deny, rule("crd", { tier: "K8S", webGroups: ["llm"] })], [OK_WEB]);
    const found = expectFindings(stackWith([{ kind: "dcf-policy", model: m, mode: "enforce" }]).preflight, "AVX-K8S3", [
      {
        status: "non-compliant",
        severity: "error",
        constructPath: "test-stack/facts",
        cause: expect.stringMatching(/DENY "deny-pods" .* FirewallPolicy permit "crd"/),
      },
    ]);
    expect(found.map((f) => f.message)).toMatchSnapshot();
  });
  test("non-compliant: the K8S tier comes from FirewallPolicy objects or Obot, not the V1 pack", () => {
    const m = model([rule("llm", { webGroups: ["llm"] }), v1Deny], [OK_WEB]);
    const crd: PreflightFact = {
      kind: "firewall-policy-crd",
      clusterKey: "aks",
      objects: [
        {
          apiVersion: "networking.aviatrix.com/v1alpha1",
          kind: "FirewallPolicy",
          metadata: { name: "chat", namespace: "librechat" },
          spec: { rules: [{ name: "llm", action: "permit", destinationSmartGroups: [{ name: "x" }], protocol: "tcp" }] },
        },
      ],
    };
    const viaCrd = findingsOf(stackWith([{ kind: "dcf-policy", model: m, mode: "enforce" }, crd]).preflight, "AVX-K8S3");
    expect(viaCrd.map((f) => f.status)).toEqual(["non-compliant"]);
    expect(viaCrd[0].cause).toMatch(
      /DENY "deny-pods" \(V1 priority 3, before the K8S block\) can match traffic that FirewallPolicy permit "librechat\/chat\/llm" allows/,
    );
    const viaObot = findingsOf(
      stackWith([
        { kind: "dcf-policy", model: m, mode: "enforce" },
        { kind: "obot", clusterKey: "aks", version: "v0.21.0", dependsOn: [] },
      ]).preflight,
      "AVX-K8S3",
    );
    expect(viaObot.map((f) => f.status)).toEqual(["non-compliant"]);
    expect(viaObot[0].cause).toContain("Obot MCP server FirewallPolicies");
  });
  test("compliant: FirewallPolicy objects that only deny or watch add no permits to pre-empt", () => {
    const m = model([rule("llm", { webGroups: ["llm"] }), v1Deny], [OK_WEB]);
    const denyOnly: PreflightFact = {
      kind: "firewall-policy-crd",
      clusterKey: "aks",
      objects: [
        {
          apiVersion: "networking.aviatrix.com/v1alpha1",
          kind: "FirewallPolicy",
          metadata: { name: "lock", namespace: "x" },
          spec: {
            rules: [
              { name: "deny", action: "deny", destinationSmartGroups: [{ name: "x" }], protocol: "any" },
              { name: "w", action: "permit", watch: true, destinationSmartGroups: [{ name: "x" }], protocol: "any" },
            ],
          },
        },
      ],
    };
    expect(statuses(stackWith([{ kind: "dcf-policy", model: m, mode: "enforce" }, denyOnly]).preflight, "AVX-K8S3")).toEqual(["compliant"]);
  });
  test("compliant: deny only in POST_RULES; not applicable without a K8S tier", () => {
    const m = model([rule("llm", { webGroups: ["llm"] }), rule("crd", { tier: "K8S", webGroups: ["llm"] })], [OK_WEB]);
    expect(statuses(stackWith([{ kind: "dcf-policy", model: m, mode: "enforce" }]).preflight, "AVX-K8S3")).toEqual(["compliant"]);
    const noK8s = model([v1Deny], [], { smartGroups: { anywhere: ANYWHERE } });
    expect(statuses(stackWith([{ kind: "dcf-policy", model: noK8s, mode: "enforce" }]).preflight, "AVX-K8S3")).toEqual([]);
  });
});

describe("AVX-K8S4: cluster onboarding for k8s SmartGroups", () => {
  const withPods = model([rule("pods", { srcGroups: ["pods"], webGroups: ["llm"] })], [OK_WEB], {
    smartGroups: {
      ...OK_POLICY.smartGroups,
      pods: {
        key: "pods",
        name: "librechat-pods",
        kind: "selector",
        expressions: [{ type: "k8s", k8sClusterId: "aks-1", k8sNamespace: "librechat", tags: { app: "librechat" } }],
      },
    },
  });
  test("non-compliant: no onboarding, or onboarding of another cluster", () => {
    expect(findingsOf(stackWith([{ kind: "dcf-policy", model: withPods, mode: "enforce" }]).preflight, "AVX-K8S4").map((f) => [f.id, f.status])).toEqual([
      ["AVX-K8S4[librechat-pods]", "non-compliant"],
    ]);
    const other = stackWith([
      { kind: "dcf-policy", model: withPods, mode: "enforce" },
      { kind: "cluster-onboarding", clusterKey: "x", clusterId: "eks-9", dependsOn: [] },
    ]);
    expect(statuses(other.preflight, "AVX-K8S4")).toEqual(["non-compliant"]);
  });
  test("compliant: the cluster is onboarded", () => {
    const ok = stackWith([
      { kind: "dcf-policy", model: withPods, mode: "enforce" },
      { kind: "cluster-onboarding", clusterKey: "aks", clusterId: "aks-1", dependsOn: [] },
    ]);
    expect(statuses(ok.preflight, "AVX-K8S4")).toEqual(["compliant"]);
  });
});

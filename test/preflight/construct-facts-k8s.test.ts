// AVX-K8S1..4 on stacks built from the REAL library constructs (no fact doubles): the facts the
// constructs declare, and the clusterKey scheme that ties one cluster's constructs together.
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import type { TerraformStack } from "../../lib/core/cdktf";
import { DcfPolicyPack, FirewallPolicy, ManagedSmartGroup, SmartGroup, WebGroup } from "../../lib/constructs/dcf";
import { K8sFirewallChart } from "../../lib/constructs/kubernetes/k8s-firewall-chart";
import { KubernetesCloud } from "../../lib/constructs/kubernetes/kubernetes-cloud";
import { KubernetesClusterOnboarding } from "../../lib/constructs/kubernetes/kubernetes-cluster-onboarding";
import type { KubernetesProviders } from "../../lib/constructs/kubernetes/kubernetes-providers";
import { EksSnatMethod, PodSnatDisabled } from "../../lib/constructs/kubernetes/pod-snat-disabled";
import { ObotPlatform } from "../../lib/constructs/workloads/obot-platform";
import { Select } from "../../lib/dcf/builder/selectors";
import { RuleContext } from "../../lib/preflight/context";
import { addPreflightFacts } from "../../lib/preflight/facts";
import { givenConstructStack, ruleResults } from "./construct-helpers";

const AKS_ID = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-lab";
const EKS_ARN = "arn:aws:eks:eu-west-1:123456789012:cluster/eks-lab";

const given = () => givenConstructStack({ preflight: { controllerVersion: "9.0" } });

describe("clusterKey scheme", () => {
  test("GIVEN constructs on one KubernetesProviders WHEN keyed THEN they share its path; the onboarding follows its chart", () => {
    const { stack, providers } = given();
    const chart = new K8sFirewallChart(stack, "crds", { version: "10.1.0", providers });
    const snat = new PodSnatDisabled(stack, "snat", { cloud: KubernetesCloud.AKS, providers });
    const onboarding = new KubernetesClusterOnboarding(stack, "onboard", { cloud: KubernetesCloud.AKS, clusterId: AKS_ID, firewallChart: chart });
    expect([chart.clusterKey, snat.clusterKey, onboarding.clusterKey]).toEqual(["s/k8s", "s/k8s", "s/k8s"]);
    const bare = new K8sFirewallChart(stack, "crds-default", { version: "10.1.0" });
    expect(bare.clusterKey).toBe("default");
    expect(new PodSnatDisabled(stack, "snat-x", { cloud: KubernetesCloud.AKS, clusterKey: "aks-lab" }).clusterKey).toBe("aks-lab");
  });
});

describe("AVX-K8S1 with real constructs", () => {
  test("GIVEN an onboarded AKS cluster without PodSnatDisabled WHEN evaluated THEN non-compliant on the onboarding", () => {
    const { stack, preflight, providers } = given();
    const chart = new K8sFirewallChart(stack, "crds", { version: "10.1.0", providers });
    new KubernetesClusterOnboarding(stack, "onboard", { cloud: KubernetesCloud.AKS, clusterId: AKS_ID, firewallChart: chart });
    expect(ruleResults(preflight, "AVX-K8S1")).toEqual(["non-compliant AVX-K8S1[s/k8s] @ s/onboard"]);
    const finding = preflight.evaluate().findings.find((f) => f.ruleId === "AVX-K8S1")!;
    expect(finding.fix).toMatch(/azure-ip-masq-agent-config .* add PodSnatDisabled with the same providers/);
  });

  test("GIVEN PodSnatDisabled on the same providers WHEN evaluated THEN compliant on the PodSnatDisabled", () => {
    const { stack, preflight, providers } = given();
    const chart = new K8sFirewallChart(stack, "crds", { version: "10.1.0", providers });
    new KubernetesClusterOnboarding(stack, "onboard", { cloud: KubernetesCloud.AKS, clusterId: AKS_ID, firewallChart: chart });
    new PodSnatDisabled(stack, "snat", { cloud: KubernetesCloud.AKS, providers });
    expect(ruleResults(preflight, "AVX-K8S1")).toEqual(["compliant AVX-K8S1[s/k8s] @ s/snat"]);
  });

  test("GIVEN the EKS add-on without providers WHEN keyed THEN it is another cluster, until clusterKey ties them", () => {
    const { stack, preflight, providers } = given();
    const chart = new K8sFirewallChart(stack, "crds", { version: "10.1.0", providers });
    new KubernetesClusterOnboarding(stack, "onboard", { cloud: KubernetesCloud.EKS, clusterId: EKS_ARN, firewallChart: chart });
    new PodSnatDisabled(stack, "snat", { cloud: KubernetesCloud.EKS, eks: { clusterName: "eks-lab", method: EksSnatMethod.ADDON } });
    expect(ruleResults(preflight, "AVX-K8S1")).toEqual(["compliant AVX-K8S1[default] @ s/snat", "non-compliant AVX-K8S1[s/k8s] @ s/onboard"]);

    const fixed = given();
    const fixedChart = new K8sFirewallChart(fixed.stack, "crds", { version: "10.1.0", providers: fixed.providers });
    new KubernetesClusterOnboarding(fixed.stack, "onboard", { cloud: KubernetesCloud.EKS, clusterId: EKS_ARN, firewallChart: fixedChart });
    new PodSnatDisabled(fixed.stack, "snat", { cloud: KubernetesCloud.EKS, eks: { clusterName: "eks-lab" }, clusterKey: fixedChart.clusterKey });
    expect(ruleResults(fixed.preflight, "AVX-K8S1")).toEqual(["compliant AVX-K8S1[s/k8s] @ s/snat"]);
  });

  test("GIVEN a CUSTOM cluster WHEN onboarded THEN pod SNAT is not checked (no PodSnatDisabled exists for it)", () => {
    const { stack, preflight } = given();
    new KubernetesClusterOnboarding(stack, "onboard", {
      cloud: KubernetesCloud.CUSTOM,
      clusterId: "kubeadm-lab",
      credentials: { useCspCredentials: true },
      clusterDetails: {
        accountName: "a",
        accountId: "1",
        name: "n",
        region: "r",
        vpcId: "v",
        isPubliclyAccessible: false,
        platform: "kubeadm",
        version: "1.30",
      },
    });
    expect(ruleResults(preflight, "AVX-K8S1")).toEqual([]);
  });
});

describe("AVX-K8S2 with real constructs", () => {
  test("GIVEN onboarding and Obot wired to the chart WHEN evaluated THEN both compliant", () => {
    const { stack, preflight, providers } = given();
    const chart = new K8sFirewallChart(stack, "crds", { version: "10.1.0", providers });
    new KubernetesClusterOnboarding(stack, "onboard", { cloud: KubernetesCloud.AKS, clusterId: AKS_ID, firewallChart: chart });
    new ObotPlatform(stack, "obot", { version: "v0.21.0", firewallChart: chart, providers });
    expect(ruleResults(preflight, "AVX-K8S2")).toEqual(["compliant AVX-K8S2[s/k8s] @ s/onboard", "compliant AVX-K8S2[s/k8s] @ s/obot"]);
  });

  test("GIVEN the chart on the cluster but not in depends_on WHEN evaluated THEN both non-compliant, naming the chart address", () => {
    const { stack, preflight, providers } = given();
    const chart = new K8sFirewallChart(stack, "crds", { version: "10.1.0", providers });
    const other = new NamespaceV1(stack, "unrelated", { metadata: { name: "unrelated" }, provider: providers.kubernetes });
    new KubernetesClusterOnboarding(stack, "onboard", { cloud: KubernetesCloud.AKS, clusterId: AKS_ID, clusterKey: chart.clusterKey });
    new ObotPlatform(stack, "obot", { version: "v0.21.0", providers, dependsOn: [other] });
    const found = preflight.evaluate().findings.filter((f) => f.ruleId === "AVX-K8S2");
    expect(found.map((f) => `${f.status} ${f.constructPath} want ${f.want}`)).toEqual([
      "non-compliant s/onboard want depends_on helm_release.crds_release_EF5F127E",
      "non-compliant s/obot want depends_on helm_release.crds_release_EF5F127E",
    ]);
  });

  test("GIVEN Obot on a cluster without any chart WHEN evaluated THEN non-compliant: no chart", () => {
    const { stack, preflight, providers } = given();
    new ObotPlatform(stack, "obot", { version: "v0.21.0", providers });
    expect(
      preflight
        .evaluate()
        .findings.filter((f) => f.ruleId === "AVX-K8S2")
        .map((f) => `${f.status} ${f.got}`),
    ).toEqual(["non-compliant no chart"]);
  });
});

describe("AVX-K8S3 with real constructs", () => {
  function pack(stack: TerraformStack, withV1DenyAll: boolean): void {
    const pods = new SmartGroup(stack, "pods", { name: "pods", matchExpressions: [Select.k8s({ cluster: AKS_ID, namespace: "librechat" })] });
    const llm = new WebGroup(stack, "llm", { name: "llm", domains: ["api.openai.com"] });
    const p = new DcfPolicyPack(stack, "dcf", { mode: "enforce" });
    p.addRule({
      name: "llm",
      priority: 10,
      action: "PERMIT",
      protocol: "TCP",
      ports: [443],
      src: [pods],
      dst: [ManagedSmartGroup.publicInternet()],
      webGroups: [llm],
    });
    if (withV1DenyAll) p.addRule({ name: "deny-pods", priority: 20, action: "DENY", protocol: "ANY", src: [pods], dst: [ManagedSmartGroup.publicInternet()] });
  }
  function firewallPolicy(stack: TerraformStack, providers: KubernetesProviders): void {
    new FirewallPolicy(stack, "chat", {
      namespace: "librechat",
      provider: providers.kubernetes,
      rules: [
        {
          name: "github",
          action: "PERMIT",
          protocol: "TCP",
          ports: [443],
          dst: [ManagedSmartGroup.publicInternet()],
          webGroups: [{ key: "gh", name: "gh", kind: "domains", matches: [{ sni: "github.com" }] }],
        },
      ],
    });
  }

  test("GIVEN a V1 deny-all and a FirewallPolicy construct WHEN evaluated THEN non-compliant: the CRD permit is pre-empted", () => {
    const { stack, preflight, providers } = given();
    pack(stack, true);
    firewallPolicy(stack, providers);
    const found = preflight.evaluate().findings.filter((f) => f.ruleId === "AVX-K8S3");
    expect(found.map((f) => `${f.status} @ ${f.constructPath}`)).toEqual(["non-compliant @ s/dcf"]);
    expect(found[0].cause).toMatch(
      /DENY "deny-pods" \(V1 priority 20, before the K8S block\) can match traffic that FirewallPolicy permit "librechat\/chat\/github" allows/,
    );
  });

  test("GIVEN no V1 deny-all WHEN a FirewallPolicy is applied THEN compliant; without any K8S tier THEN not applicable", () => {
    const ok = given();
    pack(ok.stack, false);
    firewallPolicy(ok.stack, ok.providers);
    expect(ruleResults(ok.preflight, "AVX-K8S3")).toEqual(["compliant AVX-K8S3 @ s/dcf"]);
    const noTier = given();
    pack(noTier.stack, true);
    expect(ruleResults(noTier.preflight, "AVX-K8S3")).toEqual([]);
  });

  test("GIVEN a FirewallPolicy rendered only as YAML (GitOps) WHEN evaluated THEN the stack applies no K8S tier", () => {
    const { stack, preflight } = given();
    pack(stack, true);
    new FirewallPolicy(stack, "gitops", {
      namespace: "librechat",
      renderManifest: false,
      rules: [{ name: "github", action: "PERMIT", protocol: "TCP", ports: [443], dst: [ManagedSmartGroup.publicInternet()] }],
    });
    expect(ruleResults(preflight, "AVX-K8S3")).toEqual([]);
  });
});

describe("AVX-K8S4 with real constructs", () => {
  function podsPack(stack: TerraformStack): void {
    const pods = new SmartGroup(stack, "pods", {
      name: "librechat-pods",
      matchExpressions: [Select.k8s({ cluster: AKS_ID.toLowerCase(), namespace: "librechat" })],
    });
    const llm = new WebGroup(stack, "llm", { name: "llm", domains: ["api.openai.com"] });
    new DcfPolicyPack(stack, "dcf", { mode: "enforce" }).addRule({
      name: "llm",
      priority: 10,
      action: "PERMIT",
      protocol: "TCP",
      ports: [443],
      src: [pods],
      dst: [ManagedSmartGroup.publicInternet()],
      webGroups: [llm],
    });
  }

  test("GIVEN a k8s SmartGroup without onboarding WHEN evaluated THEN non-compliant", () => {
    const { stack, preflight } = given();
    podsPack(stack);
    expect(ruleResults(preflight, "AVX-K8S4")).toEqual(["non-compliant AVX-K8S4[librechat-pods] @ s/dcf"]);
  });

  test("GIVEN the cluster onboarded (AKS id lower-cased like the selector) WHEN evaluated THEN compliant", () => {
    const { stack, preflight } = given();
    podsPack(stack);
    new KubernetesClusterOnboarding(stack, "onboard", { cloud: KubernetesCloud.AKS, clusterId: AKS_ID });
    expect(ruleResults(preflight, "AVX-K8S4")).toEqual(["compliant AVX-K8S4[librechat-pods] @ s/dcf"]);
  });
});

describe("attached facts replace a construct's own facts of that kind", () => {
  test("GIVEN a stack correcting the chart fact WHEN evaluated THEN only the attached one counts", () => {
    const { stack, preflight, providers } = given();
    const chart = new K8sFirewallChart(stack, "crds", { version: "10.1.0", providers });
    addPreflightFacts(chart, { kind: "k8s-firewall-chart", clusterKey: "cluster", chartVersion: "10.1.0", address: "helm_release.crds" });
    const charts = new RuleContext({ stack }).facts("k8s-firewall-chart");
    expect(charts.map((c) => c.fact.clusterKey)).toEqual(["cluster"]);
    // The onboarding keyed on the construct's own key finds no chart any more: the correction is visible.
    new KubernetesClusterOnboarding(stack, "onboard", { cloud: KubernetesCloud.AKS, clusterId: AKS_ID, firewallChart: chart });
    expect(
      preflight
        .evaluate()
        .findings.filter((f) => f.ruleId === "AVX-K8S2")
        .map((f) => f.got),
    ).toEqual(["no chart"]);
  });
});

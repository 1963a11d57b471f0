import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { compareText } from "../../dcf/builder/canonical";

/** AVX-K8S4: SmartGroups selecting Kubernetes workloads have the cluster onboarded. */
export const onboardingForLabelGroups: PreflightRule = {
  id: "AVX-K8S4",
  area: "K8S",
  name: "cluster-onboarding-for-k8s-smartgroups",
  severity: "error",
  cause: "a SmartGroup selects Kubernetes pods but the cluster is not onboarded, so the group stays empty",
  explanation:
    "type=k8s selectors (namespace, pod, service, labels) resolve through the controller's view of the cluster, which exists only " +
    "after aviatrix_kubernetes_cluster onboarding; otherwise the group is empty and its rules never match.",
  fix: "onboard the cluster (KubernetesClusterOnboarding / aviatrix_kubernetes_cluster) with the cluster id the selector uses",
  suppressible: false,
  reads: "dcf-policy facts (SmartGroups with type k8s) and cluster-onboarding facts (clusterId)",
  check(ctx): readonly RuleCheck[] {
    const onboarded = ctx.facts("cluster-onboarding").map((o) => o.fact.clusterId);
    const checks: RuleCheck[] = [];
    for (const { node, fact } of ctx.facts("dcf-policy")) {
      for (const group of Object.values(fact.model.smartGroups).sort((a, b) => compareText(a.key, b.key))) {
        const k8sExprs = group.expressions.filter((e) => e.type === "k8s");
        if (!k8sExprs.length) continue;
        const missing = k8sExprs.filter((e) => !onboarded.some((id) => id === undefined || e.k8sClusterId === undefined || id === e.k8sClusterId));
        checks.push(
          missing.length
            ? fail(node, {
                findingId: group.name,
                got: `no onboarding for ${missing.map((e) => e.k8sClusterId ?? "<any cluster>").join(", ")}`,
                want: "aviatrix_kubernetes_cluster for the cluster",
              })
            : pass(node, { findingId: group.name }),
        );
      }
    }
    return checks;
  },
};

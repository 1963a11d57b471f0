import type { IConstruct } from "constructs";
import { show } from "../context";
import { isUnresolved } from "../../core/construct-props-error";
import { fail, pass, type PreflightRule, type RuleCheck, unknown } from "../rule";

type Cloud = "aks" | "eks" | "gke";

const HOW: Record<Cloud, string> = {
  aks: "ConfigMap kube-system/azure-ip-masq-agent-config with nonMasqueradeCIDRs [0.0.0.0/0] (Azure CNI)",
  eks: 'aws_eks_addon vpc-cni configuration AWS_VPC_K8S_CNI_EXTERNALSNAT="true" (nodes in private subnets)',
  gke: "google_container_cluster default_snat_status { disabled = true } (VPC-native)",
};

/** AVX-K8S1: the cloud's pod SNAT is disabled so the spoke gateway sees pod IPs. */
export const podSnatDisabled: PreflightRule = {
  id: "AVX-K8S1",
  area: "K8S",
  name: "pod-snat-disabled",
  severity: "error",
  cause: "pods are SNATed to the node IP before reaching the spoke gateway, so pod/namespace/label SmartGroups never match",
  explanation:
    "DCF identifies Kubernetes workloads by pod IP. With the cloud's default SNAT (AKS ip-masq-agent, EKS VPC CNI SNAT, GKE default " +
    "SNAT) the gateway only sees node IPs: label rules miss and traffic falls through to broader rules (research docs/research/k8s-obot-crds.md §5.3). " +
    "Every onboarded EKS/AKS/GKE cluster needs a PodSnatDisabled (kubernetes-cluster fact) with the same cluster key.",
  fix:
    "disable pod SNAT for the cloud (PodSnatDisabled with the same providers/clusterKey as the onboarding): " +
    Object.entries(HOW)
      .map(([k, v]) => `${k.toUpperCase()}: ${v}`)
      .join("; "),
  suppressible: false,
  reads: "kubernetes-cluster facts (clusterKey, cloud, podSnatDisabled) and cluster-onboarding facts (clusterKey, cloud)",
  check(ctx): readonly RuleCheck[] {
    const clusters = new Map<string, { node: IConstruct; cloud: Cloud; states: Array<{ node: IConstruct; value: boolean | string }> }>();
    for (const { node, fact } of ctx.facts("kubernetes-cluster")) {
      const c = clusters.get(fact.clusterKey) ?? { node, cloud: fact.cloud, states: [] };
      c.states.push({ node, value: fact.podSnatDisabled });
      clusters.set(fact.clusterKey, c);
    }
    for (const { node, fact } of ctx.facts("cluster-onboarding")) {
      if (fact.cloud === "aks" || fact.cloud === "eks" || fact.cloud === "gke") {
        if (!clusters.has(fact.clusterKey)) clusters.set(fact.clusterKey, { node, cloud: fact.cloud, states: [] });
      }
    }
    return [...clusters].map(([key, { node, cloud, states }]) => {
      const disabled = states.find((s) => s.value === true);
      if (disabled) return pass(disabled.node, { findingId: key });
      const token = states.find((s) => isUnresolved(s.value));
      if (token) return unknown(token.node, { findingId: key, got: show(token.value), want: "pod SNAT disabled" });
      const fix = `disable pod SNAT: ${HOW[cloud]}`;
      if (!states.length) {
        return fail(node, {
          findingId: key,
          cause: `cluster ${key} (${cloud.toUpperCase()}) is onboarded but nothing turns its pod SNAT off, so pod SmartGroups never match`,
          got: "no PodSnatDisabled for this cluster key",
          want: "pod SNAT disabled",
          fix: `${fix} — add PodSnatDisabled with the same providers (or clusterKey)`,
        });
      }
      return fail(states[0].node, { findingId: key, got: `${cloud.toUpperCase()} default SNAT`, want: "pod SNAT disabled", fix });
    });
  },
};

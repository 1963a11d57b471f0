import { isToken, show } from "../context";
import { fail, pass, type PreflightRule, type RuleCheck, unknown } from "../rule";

const HOW: Record<"aks" | "eks" | "gke", string> = {
  aks: "ConfigMap kube-system/azure-ip-masq-agent-config with nonMasqueradeCIDRs [0.0.0.0/0] (Azure CNI)",
  eks: "aws_eks_addon vpc-cni configuration AWS_VPC_K8S_CNI_EXTERNALSNAT=\"true\" (nodes in private subnets)",
  gke: "google_container_cluster default_snat_status { disabled = true } (VPC-native)",
};

/** AVX-K8S1: the cloud's pod SNAT is disabled so the spoke gateway sees pod IPs. */
export const podSnatDisabled: PreflightRule = {
  id: "AVX-K8S1",
  area: "K8S",
  name: "pod-snat-disabled",
  level: "ERROR",
  cause: "pods are SNATed to the node IP before reaching the spoke gateway, so pod/namespace/label SmartGroups never match",
  explanation:
    "DCF identifies Kubernetes workloads by pod IP. With the cloud's default SNAT (AKS ip-masq-agent, EKS VPC CNI SNAT, GKE default " +
    "SNAT) the gateway only sees node IPs: label rules miss and traffic falls through to broader rules (research k8s-obot-crds.md §5.3).",
  fix: "disable pod SNAT for the cloud: " + Object.entries(HOW).map(([k, v]) => `${k.toUpperCase()}: ${v}`).join("; "),
  suppressible: false,
  reads: "kubernetes-cluster facts (cloud, podSnatDisabled)",
  check(ctx): readonly RuleCheck[] {
    return ctx.facts("kubernetes-cluster").map(({ node, fact }) => {
      if (isToken(fact.podSnatDisabled)) return unknown(node, { findingId: fact.clusterKey, got: show(fact.podSnatDisabled), want: "pod SNAT disabled" });
      return fact.podSnatDisabled === true
        ? pass(node, { findingId: fact.clusterKey })
        : fail(node, { findingId: fact.clusterKey, got: `${fact.cloud.toUpperCase()} default SNAT`, want: "pod SNAT disabled", fix: `disable pod SNAT: ${HOW[fact.cloud]}` });
    });
  },
};

/** Where a cluster runs; decides the onboarding cluster_id form and the pod-SNAT mechanism. */
export enum KubernetesCloud {
  /** Amazon EKS: cluster_id is the cluster ARN; pod SNAT off via vpc-cni AWS_VPC_K8S_CNI_EXTERNALSNAT. */
  EKS = "EKS",
  /** Azure AKS (Azure CNI): cluster_id is the resource id; pod SNAT off via azure-ip-masq-agent-config. */
  AKS = "AKS",
  /** Google GKE (VPC-native): cluster_id is the cluster self link; pod SNAT off via default_snat_status. */
  GKE = "GKE",
  /** A cluster the CSP does not manage (kubeadm, kops, ...): onboarding needs cluster_details. */
  CUSTOM = "CUSTOM",
}

export const KUBERNETES_CLOUDS: readonly KubernetesCloud[] = [KubernetesCloud.EKS, KubernetesCloud.AKS, KubernetesCloud.GKE, KubernetesCloud.CUSTOM];

// What the constructs read from a user's cluster resource, as structural types: a cluster from any
// release of @cdktf/provider-azurerm / -google (or the @cdktn ones) fits, where the provider's own
// class would fail ("types have separate declarations of a private property") as soon as the app's
// provider version differs from ours. Only the attributes used are listed.
import type { IConstruct } from "constructs";
import type { IResolvable, ITerraformDependable } from "../../core/cdktf";

/** One kube_config / kube_admin_config block of azurerm_kubernetes_cluster. */
export interface AksKubeConfigShape {
  readonly host: string;
  readonly clientCertificate: string;
  readonly clientKey: string;
  readonly clusterCaCertificate: string;
}

/** azurerm_kubernetes_cluster as KubernetesProviders.forAks reads it (any provider-azurerm release). */
export interface AksClusterShape {
  readonly kubeConfig: { get(index: number): AksKubeConfigShape };
  readonly kubeAdminConfig: { get(index: number): AksKubeConfigShape };
}

/** google_container_cluster as KubernetesProviders.forGke reads it (any provider-google release). */
export interface GkeClusterShape {
  readonly endpoint: string;
  readonly masterAuth: { readonly clusterCaCertificate: string };
}

/** google_container_cluster as PodSnatDisabled sets default_snat_status on it. */
export interface GkeSnatClusterShape extends IConstruct, ITerraformDependable {
  putDefaultSnatStatus(value: { readonly disabled: boolean | IResolvable }): void;
}

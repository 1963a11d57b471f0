import { TerraformProvider } from "../../core/cdktf";

/**
 * The Kubernetes and Helm providers a construct should use for its resources.
 * `KubernetesProviders` implements it; leave fields unset to use the stack's default providers.
 */
export interface IClusterProviderSet {
  /** Provider for kubernetes_* resources. @default - the stack's default kubernetes provider */
  readonly kubernetes?: TerraformProvider;
  /** Provider for helm_release resources. @default - the stack's default helm provider */
  readonly helm?: TerraformProvider;
}

// Which cluster a Kubernetes construct deploys to, as one string, so preflight can correlate
// the CRD chart, onboarding, pod SNAT, FirewallPolicies and Obot of the same cluster (AVX-K8S1,
// AVX-K8S2, AVX-CTRL4). Scheme: an explicit `clusterKey` prop, else the construct path of the
// KubernetesProviders it deploys with, else the provider alias, else "default" (the stack's
// default providers: one cluster).
import type { IConstruct } from "constructs";
import type { TerraformProvider } from "../../core/cdktf";
import type { IClusterProviderSet } from "./cluster-providers";

/** Brand of KubernetesProviders (Symbol.for: works across package copies). */
export const KUBERNETES_PROVIDERS_BRAND = Symbol.for("vca-cdktf.KubernetesProviders");
/** The key of constructs on the stack's default kubernetes/helm providers. */
export const DEFAULT_CLUSTER_KEY = "default";

function isProvidersConstruct(x: unknown): x is IConstruct {
  return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[KUBERNETES_PROVIDERS_BRAND] === true;
}

function keyOfProvider(provider: TerraformProvider): string {
  const scope = provider.node.scope;
  if (isProvidersConstruct(scope)) return scope.node.path;
  return provider.alias !== undefined ? `alias:${provider.alias}` : DEFAULT_CLUSTER_KEY;
}

/** The cluster key for `explicit ?? providers`. */
export function clusterKeyOf(explicit: string | undefined, providers?: IClusterProviderSet | TerraformProvider): string {
  if (explicit !== undefined) return explicit;
  if (providers === undefined) return DEFAULT_CLUSTER_KEY;
  if (isProvidersConstruct(providers)) return providers.node.path;
  const set = providers as IClusterProviderSet & Partial<TerraformProvider>;
  if (typeof set.terraformResourceType === "string") return keyOfProvider(providers as TerraformProvider);
  const one = set.kubernetes ?? set.helm;
  return one ? keyOfProvider(one) : DEFAULT_CLUSTER_KEY;
}

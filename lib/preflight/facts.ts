// What preflight knows about a construct, declared by the construct itself. Rules read these
// facts (and the policy model inside them) instead of parsing synthesized JSON strings.
//
// How a construct author opts in (either way works across package copies — brand checks use
// Symbol.for, never instanceof):
//   class SpokeGateway extends Construct implements PreflightFactSource {
//     public [PREFLIGHT_FACTS](): readonly PreflightFact[] { return [{ kind: "immutable-binding", ... }]; }
//   }
// or, from a stack composing plain resources: addPreflightFacts(resource, { kind: "obot", ... }).
// Facts attached with addPreflightFacts replace the construct's own facts of the same kind (a
// stack may correct what a library construct declares; the two never double-count).
// clusterKey ties the facts of one Kubernetes cluster together (chart, onboarding, pod SNAT,
// FirewallPolicies, Obot): the constructs' `clusterKey` prop, else the path of the
// KubernetesProviders they deploy with, else "default" (lib/constructs/kubernetes/cluster-key.ts).
// Facts are read lazily at synth, so a construct may return values that are set after it was
// created. Values that are Terraform tokens are fine: rules report them as "unknown" (never pass).
import type { IConstruct } from "constructs";
import type { FirewallPolicyObject } from "../dcf/crd/firewall-policy-types";
import type { PolicyMode, PolicyModel } from "../dcf/model";
import type { PublishedChartName } from "../constructs/kubernetes/published-charts";

export const PREFLIGHT_FACTS = Symbol.for("vca-cdktf.preflight.facts");
const ATTACHED_FACTS = Symbol.for("vca-cdktf.preflight.attached-facts");

/** The Aviatrix provider of a stack: the controller release the stack targets. */
export interface AviatrixProviderFact {
  readonly kind: "aviatrix-provider";
  /** Controller release, e.g. "8.2.10" or "9.0". */
  readonly controllerVersion?: string;
  /** The provider version constraint emitted in required_providers (e.g. "~> 9.0.0"). @default - read from the provider construct */
  readonly providerVersion?: string;
}

/** A DCF policy (DcfPolicyPack): the pure model it renders and the discover/enforce switch. */
export interface DcfPolicyFact {
  readonly kind: "dcf-policy";
  readonly model: PolicyModel;
  readonly mode: PolicyMode;
}

/** A controller feature flag turned on through aviatrix_config_feature (DcfFeature). */
export interface DcfFeatureFact {
  readonly kind: "dcf-feature";
  readonly feature: string;
}

/** A DCF MITM CA (aviatrix_dcf_mitm_ca / selection). */
export interface MitmCaFact {
  readonly kind: "mitm-ca";
  /** Kubernetes namespaces whose workloads get the CA (its ConfigMap; AVX-K8S6). @default - none */
  readonly namespaces?: readonly string[];
}

/** LibreChat workload options that need controller features. */
export interface LibreChatFact {
  readonly kind: "librechat";
  readonly tlsDecryption: boolean;
  readonly urlPathVisibility: boolean;
}

/** FirewallPolicy CRD objects a construct applies (FirewallPolicy, LibreChat, Obot renderers). */
export interface FirewallPolicyCrdFact {
  readonly kind: "firewall-policy-crd";
  readonly objects: readonly FirewallPolicyObject[];
  /** Cluster the objects are applied to (matches K8sFirewallChartFact.clusterKey). */
  readonly clusterKey: string;
  /** Chart version the objects are written for; used only when no chart fact has the same clusterKey. @default - the version of the chart fact with the same clusterKey */
  readonly chartVersion?: string;
}

/** The Aviatrix k8s-firewall Helm chart (installs the FirewallPolicy CRDs). */
export interface K8sFirewallChartFact {
  readonly kind: "k8s-firewall-chart";
  readonly clusterKey: string;
  readonly chartVersion: string;
  /** Terraform address of the helm_release (what dependents must depend on). */
  readonly address: string;
}

/** A Helm chart a construct installs from a public repository (published-version check, AVX-K8S5). */
export interface HelmChartFact {
  readonly kind: "helm-chart";
  readonly chart: PublishedChartName;
  readonly version: string;
  /** Terraform address of the helm_release that installs it (or, for the NPC, the release that makes Obot install it). */
  readonly address: string;
}

/** aviatrix_kubernetes_cluster onboarding of a cluster. */
export interface ClusterOnboardingFact {
  readonly kind: "cluster-onboarding";
  readonly clusterKey: string;
  /**
   * Where the cluster runs: pods of an onboarded EKS/AKS/GKE cluster must reach the gateway
   * un-SNATed (AVX-K8S1 expects a kubernetes-cluster fact with the same clusterKey).
   * @default - not checked for pod SNAT
   */
  readonly cloud?: "aks" | "eks" | "gke" | "custom";
  /** The cluster id used by k8s SmartGroup selectors (k8sClusterId). @default - matches any selector */
  readonly clusterId?: string;
  /** Terraform addresses this onboarding depends on (depends_on or references). */
  readonly dependsOn: readonly string[];
}

/** The Obot platform Helm release. */
export interface ObotFact {
  readonly kind: "obot";
  readonly clusterKey: string;
  readonly version: string;
  /** Namespace of the MCP server pods (their FirewallPolicies live there). @default - unknown: any pod */
  readonly mcpNamespace?: string;
  readonly dependsOn: readonly string[];
}

/** A Kubernetes cluster whose pods egress through the spoke gateway. */
export interface KubernetesClusterFact {
  readonly kind: "kubernetes-cluster";
  readonly clusterKey: string;
  readonly cloud: "aks" | "eks" | "gke";
  /**
   * Whether the cloud's pod SNAT is turned off so pod IPs reach the gateway (AKS ip-masq-agent
   * nonMasqueradeCIDRs 0.0.0.0/0, EKS AWS_VPC_K8S_CNI_EXTERNALSNAT=true, GKE default_snat_status
   * disabled). A token string means "only known at plan time".
   */
  readonly podSnatDisabled: boolean | string;
}

/**
 * Values bound into something that cannot be updated in place (e.g. the Foundry capability
 * host: agent subnet CIDR, UDR next hop, spoke gateway IP). Recorded by `vca preflight lock`;
 * any later change fails synth unless acknowledged as a planned full teardown. Values may be
 * Terraform references: they are locked and compared by their expression text
 * (`${aviatrix_spoke_gateway.x.private_ip}`), literals by value (lib/preflight/binding-values.ts).
 */
export interface ImmutableBindingFact {
  readonly kind: "immutable-binding";
  /** Stable key in the baseline file, e.g. "foundry/capability-host". */
  readonly key: string;
  readonly description: string;
  readonly values: Readonly<Record<string, string>>;
  /** Resource that gets a plan-time precondition (AVX-IMM1) re-checking the locked literal values. @default - no precondition */
  readonly guard?: IConstruct;
  /**
   * The object the guard is bound through: a resource whose `input` map holds `values` by name
   * (a terraform_data the guard's replace_triggered_by names). The precondition reads the values
   * from it, because Terraform rejects a condition that refers to no object.
   * @default - no precondition (a literal-only condition is invalid Terraform)
   */
  readonly boundThrough?: IConstruct;
}

/** Microsoft Foundry hosted agents behind a spoke gateway (FoundryByoVnetStack). */
export interface FoundryHostedAgentsFact {
  readonly kind: "foundry-hosted-agents";
  readonly networkMode: "byo-vnet" | "managed";
  /** Required ACA permits: each names the WebGroup or SmartGroup keys (policy model) one rule must permit. */
  readonly acaPermits: ReadonlyArray<{ readonly label: string; readonly webGroups?: readonly string[]; readonly dstGroups?: readonly string[] }>;
  /** CIDRs of the private endpoints used for inference (Foundry account, AI Search, storage...). */
  readonly privateEndpointCidrs: readonly string[];
  /** Routes of the agent subnet's route table. */
  readonly udrRoutes: ReadonlyArray<{ readonly addressPrefix: string; readonly nextHopIp?: string }>;
  readonly spokeGatewayIp: string;
}

/** A Bedrock AgentCore runtime (AgentCoreStack). */
export interface AgentCoreRuntimeFact {
  readonly kind: "agentcore-runtime";
  readonly networkMode: string;
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
  readonly approvedSubnets: readonly string[];
  readonly approvedSecurityGroups: readonly string[];
  /** The IAM guardrail (deny create/update outside the approved subnets/SGs) is attached. */
  readonly guardrailPolicyAttached: boolean;
}

export type PreflightFact =
  | AviatrixProviderFact
  | DcfPolicyFact
  | DcfFeatureFact
  | MitmCaFact
  | LibreChatFact
  | FirewallPolicyCrdFact
  | K8sFirewallChartFact
  | HelmChartFact
  | ClusterOnboardingFact
  | ObotFact
  | KubernetesClusterFact
  | ImmutableBindingFact
  | FoundryHostedAgentsFact
  | AgentCoreRuntimeFact;

export type PreflightFactKind = PreflightFact["kind"];

/** Implemented by constructs that declare facts (TypeScript-only: the symbol key has no jsii form). @internal */
export interface PreflightFactSource {
  [PREFLIGHT_FACTS](): readonly PreflightFact[];
}

/** Attaches facts to an existing construct (e.g. a plain provider resource inside a stack). */
export function addPreflightFacts(construct: IConstruct, ...facts: readonly PreflightFact[]): void {
  const holder = construct as unknown as Record<symbol, PreflightFact[] | undefined>;
  const list = holder[ATTACHED_FACTS] ?? [];
  list.push(...facts);
  holder[ATTACHED_FACTS] = list;
}

/** Every fact a construct declares: its own, with attached facts replacing own facts of their kind. */
export function factsOf(construct: IConstruct): readonly PreflightFact[] {
  const holder = construct as unknown as Record<symbol, unknown>;
  const own = typeof holder[PREFLIGHT_FACTS] === "function" ? (holder[PREFLIGHT_FACTS] as () => readonly PreflightFact[]).call(construct) : [];
  const attached = (holder[ATTACHED_FACTS] as readonly PreflightFact[] | undefined) ?? [];
  if (!attached.length) return own;
  const overridden = new Set(attached.map((f) => f.kind));
  return [...own.filter((f) => !overridden.has(f.kind)), ...attached];
}

/** The Terraform address (`type.name`) of a resource, for facts naming what depends on what. */
export function terraformAddressOf(resource: { readonly terraformResourceType: string; readonly friendlyUniqueId: string }): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

export function hasFacts(construct: IConstruct): boolean {
  const holder = construct as unknown as Record<symbol, unknown>;
  return typeof holder[PREFLIGHT_FACTS] === "function" || Array.isArray(holder[ATTACHED_FACTS]);
}

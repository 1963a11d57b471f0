// The pure Distributed Cloud Firewall policy model: plain, serialisable data shared by the
// constructs (render), the simulator (evaluate), the analyzer and the CLI. No cdktf imports.
// Facts: provider 10.0.1 schema (lib/aviatrix/schema), docs/research/aviatrix-provider-schema.md §5.

export const RULE_ACTIONS = ["PERMIT", "DENY", "DEEP_PACKET_INSPECTION_PERMIT", "INTRUSION_DETECTION_PERMIT"] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

export const PROTOCOLS = ["TCP", "UDP", "ICMP", "ANY"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const DECRYPT_POLICIES = ["DECRYPT_UNSPECIFIED", "DECRYPT_ALLOWED", "DECRYPT_NOT_ALLOWED"] as const;
export type DecryptPolicy = (typeof DECRYPT_POLICIES)[number];

export const FLOW_APP_REQUIREMENTS = ["APP_UNSPECIFIED", "TLS_REQUIRED", "NOT_TLS_REQUIRED"] as const;
export type FlowAppRequirement = (typeof FLOW_APP_REQUIREMENTS)[number];

/**
 * Evaluation order on the controller: V1 (everything before the K8S block: rulesets at
 * TERRAFORM_BEFORE_UI_MANAGED, the V1 policy list, TERRAFORM_AFTER_UI_MANAGED) → K8S block
 * (FirewallPolicy CRDs) → AFTER_K8S (rulesets at TERRAFORM_AFTER_K8S_MANAGED) → POST_RULES
 * (lib/dcf/attachment-points.ts).
 */
export const TIERS = ["V1", "K8S", "AFTER_K8S", "POST_RULES"] as const;
export type Tier = (typeof TIERS)[number];

export const SMART_GROUP_TYPES = ["vm", "vpc", "subnet", "k8s", "k8s_node", "serverless"] as const;
export type SmartGroupType = (typeof SMART_GROUP_TYPES)[number];

/** Well-known controller objects (docs/research/cloud-stacks.md §2.8, provider-constraints well_known_uuids). */
export const WELL_KNOWN = {
  anywhere: "def000ad-0000-0000-0000-000000000000",
  publicInternet: "def000ad-0000-0000-0000-000000000001",
  allWeb: "def000ad-0000-0000-0000-000000000002",
  threatIntel: "def05854-4100-0000-0000-000000000000",
  defaultTlsProfile: "def000ad-6000-0000-0000-000000000001",
  logProfileSessionStart: "def000ad-7000-0000-0000-000000000001",
  logProfileSessionEnd: "def000ad-7000-0000-0000-000000000002",
  logProfileSessionStartEnd: "def000ad-7000-0000-0000-000000000003",
} as const;

/**
 * One `match_expressions` block: its fields are AND'ed; a group's blocks are OR'ed.
 * cidr / fqdn / site / s2c stand alone; k8s* fields need type "k8s"; external feeds take extArgs.
 */
export interface MatchExpression {
  readonly cidr?: string;
  readonly fqdn?: string;
  readonly site?: string;
  readonly s2c?: string;
  readonly type?: SmartGroupType;
  readonly resId?: string;
  readonly name?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly accountId?: string;
  readonly accountName?: string;
  readonly region?: string;
  readonly zone?: string;
  readonly k8sClusterId?: string;
  readonly k8sNamespace?: string;
  readonly k8sPod?: string;
  readonly k8sService?: string;
  /** External feed id: threatiq, geo, azureips, githubips, or another feed id. */
  readonly external?: string;
  readonly extArgs?: Readonly<Record<string, string>>;
}

/**
 * How a group's membership is known:
 * - selector: defined here by match expressions;
 * - anywhere / publicInternet: the controller's built-in groups (well-known UUIDs);
 * - managed: an Aviatrix-managed or pre-existing group referenced by name (data source) whose
 *   contents are not known offline — flows name it explicitly (`groups`) to match it;
 * - unresolved: a Terraform reference the model cannot follow (e.g. `${var.x}`); flows match
 *   it only by naming `ref` (e.g. `subnet: aws_subnet.runtime`).
 */
export type GroupKind = "selector" | "anywhere" | "publicInternet" | "managed" | "unresolved";

export interface SmartGroupModel {
  /** Stable key rules use to reference it: a Terraform address, UUID or CRD-local name. */
  readonly key: string;
  readonly name: string;
  readonly kind: GroupKind;
  readonly expressions: MatchExpression[];
  /** For unresolved groups: the reference text as written. */
  readonly ref?: string;
}

/** One WebGroup match expression: exactly one of sni (exact or `*.` wildcard) or url (host/path glob). */
export interface WebMatch {
  readonly sni?: string;
  readonly url?: string;
}

export type WebGroupKind = "domains" | "allWeb" | "managed" | "unresolved";

export interface WebGroupModel {
  readonly key: string;
  readonly name: string;
  readonly kind: WebGroupKind;
  readonly matches: WebMatch[];
  readonly ref?: string;
}

export interface PortRange {
  readonly lo: number;
  /** Inclusive upper bound; absent means a single port. */
  readonly hi?: number;
}

export interface RuleModel {
  readonly name: string;
  readonly tier: Exclude<Tier, "POST_RULES">;
  /**
   * Order of the rule's container within its tier, lower first (V1: TERRAFORM_BEFORE_UI_MANAGED 0,
   * the V1 list 1, TERRAFORM_AFTER_UI_MANAGED 2; lib/dcf/attachment-points.ts). @default 0
   */
  readonly order?: number;
  /** V1 / AFTER_K8S: the DCF priority (lower first). K8S: order of the rule inside the K8S block. */
  readonly priority: number;
  readonly action: RuleAction;
  readonly protocol: Protocol;
  readonly portRanges: readonly PortRange[];
  /** Keys into PolicyModel.smartGroups. */
  readonly srcGroups: readonly string[];
  readonly dstGroups: readonly string[];
  /** Keys into PolicyModel.webGroups; empty means no L7 restriction. */
  readonly webGroups: readonly string[];
  readonly logging: boolean;
  /** Watch (monitor) mode: the rule logs its match and evaluation falls through. */
  readonly watch: boolean;
  readonly decryptPolicy: DecryptPolicy;
  readonly tlsProfile?: string;
  readonly logProfile?: string;
  readonly flowAppRequirement: FlowAppRequirement;
  readonly excludeSgOrchestration?: boolean;
  /** Where the rule came from (Terraform address + index, or namespace/FirewallPolicy). */
  readonly origin?: string;
}

export interface DefaultActionModel {
  readonly action: "PERMIT" | "DENY";
  readonly logging: boolean;
  readonly logProfile?: string;
}

export interface PolicyModel {
  readonly smartGroups: Readonly<Record<string, SmartGroupModel>>;
  readonly webGroups: Readonly<Record<string, WebGroupModel>>;
  /** V1 and K8S rules; evaluators order them by tier then priority. */
  readonly rules: readonly RuleModel[];
  /**
   * POST_RULES default action; undefined = not managed here (the controller's own default, which
   * a brownfield blueprint does not know: the simulator assumes PERMIT unless told otherwise).
   */
  readonly defaultAction?: DefaultActionModel;
}

/** Discover = default PERMIT + log and every rule watched; enforce = rules act, default DENY + log. */
export type PolicyMode = "discover" | "enforce";

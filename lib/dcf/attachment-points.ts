// Where a Terraform-managed DCF ruleset is evaluated. The controller evaluates, in order
// (the provider's aviatrix_dcf_ruleset and aviatrix_dcf_policy_group resource pages, summarized
// with sources in docs/research/aviatrix-provider-schema.md "Composing several Terraform roots";
// docs/research/k8s-obot-crds.md §5.4):
//   TERRAFORM_BEFORE_UI_MANAGED → the UI-managed rules (the V1 policy list) → TERRAFORM_AFTER_UI_MANAGED
//   → the K8S block (FirewallPolicy CRDs) → TERRAFORM_AFTER_K8S_MANAGED → POST_RULES (default action).
// Each root point holds ONE object, so several Terraform roots share a controller through a
// policy group that declares one named attachment point per consumer (DcfControllerBaseline).
import type { Tier } from "./model";

export const ROOT_ATTACHMENT_POINTS = ["TERRAFORM_BEFORE_UI_MANAGED", "TERRAFORM_AFTER_UI_MANAGED", "TERRAFORM_AFTER_K8S_MANAGED"] as const;
export type RootAttachmentPoint = (typeof ROOT_ATTACHMENT_POINTS)[number];

/** Which side of the K8S block a ruleset is evaluated on. */
export type DcfPosition = "before-k8s" | "after-k8s";
export const DCF_POSITIONS: readonly DcfPosition[] = ["before-k8s", "after-k8s"];

/** Rank of the V1 policy list (UI-managed) among the containers evaluated before the K8S block. */
export const V1_LIST_ORDER = 1;

/** Tier and order-within-tier of the rules of a container attached at `point`. */
export interface Placement {
  readonly tier: Exclude<Tier, "K8S" | "POST_RULES">;
  /** Lower first within the tier: TERRAFORM_BEFORE_UI_MANAGED 0, the V1 list 1, TERRAFORM_AFTER_UI_MANAGED 2. */
  readonly order: number;
}

export function isRootAttachmentPoint(name: string): name is RootAttachmentPoint {
  return (ROOT_ATTACHMENT_POINTS as readonly string[]).includes(name);
}

/**
 * The position a named point's name implies: DcfControllerBaseline names the points it declares
 * `<consumer>-before-k8s` / `<consumer>-after-k8s`. Undefined when the name says nothing.
 */
export function positionOfName(point: string): DcfPosition | undefined {
  if (/after-k8s$/i.test(point)) return "after-k8s";
  if (/before-k8s$/i.test(point)) return "before-k8s";
  return undefined;
}

/** The position a root attachment point implies. */
export function positionOfRoot(point: RootAttachmentPoint): DcfPosition {
  return point === "TERRAFORM_AFTER_K8S_MANAGED" ? "after-k8s" : "before-k8s";
}

/**
 * Placement of a container attached at `point`. A named point (declared by some policy group)
 * has no order of its own offline: `position` says which side of the K8S block its parent is on.
 */
export function placementOf(point: string, position: DcfPosition): Placement {
  switch (point) {
    case "TERRAFORM_BEFORE_UI_MANAGED":
      return { tier: "V1", order: 0 };
    case "TERRAFORM_AFTER_UI_MANAGED":
      return { tier: "V1", order: 2 };
    case "TERRAFORM_AFTER_K8S_MANAGED":
      return { tier: "AFTER_K8S", order: 0 };
    default:
      return position === "after-k8s" ? { tier: "AFTER_K8S", order: 0 } : { tier: "V1", order: 0 };
  }
}

const TIER_RANK: Readonly<Record<Placement["tier"] | "K8S", number>> = { V1: 0, K8S: 1, AFTER_K8S: 2 };

/** Evaluation order of two rules: tier, then container order, then priority (0 = tie). */
export function compareEvaluationOrder(
  a: { readonly tier: Placement["tier"] | "K8S"; readonly order?: number; readonly priority: number },
  b: { readonly tier: Placement["tier"] | "K8S"; readonly order?: number; readonly priority: number },
): number {
  return TIER_RANK[a.tier] - TIER_RANK[b.tier] || (a.order ?? 0) - (b.order ?? 0) || a.priority - b.priority;
}

import { PolicyModel, RuleModel } from "../model";

// Evaluation order on the controller: V1 (by priority) → K8S block → POST_RULES default.

export interface OrderedRule {
  readonly rule: RuleModel;
  /** Position in PolicyModel.rules (stable tie-break and identity). */
  readonly index: number;
  /** Position in evaluation order. */
  readonly position: number;
}

const TIER_RANK = { V1: 0, K8S: 1 } as const;

export function orderedRules(model: PolicyModel): OrderedRule[] {
  return model.rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => TIER_RANK[a.rule.tier] - TIER_RANK[b.rule.tier] || a.rule.priority - b.rule.priority || a.index - b.index)
    .map((o, position) => ({ ...o, position }));
}

/**
 * Is `a` evaluated strictly before `b` whatever the controller does with ties? Equal V1
 * priorities have no defined order, so neither is "before" the other.
 */
export function strictlyBefore(a: RuleModel, b: RuleModel): boolean {
  return TIER_RANK[a.tier] < TIER_RANK[b.tier] || (a.tier === b.tier && a.priority < b.priority);
}

/** How findings name a rule: its name, qualified by its origin when there is one. */
export function ruleLabel(rule: RuleModel): string {
  return rule.origin !== undefined && rule.origin !== "" ? `${rule.name} @ ${rule.origin}` : rule.name;
}

/** Human wording of where a rule sits, e.g. `V1 priority 20`. */
export function rulePosition(rule: RuleModel): string {
  return rule.tier === "V1" ? `V1 priority ${rule.priority}` : `K8S #${rule.priority}`;
}

/** Terminal: a matching rule decides the flow (watch rules log and fall through). */
export function isTerminal(rule: RuleModel): boolean {
  return !rule.watch;
}

export function isPermitAction(rule: RuleModel): boolean {
  return rule.action !== "DENY";
}

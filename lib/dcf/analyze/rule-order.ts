import { compareEvaluationOrder } from "../attachment-points";
import { PolicyModel, RuleModel } from "../model";

// Evaluation order on the controller: V1 (by container order, priority) → K8S block → AFTER_K8S → POST_RULES default.

export interface OrderedRule {
  readonly rule: RuleModel;
  /** Position in PolicyModel.rules (stable tie-break and identity). */
  readonly index: number;
  /** Position in evaluation order. */
  readonly position: number;
}

export function orderedRules(model: PolicyModel): OrderedRule[] {
  return model.rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => compareEvaluationOrder(a.rule, b.rule) || a.index - b.index)
    .map((o, position) => ({ ...o, position }));
}

/**
 * Is `a` evaluated strictly before `b` whatever the controller does with ties? Equal V1
 * priorities have no defined order, so neither is "before" the other.
 */
export function strictlyBefore(a: RuleModel, b: RuleModel): boolean {
  return compareEvaluationOrder(a, b) < 0;
}

/** How findings name a rule: its name, qualified by its origin when there is one. */
export function ruleLabel(rule: RuleModel): string {
  return rule.origin !== undefined && rule.origin !== "" ? `${rule.name} @ ${rule.origin}` : rule.name;
}

/** Human wording of where a rule sits, e.g. `V1 priority 20`. */
export function rulePosition(rule: RuleModel): string {
  return rule.tier === "K8S" ? `K8S #${rule.priority}` : `${rule.tier} priority ${rule.priority}`;
}

/** Terminal: a matching rule decides the flow (watch rules log and fall through). */
export function isTerminal(rule: RuleModel): boolean {
  return !rule.watch;
}

export function isPermitAction(rule: RuleModel): boolean {
  return rule.action !== "DENY";
}

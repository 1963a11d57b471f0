// Preflight's DCF policy rules ask the policy analyzer (lib/dcf/analyze) rather than
// re-implementing its checks, so `vca-cdktf analyze` and preflight can never disagree about a pack.
import { analysisContext, type AnalysisContext, type PolicyCheck } from "../../dcf/analyze/check";
import type { PolicyFinding } from "../../dcf/analyze/finding";
import type { PolicyModel, RuleModel } from "../../dcf/model";

/** The check's findings on the whole model. */
export function runPolicyCheck(check: PolicyCheck, model: PolicyModel): PolicyFinding[] {
  return check.run(analysisContext(model));
}

/**
 * The check's findings about one rule on its own. For rule-local checks (URL filters, decryption,
 * match-all WebGroups) this reports every offending rule, where a whole-model run may name only
 * the first user of a group — preflight gives each rule its own finding (and acknowledgement).
 */
export function runPolicyCheckOnRule(check: PolicyCheck, model: PolicyModel, rule: RuleModel): PolicyFinding[] {
  return check.run(analysisContext({ ...model, rules: [rule] }));
}

export { analysisContext, type AnalysisContext };

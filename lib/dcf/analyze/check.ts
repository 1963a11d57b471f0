import { PolicyModel } from "../model";
import { PolicyFinding } from "./finding";
import { OrderedRule, orderedRules } from "./rule-order";

/** Computed once per analysis and handed to every check. */
export interface AnalysisContext {
  readonly model: PolicyModel;
  /** Rules in evaluation order (V1 by priority, then K8S). */
  readonly ordered: readonly OrderedRule[];
}

export function analysisContext(model: PolicyModel): AnalysisContext {
  return { model, ordered: orderedRules(model) };
}

/** One kind of finding; each lives in its own file under checks/. */
export interface PolicyCheck {
  readonly id: string;
  /** One sentence: what it finds and why it matters. */
  readonly description: string;
  run(ctx: AnalysisContext): PolicyFinding[];
}

// Discover → enforce on the policy MODEL (never by editing JSON text): what the same policy does
// once the blueprint's mode switch says "enforce". Works on every rendering the parse-back reads
// (V1 policy list, dcf_ruleset rules, FirewallPolicies):
// - every rule in watch mode (discover: log and fall through) acts;
// - a managed discover default (PERMIT) becomes the blueprints' enforce default, DENY + log
//   (docs/ARCHITECTURE.md §2: "discover (default action PERMIT + log, rules in watch mode) and
//   enforce (default DENY + log) as a single switch");
// - an unmanaged default (brownfield: the controller's own default action, not in the synth) stays
//   as the controller has it; callers say which that is (`assumedControllerDefault`), since the
//   blueprint's own scoped denies, not the controller default, contain its workloads.
import { DefaultActionModel, PolicyModel, RuleModel } from "./model";

/** The default action every blueprint renders in enforce mode (lib/dcf/builder/policy-pack.ts). */
export const ENFORCE_DEFAULT_ACTION: DefaultActionModel = { action: "DENY", logging: true };

export interface EnforceSwitch {
  /** The policy as enforce mode evaluates it. */
  readonly model: PolicyModel;
  /** Rules that were watching and now act (in model order). */
  readonly promoted: readonly RuleModel[];
  /** The POST_RULES default before and after; `managed: false` = the controller's own, assumed. */
  readonly defaultAction: { readonly before?: DefaultActionModel; readonly after: DefaultActionModel; readonly managed: boolean };
}

/**
 * The enforce-mode policy of a (discover-mode or already enforcing) model.
 * @param assumedControllerDefault the controller's default action when the synth does not manage
 *   it. @default "PERMIT" (the controller's factory default, lib/dcf/model.ts PolicyModel.defaultAction)
 */
export function switchToEnforce(model: PolicyModel, assumedControllerDefault: "PERMIT" | "DENY" = "PERMIT"): EnforceSwitch {
  const promoted: RuleModel[] = [];
  const rules = model.rules.map((r) => {
    if (!r.watch) return r;
    promoted.push(r);
    return { ...r, watch: false };
  });
  const before = model.defaultAction;
  let after: DefaultActionModel;
  if (before === undefined) after = { action: assumedControllerDefault, logging: false };
  else if (before.action === "PERMIT") after = { ...ENFORCE_DEFAULT_ACTION, ...(before.logProfile !== undefined ? { logProfile: before.logProfile } : {}) };
  else after = before;
  return {
    model: { ...model, rules, defaultAction: after },
    promoted,
    defaultAction: { ...(before !== undefined ? { before } : {}), after, managed: before !== undefined },
  };
}

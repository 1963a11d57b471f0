import { RuleModel } from "../../model";
import { AnalysisContext, PolicyCheck } from "../check";
import { PolicyFinding } from "../finding";
import { isPermitAction, isTerminal, OrderedRule, ruleLabel, rulePosition, strictlyBefore } from "../rule-order";
import { ruleCovers } from "../subsumption";

// A rule is unreachable when an earlier, terminal (non-watch) rule matches every flow it
// matches (see subsumption.ts for what "provably" means). Severity:
//  - error:   a DENY hidden behind a permit — traffic it was written to block is permitted;
//  - warning: anything else (a permit hidden behind a deny fails closed; same action = redundant).

function anywhereKey(ctx: AnalysisContext, key: string): boolean {
  return ctx.model.smartGroups[key]?.kind === "anywhere";
}

/** Candidate lists are in evaluation order; report the earliest rule that covers `r`. */
function earliestCover(ctx: AnalysisContext, r: RuleModel, ...lists: OrderedRule[][]): OrderedRule | undefined {
  let best: OrderedRule | undefined;
  for (const list of lists) {
    for (const c of list) {
      if (best !== undefined && best.position <= c.position) break;
      if (strictlyBefore(c.rule, r) && ruleCovers(ctx.model, c.rule, r)) {
        best = c;
        break;
      }
    }
  }
  return best;
}

export const shadowedRules: PolicyCheck = {
  id: "shadowed-rule",
  description: "rules no flow can reach because an earlier rule matches everything they match",
  run(ctx) {
    const findings: PolicyFinding[] = [];
    // Candidates are indexed by source group: a cover must contain every source group of the
    // later rule, so it holds the first one (or Anywhere). Keeps 20k-rule packs near-linear.
    const bySrc = new Map<string, OrderedRule[]>();
    const anywhereSrc: OrderedRule[] = [];
    for (const cur of ctx.ordered) {
      const r = cur.rule;
      const first = r.srcGroups[0];
      if (first !== undefined) {
        const cover = earliestCover(ctx, r, bySrc.get(first) ?? [], anywhereSrc);
        if (cover !== undefined) {
          const c = cover.rule;
          const denyHidden = r.action === "DENY" && isPermitAction(c);
          findings.push({
            id: this.id,
            severity: denyHidden ? "error" : "warning",
            rule: ruleLabel(r),
            explanation:
              `${r.action}${r.watch ? " (watch)" : ""} rule "${r.name}" (${rulePosition(r)}) is unreachable: ` +
              `every flow it matches is first decided by ${c.action} rule "${c.name}" (${rulePosition(c)})` +
              (denyHidden ? ", so traffic it should block is permitted; move it before that rule or narrow that rule" : "; remove it or reorder"),
          });
        }
      }
      if (isTerminal(r)) {
        if (r.srcGroups.some((k) => anywhereKey(ctx, k))) anywhereSrc.push(cur);
        for (const k of new Set(r.srcGroups)) {
          const list = bySrc.get(k) ?? [];
          list.push(cur);
          bySrc.set(k, list);
        }
      }
    }
    return findings;
  },
};

import { PolicyCheck } from "../check";
import { PolicyFinding } from "../finding";
import { RuleModel } from "../../model";
import { AnalysisContext } from "../check";
import { isAllAddresses, isCatchAllDeny } from "../groups";
import { isPermitAction, ruleLabel } from "../rule-order";

// Containment means unmatched traffic of the policy's workloads is denied: the POST_RULES default
// action is DENY, or every source the policy permits from is closed by a later, terminal,
// catch-all DENY scoped to it (or to every source) — what a brownfield blueprint does, because it
// does not own the controller's default action (lib/dcf/attachment-points.ts). Without either,
// unmatched traffic is permitted under the controller default PERMIT (the default after enabling
// DCF, not logged). Discover mode (PERMIT + log) is intended: info.

/** Sources of terminal permits that no later closing deny covers (by group key), in evaluation order. */
function uncoveredSources(ctx: AnalysisContext): Array<{ readonly group: string; readonly rule: RuleModel }> {
  const out: Array<{ group: string; rule: RuleModel }> = [];
  const seen = new Set<string>();
  ctx.ordered.forEach((o, i) => {
    if (o.rule.watch || !isPermitAction(o.rule) || o.rule.tier === "K8S") return;
    const closers = ctx.ordered.slice(i + 1).filter((c) => isCatchAllDeny(ctx.model, c.rule));
    for (const g of o.rule.srcGroups) {
      if (seen.has(g)) continue;
      const covered = closers.some((c) => c.rule.srcGroups.includes(g) || c.rule.srcGroups.some((k) => isAllAddresses(ctx.model.smartGroups[k])));
      if (!covered) {
        seen.add(g);
        out.push({ group: g, rule: o.rule });
      }
    }
  });
  return out;
}

/** Names of the groups a policy permits from that no later scoped closing deny covers (preflight wording). */
export function openSourceNames(ctx: AnalysisContext): string[] {
  return uncoveredSources(ctx).map((u) => ctx.model.smartGroups[u.group]?.name ?? u.group);
}

export const missingDefaultDeny: PolicyCheck = {
  id: "missing-default-deny",
  description: "no POST_RULES default DENY and sources the policy permits from are not closed by a scoped catch-all DENY",
  run(ctx) {
    const d = ctx.model.defaultAction;
    if (d?.action === "DENY") return [];
    const open = uncoveredSources(ctx);
    const anyTerminal = ctx.ordered.some((o) => !o.rule.watch && o.rule.tier !== "K8S");
    if (open.length === 0 && (anyTerminal || d === undefined)) return [];
    const which =
      open.length > 0
        ? `${open.map((u) => `"${ctx.model.smartGroups[u.group]?.name ?? u.group}" (permitted by ${ruleLabel(u.rule)})`).join(", ")} ${open.length === 1 ? "is" : "are"} not closed by a later catch-all DENY scoped to ${open.length === 1 ? "it" : "them"}`
        : "no rule acts";
    const finding: PolicyFinding =
      d === undefined
        ? {
            id: this.id,
            severity: "warning",
            explanation:
              `no POST_RULES default action is managed and ${which}: under the controller default (PERMIT, not logged) their other traffic leaves; ` +
              "end the policy with a DENY of every protocol from each workload group to Anywhere (or Public Internet), or own the default action (DENY + logging) on a dedicated controller",
          }
        : {
            id: this.id,
            severity: d.logging ? "info" : "warning",
            explanation:
              `the POST_RULES default action is PERMIT${d.logging ? " with logging (discover mode)" : " without logging"} and ${which}: unmatched traffic is permitted` +
              (d.logging ? "; switch to enforce (DENY) once the logs are clean" : " and unseen; use DENY + logging"),
          };
    return [finding];
  },
};

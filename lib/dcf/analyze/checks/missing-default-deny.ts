import { PolicyCheck } from "../check";
import { PolicyFinding } from "../finding";
import { RuleModel } from "../../model";
import { AnalysisContext } from "../check";
import { isAllAddresses } from "../groups";

// Default deny means the POST_RULES default action is DENY, or the last V1 rule is a
// catch-all DENY from every source to every destination. Without either, unmatched traffic is
// permitted (the controller's default after enabling DCF is PERMIT without logging). Discover
// mode (PERMIT + log) is intended: info.

/** Stands in for a default DENY: every protocol and port, Anywhere (or 0.0.0.0/0) → Anywhere (or 0.0.0.0/0), no L7 filter. */
function isDefaultDenySubstitute(ctx: AnalysisContext, r: RuleModel): boolean {
  const all = (keys: readonly string[]) => keys.some((k) => isAllAddresses(ctx.model.smartGroups[k]));
  return r.action === "DENY" && !r.watch && r.protocol === "ANY" && r.portRanges.length === 0 && r.webGroups.length === 0 && all(r.srcGroups) && all(r.dstGroups);
}

export const missingDefaultDeny: PolicyCheck = {
  id: "missing-default-deny",
  description: "no POST_RULES default DENY and no final V1 catch-all DENY",
  run(ctx) {
    const d = ctx.model.defaultAction;
    if (d?.action === "DENY") return [];
    const terminalV1 = ctx.ordered.filter((o) => o.rule.tier === "V1" && !o.rule.watch);
    const last = terminalV1[terminalV1.length - 1];
    if (last !== undefined && isDefaultDenySubstitute(ctx, last.rule)) return [];
    const finding: PolicyFinding =
      d === undefined
        ? {
            id: this.id,
            severity: "warning",
            explanation:
              "no POST_RULES default action is managed and no final V1 catch-all DENY exists: the controller default (PERMIT, not logged) lets unmatched traffic out; " +
              "manage aviatrix_distributed_firewalling_default_action_rule with DENY + logging",
          }
        : {
            id: this.id,
            severity: d.logging ? "info" : "warning",
            explanation:
              `the POST_RULES default action is PERMIT${d.logging ? " with logging (discover mode)" : " without logging"} and no final V1 catch-all DENY exists: unmatched traffic is permitted` +
              (d.logging ? "; switch to enforce (DENY) once the logs are clean" : " and unseen; use DENY + logging"),
          };
    return [finding];
  },
};

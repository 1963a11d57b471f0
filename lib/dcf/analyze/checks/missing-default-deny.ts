import { PolicyCheck } from "../check";
import { PolicyFinding } from "../finding";
import { isCatchAllDeny } from "./v1-deny-all-before-k8s";

// Default deny means the POST_RULES default action is DENY, or the last V1 rule is a
// catch-all DENY. Without either, unmatched traffic is permitted (the controller's default
// after enabling DCF is PERMIT without logging). Discover mode (PERMIT + log) is intended: info.

export const missingDefaultDeny: PolicyCheck = {
  id: "missing-default-deny",
  description: "no POST_RULES default DENY and no final V1 catch-all DENY",
  run(ctx) {
    const d = ctx.model.defaultAction;
    if (d?.action === "DENY") return [];
    const terminalV1 = ctx.ordered.filter((o) => o.rule.tier === "V1" && !o.rule.watch);
    const last = terminalV1[terminalV1.length - 1];
    if (last !== undefined && isCatchAllDeny(ctx, last.rule)) return [];
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

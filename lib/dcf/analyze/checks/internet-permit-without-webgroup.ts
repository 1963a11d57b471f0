import { PolicyCheck } from "../check";
import { hasInternetWideDestination } from "../groups";
import { isPermitAction, ruleLabel, rulePosition } from "../rule-order";

// A permit to Anywhere / Public Internet / 0.0.0.0/0 with no WebGroup is L3/L4 only: any host
// on those ports is reachable, which defeats domain-aware egress.

export const internetPermitWithoutWebGroup: PolicyCheck = {
  id: "internet-permit-without-webgroup",
  description: "permits to Anywhere / Public Internet without a WebGroup (any host on those ports)",
  run(ctx) {
    return ctx.ordered
      .filter((o) => isPermitAction(o.rule) && !o.rule.watch && o.rule.webGroups.length === 0 && hasInternetWideDestination(ctx.model, o.rule.dstGroups))
      .map((o) => {
        const r = o.rule;
        const ports =
          r.portRanges.length === 0
            ? "every port"
            : `ports ${r.portRanges.map((p) => (p.hi !== undefined && p.hi !== p.lo ? `${p.lo}-${p.hi}` : `${p.lo}`)).join(", ")}`;
        return {
          id: this.id,
          severity: "warning" as const,
          rule: ruleLabel(r),
          explanation:
            `${r.action} rule "${r.name}" (${rulePosition(r)}) opens ${r.protocol} ${ports} to an Internet-wide destination without a WebGroup, ` +
            "so any host is reachable; add a WebGroup with the allowed domains or a narrower destination",
        };
      });
  },
};

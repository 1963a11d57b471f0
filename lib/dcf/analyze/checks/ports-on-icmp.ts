import { PolicyCheck } from "../check";
import { ruleLabel } from "../rule-order";

// The provider rejects port_ranges on ICMP policies at apply time (provider-constraints.json
// apply_time_rules.aviatrix_distributed_firewalling_policy_list); ICMP has no ports.

export const portsOnIcmp: PolicyCheck = {
  id: "ports-on-icmp",
  description: "ICMP rules with port ranges (rejected at terraform apply)",
  run(ctx) {
    return ctx.ordered
      .filter((o) => o.rule.protocol === "ICMP" && o.rule.portRanges.length > 0)
      .map((o) => ({
        id: this.id,
        severity: "error" as const,
        rule: ruleLabel(o.rule),
        explanation:
          `ICMP rule "${o.rule.name}" has port ranges (${o.rule.portRanges.map((p) => (p.hi !== undefined && p.hi !== p.lo ? `${p.lo}-${p.hi}` : `${p.lo}`)).join(", ")}); ` +
          "ICMP has no ports and terraform apply rejects port_ranges on ICMP; remove them",
      }));
  },
};

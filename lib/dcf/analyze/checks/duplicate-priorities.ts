import { PolicyCheck } from "../check";
import { PolicyFinding } from "../finding";
import { isPermitAction, ruleLabel } from "../rule-order";

// Two V1 rules with one priority have no defined order on the controller. Error when they
// disagree (permit vs deny: the verdict depends on the controller's tie-break), else warning.

export const duplicatePriorities: PolicyCheck = {
  id: "duplicate-priority",
  description: "V1 rules sharing a priority, whose relative order the controller does not define",
  run(ctx) {
    const byPriority = new Map<number, (typeof ctx.ordered)[number][]>();
    for (const o of ctx.ordered) {
      if (o.rule.tier !== "V1") continue;
      const list = byPriority.get(o.rule.priority) ?? [];
      list.push(o);
      byPriority.set(o.rule.priority, list);
    }
    const findings: PolicyFinding[] = [];
    for (const [priority, list] of byPriority) {
      if (list.length < 2) continue;
      const terminal = list.filter((o) => !o.rule.watch);
      const mixed = terminal.some((o) => isPermitAction(o.rule)) && terminal.some((o) => !isPermitAction(o.rule));
      const names = list.map((o) => `"${o.rule.name}" (${o.rule.action})`).join(", ");
      for (const o of list.slice(1)) {
        findings.push({
          id: this.id,
          severity: mixed ? "error" : "warning",
          rule: ruleLabel(o.rule),
          explanation:
            `V1 priority ${priority} is shared by ${names}; the controller does not define their order` +
            (mixed ? ", so whether overlapping traffic is permitted or denied is up to chance" : "") +
            "; give each rule its own priority",
        });
      }
    }
    return findings;
  },
};

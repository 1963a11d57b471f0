import { PolicyFinding } from "../finding";
import { PolicyCheck } from "../check";
import { matchAllEntries } from "../groups";
import { isPermitAction, ruleLabel } from "../rule-order";

// A `*` entry makes a WebGroup match any host (Obot's "no egressDomains" case, a typo'd list).
// warning when a permit uses the group; info when only deny/watch rules do.

export const matchAllDomain: PolicyCheck = {
  id: "match-all-domain",
  description: "WebGroups with a match-all `*` entry",
  run(ctx) {
    const findings: PolicyFinding[] = [];
    const reported = new Set<string>();
    for (const { rule } of ctx.ordered) {
      for (const key of rule.webGroups) {
        if (reported.has(key)) continue;
        const g = ctx.model.webGroups[key];
        if (g === undefined) continue;
        const entries = matchAllEntries(g);
        if (entries.length === 0) continue;
        reported.add(key);
        const users = ctx.ordered.filter((o) => o.rule.webGroups.includes(key));
        const permit = users.find((o) => isPermitAction(o.rule) && !o.rule.watch);
        const first = permit ?? users[0];
        findings.push({
          id: this.id,
          severity: permit !== undefined ? "warning" : "info",
          rule: ruleLabel(first.rule),
          explanation:
            `WebGroup "${g.name}" has ${entries.join(" and ")}, which matches every host` +
            (permit !== undefined ? `, so "${permit.rule.name}" permits any domain on its ports` : "") +
            "; list the allowed domains instead",
        });
      }
    }
    return findings;
  },
};

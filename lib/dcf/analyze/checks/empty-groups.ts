import { MatchExpression } from "../../model";
import { PolicyFinding } from "../finding";
import { PolicyCheck } from "../check";
import { ruleLabel } from "../rule-order";

// A selector SmartGroup without expressions, or a domain WebGroup without entries, matches
// nothing — and Terraform rejects both (selector.match_expressions needs ≥ 1 non-empty block).

function isEmptyExpression(e: MatchExpression): boolean {
  return Object.values(e).every((v) => v === undefined || v === "" || (typeof v === "object" && Object.keys(v).length === 0));
}

export const emptyGroups: PolicyCheck = {
  id: "empty-group",
  description: "SmartGroups without match expressions and WebGroups without domains",
  run(ctx) {
    const firstUser = (key: string, field: "srcGroups" | "dstGroups" | "webGroups") => ctx.ordered.find((o) => o.rule[field].includes(key))?.rule;
    const findings: PolicyFinding[] = [];
    for (const key of Object.keys(ctx.model.smartGroups).sort()) {
      const g = ctx.model.smartGroups[key];
      if (g.kind !== "selector" || !g.expressions.every(isEmptyExpression)) continue;
      const user = firstUser(key, "srcGroups") ?? firstUser(key, "dstGroups");
      findings.push({
        id: this.id,
        severity: "error",
        ...(user !== undefined ? { rule: ruleLabel(user) } : {}),
        explanation: `SmartGroup "${g.name}" has no match expressions: it matches nothing${user !== undefined ? ` (used by "${user.name}")` : ""} and terraform rejects an empty selector; add an expression or drop the group`,
      });
    }
    for (const key of Object.keys(ctx.model.webGroups).sort()) {
      const g = ctx.model.webGroups[key];
      if (g.kind !== "domains" || g.matches.some((m) => (m.sni ?? m.url ?? "").trim() !== "")) continue;
      const user = firstUser(key, "webGroups");
      findings.push({
        id: this.id,
        severity: "error",
        ...(user !== undefined ? { rule: ruleLabel(user) } : {}),
        explanation: `WebGroup "${g.name}" has no domains: it matches nothing${user !== undefined ? ` (used by "${user.name}")` : ""} and terraform rejects an empty selector; add domains or drop the group`,
      });
    }
    return findings;
  },
};

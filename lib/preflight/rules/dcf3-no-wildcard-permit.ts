import { internetPermitWithoutWebGroup } from "../../dcf/analyze/checks/internet-permit-without-webgroup";
import { matchAllDomain } from "../../dcf/analyze/checks/match-all-domain";
import { isPermitAction } from "../../dcf/analyze/rule-order";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { runPolicyCheckOnRule } from "./policy-analysis";

/** AVX-DCF3: no rule permits every domain (analyzer checks match-all-domain and internet-permit-without-webgroup). */
export const noWildcardPermit: PreflightRule = {
  id: "AVX-DCF3",
  area: "DCF",
  name: "no-wildcard-permit",
  severity: "error",
  cause: 'a rule permits every domain ("*" WebGroup, All-Web, or the internet without a WebGroup)',
  explanation:
    'Domain-aware egress is the point of the VCA: a "*" permit turns the default deny into default allow for the rule\'s sources ' +
    "and silently widens egress (exfiltration to any host). Same checks as `vca-cdktf analyze` match-all-domain (on a permit) and " +
    "internet-permit-without-webgroup.",
  fix: 'permit named domains (WebGroups with exact or *.example.com entries) instead of "*"',
  suppressible: true,
  reads: "dcf-policy facts (PERMIT rules, their WebGroups and destinations)",
  check(ctx): readonly RuleCheck[] {
    const checks: RuleCheck[] = [];
    for (const { node, fact } of ctx.facts("dcf-policy")) {
      // Watched rules log and fall through: they permit nothing.
      for (const rule of fact.model.rules.filter((r) => isPermitAction(r) && !r.watch)) {
        const findings = [
          ...runPolicyCheckOnRule(matchAllDomain, fact.model, rule).filter((f) => f.severity !== "info"),
          ...runPolicyCheckOnRule(internetPermitWithoutWebGroup, fact.model, rule),
        ];
        checks.push(
          findings.length ? fail(node, { findingId: rule.name, cause: findings.map((f) => f.explanation).join("; ") }) : pass(node, { findingId: rule.name }),
        );
      }
    }
    return checks;
  },
};

import { urlFilterWithoutDecryption } from "../../dcf/analyze/checks/url-filter-without-decryption";
import { hasUrlFilter } from "../../dcf/analyze/groups";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { runPolicyCheckOnRule } from "./policy-analysis";

/** AVX-DCF4: URL (path) filters only on rules that decrypt (analyzer check url-filter-without-decryption). */
export const urlFilterNeedsDecryption: PreflightRule = {
  id: "AVX-DCF4",
  area: "DCF",
  name: "url-filter-needs-decryption",
  severity: "error",
  cause: "a rule uses a URL-path WebGroup without TLS decryption, so the path is never seen",
  explanation:
    "WebGroups match the TLS SNI; URL paths are inside the encrypted stream and only visible when the rule decrypts " +
    "(DECRYPT_ALLOWED). Without it the URL filter silently matches nothing or only the host. Same check as `vca-cdktf analyze` " +
    "url-filter-without-decryption.",
  fix: "set decryptPolicy DECRYPT_ALLOWED on the rule (controller >= 8.2, MITM CA) or use SNI domains instead of URLs",
  suppressible: false,
  reads: "dcf-policy facts (rules, WebGroup url matches)",
  check(ctx): readonly RuleCheck[] {
    const checks: RuleCheck[] = [];
    for (const { node, fact } of ctx.facts("dcf-policy")) {
      for (const rule of fact.model.rules.filter((r) => r.webGroups.some((k) => hasUrlFilter(fact.model.webGroups[k])))) {
        const findings = runPolicyCheckOnRule(urlFilterWithoutDecryption, fact.model, rule);
        checks.push(findings.length ? fail(node, { findingId: rule.name, cause: findings[0].explanation }) : pass(node, { findingId: rule.name }));
      }
    }
    return checks;
  },
};

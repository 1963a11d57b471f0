import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { urlMatches } from "./policy-helpers";

/** AVX-DCF4: URL (path) filters only on rules that decrypt. */
export const urlFilterNeedsDecryption: PreflightRule = {
  id: "AVX-DCF4",
  area: "DCF",
  name: "url-filter-needs-decryption",
  level: "ERROR",
  cause: "a rule uses a URL-path WebGroup without TLS decryption, so the path is never seen",
  explanation:
    "WebGroups match the TLS SNI; URL paths are inside the encrypted stream and only visible when the rule decrypts " +
    "(DECRYPT_ALLOWED). Without it the URL filter silently matches nothing or only the host.",
  fix: "set decryptPolicy DECRYPT_ALLOWED on the rule (controller >= 8.2, MITM CA) or use SNI domains instead of URLs",
  suppressible: false,
  reads: "dcf-policy facts (rules, WebGroup url matches)",
  check(ctx): readonly RuleCheck[] {
    const checks: RuleCheck[] = [];
    for (const { node, fact } of ctx.facts("dcf-policy")) {
      for (const rule of fact.model.rules) {
        const urls = rule.webGroups.flatMap((k) => urlMatches(fact.model.webGroups[k] ?? { key: k, name: k, kind: "managed", matches: [] }));
        if (!urls.length) continue;
        checks.push(
          rule.decryptPolicy === "DECRYPT_ALLOWED"
            ? pass(node, { findingId: rule.name })
            : fail(node, { findingId: rule.name, got: `${rule.decryptPolicy} with URL ${urls[0]}`, want: "DECRYPT_ALLOWED" }),
        );
      }
    }
    return checks;
  },
};

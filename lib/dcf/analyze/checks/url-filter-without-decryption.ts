import { PolicyCheck } from "../check";
import { hasUrlFilter, webGroupName } from "../groups";
import { ruleLabel } from "../rule-order";

// URL filters (host/path globs) only match decrypted flows; a rule that is not DECRYPT_ALLOWED
// never sees a path, so its URL entries never match (docs/research/aviatrix-provider-schema.md §5).

export const urlFilterWithoutDecryption: PolicyCheck = {
  id: "url-filter-without-decryption",
  description: "rules whose WebGroups carry URL filters but which do not allow TLS decryption",
  run(ctx) {
    return ctx.ordered
      .filter((o) => o.rule.decryptPolicy !== "DECRYPT_ALLOWED")
      .flatMap((o) => {
        const groups = o.rule.webGroups.filter((k) => hasUrlFilter(ctx.model.webGroups[k]));
        if (groups.length === 0) return [];
        const r = o.rule;
        return [
          {
            id: this.id,
            severity: "error" as const,
            rule: ruleLabel(r),
            explanation:
              `${r.action} rule "${r.name}" uses URL filters (WebGroup ${groups.map((k) => `"${webGroupName(ctx.model, k)}"`).join(", ")}) ` +
              `with decrypt_policy ${r.decryptPolicy}: URL filters only match decrypted traffic, so those entries never match` +
              (r.action === "DENY" ? " and the traffic they should block passes" : "") +
              "; set DECRYPT_ALLOWED (with a TLS profile) or use SNI filters",
          },
        ];
      });
  },
};

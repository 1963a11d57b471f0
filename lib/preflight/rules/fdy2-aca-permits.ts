import type { IConstruct } from "constructs";
import type { PolicyModel } from "../../dcf/model";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { isCatchAllDeny } from "../../dcf/analyze/groups";
import { isPermitAction } from "../../dcf/analyze/rule-order";
import { analysisContext } from "./policy-analysis";

/** AVX-FDY2: the ACA FQDN and service-tag permits precede the default deny and are never decrypted. */
export const foundryAcaPermits: PreflightRule = {
  id: "AVX-FDY2",
  area: "FDY",
  name: "foundry-aca-permits-before-deny-no-decrypt",
  severity: "error",
  cause: "a required Azure Container Apps permit is missing, comes after a deny-all, or allows TLS decryption",
  explanation:
    "Foundry hosted agents run on Azure Container Apps; the platform FQDNs and service tags (rules 2–3 of the Foundry VCA) must be " +
    "permitted before the default deny, and with DECRYPT_NOT_ALLOWED because the platform pins certificates — decrypting breaks " +
    "agent start-up.",
  fix: "add a PERMIT rule for the listed WebGroup/SmartGroup before any deny-all, with decryptPolicy DECRYPT_NOT_ALLOWED and watch off",
  suppressible: false,
  reads: "foundry-hosted-agents facts (acaPermits) and the dcf-policy fact models",
  check(ctx): readonly RuleCheck[] {
    const policies = ctx.facts("dcf-policy");
    const checks: RuleCheck[] = [];
    for (const { node, fact } of ctx.facts("foundry-hosted-agents")) {
      for (const permit of fact.acaPermits)
        checks.push(
          checkPermit(
            node,
            permit,
            policies.map((p) => p.fact.model),
          ),
        );
    }
    return checks;
  },
};

function checkPermit(
  node: IConstruct,
  permit: { label: string; webGroups?: readonly string[]; dstGroups?: readonly string[] },
  models: readonly PolicyModel[],
): RuleCheck {
  const keys = new Set([...(permit.webGroups ?? []), ...(permit.dstGroups ?? [])]);
  const want = `PERMIT of ${[...keys].sort().join(", ")} before any deny-all, DECRYPT_NOT_ALLOWED`;
  for (const model of models) {
    // Evaluation order and "catch-all deny" as the policy analyzer defines them.
    const analysis = analysisContext(model);
    const ordered = analysis.ordered.map((o) => o.rule);
    const idx = ordered.findIndex((r) => isPermitAction(r) && !r.watch && [...r.webGroups, ...r.dstGroups].some((k) => keys.has(k)));
    if (idx < 0) continue;
    const rule = ordered[idx];
    const denyBefore = ordered.slice(0, idx).find((r) => isCatchAllDeny(model, r));
    if (denyBefore)
      return fail(node, {
        findingId: permit.label,
        cause: `${permit.label} permit (${rule.name}) is shadowed by deny-all ${denyBefore.name}`,
        got: `${denyBefore.name} first`,
        want,
      });
    if (rule.decryptPolicy !== "DECRYPT_NOT_ALLOWED")
      return fail(node, {
        findingId: permit.label,
        cause: `${permit.label} permit (${rule.name}) may be TLS-decrypted`,
        got: rule.decryptPolicy,
        want: "DECRYPT_NOT_ALLOWED",
      });
    return pass(node, { findingId: permit.label });
  }
  return fail(node, { findingId: permit.label, cause: `no rule permits ${permit.label}`, got: "no matching PERMIT", want });
}

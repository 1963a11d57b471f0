import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";

/** AVX-DCF2: discover mode permits everything (logging only). */
export const discoverModeWarning: PreflightRule = {
  id: "AVX-DCF2",
  area: "DCF",
  name: "discover-mode",
  severity: "warning",
  cause: "the policy is in discover mode: rules only log and the default action permits",
  explanation:
    "Discover mode (default PERMIT + log, rules in watch mode) is for learning traffic before enforcement; it contains nothing. " +
    "Keep it short-lived and promote to enforce.",
  fix: 'switch the policy pack to mode "enforce" once the discovered flows are reviewed (or acknowledge with an end date)',
  suppressible: true,
  reads: "dcf-policy facts (mode)",
  check(ctx): readonly RuleCheck[] {
    return ctx.facts("dcf-policy").map(({ node, fact }) => (fact.mode === "discover" ? fail(node, { got: "discover", want: "enforce" }) : pass(node)));
  },
};

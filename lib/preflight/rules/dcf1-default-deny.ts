import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { evaluationOrder, isCatchAllDeny } from "./policy-helpers";

/** AVX-DCF1: in enforce mode the policy ends in a default deny. */
export const finalDefaultDeny: PreflightRule = {
  id: "AVX-DCF1",
  area: "DCF",
  name: "enforce-mode-default-deny",
  level: "ERROR",
  cause: "the policy is in enforce mode but nothing denies traffic that no rule permits",
  explanation:
    "After DCF is enabled the POST_RULES default action is PERMIT without logging; unless it is set to DENY (or the last rule is a " +
    "catch-all deny) everything not explicitly denied leaves the VPC — the opposite of a containment architecture.",
  fix: "set the POST_RULES default action to DENY with logging (DcfPolicyPack mode \"enforce\")",
  suppressible: false,
  reads: "dcf-policy facts (mode, defaultAction, rules)",
  check(ctx): readonly RuleCheck[] {
    return ctx
      .facts("dcf-policy")
      .filter((p) => p.fact.mode === "enforce")
      .map(({ node, fact }) => {
        if (fact.model.defaultAction?.action === "DENY") return pass(node);
        const last = evaluationOrder(fact.model).at(-1);
        if (last && last.tier === "V1" && isCatchAllDeny(fact.model, last)) return pass(node);
        return fail(node, { got: fact.model.defaultAction ? `default action ${fact.model.defaultAction.action}` : "default action unmanaged (controller default PERMIT)", want: "default action DENY" });
      });
  },
};

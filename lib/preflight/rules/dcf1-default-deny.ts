import { missingDefaultDeny } from "../../dcf/analyze/checks/missing-default-deny";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { runPolicyCheck } from "./policy-analysis";

/** AVX-DCF1: in enforce mode the policy ends in a default deny (analyzer check missing-default-deny). */
export const finalDefaultDeny: PreflightRule = {
  id: "AVX-DCF1",
  area: "DCF",
  name: "enforce-mode-default-deny",
  level: "ERROR",
  cause: "the policy is in enforce mode but nothing denies traffic that no rule permits",
  explanation:
    "After DCF is enabled the POST_RULES default action is PERMIT without logging; unless it is set to DENY (or the last rule is a " +
    "catch-all deny) everything not explicitly denied leaves the VPC — the opposite of a containment architecture. " +
    "Same check as `vca-cdktf analyze` missing-default-deny.",
  fix: "set the POST_RULES default action to DENY with logging (DcfPolicyPack mode \"enforce\")",
  suppressible: false,
  reads: "dcf-policy facts (mode, defaultAction, rules)",
  check(ctx): readonly RuleCheck[] {
    return ctx
      .facts("dcf-policy")
      .filter((p) => p.fact.mode === "enforce")
      .map(({ node, fact }) => {
        if (!runPolicyCheck(missingDefaultDeny, fact.model).length) return pass(node);
        const d = fact.model.defaultAction;
        return fail(node, { got: d ? `default action ${d.action}` : "default action unmanaged (controller default PERMIT)", want: "default action DENY" });
      });
  },
};

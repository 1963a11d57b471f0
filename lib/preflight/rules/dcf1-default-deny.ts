import { missingDefaultDeny, openSourceNames } from "../../dcf/analyze/checks/missing-default-deny";
import { mergeModels } from "../../dcf/merge";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { analysisContext, runPolicyCheck } from "./policy-analysis";

/** AVX-DCF1: in enforce mode the policy ends in a default deny (analyzer check missing-default-deny). */
export const finalDefaultDeny: PreflightRule = {
  id: "AVX-DCF1",
  area: "DCF",
  name: "enforce-mode-default-deny",
  severity: "error",
  cause: "the policy is in enforce mode but nothing denies traffic of its workloads that no rule permits",
  explanation:
    "After DCF is enabled the POST_RULES default action is PERMIT without logging, and a brownfield stack does not own it; unless each " +
    "source the stack permits from is closed by a later catch-all DENY scoped to it (or the stack owns a DENY default action), " +
    "everything not explicitly denied leaves the VPC — the opposite of a containment architecture. The stack's packs are judged " +
    "together (a closing deny may sit in a ruleset after the K8S block). Same check as `vca-cdktf analyze` missing-default-deny.",
  fix: "end the policy with a DENY of every protocol from each workload group to Anywhere (or Public Internet); on a dedicated controller, own the default action (DENY + logging)",
  suppressible: false,
  reads: "dcf-policy facts (mode, defaultAction, rules) of every pack in the stack",
  check(ctx): readonly RuleCheck[] {
    const packs = ctx.facts("dcf-policy");
    const stackModel = packs.length > 1 ? mergeModels(...packs.map((p) => p.fact.model)) : packs[0]?.fact.model;
    return packs
      .filter((p) => p.fact.mode === "enforce")
      .map(({ node, fact }) => {
        const model = stackModel ?? fact.model;
        if (!runPolicyCheck(missingDefaultDeny, model).length) return pass(node);
        const d = model.defaultAction;
        const open = openSourceNames(analysisContext(model));
        const got = `${d ? `default action ${d.action}` : "default action unmanaged (controller default PERMIT)"}${open.length ? `, no closing deny for ${open.join(", ")}` : ""}`;
        return fail(node, { got, want: "a closing DENY scoped to each permitted source, or default action DENY" });
      });
  },
};

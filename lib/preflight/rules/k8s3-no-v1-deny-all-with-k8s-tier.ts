import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { isDenyAllEgress } from "./policy-helpers";

/** AVX-K8S3: no V1 deny-all while a K8S (FirewallPolicy) tier is used. */
export const noV1DenyAllWithK8sTier: PreflightRule = {
  id: "AVX-K8S3",
  area: "K8S",
  name: "no-v1-deny-all-with-k8s-tier",
  level: "ERROR",
  cause: "a V1 deny-all evaluates before the K8S block and blocks every FirewallPolicy permit",
  explanation:
    "Evaluation order is V1 → K8S_POLICY_LIST → POST_RULES. A V1 DENY to the internet (even scoped to pod CIDRs) pre-empts the " +
    "per-workload FirewallPolicy permits (research k8s-obot-crds.md §5.4). The default deny belongs in POST_RULES.",
  fix: "remove the V1 deny-all and set the POST_RULES default action to DENY with logging",
  suppressible: false,
  reads: "dcf-policy facts (V1 and K8S rules) plus firewall-policy-crd and obot facts (a K8S tier in use)",
  check(ctx): readonly RuleCheck[] {
    const k8sTierUsed =
      ctx.facts("firewall-policy-crd").length > 0 || ctx.facts("obot").length > 0 || ctx.facts("dcf-policy").some((p) => p.fact.model.rules.some((r) => r.tier === "K8S"));
    if (!k8sTierUsed) return [];
    return ctx.facts("dcf-policy").map(({ node, fact }) => {
      const offending = fact.model.rules.filter((r) => r.tier === "V1" && isDenyAllEgress(fact.model, r));
      return offending.length
        ? fail(node, { got: `V1 ${offending.map((r) => `${r.name} (priority ${r.priority})`).join(", ")}`, want: "deny-all only in POST_RULES" })
        : pass(node);
    });
  },
};

import { RuleModel } from "../../model";
import { AnalysisContext, PolicyCheck } from "../check";
import { couldContainK8sWorkloads, hasInternetWideDestination } from "../groups";
import { isPermitAction, ruleLabel, rulePosition } from "../rule-order";

// V1 is evaluated before the K8S block (FirewallPolicy CRDs), so a V1 catch-all DENY decides
// every flow from its sources before any CRD permit is looked at. The catch-all deny belongs in
// POST_RULES (research docs/research/k8s-obot-crds.md §0.6, §5.4).

/** A terminal DENY on every protocol and port to an Internet-wide destination, no L7 filter. */
export function isCatchAllDeny(ctx: AnalysisContext, r: RuleModel): boolean {
  return (
    r.action === "DENY" &&
    !r.watch &&
    r.protocol === "ANY" &&
    r.portRanges.length === 0 &&
    r.webGroups.length === 0 &&
    hasInternetWideDestination(ctx.model, r.dstGroups)
  );
}

/** A catch-all DENY whose sources could hold pods, so it can decide flows the K8S tier should. */
function preemptsK8s(ctx: AnalysisContext, r: RuleModel): boolean {
  return isCatchAllDeny(ctx, r) && r.srcGroups.some((k) => couldContainK8sWorkloads(ctx.model.smartGroups[k]));
}

export const v1DenyAllBeforeK8s: PolicyCheck = {
  id: "v1-deny-all-before-k8s",
  description: "a V1 catch-all DENY that pre-empts the permits of the K8S (FirewallPolicy) tier",
  run(ctx) {
    const k8sPermits = ctx.model.rules.filter((r) => r.tier === "K8S" && !r.watch && isPermitAction(r));
    if (k8sPermits.length === 0) return [];
    return ctx.ordered
      .filter((o) => o.rule.tier === "V1" && preemptsK8s(ctx, o.rule))
      .map((o) => ({
        id: this.id,
        severity: "error" as const,
        rule: ruleLabel(o.rule),
        explanation:
          `V1 DENY "${o.rule.name}" (${rulePosition(o.rule)}) denies all traffic from its sources before the K8S tier is evaluated, ` +
          `pre-empting ${k8sPermits.length} FirewallPolicy permit rule${k8sPermits.length === 1 ? "" : "s"} (e.g. "${k8sPermits[0].name}"); ` +
          "put the catch-all deny in the POST_RULES default action instead",
      }));
  },
};

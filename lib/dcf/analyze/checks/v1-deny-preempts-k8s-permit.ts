import { PolicyCheck } from "../check";
import { rulesMayOverlap } from "../overlap";
import { isPermitAction, ruleLabel, rulePosition } from "../rule-order";

// Everything evaluated before the K8S block (the V1 list, rulesets at TERRAFORM_BEFORE_UI_MANAGED
// or TERRAFORM_AFTER_UI_MANAGED; lib/dcf/attachment-points.ts) decides a flow before any
// FirewallPolicy rule is looked at. So a DENY there that can match a flow a FirewallPolicy permits
// — any overlap, not only a deny-all — silently overrides the workload's own policy
// (research docs/research/k8s-obot-crds.md §0.6, §5.4: "a V1 deny at any priority evaluates before
// the CRD block"). Such denies belong after the K8S block (TERRAFORM_AFTER_K8S_MANAGED) or in the
// POST_RULES default action, or must be scoped so they cannot meet the permit.

export const v1DenyPreemptsK8sPermit: PolicyCheck = {
  id: "v1-deny-preempts-k8s-permit",
  description: "a DENY evaluated before the K8S block that can match traffic a FirewallPolicy (K8S tier) permits",
  run(ctx) {
    const k8sPermits = ctx.model.rules.filter((r) => r.tier === "K8S" && !r.watch && isPermitAction(r));
    if (k8sPermits.length === 0) return [];
    return ctx.ordered
      .filter((o) => o.rule.tier === "V1" && o.rule.action === "DENY" && !o.rule.watch)
      .flatMap((o) => {
        const hit = k8sPermits.filter((p) => rulesMayOverlap(ctx.model, o.rule, p));
        if (hit.length === 0) return [];
        const named = hit
          .slice(0, 3)
          .map((p) => `"${p.origin !== undefined ? `${p.origin}/${p.name}` : p.name}"`)
          .join(", ");
        const more = hit.length > 3 ? ` and ${hit.length - 3} more` : "";
        return [
          {
            id: this.id,
            severity: "error" as const,
            rule: ruleLabel(o.rule),
            explanation:
              `DENY "${o.rule.name}" (${rulePosition(o.rule)}, before the K8S block) can match traffic that FirewallPolicy permit ${named}${more} allows, ` +
              "and decides it first: the workload's own policy never applies to it; " +
              "move the deny after the K8S block (a ruleset at TERRAFORM_AFTER_K8S_MANAGED, or the default action) or scope it so it cannot match the permit",
          },
        ];
      });
  },
};

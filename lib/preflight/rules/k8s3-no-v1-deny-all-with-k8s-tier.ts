import { v1DenyPreemptsK8sPermit } from "../../dcf/analyze/checks/v1-deny-preempts-k8s-permit";
import { modelFromFirewallPolicies } from "../../dcf/crd/from-crd";
import { mergeModels } from "../../dcf/merge";
import type { PolicyModel, RuleModel, SmartGroupModel } from "../../dcf/model";
import { WELL_KNOWN } from "../../dcf/model";
import { BUILT_IN_SMART_GROUPS } from "../../dcf/built-in-groups";
import type { RuleContext } from "../context";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { runPolicyCheck } from "./policy-analysis";

/** AVX-K8S3: nothing evaluated before the K8S block denies what a FirewallPolicy permits (analyzer check v1-deny-preempts-k8s-permit). */
export const noV1DenyAllWithK8sTier: PreflightRule = {
  id: "AVX-K8S3",
  area: "K8S",
  name: "no-v1-deny-before-k8s-permit",
  severity: "error",
  cause: "a DENY evaluated before the K8S block matches traffic a FirewallPolicy permits, so the permit never applies",
  explanation:
    "Evaluation order is V1 (the V1 list and rulesets before the K8S block) → K8S_POLICY_LIST → TERRAFORM_AFTER_K8S_MANAGED → POST_RULES. " +
    "Any DENY before the K8S block that can match a FirewallPolicy permit — not only a deny-all — decides the flow first " +
    "(research docs/research/k8s-obot-crds.md §5.4). Same check as `vca-cdktf analyze` v1-deny-preempts-k8s-permit, with the K8S tier taken " +
    "from the stack's FirewallPolicy objects and, for Obot, the MCP server pods its controller writes permits for.",
  fix: "move the deny after the K8S block (ruleset at TERRAFORM_AFTER_K8S_MANAGED, e.g. the stack's containment ruleset) or scope it away from the permitted workloads",
  suppressible: false,
  reads: "dcf-policy facts (rules before the K8S block) plus firewall-policy-crd and obot facts (the K8S tier's permits)",
  check(ctx): readonly RuleCheck[] {
    const tier = k8sTier(ctx);
    const k8sTierUsed = tier !== undefined || ctx.facts("dcf-policy").some((p) => p.fact.model.rules.some((r) => r.tier === "K8S"));
    if (!k8sTierUsed) return [];
    return ctx.facts("dcf-policy").map(({ node, fact }) => {
      const findings = runPolicyCheck(v1DenyPreemptsK8sPermit, tier ? mergeModels(fact.model, tier) : fact.model);
      return findings.length ? fail(node, { cause: findings.map((f) => f.explanation).join("; ") }) : pass(node);
    });
  },
};

/**
 * The K8S tier from outside the packs: the FirewallPolicy objects the stack applies (their real
 * rules) and Obot, whose network policy controller writes per-MCP-server permits at runtime — a
 * stand-in permit from the MCP namespace's pods to anywhere (any destination a server may list).
 */
function k8sTier(ctx: RuleContext): PolicyModel | undefined {
  const models: PolicyModel[] = [];
  const objects = ctx
    .facts("firewall-policy-crd")
    .flatMap(({ fact }) => fact.objects.map((policy, i) => ({ policy, where: `${fact.clusterKey}: objects[${i}]` })));
  if (objects.length > 0) models.push(modelFromFirewallPolicies(objects));
  ctx.facts("obot").forEach(({ fact }, i) => {
    const key = `obot-mcp-pods:${fact.clusterKey}:${i}`;
    const pods: SmartGroupModel = fact.mcpNamespace
      ? { key, name: `Obot MCP server pods (${fact.mcpNamespace})`, kind: "selector", expressions: [{ type: "k8s", k8sNamespace: fact.mcpNamespace }] }
      : { key, name: "Obot MCP server pods", kind: "anywhere", expressions: [] };
    const permit: RuleModel = {
      name: `Obot MCP server FirewallPolicies (cluster ${fact.clusterKey})`,
      tier: "K8S",
      priority: 0,
      action: "PERMIT",
      protocol: "ANY",
      portRanges: [],
      srcGroups: [key],
      dstGroups: [WELL_KNOWN.anywhere],
      webGroups: [],
      logging: false,
      watch: false,
      decryptPolicy: "DECRYPT_UNSPECIFIED",
      flowAppRequirement: "APP_UNSPECIFIED",
    };
    models.push({ smartGroups: { [key]: pods, [WELL_KNOWN.anywhere]: BUILT_IN_SMART_GROUPS[WELL_KNOWN.anywhere] }, webGroups: {}, rules: [permit] });
  });
  return models.length ? mergeModels(...models) : undefined;
}

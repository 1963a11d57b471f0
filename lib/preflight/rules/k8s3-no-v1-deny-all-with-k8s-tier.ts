import { v1DenyAllBeforeK8s } from "../../dcf/analyze/checks/v1-deny-all-before-k8s";
import type { PolicyModel, RuleModel } from "../../dcf/model";
import type { RuleContext } from "../context";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { runPolicyCheck } from "./policy-analysis";

/** AVX-K8S3: no V1 deny-all while a K8S (FirewallPolicy) tier is used (analyzer check v1-deny-all-before-k8s). */
export const noV1DenyAllWithK8sTier: PreflightRule = {
  id: "AVX-K8S3",
  area: "K8S",
  name: "no-v1-deny-all-with-k8s-tier",
  level: "ERROR",
  cause: "a V1 deny-all evaluates before the K8S block and blocks every FirewallPolicy permit",
  explanation:
    "Evaluation order is V1 → K8S_POLICY_LIST → POST_RULES. A V1 DENY to the internet (even scoped to pod CIDRs) pre-empts the " +
    "per-workload FirewallPolicy permits (research docs/research/k8s-obot-crds.md §5.4). The default deny belongs in POST_RULES. Same check as " +
    "`vca-cdktf analyze` v1-deny-all-before-k8s, with the K8S tier taken from the stack's FirewallPolicy and Obot facts as well.",
  fix: "remove the V1 deny-all and set the POST_RULES default action to DENY with logging",
  suppressible: false,
  reads: "dcf-policy facts (V1 and K8S rules) plus firewall-policy-crd and obot facts (a K8S tier in use)",
  check(ctx): readonly RuleCheck[] {
    const tier = k8sTierPermits(ctx);
    const k8sTierUsed =
      ctx.facts("firewall-policy-crd").length > 0 || ctx.facts("obot").length > 0 || ctx.facts("dcf-policy").some((p) => p.fact.model.rules.some((r) => r.tier === "K8S"));
    if (!k8sTierUsed) return [];
    return ctx.facts("dcf-policy").map(({ node, fact }) => {
      const findings = runPolicyCheck(v1DenyAllBeforeK8s, withK8sTier(fact.model, tier));
      return findings.length ? fail(node, { cause: findings.map((f) => f.explanation).join("; ") }) : pass(node);
    });
  },
};

/**
 * Permits the K8S tier gets from outside the V1 pack: FirewallPolicy objects the stack applies
 * (their permit rules) and Obot, whose network policy controller creates per-MCP-server permits
 * at runtime. Stand-ins only need what the analyzer check reads (tier, action, watch, name).
 */
function k8sTierPermits(ctx: RuleContext): RuleModel[] {
  const permits: RuleModel[] = [];
  for (const { fact } of ctx.facts("firewall-policy-crd")) {
    for (const obj of fact.objects) {
      for (const r of obj.spec.rules ?? []) {
        if (r.action !== "deny" && r.watch !== true) permits.push(standIn(r.name, `${obj.metadata.namespace ?? ""}/${obj.metadata.name}`));
      }
    }
  }
  for (const { fact } of ctx.facts("obot")) permits.push(standIn(`Obot MCP server FirewallPolicies (cluster ${fact.clusterKey})`));
  return permits;
}

function standIn(name: string, origin?: string): RuleModel {
  return {
    name,
    ...(origin !== undefined ? { origin } : {}),
    tier: "K8S",
    priority: 0,
    action: "PERMIT",
    protocol: "TCP",
    portRanges: [],
    srcGroups: [],
    dstGroups: [],
    webGroups: [],
    logging: false,
    watch: false,
    decryptPolicy: "DECRYPT_UNSPECIFIED",
    flowAppRequirement: "APP_UNSPECIFIED",
  };
}

function withK8sTier(model: PolicyModel, permits: readonly RuleModel[]): PolicyModel {
  return permits.length ? { ...model, rules: [...model.rules, ...permits] } : model;
}

import type { PolicyModel, RuleModel } from "../../dcf/model";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { CONTROL_PLANE_DOMAINS } from "./control-plane-domains";
import { patternCovers, wildcardMatches } from "./policy-helpers";

/** AVX-DCF5: no broad TLS decryption that covers control-plane destinations. */
export const noControlPlaneDecryption: PreflightRule = {
  id: "AVX-DCF5",
  area: "DCF",
  name: "no-control-plane-decryption",
  level: "ERROR",
  cause: "a decrypting rule covers control-plane destinations (Kubernetes API, cloud identity/management, Aviatrix)",
  explanation:
    "Decrypting control-plane traffic breaks certificate pinning and mTLS of kubelets, cloud CLIs and agents and exposes credentials " +
    "to the inspection path. Decryption must be scoped to the application domains that need URL visibility.",
  fix: "limit DECRYPT_ALLOWED rules to WebGroups of application domains; permit control-plane domains in separate DECRYPT_NOT_ALLOWED rules",
  suppressible: true,
  reads: "dcf-policy facts (rules with DECRYPT_ALLOWED and their WebGroups)",
  check(ctx): readonly RuleCheck[] {
    const checks: RuleCheck[] = [];
    for (const { node, fact } of ctx.facts("dcf-policy")) {
      for (const rule of fact.model.rules.filter((r) => r.decryptPolicy === "DECRYPT_ALLOWED")) {
        const hits = controlPlaneHits(fact.model, rule);
        checks.push(hits.length ? fail(node, { findingId: rule.name, got: hits.join(", "), want: "application domains only" }) : pass(node, { findingId: rule.name }));
      }
    }
    return checks;
  },
};

function controlPlaneHits(model: PolicyModel, rule: RuleModel): string[] {
  if (rule.webGroups.length === 0) return ["every destination (no WebGroup)"];
  const hits = new Set<string>();
  for (const key of rule.webGroups) {
    const web = model.webGroups[key];
    if (!web) continue;
    if (wildcardMatches(web).length) hits.add(`${web.name}: every domain`);
    for (const m of web.matches) {
      const pattern = m.sni ?? m.url ?? "";
      for (const cp of CONTROL_PLANE_DOMAINS) if (patternCovers(pattern, cp)) hits.add(`${web.name}: ${pattern} covers ${cp}`);
    }
  }
  return [...hits].sort();
}

import { decryptControlPlane } from "../../dcf/analyze/checks/decrypt-control-plane";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { runPolicyCheckOnRule } from "./policy-analysis";

/** AVX-DCF5: no TLS decryption that covers control-plane destinations (analyzer check decrypt-control-plane). */
export const noControlPlaneDecryption: PreflightRule = {
  id: "AVX-DCF5",
  area: "DCF",
  name: "no-control-plane-decryption",
  severity: "error",
  cause: "a decrypting rule covers control-plane destinations (Kubernetes API, cloud identity/management, registries)",
  explanation:
    "Decrypting control-plane traffic breaks certificate pinning and mTLS of kubelets, cloud CLIs and agents and exposes credentials " +
    "to the inspection path. Decryption must be scoped to the application domains that need URL visibility. The control-plane " +
    "list is lib/dcf/analyze/data/mitm-sensitive-domains.json (with sources), the same check as `vca-cdktf analyze` decrypt-control-plane.",
  fix: "limit DECRYPT_ALLOWED rules to WebGroups of application domains; permit control-plane domains in separate DECRYPT_NOT_ALLOWED rules",
  suppressible: true,
  reads: "dcf-policy facts (rules with DECRYPT_ALLOWED and their WebGroups)",
  check(ctx): readonly RuleCheck[] {
    const checks: RuleCheck[] = [];
    for (const { node, fact } of ctx.facts("dcf-policy")) {
      for (const rule of fact.model.rules.filter((r) => r.decryptPolicy === "DECRYPT_ALLOWED")) {
        const findings = runPolicyCheckOnRule(decryptControlPlane, fact.model, rule);
        checks.push(
          findings.length ? fail(node, { findingId: rule.name, cause: findings.map((f) => f.explanation).join("; ") }) : pass(node, { findingId: rule.name }),
        );
      }
    }
    return checks;
  },
};

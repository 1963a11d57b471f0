import { PolicyModel } from "../model";
import { analysisContext, PolicyCheck } from "./check";
import { decryptControlPlane } from "./checks/decrypt-control-plane";
import { duplicatePriorities } from "./checks/duplicate-priorities";
import { emptyGroups } from "./checks/empty-groups";
import { internetPermitWithoutWebGroup } from "./checks/internet-permit-without-webgroup";
import { matchAllDomain } from "./checks/match-all-domain";
import { missingDefaultDeny } from "./checks/missing-default-deny";
import { portsOnIcmp } from "./checks/ports-on-icmp";
import { shadowedRules } from "./checks/shadowed-rules";
import { urlFilterWithoutDecryption } from "./checks/url-filter-without-decryption";
import { v1DenyPreemptsK8sPermit } from "./checks/v1-deny-preempts-k8s-permit";
import { severityRank } from "../../core/finding";
import { PolicyFinding } from "./finding";

/** Every check, in report order within a severity. */
export const POLICY_CHECKS: readonly PolicyCheck[] = [
  v1DenyPreemptsK8sPermit,
  shadowedRules,
  duplicatePriorities,
  urlFilterWithoutDecryption,
  decryptControlPlane,
  portsOnIcmp,
  emptyGroups,
  internetPermitWithoutWebGroup,
  matchAllDomain,
  missingDefaultDeny,
];

export const FINDING_IDS: readonly string[] = POLICY_CHECKS.map((c) => c.id);

/**
 * Static analysis of a DCF policy model: unreachable rules, ordering mistakes, decryption
 * gating and overly broad permits. Pure and deterministic: findings are sorted by severity,
 * then check, then rule evaluation order.
 */
export function analyze(model: PolicyModel): PolicyFinding[] {
  const ctx = analysisContext(model);
  const all = POLICY_CHECKS.flatMap((check, checkIndex) => check.run(ctx).map((f, i) => ({ f, checkIndex, i })));
  return all.sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.checkIndex - b.checkIndex || a.i - b.i).map((x) => x.f);
}

/** Any error-level finding means the pack does not do what it says (CLI exit 1). */

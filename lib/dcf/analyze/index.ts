// Public API of the policy analyzer (helpers stay internal).
export { PolicyFinding, PolicySeverity, POLICY_SEVERITIES, formatPolicyFinding, severityRank } from "./finding";
export { analyze, hasPolicyErrors, POLICY_CHECKS, FINDING_IDS } from "./analyze";
export { AnalysisContext, PolicyCheck, analysisContext } from "./check";
export { ruleCovers } from "./subsumption";
export { MITM_SENSITIVE_DOMAINS, SensitiveDomain } from "./control-plane-domains";

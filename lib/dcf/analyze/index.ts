// Public API of the policy analyzer (helpers stay internal).
export { PolicyFinding, formatPolicyFinding } from "./finding";
export { analyze, POLICY_CHECKS, FINDING_IDS } from "./analyze";
export { AnalysisContext, PolicyCheck, analysisContext } from "./check";
export { ruleCovers } from "./subsumption";
export { MITM_SENSITIVE_DOMAINS, SensitiveDomain } from "./control-plane-domains";

// What the analyzer reports. Severities: error = the pack does not do what it says in a way that
// widens egress, breaks apply or breaks the workload (exit 1); warning = dead, redundant or overly
// broad policy worth a look; info = noteworthy but intended in some modes (e.g. discover).

export const POLICY_SEVERITIES = ["error", "warning", "info"] as const;
export type PolicySeverity = (typeof POLICY_SEVERITIES)[number];

export interface PolicyFinding {
  /** Stable check id, e.g. `shadowed-rule` (see FINDING_IDS). */
  readonly id: string;
  readonly severity: PolicySeverity;
  /** The rule the finding is about (see ruleLabel), when there is one. */
  readonly rule?: string;
  readonly explanation: string;
}

export function severityRank(s: PolicySeverity): number {
  return POLICY_SEVERITIES.indexOf(s);
}

/** One line per finding: `<SEVERITY> <id> [rule]: explanation`. */
export function formatPolicyFinding(f: PolicyFinding): string {
  return `${f.severity.toUpperCase()} ${f.id}${f.rule !== undefined ? ` [${f.rule}]` : ""}: ${f.explanation}`;
}

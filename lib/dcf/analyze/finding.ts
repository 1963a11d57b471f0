// What the analyzer reports. Severities: error = the pack does not do what it says in a way that
// widens egress, breaks apply or breaks the workload (exit 1); warning = dead, redundant or overly
// broad policy worth a look; info = noteworthy but intended in some modes (e.g. discover).

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  /** Stable check id, e.g. `shadowed-rule` (see FINDING_IDS). */
  readonly id: string;
  readonly severity: Severity;
  /** The rule the finding is about (see ruleLabel), when there is one. */
  readonly rule?: string;
  readonly explanation: string;
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** One line per finding: `<SEVERITY> <id> [rule]: explanation`. */
export function formatFinding(f: Finding): string {
  return `${f.severity.toUpperCase()} ${f.id}${f.rule !== undefined ? ` [${f.rule}]` : ""}: ${f.explanation}`;
}

// What the analyzer reports, on the one severity scale (lib/core/finding.ts): error = the pack
// does not do what it says in a way that widens egress, breaks apply or breaks the workload
// (exit 1); warning = dead, redundant or overly broad policy worth a look; info = noteworthy but
// intended in some modes (e.g. discover).
import { Finding, severityLabel } from "../../core/finding";

export interface PolicyFinding extends Finding {
  /** Stable check id, e.g. `shadowed-rule` (see FINDING_IDS). */
  readonly id: string;
  /** The rule the finding is about (see ruleLabel), when there is one. */
  readonly rule?: string;
  readonly explanation: string;
}

/** One line per finding: `<SEVERITY> <id> [rule]: explanation`. */
export function formatPolicyFinding(f: PolicyFinding): string {
  return `${severityLabel(f.severity)} ${f.id}${f.rule !== undefined ? ` [${f.rule}]` : ""}: ${f.explanation}`;
}

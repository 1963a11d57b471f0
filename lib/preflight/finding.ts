// Evaluated findings and their one-line message (docs/ARCHITECTURE.md §6):
//   [<SEVERITY> at <construct path>] AVX-<AREA><N>: <cause> (got <x>, want <y>); <fix> (terraform: <address>; see RULES.md#<id>)
import { Finding, Severity, severityLabel } from "../core/finding";

export type FindingStatus = "non-compliant" | "unknown" | "acknowledged" | "compliant";

export interface PreflightFinding extends Finding {
  readonly ruleId: string;
  /** `AVX-X1[finding]` when the rule reports several findings per construct, else the rule id. */
  readonly id: string;
  /** The rule's severity; an undecidable error is a warning, an acknowledged or compliant finding info. */
  readonly severity: Severity;
  readonly status: FindingStatus;
  readonly constructPath: string;
  readonly address?: string;
  readonly cause: string;
  readonly got?: string;
  readonly want?: string;
  readonly fix: string;
  readonly message: string;
  readonly acknowledgement?: { readonly reason: string; readonly expires?: string; readonly at: string };
  /** Why an acknowledgement did not apply (expired, rule not suppressible). */
  readonly note?: string;
}

export function rulesAnchor(ruleId: string): string {
  return `RULES.md#${ruleId.toLowerCase()}`;
}

/** The cause of a compliant finding: what holds, never the rule's failure wording. */
export function compliantCause(ruleName: string): string {
  return `compliant: ${ruleName}`;
}

/** The fix of a compliant finding. */
export const NOTHING_TO_FIX = "nothing to fix";

export function formatMessage(f: Omit<PreflightFinding, "message">): string {
  if (f.status === "compliant") {
    const where = [f.address ? `terraform: ${f.address}` : undefined, `see ${rulesAnchor(f.ruleId)}`].filter(Boolean).join("; ");
    return `[PASS at ${f.constructPath}] ${f.id}: ${f.cause} (${where})`;
  }
  const label = f.status === "acknowledged" ? "ACKNOWLEDGED" : severityLabel(f.severity);
  const values = [f.got !== undefined ? `got ${f.got}` : undefined, f.want !== undefined ? `want ${f.want}` : undefined].filter(Boolean);
  const cause = f.status === "unknown" ? `cannot be verified at synth: ${f.cause}` : f.cause;
  const where = [f.address ? `terraform: ${f.address}` : undefined, `see ${rulesAnchor(f.ruleId)}`].filter(Boolean).join("; ");
  const ack = f.status === "acknowledged" && f.acknowledgement ? ` [acknowledged at ${f.acknowledgement.at || "<app>"}: ${f.acknowledgement.reason}]` : "";
  const note = f.note ? ` [${f.note}]` : "";
  return `[${label} at ${f.constructPath}] ${f.id}: ${cause}${values.length ? ` (${values.join(", ")})` : ""}; ${f.fix} (${where})${ack}${note}`;
}

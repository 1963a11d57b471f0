// The one finding vocabulary of every check the library runs: preflight rules (lib/preflight),
// the policy analyzer (lib/dcf/analyze) and offline validation (lib/validate). Each check adds
// the fields that locate its finding (a construct path, a rule, a Terraform address); the id and
// the severity scale are shared, so reports, exit codes and CI gates read all three the same way.
//   error   = blocks: widens egress, breaks apply or breaks the workload (synth/CLI exit 1)
//   warning = worth a look: dead, redundant or overly broad; cannot be decided at synth
//   info    = noteworthy but intended (e.g. discover mode), or acknowledged

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What every finding carries. */
export interface Finding {
  /** Stable id: a preflight rule id (`AVX-DCF1`), an analyzer check (`shadowed-rule`), a validation code (`enum`). */
  readonly id: string;
  readonly severity: Severity;
}

/** 0 for error, 1 for warning, 2 for info: sorts the most severe first. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** How a severity prints in a finding's one-line message: `ERROR`, `WARNING`, `INFO`. */
export function severityLabel(severity: Severity): string {
  return severity.toUpperCase();
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && (SEVERITIES as readonly string[]).includes(value);
}

/** True when any finding blocks (severity error). */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

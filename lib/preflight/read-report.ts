// Reading a preflight report back (`vca preflight report` / `lock`). The file is input: every field
// the commands use is checked here (a malformed report is exit 2 naming the file and field, never
// a crash), and the error count comes from the findings themselves, so a report whose `summary`
// was emptied or edited cannot turn an ERROR into exit 0.
import { UserInputError } from "../util/errors";
import type { ImmutableRecord } from "./engine";
import type { FindingStatus } from "./finding";
import { isSeverity, Severity } from "../core/finding";

export interface ReadReport {
  readonly file: string;
  readonly stack: string;
  readonly summaryLine: string;
  /** Findings that are not compliant: message, severity, status. */
  readonly findings: ReadonlyArray<{ readonly severity: Severity; readonly status: FindingStatus; readonly message: string }>;
  /** non-compliant error findings (or the summary's count when larger). */
  readonly errors: number;
  readonly immutable: readonly ImmutableRecord[];
}

// Reports written before the one severity scale (vca-cdktf 0.1) carry `level: ERROR|WARN|INFO`.
const LEGACY_LEVELS: Readonly<Record<string, Severity>> = { ERROR: "error", WARN: "warning", INFO: "info" };
const STATUSES: readonly string[] = ["non-compliant", "unknown", "acknowledged", "compliant"];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function parseReport(parsed: unknown, file: string): ReadReport {
  const bad = (path: string, want: string, got: unknown): never => {
    throw new UserInputError(`${file}: ${path}: got ${JSON.stringify(got) ?? String(got)}, want ${want}; re-run \`cdktf synth\` with Preflight.of(stack)`);
  };
  if (!isObject(parsed)) return bad("(top level)", "a preflight report object", parsed);
  const stack = parsed.stack;
  if (typeof stack !== "string" || stack === "") return bad("stack", "the stack name", stack);
  if (!Array.isArray(parsed.findings)) return bad("findings", "a list", parsed.findings);
  const findings = parsed.findings.map((f, i) => {
    if (!isObject(f)) return bad(`findings[${i}]`, "a finding object", f);
    const severity =
      f.severity !== undefined ? f.severity : typeof f.level === "string" && Object.hasOwn(LEGACY_LEVELS, f.level) ? LEGACY_LEVELS[f.level] : f.level;
    if (!isSeverity(severity)) return bad(`findings[${i}].severity`, "error|warning|info", severity);
    if (typeof f.status !== "string" || !STATUSES.includes(f.status)) return bad(`findings[${i}].status`, STATUSES.join("|"), f.status);
    if (typeof f.message !== "string") return bad(`findings[${i}].message`, "a string", f.message);
    return { severity, status: f.status as FindingStatus, message: f.message };
  });
  const counted = findings.filter((f) => f.status === "non-compliant" && f.severity === "error").length;
  const summary = isObject(parsed.summary) ? parsed.summary : {};
  const claimed = Number.isSafeInteger(summary.errors) && (summary.errors as number) > 0 ? (summary.errors as number) : 0;
  const errors = Math.max(counted, claimed);
  const summaryLine = typeof parsed.summaryLine === "string" ? parsed.summaryLine : `${stack}: ${errors} error(s) (summary line missing in ${file})`;
  const immutableRaw = parsed.immutable ?? [];
  if (!Array.isArray(immutableRaw)) return bad("immutable", "a list", immutableRaw);
  const immutable = immutableRaw.map((r, i): ImmutableRecord => {
    const at = `immutable[${i}]`;
    if (!isObject(r)) return bad(at, "an immutable binding object", r);
    for (const k of ["key", "constructPath", "description"]) if (typeof r[k] !== "string" || r[k] === "") bad(`${at}.${k}`, "a non-empty string", r[k]);
    if (r.address !== undefined && typeof r.address !== "string") bad(`${at}.address`, "a string", r.address);
    if (!isObject(r.values) || Object.values(r.values).some((v) => typeof v !== "string")) bad(`${at}.values`, "an object of strings", r.values);
    if (!Array.isArray(r.references)) {
      throw new UserInputError(
        `${file}: ${stack}: immutable binding ${String(r.key)} has no "references" list (a report of an older vca-cdktf); synthesize again, then lock`,
      );
    }
    const values = r.values as Record<string, string>;
    if (r.references.some((n) => typeof n !== "string" || !Object.hasOwn(values, n))) bad(`${at}.references`, "names of its values", r.references);
    return {
      key: r.key as string,
      constructPath: r.constructPath as string,
      ...(typeof r.address === "string" ? { address: r.address } : {}),
      description: r.description as string,
      values,
      references: r.references as string[],
    };
  });
  return { file, stack, summaryLine, findings, errors, immutable };
}

// One validation result: what is wrong, where (resource address + attribute path) and how bad,
// on the one severity scale (lib/core/finding.ts; validation uses error and warning).
import { Finding, Severity } from "../core/finding";

/** A validation finding. `address` + `path` always locate the offending value. */
export interface ValidationFinding extends Finding {
  /** File the document was read from (set by the file/CLI layer). */
  readonly file?: string;
  /** Terraform address (`aviatrix_smart_group.app`, `data.aviatrix_web_group.x`) or `<Kind>/<namespace>/<name>`. */
  readonly address: string;
  /** Attribute path inside the resource, e.g. `policies[2].port_ranges`; empty for the resource itself. */
  readonly path: string;
  /** Stable machine-readable code, e.g. `enum`, `unknown-attribute`, `icmp-port-ranges`. */
  readonly id: string;
  readonly message: string;
}

/** Collects findings for one resource; keeps the address so checks only pass paths. */
export class FindingSink {
  public readonly findings: ValidationFinding[] = [];

  constructor(private readonly file?: string) {}

  public add(severity: Severity, address: string, path: string, id: string, message: string): void {
    const finding: ValidationFinding = { id, severity, address, path, message };
    this.findings.push(this.file === undefined ? finding : { ...finding, file: this.file });
  }

  public error(address: string, path: string, id: string, message: string): void {
    this.add("error", address, path, id, message);
  }

  public warning(address: string, path: string, id: string, message: string): void {
    this.add("warning", address, path, id, message);
  }
}

/** `aviatrix_smart_group.app.selector.match_expressions[0]`, or just the address for an empty path. */
export function validationFindingLocation(finding: ValidationFinding): string {
  return finding.path ? `${finding.address}.${finding.path}` : finding.address;
}

/** The CLI line format: `<file>: <severity> <address>.<path>: <message> [<id>]` (severity in lower case, as scripts grep it). */
export function formatValidationFinding(finding: ValidationFinding): string {
  const prefix = finding.file ? `${finding.file}: ` : "";
  return `${prefix}${finding.severity} ${validationFindingLocation(finding)}: ${finding.message} [${finding.id}]`;
}

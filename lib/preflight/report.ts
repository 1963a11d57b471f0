// Per-stack reports: cdktf.out/preflight/<stack>.json (our format) and <stack>.sarif (SARIF 2.1.0
// for code-scanning UIs). No timestamps: the same tree gives byte-identical reports.
import * as path from "path";
import { writeFilesAtomically } from "../util/atomic-write";
import type { PreflightResult } from "./engine";
import { rulesAnchor } from "./finding";
import type { RuleMetadata } from "./rule";

export const REPORT_DIR = "preflight";
export const REPORT_FORMAT_VERSION = 1;

export interface PreflightReportJson {
  readonly formatVersion: number;
  readonly stack: string;
  readonly controllerVersion?: string;
  readonly summary: PreflightResult["summary"];
  readonly summaryLine: string;
  readonly findings: PreflightResult["findings"];
  readonly rules: ReadonlyArray<{ readonly id: string; readonly severity: string; readonly suppressible: boolean; readonly applied: boolean }>;
  readonly immutable: PreflightResult["immutable"];
}

export function reportJson(result: PreflightResult, rules: readonly RuleMetadata[]): PreflightReportJson {
  const applied = new Set(result.applicableRuleIds);
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    stack: result.stack,
    ...(result.controllerVersion ? { controllerVersion: result.controllerVersion } : {}),
    summary: result.summary,
    summaryLine: result.summaryLine,
    findings: result.findings,
    rules: rules.map((r) => ({ id: r.id, severity: r.severity, suppressible: r.suppressible, applied: applied.has(r.id) })),
    immutable: result.immutable,
  };
}

const SARIF_LEVEL = { error: "error", warning: "warning", info: "note" } as const;

export function reportSarif(result: PreflightResult, rules: readonly RuleMetadata[]): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "vca-preflight",
            informationUri: "https://github.com/vca-cdktf/vca-cdktf/blob/main/RULES.md",
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.cause },
              fullDescription: { text: r.explanation },
              help: { text: r.fix, markdown: `${r.fix} See [${r.id}](${rulesAnchor(r.id)}).` },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              properties: { suppressible: r.suppressible, area: r.area },
            })),
          },
        },
        results: result.findings
          .filter((f) => f.status !== "compliant")
          .map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId) ?? -1,
            level: SARIF_LEVEL[f.severity],
            kind: f.status === "unknown" ? "review" : "fail",
            message: { text: f.message },
            locations: [
              {
                physicalLocation: { artifactLocation: { uri: `stacks/${result.stack}/cdk.tf.json` } },
                logicalLocations: [
                  { fullyQualifiedName: f.constructPath, kind: "module" },
                  ...(f.address ? [{ fullyQualifiedName: f.address, kind: "resource" }] : []),
                ],
              },
            ],
            partialFingerprints: { "vcaFinding/v1": `${f.id}@${f.constructPath}` },
            ...(f.status === "acknowledged" && f.acknowledgement
              ? { suppressions: [{ kind: "external", status: "accepted", justification: f.acknowledgement.reason }] }
              : {}),
          })),
      },
    ],
  };
}

/** Writes both reports for one stack into <outdir>/preflight, all-or-nothing. */
export function writeReports(outdir: string, result: PreflightResult, rules: readonly RuleMetadata[]): string {
  const dir = path.join(outdir, REPORT_DIR);
  const safe = result.stack.replace(/[^A-Za-z0-9._-]/g, "_");
  writeFilesAtomically(
    dir,
    new Map([
      [`${safe}.json`, JSON.stringify(reportJson(result, rules), null, 2) + "\n"],
      [`${safe}.sarif`, JSON.stringify(reportSarif(result, rules), null, 2) + "\n"],
    ]),
  );
  return path.join(dir, `${safe}.json`);
}

// `vca-cdktf preflight lock|report|rules`: record the immutable-binding baseline from the reports of a
// synth, summarize reports, print the rule catalogue.
import * as fs from "fs";
import * as path from "path";
import type { Command } from "commander";
import { writeFilesAtomically } from "../../util/atomic-write";
import { CheckFailedError, UserInputError } from "../../util/errors";
import { readInputJson } from "../../util/input-file";
import { describeBindingValues } from "../../preflight/binding-values";
import { type Baseline, type BaselineEntry, BASELINE_FORMAT_VERSION, DEFAULT_BASELINE_FILE, readBaseline, renderBaseline } from "../../preflight/baseline";
import { parseReport, ReadReport } from "../../preflight/read-report";
import { REPORT_DIR } from "../../preflight/report";
import { renderRulesMarkdown } from "../../preflight/rules-md";
import { ALL_RULES } from "../../preflight/rules";
import { unreportedStacks } from "../preflight-coverage";
import { synthesizedStacks } from "../synth-input";
import { PROGRAM_NAME } from "../../util/program-name";

export function registerPreflight(program: Command): void {
  const preflight = program.command("preflight").description("preflight reports, the immutable-binding baseline and the rule catalogue");

  preflight
    .command("lock")
    .description("record immutable bindings (AVX-IMM1) from <cdktf.out>/preflight/*.json into the baseline file")
    .argument("<outdir>", "cdktf output directory of a synth (contains preflight/<stack>.json)")
    .option("--baseline <file>", "baseline file to write", DEFAULT_BASELINE_FILE)
    .action((outdir: string, opts: { baseline: string }) => {
      const reports = readReports(outdir);
      const previous = readBaseline(opts.baseline);
      // Maps, not object literals: stack names and binding keys are input ("__proto__" is a valid construct id).
      const stacks = new Map<string, Record<string, BaselineEntry>>(Object.entries(previous?.stacks ?? {}));
      const lines: string[] = [];
      for (const report of reports) {
        const entries = new Map<string, BaselineEntry>();
        for (const rec of report.immutable) {
          // Literals are locked as values, references by their Terraform expression (lib/preflight/binding-values.ts).
          entries.set(rec.key, {
            constructPath: rec.constructPath,
            ...(rec.address ? { address: rec.address } : {}),
            description: rec.description,
            values: rec.values,
            ...(rec.references.length ? { references: rec.references } : {}),
          });
          lines.push(`  ${report.stack}/${rec.key}: ${describeBindingValues(rec.values)}`);
        }
        if (entries.size) stacks.set(report.stack, Object.fromEntries(entries));
        else stacks.delete(report.stack);
      }
      const baseline: Baseline = { version: BASELINE_FORMAT_VERSION, stacks: Object.fromEntries(stacks) };
      const target = path.resolve(opts.baseline);
      writeFilesAtomically(path.dirname(target), new Map([[path.basename(target), renderBaseline(baseline)]]));
      const count = [...stacks.values()].reduce((n, e) => n + Object.keys(e).length, 0);
      process.stdout.write(`${PROGRAM_NAME}: locked ${count} immutable binding${count === 1 ? "" : "s"} of ${stacks.size} stack(s) in ${opts.baseline}\n`);
      for (const line of lines) process.stdout.write(`${line}\n`);
    });

  preflight
    .command("report")
    .description("print the one-line summary of every stack report; exit 1 when any has ERROR findings")
    .argument("<outdir>", "cdktf output directory of a synth")
    .action((outdir: string) => {
      const reports = readReports(outdir, { allowNone: synthesizedStacks(outdir).length > 0 });
      let errors = 0;
      for (const r of reports) {
        process.stdout.write(`${r.summaryLine}\n`);
        for (const f of r.findings) if (f.status === "non-compliant" || f.status === "unknown") process.stdout.write(`  ${f.message}\n`);
        errors += r.errors;
      }
      const unreported = unreportedStacks(outdir, new Set(reports.map((r) => r.stack)));
      for (const u of unreported) process.stdout.write(`preflight ${u.stack}: not checked — ${u.why}\n`);
      const unchecked = unreported.filter((u) => u.hasAviatrixResources).length;
      const problems = [
        errors ? `${errors} preflight error${errors === 1 ? "" : "s"}` : "",
        unchecked ? `${unchecked} stack${unchecked === 1 ? "" : "s"} with Aviatrix resources and no preflight report` : "",
      ].filter(Boolean);
      if (problems.length) throw new CheckFailedError(problems.join("; "));
    });

  preflight
    .command("rules")
    .description("list the preflight rules (id, level, acknowledgeable, cause)")
    .option("--markdown", "print RULES.md")
    .action((opts: { markdown?: boolean }) => {
      if (opts.markdown) {
        process.stdout.write(renderRulesMarkdown(ALL_RULES));
        return;
      }
      for (const r of ALL_RULES) process.stdout.write(`${r.id}\t${r.severity}\t${r.suppressible ? "acknowledgeable" : "not acknowledgeable"}\t${r.cause}\n`);
    });
}

/** The reports of a synth; none is an input error unless `allowNone` (stacks exist, each gets named). */
function readReports(outdir: string, opts: { allowNone?: boolean } = {}): ReadReport[] {
  const dir = path.join(outdir, REPORT_DIR);
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];
  if (!files.length && opts.allowNone) return [];
  if (!fs.existsSync(dir)) throw new UserInputError(`${dir}: no preflight reports; run \`cdktf synth\` with Preflight.of(stack) first`);
  if (!files.length) throw new UserInputError(`${dir}: no preflight reports (*.json)`);
  return files.map((f) => {
    const file = path.join(dir, f);
    return parseReport(readInputJson(file, "preflight report", { fix: "re-run `cdktf synth`" }), file);
  });
}

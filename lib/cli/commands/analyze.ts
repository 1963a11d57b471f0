// `vca analyze --synth <cdk.tf.json|.tf> [--manifests <file|dir>]... [--json]` (docs/ARCHITECTURE.md §6):
// parse the deployed policy back into the model and print the analyzer's findings, one per line.
// Exit 1 when any finding is error-level, 2 on bad input.
import { Command } from "commander";
import { hasErrors } from "../../core/finding";
import { analyze, PolicyFinding, formatPolicyFinding } from "../../dcf/analyze";
import { CheckFailedError } from "../../util/errors";
import { loadPolicyModel, reportOpaqueGroups } from "../load-policy";
import { resolveSynthFile } from "../synth-input";
import { PROGRAM_NAME } from "../../util/program-name";

interface AnalyzeOptions {
  readonly synth: string;
  readonly stack?: string;
  readonly manifests: string[];
  readonly json?: boolean;
  readonly strictRefs?: boolean;
}

const OPAQUE_CONSEQUENCE = "findings about it (shadowing, deny-all before the K8S tier) assume any membership, so they may be missing or too cautious";

function summary(findings: readonly PolicyFinding[]): string {
  const n = (s: PolicyFinding["severity"]) => findings.filter((f) => f.severity === s).length;
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? "" : "s"}`;
  return `${plural(n("error"), "error")}, ${plural(n("warning"), "warning")}, ${plural(n("info"), "info")}`;
}

async function runAnalyze(opts: AnalyzeOptions, out: (line: string) => void, note: (line: string) => void): Promise<void> {
  const synthFile = resolveSynthFile(opts.synth, opts.stack);
  const model = await loadPolicyModel(synthFile, opts.manifests);
  reportOpaqueGroups(model, OPAQUE_CONSEQUENCE, opts.strictRefs === true, note);
  const findings = analyze(model);
  for (const f of findings) out(opts.json ? JSON.stringify(f) : formatPolicyFinding(f));
  if (!opts.json) out(`${synthFile}: ${summary(findings)}`);
  if (hasErrors(findings)) throw new CheckFailedError(`analyze: ${summary(findings)} in ${synthFile}`);
}

export function registerAnalyze(program: Command): void {
  program
    .command("analyze")
    .description("report policy findings: unreachable rules, V1 deny-all before the K8S tier, URL filters without decryption, ...")
    .requiredOption("--synth <fileOrDir>", "synthesized cdk.tf.json, a .tf file (converted with hcl2json), or a cdktf.out directory (with --stack)")
    .option("--stack <id>", "with a cdktf.out directory: the stack to read (stacks/<id>/cdk.tf.json); optional when it has one stack")
    .option("--manifests <fileOrDir>", "FirewallPolicy YAML file or directory (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--json", "one JSON object per finding: { id, severity, rule?, explanation }")
    .option("--strict-refs", "exit 2 when a rule uses managed or unresolved groups (members unknown offline) instead of printing a note")
    .action(async (opts: AnalyzeOptions) => {
      await runAnalyze(
        opts,
        (line) => process.stdout.write(`${line}\n`),
        (line) => process.stderr.write(`${PROGRAM_NAME} analyze: ${line}\n`),
      );
    });
}

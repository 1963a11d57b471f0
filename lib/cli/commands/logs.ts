// `vca-cdktf logs replay` (docs/ARCHITECTURE.md §0, README "Discover → enforce"): judge the flows a
// discover-mode deployment logged against the same policy in enforce mode. Exit 0 when enforce
// keeps every observed flow, 1 when one would be denied (or cannot be judged: needs L7, unknown
// source), 2 on bad input. `--propose` is written on exit 0 and 1 (it is the point of a 1), never on 2.
import { Command, Option } from "commander";
import { formatOpaqueGroupUse, opaqueGroupUses } from "../../dcf/opaque-groups";
import { loadInventory } from "../../logs/inventory";
import { buildProposal, renderProposal, writeProposal } from "../../logs/propose";
import { logFiles } from "../../logs/read-logs";
import { replayLogs, ReplayResult } from "../../logs/replay";
import { countOutcomes, flowJson, humanReport, sortJudged } from "../../logs/report";
import { CheckFailedError, UserInputError } from "../../util/errors";
import { loadPolicyModel } from "../load-policy";
import { resolveSynthFile } from "../synth-input";
import { PROGRAM_NAME } from "../../util/program-name";

interface ReplayOptions {
  readonly synth: string;
  readonly stack?: string;
  readonly manifests: string[];
  readonly logs: string[];
  readonly inventory: string;
  readonly nodes?: string;
  readonly cluster?: string;
  readonly json?: boolean;
  readonly propose?: string;
  readonly strict?: boolean;
  readonly defaultAction?: "PERMIT" | "DENY";
  readonly year?: string;
}

const repeatable = (v: string, acc: string[]) => [...acc, v];

function notes(result: ReplayResult, note: (line: string) => void): void {
  const e = result.enforce;
  if (e.promoted.length > 0)
    note(`enforce: ${e.promoted.length} rule${e.promoted.length === 1 ? "" : "s"} in watch mode now act (${e.promoted.map((r) => r.name).join(", ")})`);
  const d = e.defaultAction;
  if (!d.managed) note(`enforce: the synth does not manage the default action; assuming the controller's is ${d.after.action} (--default-action)`);
  else if (d.before?.action !== d.after.action) note(`enforce: default action ${d.before?.action} → ${d.after.action}${d.after.logging ? " + log" : ""}`);
  for (const u of opaqueGroupUses(e.model)) note(formatOpaqueGroupUse(u, "log flows cannot name such a group, so the rule never matches them here"));
  const r = result.read;
  for (const p of r.problems) note(`${p.file}:${p.line}: ${p.reason}`);
  if (r.malformed > r.problems.length) note(`… and ${r.malformed - r.problems.length} more malformed lines`);
}

async function runReplay(opts: ReplayOptions, out: (line: string) => void, note: (line: string) => void): Promise<void> {
  const year = opts.year === undefined ? undefined : Number(opts.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 1970 || year > 9999))
    throw new UserInputError(`--year: want a four-digit year (got ${JSON.stringify(opts.year)})`);
  const files = logFiles(opts.logs);
  const synth = resolveSynthFile(opts.synth, opts.stack);
  const model = await loadPolicyModel(synth, opts.manifests);
  const result = await replayLogs({
    model,
    inventory: (cluster) => loadInventory(opts.inventory, opts.nodes, cluster),
    logFiles: files,
    ...(opts.cluster !== undefined ? { cluster: opts.cluster } : {}),
    ...(opts.defaultAction !== undefined ? { assumedControllerDefault: opts.defaultAction } : {}),
    ...(year !== undefined ? { year } : {}),
  });
  if (opts.strict === true && result.read.malformed > 0) {
    const shown = result.read.problems.slice(0, 20).map((p) => `  ${p.file}:${p.line}: ${p.reason}`);
    throw new UserInputError(
      `--strict: ${result.read.malformed} malformed log line${result.read.malformed === 1 ? "" : "s"}:\n${shown.join("\n")}${result.read.malformed > shown.length ? "\n  …" : ""}`,
    );
  }
  notes(result, note);
  const sorted = sortJudged(result.flows);
  if (opts.json === true) for (const j of sorted) out(JSON.stringify(flowJson(j)));
  else for (const line of humanReport(sorted, result.read)) out(line);
  if (opts.propose !== undefined) {
    writeProposal(opts.propose, renderProposal(buildProposal(result.enforce.model, sorted), synth));
    note(`wrote the proposal (for review, not applied) to ${opts.propose}`);
  }
  const c = countOutcomes(result.flows);
  if (c.denied + c.needsL7 + c.unknown > 0) {
    throw new CheckFailedError(
      `logs replay: enforce would not keep every observed flow: ${c.denied} would be denied, ${c.needsL7} need L7, ${c.unknown} from unknown sources (of ${result.flows.length})`,
    );
  }
}

export function registerLogs(program: Command): void {
  const logs = program.command("logs").description("gateway traffic logs: discover → enforce");
  logs
    .command("replay")
    .description("judge the flows a discover-mode gateway logged against the enforce policy; propose reviewed additions")
    .requiredOption("--synth <file|dir>", "synthesized cdk.tf.json, a .tf file, or a cdktf.out directory (with --stack)")
    .option("--stack <id>", "stack id inside a cdktf.out directory")
    .option("--manifests <fileOrDir>", "FirewallPolicy YAML file or directory (repeatable)", repeatable, [] as string[])
    .requiredOption("--logs <fileOrDir>", "gateway syslog file or directory; .gz files are read too (repeatable)", repeatable, [] as string[])
    .requiredOption("--inventory <file>", "`kubectl get pods -A -o json` taken while the logs were written")
    .option("--nodes <file>", "`kubectl get nodes -o json`")
    .option("--cluster <id>", "the cluster the inventory is from, when the policy selects several (id or Terraform address)")
    .option("--json", "one JSON object per distinct flow: { src, dst, observed, enforce }")
    .option("--propose <file>", "write the destinations enforce would deny, in each blueprint's input form, for review (never applied)")
    .option("--strict", "malformed log lines are bad input (exit 2) instead of being reported and skipped")
    .addOption(
      new Option("--default-action <action>", "the controller's default action when the synth does not manage it (brownfield)").choices(["PERMIT", "DENY"]),
    )
    .option("--year <yyyy>", "year of BSD syslog timestamps (`Dec  5 10:00:01`) before a line of the file gives one (default: this year)")
    .action(async (opts: ReplayOptions) => {
      await runReplay(
        opts,
        (line) => process.stdout.write(`${line}\n`),
        (line) => process.stderr.write(`${PROGRAM_NAME} logs replay: ${line}\n`),
      );
    });
}

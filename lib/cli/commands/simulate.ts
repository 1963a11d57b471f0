// `vca simulate --synth <cdk.tf.json|.tf> [--manifests <file|dir>]... --scenarios <file>`
// (docs/ARCHITECTURE.md §6): parse the deployed policy back into the model, evaluate every scenario flow, print
// one JSON line per flow; exit 1 when an expectation fails, 2 on bad input.
import { Command } from "commander";
import { ControllerDefault, parseControllerDefault, parseScenarioFile, runScenarios } from "../../dcf/simulate/scenarios";
import { CheckFailedError, UserInputError } from "../../util/errors";
import { MAX_YAML_INPUT_BYTES, readInputText } from "../../util/input-file";
import { loadPolicyModel, reportOpaqueGroups } from "../load-policy";
import { resolveSynthFile } from "../synth-input";
import { PROGRAM_NAME } from "../../util/program-name";

interface SimulateOptions {
  readonly synth: string;
  readonly stack?: string;
  readonly manifests: string[];
  readonly scenarios: string;
  readonly strictRefs?: boolean;
  readonly strict?: boolean;
  readonly controllerDefault?: string;
}

const OPAQUE_CONSEQUENCE = "it matches a flow only when the flow names the group (from.groups / to.groups), so scenario verdicts may miss it";

async function runSimulate(opts: SimulateOptions, out: (line: string) => void, note: (line: string) => void): Promise<void> {
  const file = parseScenarioFile(readInputText(opts.scenarios, "--scenarios", MAX_YAML_INPUT_BYTES), opts.scenarios);
  const controllerDefault: ControllerDefault | undefined =
    opts.controllerDefault !== undefined ? parseControllerDefault(opts.controllerDefault, "--controller-default") : file.controllerDefault;
  const model = await loadPolicyModel(resolveSynthFile(opts.synth, opts.stack), opts.manifests);
  reportOpaqueGroups(model, OPAQUE_CONSEQUENCE, opts.strictRefs === true, note);
  const results = runScenarios(model, file.flows, { controllerDefault, file: opts.scenarios });
  const unknown = results.filter((r) => r.note !== undefined);
  if (opts.strict && unknown.length > 0) {
    throw new UserInputError(
      `--strict: ${unknown.length} flow${unknown.length === 1 ? "" : "s"} evaluated against group members unknown offline:\n` +
        unknown.map((r) => `  ${r.name}: ${r.note}`).join("\n") +
        "\nresolve the references (variable defaults, literal domains/CIDRs) or drop --strict",
    );
  }
  for (const r of unknown) note(`note: flow "${r.name}" ${r.note}`);
  for (const r of results) out(JSON.stringify(r));
  const failed = results.filter((r) => r.pass === false);
  if (failed.length > 0) {
    throw new CheckFailedError(`${failed.length} of ${results.length} flows failed their expectation: ${failed.map((f) => f.name).join(", ")}`);
  }
}

export function registerSimulate(program: Command): void {
  program
    .command("simulate")
    .description("evaluate scenario flows first-match against the synthesized DCF policy (V1 → K8S → POST_RULES)")
    .requiredOption("--synth <fileOrDir>", "synthesized cdk.tf.json, a .tf file (converted with hcl2json), or a cdktf.out directory (with --stack)")
    .option("--stack <id>", "with a cdktf.out directory: the stack to read (stacks/<id>/cdk.tf.json); optional when it has one stack")
    .option("--manifests <fileOrDir>", "FirewallPolicy YAML file or directory (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .requiredOption("--scenarios <file>", "scenarios YAML: flows: [ { name, from, to, expect?, expectRule? } ] (format: lib/dcf/simulate/README.md)")
    .option("--strict-refs", "exit 2 when a rule uses managed or unresolved groups (members unknown offline) instead of printing a note")
    .option("--strict", "exit 2 when a flow's verdict rests on unresolved group members (`${var.x}` domains or CIDRs) instead of a note on the flow")
    .option(
      "--controller-default <action>",
      "PERMIT or DENY: the controller's default action, assumed when the synth does not manage it (default: the scenarios file's controllerDefault, else PERMIT)",
    )
    .action(async (opts: SimulateOptions) => {
      await runSimulate(
        opts,
        (line) => process.stdout.write(`${line}\n`),
        (line) => process.stderr.write(`${PROGRAM_NAME} simulate: ${line}\n`),
      );
    });
}

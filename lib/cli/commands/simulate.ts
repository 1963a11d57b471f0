// `vca simulate --synth <cdk.tf.json|.tf> [--manifests <file|dir>]... --scenarios <file>`
// (DESIGN §6): parse the deployed policy back into the model, evaluate every scenario flow, print
// one JSON line per flow; exit 1 when an expectation fails, 2 on bad input.
import * as fs from "fs";
import { Command } from "commander";
import { firewallPoliciesFromPath } from "../../dcf/crd/read-yaml";
import { modelFromFirewallPolicies } from "../../dcf/crd/from-crd";
import { mergeModels } from "../../dcf/merge";
import { parseScenarios, runScenarios } from "../../dcf/simulate/scenarios";
import { policyModelFromTerraform } from "../../dcf/terraform/from-terraform";
import { CheckFailedError, UserInputError } from "../../util/errors";

interface SimulateOptions {
  readonly synth: string;
  readonly manifests: string[];
  readonly scenarios: string;
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    throw new UserInputError(`${file}: cannot read ${what} (no such file or not readable)`);
  }
}

/** cdk.tf.json (or any Terraform JSON) as is; a .tf file through @cdktf/hcl2json. */
async function readTerraform(file: string): Promise<unknown> {
  const text = readText(file, "--synth");
  if (file.endsWith(".tf")) {
    const { parse } = await import("@cdktf/hcl2json");
    try {
      return await parse(file, text);
    } catch (err) {
      throw new UserInputError(`${file}: cannot parse HCL: ${(err as Error).message}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UserInputError(`${file}: invalid JSON: ${(err as Error).message}`);
  }
}

export async function runSimulate(opts: SimulateOptions, out: (line: string) => void): Promise<void> {
  const scenarios = parseScenarios(readText(opts.scenarios, "--scenarios"), opts.scenarios);
  const tf = policyModelFromTerraform(await readTerraform(opts.synth), opts.synth);
  const manifests = opts.manifests.flatMap((m) => firewallPoliciesFromPath(m));
  const model = manifests.length === 0 ? tf : mergeModels(tf, modelFromFirewallPolicies(manifests));
  const results = runScenarios(model, scenarios);
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
    .requiredOption("--synth <file>", "synthesized cdk.tf.json (or a .tf file, converted with hcl2json)")
    .option("--manifests <fileOrDir>", "FirewallPolicy YAML file or directory (repeatable)", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .requiredOption("--scenarios <file>", "scenarios YAML: flows: [ { name, from, to, expect?, expectRule? } ]")
    .action(async (opts: SimulateOptions) => {
      await runSimulate(opts, (line) => process.stdout.write(`${line}\n`));
    });
}

// `--synth` of `simulate` and `analyze` takes what `validate` takes: a cdk.tf.json / .tf file, a
// stack directory (holding cdk.tf.json), or a cdktf.out directory plus `--stack <id>` (the id is
// the directory name under stacks/, as `cdktf synth` writes it). One stack per run: a verdict is
// about one deployed policy, so several stacks without `--stack` is a usage error that lists them.
import * as fs from "fs";
import * as path from "path";
import { UserInputError } from "../util/errors";

/** The Terraform file a `--synth` value (and optional `--stack`) names. */
export function resolveSynthFile(synth: string, stack: string | undefined): string {
  const stat = fs.statSync(synth, { throwIfNoEntry: false });
  // Not a directory (or missing): the file reader reports it, with the same messages as before.
  if (!stat?.isDirectory()) {
    if (stack !== undefined) throw new UserInputError(`--stack ${stack}: only with a cdktf.out directory as --synth, but ${synth} is not a directory`);
    return synth;
  }
  const direct = path.join(synth, "cdk.tf.json");
  if (fs.existsSync(direct) && stack === undefined) return direct;
  const ids = synthesizedStacks(synth);
  if (stack !== undefined) {
    if (ids.includes(stack)) return path.join(synth, "stacks", stack, "cdk.tf.json");
    throw new UserInputError(`${synth}: no stack "${stack}" (stacks/${stack}/cdk.tf.json); stacks here: ${ids.length ? ids.join(", ") : "none"}`);
  }
  if (ids.length === 1) return path.join(synth, "stacks", ids[0], "cdk.tf.json");
  if (ids.length === 0) throw new UserInputError(`${synth}: directory has no stacks/*/cdk.tf.json (want a cdktf.out directory or a cdk.tf.json)`);
  throw new UserInputError(`${synth}: ${ids.length} stacks (${ids.join(", ")}); choose one with --stack <id>`);
}

/** Stack ids under <outdir>/stacks/ that have a cdk.tf.json (as `cdktf synth` writes them), sorted. */
export function synthesizedStacks(outdir: string): string[] {
  const stacks = path.join(outdir, "stacks");
  if (!fs.existsSync(stacks)) return [];
  return fs
    .readdirSync(stacks, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(stacks, e.name, "cdk.tf.json")))
    .map((e) => e.name)
    .sort();
}

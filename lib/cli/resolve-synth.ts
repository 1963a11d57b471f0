// `--synth` names a cdk.tf.json (or .tf) file, or a cdktf.out directory: then `--stack <id>` picks
// `stacks/<id>/cdk.tf.json` (optional when the directory holds one stack).
import * as fs from "fs";
import * as path from "path";
import { UserInputError } from "../util/errors";

export function resolveSynthFile(synth: string, stack: string | undefined): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(synth);
  } catch (err) {
    throw new UserInputError(`${synth}: cannot read --synth (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (!st.isDirectory()) {
    if (stack !== undefined) throw new UserInputError(`--stack ${stack}: --synth ${synth} is a file; --stack picks a stack inside a cdktf.out directory`);
    return synth;
  }
  const stacksDir = path.join(synth, "stacks");
  const stacks = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir).filter((d) => fs.existsSync(path.join(stacksDir, d, "cdk.tf.json"))).sort() : [];
  if (stacks.length === 0) throw new UserInputError(`${synth}: no stacks/<id>/cdk.tf.json inside; run \`cdktf synth\` or pass a cdk.tf.json file`);
  if (stack === undefined) {
    if (stacks.length === 1) return path.join(stacksDir, stacks[0], "cdk.tf.json");
    throw new UserInputError(`${synth}: ${stacks.length} stacks; pick one with --stack (${stacks.join(", ")})`);
  }
  if (!stacks.includes(stack)) throw new UserInputError(`--stack ${JSON.stringify(stack)}: not in ${synth} (${stacks.join(", ")})`);
  return path.join(stacksDir, stack, "cdk.tf.json");
}

import { Command, CommanderError } from "commander";
import { CheckFailedError, UserInputError } from "../util/errors";
import { registerObot } from "./commands/obot";
import { registerAnalyze } from "./commands/analyze";
import { registerValidate } from "./commands/validate";
import { registerPreflight } from "./commands/preflight";
import { registerShim } from "./commands/shim";
import { registerSimulate } from "./commands/simulate";
// Each command lives in ./commands/<name>.ts and exports register<Name>(program).

/** Exit codes (DESIGN §6): 0 ok, 1 a check failed, 2 bad input or usage. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command("vca")
    .description("Aviatrix Validated Containment Architectures: validate, simulate and analyze DCF egress policy")
    .exitOverride()
    .showHelpAfterError(false);
  registerObot(program);
  registerAnalyze(program);
  registerValidate(program);
  registerPreflight(program);
  registerShim(program);
  registerSimulate(program);
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    return reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.exitCode === 0) return 0;
    return 2; // commander already printed the usage problem
  }
  if (err instanceof UserInputError) {
    process.stderr.write(`vca: ${err.message}\n`);
    return 2;
  }
  if (err instanceof CheckFailedError) {
    process.stderr.write(`vca: ${err.message}\n`);
    return 1;
  }
  process.stderr.write(`vca: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
  return 3;
}

import { Command, CommanderError } from "commander";
import { CheckFailedError, UserInputError } from "../util/errors";

// Each command lives in ./commands/<name>.ts and exports register<Name>(program). Only the command
// being run is loaded (some pull in cdktf or librechat-data-provider), so `vca validate` starts
// cold in a fraction of the time; help and unknown commands load them all.
type Register = (program: Command) => void;
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  analyze: async () => (await import("./commands/analyze")).registerAnalyze,
  obot: async () => (await import("./commands/obot")).registerObot,
  preflight: async () => (await import("./commands/preflight")).registerPreflight,
  shim: async () => (await import("./commands/shim")).registerShim,
  simulate: async () => (await import("./commands/simulate")).registerSimulate,
  validate: async () => (await import("./commands/validate")).registerValidate,
};

/** Exit codes (DESIGN §6): 0 ok, 1 a check failed, 2 bad input or usage. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command("vca")
    .description("Aviatrix Validated Containment Architectures: validate, simulate and analyze DCF egress policy")
    .exitOverride()
    .showHelpAfterError(false);
  const wanted = argv[2];
  const names = wanted !== undefined && Object.hasOwn(COMMANDS, wanted) ? [wanted] : Object.keys(COMMANDS);
  try {
    for (const name of names) (await COMMANDS[name]())(program);
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

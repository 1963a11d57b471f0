import { Command, CommanderError } from "commander";
import { CheckFailedError, UserInputError } from "../util/errors";
import { PROGRAM_NAME } from "../util/program-name";
import { packageVersion } from "./package-version";
import { missingPackageOf } from "../core/optional-peer";

// Each command lives in ./commands/<name>.ts and exports register<Name>(program). Only the command
// being run is loaded (some pull in cdktf or librechat-data-provider), so `vca validate` starts
// cold in a fraction of the time; help and unknown commands load them all.
type Register = (program: Command) => void;
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  analyze: async () => (await import("./commands/analyze")).registerAnalyze,
  diagram: async () => (await import("./commands/diagram")).registerDiagram,
  logs: async () => (await import("./commands/logs")).registerLogs,
  obot: async () => (await import("./commands/obot")).registerObot,
  preflight: async () => (await import("./commands/preflight")).registerPreflight,
  shim: async () => (await import("./commands/shim")).registerShim,
  simulate: async () => (await import("./commands/simulate")).registerSimulate,
  validate: async () => (await import("./commands/validate")).registerValidate,
};

/**
 * Exit codes (docs/ARCHITECTURE.md §6, README "Exit codes"):
 * - 0 ok;
 * - 1 a check ran and failed (CheckFailedError: gate, expectation, validation finding);
 * - 2 bad input or usage (UserInputError, commander usage errors, and file-system errors such as
 *   ENOENT/EACCES/EISDIR on a path the user named) — the message names the file, line or YAML path;
 * - 3 internal error: a bug in vca. One line plus a hint; the stack only with VCA_DEBUG=1.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command(PROGRAM_NAME)
    .description("Aviatrix Validated Containment Architectures: validate, simulate and analyze DCF egress policy")
    .version(packageVersion(), "-V, --version", "print the vca-cdktf version")
    .exitOverride()
    .showHelpAfterError(false)
    .addHelpText(
      "after",
      "\nExit codes: 0 ok, 1 a check failed, 2 bad input or usage (names the file, line or YAML path),\n" +
        "3 internal error (a bug in " +
        PROGRAM_NAME +
        "; rerun with VCA_DEBUG=1 for the stack trace).",
    );
  const nodeFlag = argv.slice(2).find((a) => /^--env-file(-if-exists)?(=|$)/.test(a));
  if (nodeFlag !== undefined) {
    // Node 20 reads --env-file from anywhere on the command line before we start
    // (nodejs/node#54232), so it can never be a vca option; the shim's flag is --dotenv.
    process.stderr.write(
      `${PROGRAM_NAME}: ${nodeFlag.split("=")[0]} is not a ${PROGRAM_NAME} option (Node itself reads it from the command line and applies NODE_OPTIONS from the file): use --dotenv <file>\n`,
    );
    return 2;
  }
  const wanted = argv[2];
  const names = wanted !== undefined && Object.hasOwn(COMMANDS, wanted) ? [wanted] : Object.keys(COMMANDS);
  try {
    for (const name of names) (await COMMANDS[name]())(program);
    await program.parseAsync([...argv]);
    // Commands signal failure by throwing (CheckFailedError = 1, UserInputError = 2), never through
    // process.exitCode: that is process-global and would leak between in-process runs.
    return 0;
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
    process.stderr.write(`${PROGRAM_NAME}: ${err.message}\n`);
    return 2;
  }
  if (err instanceof CheckFailedError) {
    process.stderr.write(`${PROGRAM_NAME}: ${err.message}\n`);
    return 1;
  }
  // A command that needs an optional peer (a core, librechat-data-provider) the app lacks.
  const missing = missingPackageOf(err);
  if (missing !== undefined && OPTIONAL_PEERS.test(missing)) {
    process.stderr.write(
      `${PROGRAM_NAME}: this command needs ${missing}, which is not installed: run \`npm install ${missing}\` (versions: COMPATIBILITY.md)\n`,
    );
    return 2;
  }
  const fsProblem = fileSystemProblem(err);
  if (fsProblem) {
    process.stderr.write(`${PROGRAM_NAME}: ${fsProblem}\n`);
    return 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (process.env.VCA_DEBUG === "1") {
    process.stderr.write(`${PROGRAM_NAME}: internal error: ${message}\n${err instanceof Error && err.stack ? `${err.stack}\n` : ""}`);
  } else {
    process.stderr.write(
      `${PROGRAM_NAME}: internal error: ${message}\n  (a bug in ${PROGRAM_NAME}, not in your input; rerun with VCA_DEBUG=1 for the stack trace and report it)\n`,
    );
  }
  return 3;
}

const OPTIONAL_PEERS = /^(cdktf|cdktn|constructs|librechat-data-provider|@cdkt[fn]\/provider-[a-z]+)$/;

// File-system errors on paths the user named (--out, an input dir) are bad input, not bugs.
const FS_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory",
  ENOTDIR: "not a directory",
  EEXIST: "already exists",
  ENOTEMPTY: "directory not empty",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "file name too long",
  EMFILE: "too many open files",
  EXDEV: "cross-device link",
  EBUSY: "resource busy",
};

function fileSystemProblem(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  if (!(err instanceof Error) || typeof e?.code !== "string" || typeof e.path !== "string") return undefined;
  const what = FS_ERRORS[e.code];
  return what === undefined ? undefined : `${e.path}: ${what} (${e.code}${e.syscall ? `, ${e.syscall}` : ""})`;
}

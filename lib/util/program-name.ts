// The one name of the command-line tool. `vca` alone is an unrelated package on npm, so `npx vca`
// outside this repo runs a stranger's code: every message, generated-file header and doc says
// `npx vca-cdktf …`. Commands and messages import these constants instead of spelling the name.

/** The package's bin name (package.json "bin"; `vca` stays as a second bin for local use). */
export const PROGRAM_NAME = "vca-cdktf";

/** How a user runs a subcommand, for hints in messages: `npx vca-cdktf preflight lock`. */
export function cliCommand(subcommand: string): string {
  return `npx ${PROGRAM_NAME} ${subcommand}`;
}

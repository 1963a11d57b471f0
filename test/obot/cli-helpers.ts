export { runVca } from "../support/run-cli";
export type { CliRun as CliResult } from "../support/run-cli";

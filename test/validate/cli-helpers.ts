
export { runVca as vca } from "../support/run-cli";
export type { CliRun } from "../support/run-cli";

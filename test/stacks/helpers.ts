// Helpers every stack test shares: a hermetic test app and the in-process CLI.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Testing } from "../../lib/core/cdktf";

const NO_BASELINE = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vca-stack-test-")), "no.lock.json");

/**
 * A test app (temp outdir, so preflight reports stay out of the repo) whose preflight reads the
 * given baseline, by default none: stack tests never depend on the repo's vca-preflight.lock.json
 * (it records the blueprints, not test variants) or on the directory jest runs in.
 */
export function testApp(context: Record<string, unknown> = {}, baselineFile: string = NO_BASELINE): App {
  return Testing.app({ context: { "vca:preflightBaseline": baselineFile, ...context } });
}

export { runVca as runCli } from "../support/run-cli";
export type { CliRun } from "../support/run-cli";

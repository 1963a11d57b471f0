// Helpers every stack test shares: a hermetic test app and the in-process CLI.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Testing } from "../../lib/core/cdktf";
import { main } from "../../lib/cli/main";

const NO_BASELINE = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vca-stack-test-")), "no.lock.json");

/**
 * A test app (temp outdir, so preflight reports stay out of the repo) whose preflight reads the
 * given baseline, by default none: stack tests never depend on the repo's vca-preflight.lock.json
 * (it records the blueprints, not test variants) or on the directory jest runs in.
 */
export function testApp(context: Record<string, unknown> = {}, baselineFile: string = NO_BASELINE): App {
  return Testing.app({ context: { "avx:preflightBaseline": baselineFile, ...context } });
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `vca <args>` in this process with stdout/stderr captured. process.exitCode is cleared
 * before and restored after: it is process-global and outlives a test file in a jest worker, and
 * main() returns it — a value left by an earlier file (e.g. `shim diff --exit-code`) would turn
 * a passing command into exit 1 depending on which files shared the worker.
 */
export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const saved = process.exitCode;
  const out = jest.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => ((stdout += c.toString()), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((c: string | Uint8Array) => ((stderr += c.toString()), true));
  try {
    process.exitCode = undefined;
    return { code: await main([process.execPath, "vca", ...args]), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = saved;
  }
}

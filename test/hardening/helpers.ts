// Shared helpers of the hardening suites: run the CLI in-process with captured output, make temp
// dirs, and fingerprint a directory tree so a test can prove nothing was created or changed.
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliRun, runVca } from "../support/run-cli";

export const REPO = path.join(__dirname, "../..");
export const FIXTURES = path.join(REPO, "test/fixtures");

export type CliResult = CliRun & { readonly ms: number };

/** Runs `vca <args>` in this process with stdout/stderr captured, timed. */
export async function runCli(args: readonly string[]): Promise<CliResult> {
  const start = process.hrtime.bigint();
  const run = await runVca(...args);
  return { ...run, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

export function tmpDir(prefix = "vca-hardening-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** path → sha256 of every file (and "<dir>" for every directory) below `root`, sorted. */
export function treeFingerprint(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      const rel = path.relative(root, p);
      if (e.isDirectory()) {
        out[rel] = "<dir>";
        walk(p);
      } else {
        out[rel] = crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");
      }
    }
  };
  if (fs.existsSync(root)) walk(root);
  return out;
}

/** Every file below `root` as relative path → content (for byte-for-byte comparisons). */
export function readTree(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(root, p), fs.readFileSync(p));
    }
  };
  if (fs.existsSync(root)) walk(root);
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A stack trace line as Node prints them. */
export const STACK_LINE = /^\s+at .+(\(|:\d+)/m;

/** Synthesizes the blueprints example app (every stack) into `outdir`, in-process. */
export function synthBlueprints(outdir: string): void {
  // Required lazily: the app module reads its lab files at import time.
  const { buildBlueprintsApp } = require("../../examples/blueprints/app") as typeof import("../../examples/blueprints/app");
  buildBlueprintsApp(outdir).synth();
}

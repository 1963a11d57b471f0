// One synthesized blueprints app shared by the suites that only read it: every stack of the example
// config, the committed preflight baseline (vca-preflight.lock.json), no VCA_* environment — what
// `cdktf synth` gives in a fresh clone. Synthesizing the whole app costs seconds per suite, so the
// output is cached in the OS temp dir under a hash of every input (lib, stacks, examples, the
// lock files, Node's version) and built once per change, whichever jest worker asks first (the
// others wait on a lock). Suites that change the environment or the context synthesize their own.
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const INPUT_DIRS = ["lib", "stacks", "examples"];
const INPUT_FILES = ["package-lock.json", "cdktf.json", "vca-preflight.lock.json"];
/** The environment buildBlueprintsApp reads (examples/blueprints): unset for the shared synth. */
const APP_ENV = ["VCA_CONFIG", "VCA_STACKS", "VCA_MODE"];
const LOCK_STALE_MS = 300_000;

export const COMMITTED_BASELINE = path.join(ROOT, "vca-preflight.lock.json");

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? (e.name === "node_modules" ? [] : filesUnder(p)) : [p];
  });
}

/** Hash of everything the synthesized output depends on. */
function inputHash(): string {
  const h = createHash("sha256").update(process.version);
  const files = [...INPUT_DIRS.flatMap((d) => filesUnder(path.join(ROOT, d))), ...INPUT_FILES.map((f) => path.join(ROOT, f))].sort();
  for (const f of files)
    h.update(path.relative(ROOT, f))
      .update("\0")
      .update(fs.existsSync(f) ? fs.readFileSync(f) : "")
      .update("\0");
  return h.digest("hex").slice(0, 16);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function synthInto(outdir: string): void {
  const saved = APP_ENV.map((k) => [k, process.env[k]] as const);
  for (const k of APP_ENV) delete process.env[k];
  try {
    // Required lazily: the app module reads its lab files at import time.
    const { buildBlueprintsApp } = require("../../examples/blueprints/app") as typeof import("../../examples/blueprints/app");
    buildBlueprintsApp(outdir, { "vca:preflightBaseline": COMMITTED_BASELINE }).synth();
  } finally {
    for (const [k, v] of saved)
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

let cached: string | undefined;

/** The shared app's output directory (cdktf's layout: manifest.json, stacks/<id>/cdk.tf.json, preflight/). Never write into it. */
export function sharedBlueprintsOut(): string {
  if (cached !== undefined) return cached;
  const dir = path.join(os.tmpdir(), `vca-test-blueprints-${inputHash()}`);
  const lock = `${dir}.lock`;
  for (;;) {
    // The marker sits next to the output, which holds exactly what cdktf wrote.
    if (fs.existsSync(`${dir}.complete`)) return (cached = dir);
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another worker is synthesizing; a lock left by a killed run expires.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) fs.rmSync(lock, { recursive: true, force: true });
      else sleep(200);
      continue;
    }
    try {
      fs.rmSync(dir, { recursive: true, force: true });
      synthInto(dir);
      fs.writeFileSync(`${dir}.complete`, "");
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** A stack's synthesized Terraform JSON text from the shared app. */
export function sharedStackText(stackId: string): string {
  return fs.readFileSync(path.join(sharedBlueprintsOut(), "stacks", stackId, "cdk.tf.json"), "utf8");
}

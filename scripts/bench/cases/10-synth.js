// docs/ARCHITECTURE.md §7: cold synth of every example stack ≤ 3× a bare require("cdktf"), and ≥ 3× faster
// than the same stacks with provider package roots imported. Both readings of "every example
// stack" in one run: each stack synthesized alone (`synth-<id>`, app context vca:stacks=<id>, the
// budget) and the whole app at once (`synth-examples`, reported with its own budget). `ratio` is
// of wall time; `cpuRatio` (of CPU time) is the steadier figure on a busy machine.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { timeNode, emit } = require("../measure");

const root = path.resolve(__dirname, "../../..");
// VCA_BENCH_DIST: an alternative build output directory (default dist/).
const dist = process.env.VCA_BENCH_DIST || path.join(root, "dist");
const app = path.join(dist, "examples/blueprints/main.js");
const { BLUEPRINT_STACK_IDS } = require(path.join(dist, "examples/blueprints/app.js"));
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-bench-synth-"));
const env = { CDKTF_OUTDIR: outdir };

function versus(result, base, baseName) {
  return { ...result, ratio: +(result.ms / base.ms).toFixed(2), cpuRatio: +(result.cpuMs / base.cpuMs).toFixed(2), baseline: baseName };
}

const bare = timeNode(["-e", "require('cdktf')"], { cwd: root, runs: 5 });
emit({ name: "require-cdktf", ...bare });
for (const id of BLUEPRINT_STACK_IDS) {
  const one = timeNode([app], { cwd: root, env: { ...env, CDKTF_CONTEXT_JSON: JSON.stringify({ "vca:stacks": id }) }, runs: 5 });
  const written = path.join(outdir, "stacks", id, "cdk.tf.json");
  if (!fs.existsSync(written)) throw new Error(`synth-${id}: ${written} was not written`);
  emit({ name: `synth-${id}`, ...versus(one, bare, "require-cdktf") });
  fs.rmSync(outdir, { recursive: true, force: true });
}
const synth = timeNode([app], { cwd: root, env, runs: 5 });
emit({ name: "synth-examples", stacks: BLUEPRINT_STACK_IDS.length, ...versus(synth, bare, "require-cdktf") });
const roots = timeNode(["-r", path.join(__dirname, "../root-imports.js"), app], { cwd: root, env, runs: 3 });
emit({ name: "synth-examples-root-imports", ...versus(roots, synth, "synth-examples") });
fs.rmSync(outdir, { recursive: true, force: true });

// DESIGN §7: cold synth of every example stack ≤ 3× a bare require("cdktf"), and ≥ 3× faster
// than the same stacks with provider package roots imported. All three in one run. `ratio` is of
// wall time; `cpuRatio` (of CPU time) is the steadier figure on a busy machine.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { timeNode, emit } = require("../measure");

const root = path.resolve(__dirname, "../../..");
// VCA_BENCH_DIST: an alternative build output directory (default dist/).
const dist = process.env.VCA_BENCH_DIST || path.join(root, "dist");
const app = path.join(dist, "examples/blueprints/main.js");
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-bench-synth-"));
const env = { CDKTF_OUTDIR: outdir };

const bare = timeNode(["-e", "require('cdktf')"], { cwd: root, runs: 5 });
emit({ name: "require-cdktf", ...bare });
const synth = timeNode([app], { cwd: root, env, runs: 5 });
emit({ name: "synth-examples", ...synth, ratio: +(synth.ms / bare.ms).toFixed(2), cpuRatio: +(synth.cpuMs / bare.cpuMs).toFixed(2), baseline: "require-cdktf" });
const roots = timeNode(["-r", path.join(__dirname, "../root-imports.js"), app], { cwd: root, env, runs: 3 });
emit({ name: "synth-examples-root-imports", ...roots, ratio: +(roots.ms / synth.ms).toFixed(2), cpuRatio: +(roots.cpuMs / synth.cpuMs).toFixed(2), baseline: "synth-examples" });
fs.rmSync(outdir, { recursive: true, force: true });

// Issue 14 import budget: `require("vca-cdktf")` (the package root, resolved by name as a consumer
// does) ≤ 1.5× a bare `require("cdktf")`, measured in one run: the two alternate (7 cold processes
// each) and the median of each is compared, so machine load hits both alike.
"use strict";
const path = require("path");
const { timeNode, emit } = require("../measure");

const root = path.resolve(__dirname, "../../..");
const RUNS = 7;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const cdktf = [];
const vca = [];
for (let i = 0; i < RUNS; i++) {
  cdktf.push(timeNode(["-e", "require('cdktf')"], { cwd: root, runs: 1 }));
  // Self-reference by name (package.json "exports"): the same entry a consumer's require gets.
  vca.push(timeNode(["-e", "require('vca-cdktf')"], { cwd: root, runs: 1 }));
}
const base = { ms: median(cdktf.map((r) => r.ms)), rssMb: median(cdktf.map((r) => r.rssMb)), cpuMs: median(cdktf.map((r) => r.cpuMs)) };
const ours = { ms: median(vca.map((r) => r.ms)), rssMb: median(vca.map((r) => r.rssMb)), cpuMs: median(vca.map((r) => r.cpuMs)) };
emit({ name: "import-require-cdktf", runs: RUNS, ...base });
emit({
  name: "import-vca-cdktf",
  runs: RUNS,
  ...ours,
  ratio: +(ours.ms / base.ms).toFixed(2),
  cpuRatio: +(ours.cpuMs / base.cpuMs).toFixed(2),
  rssRatio: +(ours.rssMb / base.rssMb).toFixed(2),
  baseline: "import-require-cdktf",
});

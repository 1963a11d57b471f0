// docs/ARCHITECTURE.md §7: `npm test` ≤ 3 minutes on 2 cores. Measures the whole `npm test` — build (binding
// generation + tsc), type-check of the tests, and jest with the repo's config (2 workers). Reports
// ok: false instead of throwing when tests fail, so the other figures of the run still count;
// bench:check fails the budget then. Skip with VCA_BENCH_SKIP_TESTS=1 (e.g. while iterating).
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");
const { emit } = require("../measure");

if (process.env.VCA_BENCH_SKIP_TESTS === "1") process.exit(0);
const root = path.resolve(__dirname, "../../..");
const start = process.hrtime.bigint();
const res = spawnSync("npm", ["test", "--silent", "--", "--silent"], {
  cwd: root,
  encoding: "utf8",
  env: { ...process.env, CI: "true", CHECKPOINT_DISABLE: "1" },
  maxBuffer: 256 * 1024 * 1024,
});
const ms = Math.round(Number(process.hrtime.bigint() - start) / 1e6);
const summary = /Tests:\s+([^\n]+)/.exec(res.stderr || "")?.[1] ?? "no summary";
if (res.status !== 0) process.stderr.write(`test-suite: jest exited ${res.status} (${summary})\n`);
emit({ name: "test-suite", ms, ok: res.status === 0, ratio: +(ms / 180000).toFixed(2), baseline: "180000 ms budget", tests: summary });

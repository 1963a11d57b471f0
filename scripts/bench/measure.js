// Helpers for bench cases: time a child process (cold start included) or an in-process function.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const preload = path.join(__dirname, "report-rss.js");

/**
 * Runs `node <args>` and returns wall ms and peak RSS (MB) of the child's fastest run of `runs`,
 * and the least CPU time (user + system ms) any run took. `expectExit`: the exit code a run must end with.
 */
function timeNode(args, { runs = 3, env = {}, cwd, expectExit = 0 } = {}) {
  const rssFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vca-bench-")), "rss");
  let best;
  let cpuMs = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const res = spawnSync(process.execPath, ["-r", preload, ...args], {
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1", VCA_BENCH_RSS_FILE: rssFile, ...env },
      cwd,
      maxBuffer: 256 * 1024 * 1024,
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (res.status !== expectExit) throw new Error(`bench child failed (${args.join(" ")}): ${res.stderr}`);
    const [rssKb, cpuMicros] = fs.readFileSync(rssFile, "utf8").split(" ").map(Number);
    const run = { ms, rssMb: Math.round(rssKb / 1024) };
    if (!best || run.ms < best.ms) best = run;
    cpuMs = Math.min(cpuMs, cpuMicros / 1000);
  }
  return { ms: Math.round(best.ms), rssMb: best.rssMb, cpuMs: Math.round(cpuMs) };
}

/** Times an in-process async function; reports this process's peak RSS after it. */
async function timeFn(fn) {
  const start = process.hrtime.bigint();
  const value = await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms: Math.round(ms), rssMb: Math.round(process.resourceUsage().maxRSS / 1024), value };
}

function emit(result) {
  process.stdout.write(JSON.stringify(result) + "\n");
}

module.exports = { timeNode, timeFn, emit };

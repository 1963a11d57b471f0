// docs/ARCHITECTURE.md §7 log replay budget: 1,000,000 gateway log lines replayed against the Obot
// seed-lab enforce policy in ≤ 10 s and ≤ 512 MB, cold CLI start included (child process).
// 1,000 workloads × 8 hosts × legacy/8.2 formats, joined L4/L7 sessions, DNS, unknown sources.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { timeNode, emit } = require("../measure");
const { inventory, writeLog } = require("../log-lines");

const LINES = 1_000_000;
const PODS = 1000;
const root = path.join(__dirname, "../../..");
const dist = process.env.VCA_BENCH_DIST || path.join(root, "dist");
const lab = path.join(root, "test/fixtures/dcf/obot-seed-lab");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-bench-logs-"));
try {
  const log = path.join(dir, "gateway.log");
  const pods = path.join(dir, "pods.json");
  if (writeLog(log, LINES, PODS) !== LINES) throw new Error("log generator wrote the wrong number of lines");
  fs.writeFileSync(pods, JSON.stringify(inventory(PODS)));
  const cli = [
    "logs",
    "replay",
    "--json",
    "--year",
    "2025",
    "--synth",
    path.join(lab, "infra.tf.json"),
    "--manifests",
    path.join(lab, "firewall-policies"),
    "--logs",
    log,
    "--inventory",
    pods,
  ];
  const main = JSON.stringify(path.join(dist, "lib/cli/main"));
  const args = ["-e", `require(${main}).main(["node", "vca", ...${JSON.stringify(cli)}]).then((c) => { process.exitCode = c; })`];
  const r = timeNode(args, { runs: 1, expectExit: 1 });
  emit({
    name: "log-replay-1m-lines",
    ms: r.ms,
    cpuMs: r.cpuMs,
    rssMb: r.rssMb,
    ratio: Math.round((r.ms / 10000) * 100) / 100,
    baseline: "budget 10000 ms, 512 MB",
  });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

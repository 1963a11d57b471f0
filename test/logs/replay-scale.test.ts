// The log-replay bench's generator (scripts/bench/log-lines.js) at a small size: every joined
// L4+L7 session and every UDP line is counted exactly once across the distinct flows. The
// 1,000,000-line budget itself is `npm run bench` (scripts/bench/cases/60-log-replay.js).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runVca } from "../support/run-cli";

const { inventory, writeLog } = require("../../scripts/bench/log-lines") as {
  inventory: (pods: number) => unknown;
  writeLog: (file: string, lines: number, pods: number) => number;
};

const LAB = path.join(__dirname, "../fixtures/dcf/obot-seed-lab");

test("GIVEN 20,000 generated lines WHEN replayed THEN sessions add up and flows stay per workload × destination", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-scale-"));
  try {
    const log = path.join(dir, "gw.log");
    const pods = path.join(dir, "pods.json");
    expect(writeLog(log, 20_000, 40)).toBe(20_000);
    fs.writeFileSync(pods, JSON.stringify(inventory(40)));
    const r = await runVca(
      "logs",
      "replay",
      "--json",
      "--year",
      "2025",
      "--synth",
      path.join(LAB, "infra.tf.json"),
      "--manifests",
      path.join(LAB, "firewall-policies"),
      "--logs",
      log,
      "--inventory",
      pods,
    );
    expect(r.code).toBe(1);
    const flows = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { observed: { count: number }; src: { workload?: string }; enforce: { verdict: string } });
    const text = fs.readFileSync(log, "utf8");
    const sessions = (text.match(/ (ats_dcf|traffic_server\[812\]): /g) ?? []).length + (text.match(/PROTO=UDP/g) ?? []).length;
    expect(flows.reduce((n, f) => n + f.observed.count, 0)).toBe(sessions);
    expect(flows.length).toBeLessThanOrEqual(40 * 8 + 40 * 2 + 200 * 10);
    expect(new Set(flows.map((f) => f.enforce.verdict))).toEqual(new Set(["PERMIT", "DENY", "UNKNOWN"]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The replay's fast paths (byte-level line splitting, hand-written field and timestamp readers,
// cached address resolution, compact join keys) against a generated mixed log whose expected
// report the generator builds on its own (test/support/mixed-gateway-log.ts): no line may be
// dropped, miscounted or misdated, whatever the read chunk size cuts (lines, CRLF, UTF-8).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { FlowAggregator, ObservedFlow } from "../../lib/logs/flows";
import { WorkloadInventory } from "../../lib/logs/inventory";
import { LineSplitter, MAX_LINE_BYTES } from "../../lib/logs/line-splitter";
import { CHUNK_BYTES, readLogs } from "../../lib/logs/read-logs";
import { ExpectedFlow, mixedGatewayLog } from "../support/mixed-gateway-log";
import { runVca } from "../support/run-cli";

const LAB = path.join(__dirname, "../fixtures/dcf/obot-seed-lab");
const log = mixedGatewayLog(4000);

let dir: string;
let plain: string;
let gz: string;
let pods: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-replay-diff-"));
  plain = path.join(dir, "gateway.log");
  gz = path.join(dir, "gateway.log.1.gz");
  pods = path.join(dir, "pods.json");
  fs.writeFileSync(plain, log.bytes);
  fs.writeFileSync(gz, gzipSync(log.bytes));
  fs.writeFileSync(pods, JSON.stringify(log.pods));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface FlowSummary {
  readonly key: string;
  readonly ip: string;
  readonly count: number;
  readonly first: string;
  readonly last: string;
  readonly engine: "L4" | "L7";
}

const iso = (ms: number) => new Date(ms).toISOString();

function expected(): FlowSummary[] {
  return [...log.flows.entries()]
    .map(([key, f]: [string, ExpectedFlow]) => ({
      key,
      ip: f.ip,
      count: f.count,
      first: iso(f.first),
      last: iso(f.last),
      engine: f.l7 ? ("L7" as const) : ("L4" as const),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

function observed(flows: readonly ObservedFlow[]): FlowSummary[] {
  return flows
    .map((f) => {
      const who = f.source.kind === "pod" ? `${f.source.namespace}/${f.source.workload}` : f.source.ip;
      const ip = [...f.dstIps][0];
      const key = [who, f.host ?? `ip:${ip}`, f.port ?? "", f.protocol].join(" ");
      return { key, ip, count: f.stats.count, first: iso(f.stats.first), last: iso(f.stats.last), engine: f.l7 ? ("L7" as const) : ("L4" as const) };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

test("GIVEN the generated log WHEN it is built THEN it exercises every case (and spans more than one default read chunk)", () => {
  const text = log.bytes.toString("utf8");
  expect(log.bytes.length).toBeGreaterThan(CHUNK_BYTES * 1.5);
  expect(log.bytes.length).toBeGreaterThan(text.length); // multi-byte UTF-8
  for (const needle of [
    "\r\n",
    "AviatrixGwMicrosegPacket:",
    " microseg: ",
    "ats_dcf:",
    "traffic_server[812]: {",
    "+01:00 GW-",
    '"timestamp":1',
    "PROTO=UDP",
    "PROTO=ICMP",
    "🚀",
    "\n\n",
  ])
    expect(text).toContain(needle);
  expect(log.problems.length).toBeGreaterThan(50);
  expect([...log.flows.values()].some((f) => f.count > 1 && !f.l7 && f.protocol === "TCP")).toBe(true);
});

test.each([
  [1, 256 * 1024],
  [3, Infinity],
  [7, Infinity],
  [61, Infinity],
])("GIVEN the log's bytes in chunks of %i WHEN split THEN the lines are the text's lines, CR before LF dropped", (size, prefix) => {
  const bytes = log.bytes.subarray(0, log.bytes.lastIndexOf(0x0a, prefix) + 1);
  const want = bytes
    .toString("utf8")
    .split("\n")
    .slice(0, -1)
    .map((l) => l.replace(/\r$/, ""));
  const got: string[] = [];
  const splitter = new LineSplitter((line) => got.push(line));
  for (let at = 0; at < bytes.length; at += size) splitter.push(bytes.subarray(at, at + size));
  splitter.end();
  expect(got.length).toBe(want.length);
  expect(got).toEqual(want);
});

test("GIVEN one chunk holding lines around one longer than a decoded piece (64 KiB) WHEN split THEN every line comes out whole", () => {
  const lines = [
    "first",
    `${"x".repeat(200_000)}ü`,
    ...Array.from({ length: 3000 }, (_, i) => `${i % 7 === 0 ? "é🚀 " : ""}line ${i} ${"y".repeat(i % 97)}`),
    "last",
  ];
  const got: string[] = [];
  const splitter = new LineSplitter((line) => got.push(line));
  splitter.push(Buffer.from(lines.join("\r\n") + "\n"));
  splitter.end();
  expect(got).toEqual(lines);
});

test("GIVEN a line longer than MAX_LINE_BYTES across reads WHEN split THEN it counts as one line cut at the limit and the next lines are whole", () => {
  const got: string[] = [];
  const splitter = new LineSplitter((line) => got.push(line));
  splitter.push(Buffer.from("a\nxx"));
  const mib = Buffer.alloc(1024 * 1024, "x");
  for (let i = 0; i < 17; i++) splitter.push(mib);
  splitter.push(Buffer.from("x\nb\n"));
  splitter.end();
  expect(got.map((l) => (l.length > 100 ? `${l[0]}×${l.length}` : l))).toEqual(["a", `x×${MAX_LINE_BYTES}`, "b"]);
});

test("GIVEN input without a final LF, a lone CR and invalid UTF-8 WHEN split THEN the last line still counts and bad bytes read as U+FFFD", () => {
  const got: string[] = [];
  const splitter = new LineSplitter((line) => got.push(line));
  const bytes = Buffer.concat([Buffer.from("a\r\n\r\nb\rc\n"), Buffer.from([0xc3, 0x0a, 0xe2, 0x82]), Buffer.from("\nlast")]);
  for (let at = 0; at < bytes.length; at += 3) splitter.push(bytes.subarray(at, at + 3));
  splitter.end();
  expect(got).toEqual(["a", "", "b\rc", "\ufffd", "\ufffd", "last"]);
});

describe.each([
  ["plain, default chunks", () => plain, CHUNK_BYTES],
  ["plain, 4 KiB chunks", () => plain, 4096],
  ["plain, 509-byte chunks", () => plain, 509],
  ["gzip, 509-byte chunks", () => gz, 509],
])("GIVEN the mixed log read as %s", (_name, file, chunk) => {
  test("WHEN replayed THEN every line is counted, problems keep their line numbers, and the flows are the generator's", async () => {
    const inventory = new WorkloadInventory(log.pods, "pods.json");
    const flows = new FlowAggregator(inventory);
    const read = await readLogs([file()], (r) => flows.add(r), log.year, chunk);
    expect({ lines: read.lines, records: read.records, unrelated: read.unrelated, malformed: read.malformed }).toEqual({
      lines: log.lines,
      records: log.records,
      unrelated: log.unrelated,
      malformed: log.problems.length,
    });
    expect(read.problems.map((p) => `${p.file}:${p.line}`)).toEqual(log.problems.map((p) => `${file()}:${p.line}`));
    read.problems.forEach((p, i) => expect(p.reason).toMatch(log.problems[i].reason));
    expect(observed(flows.finish())).toEqual(expected());
  });
});

test("GIVEN the mixed log WHEN `logs replay --json` reads it THEN the report has exactly the generator's flows and names each malformed line", async () => {
  const r = await runVca(
    "logs",
    "replay",
    "--json",
    "--year",
    String(log.year),
    "--synth",
    path.join(LAB, "infra.tf.json"),
    "--manifests",
    path.join(LAB, "firewall-policies"),
    "--logs",
    plain,
    "--inventory",
    pods,
  );
  expect(r.code).toBe(1); // an unknown source cannot be judged
  type Line = {
    src: { namespace?: string; workload?: string; ip: string };
    dst: { host?: string; ip: string; port?: number; protocol: string };
    observed: { count: number; first: string; last: string; engine: "L4" | "L7" };
  };
  const report = r.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Line)
    .map((f) => ({
      key: [
        f.src.namespace !== undefined ? `${f.src.namespace}/${f.src.workload}` : f.src.ip,
        f.dst.host ?? `ip:${f.dst.ip}`,
        f.dst.port ?? "",
        f.dst.protocol,
      ].join(" "),
      ip: f.dst.ip,
      count: f.observed.count,
      first: f.observed.first,
      last: f.observed.last,
      engine: f.observed.engine,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
  expect(report).toEqual(expected());
  for (const p of log.problems.slice(0, 20)) expect(r.stderr).toContain(`${plain}:${p.line}: `);
});

// Class: malformed input is exit 2 naming the file and path, never exit 3 (a crash), never exit 0
// for an error (issue 15 item 10 and the --env-file item 1).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { FIXTURES, runCli, STACK_LINE, tmpDir } from "../hardening/helpers";

const FW = fs.readFileSync(path.join(FIXTURES, "dcf/obot-seed-lab/firewall-policies/ms1kbsng.yaml"), "utf8");
const SYNTH = path.join(FIXTURES, "dcf/agentcore-aws.dcf.tf.json");
const SCENARIOS = path.join(FIXTURES, "dcf/agentcore-aws.scenarios.yaml");

const manifestCases: Array<[string, string, RegExp]> = [
  ["domains is a string", FW.replace("    domains:\n    - api.openai.com", "    domains: api.example.com"), /domains: got "api\.example\.com", want array/],
  ["selectors: [null]", FW.replace("    - cidr: 0.0.0.0/0", "    - null"), /selectors\[0\]: got null/],
  ["cidr: 5", FW.replace("    - cidr: 0.0.0.0/0", "    - cidr: 5"), /cidr: got 5, want string/],
  ["rules: {}", FW.replace(/ {2}rules:\n[\s\S]*$/, "  rules: {}\n"), /rules/],
  ["wildcard *example.com", FW.replace("    - api.openai.com", '    - "*example.com"'), /\*example\.com/],
  ["wildcard example.*", FW.replace("    - api.openai.com", '    - "example.*"'), /example\.\*/],
  ["public suffix *.co.uk", FW.replace("    - api.openai.com", '    - "*.co.uk"'), /public suffix "co\.uk"/],
  ["host:5000 domain", FW.replace("    - api.openai.com", "    - host.example.com:5000"), /has a port/],
];

describe.each(["simulate", "analyze"])("vca %s --manifests with malformed FirewallPolicies", (cmd) => {
  test.each(manifestCases)("%s → exit 2 naming file and path", async (_n, text, message) => {
    const dir = tmpDir();
    const f = path.join(dir, "fw.yaml");
    fs.writeFileSync(f, text);
    const args =
      cmd === "simulate" ? ["simulate", "--synth", SYNTH, "--manifests", f, "--scenarios", SCENARIOS] : ["analyze", "--synth", SYNTH, "--manifests", f];
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fw\.yaml/);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe("vca validate agrees with simulate on the same manifests", () => {
  test.each(manifestCases)("%s → a validation error, not exit 0 or 3", async (_n, text) => {
    const dir = tmpDir();
    const f = path.join(dir, "fw.yaml");
    fs.writeFileSync(f, text);
    const r = await runCli(["validate", f]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/fw\.yaml/);
  });

  test.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])("kind %s → finding, not a crash", async (kind) => {
    const dir = tmpDir();
    const f = path.join(dir, "fw.yaml");
    fs.writeFileSync(f, FW.replace("kind: FirewallPolicy", `kind: ${kind}`));
    const r = await runCli(["validate", f]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(`got kind "${kind}"`);
  });
});

describe("vca preflight report / lock on malformed report files", () => {
  const good = {
    formatVersion: 1,
    stack: "s",
    summary: { errors: 0, warnings: 0, unknown: 0, acknowledged: 0 },
    summaryLine: "s: ok",
    findings: [],
    rules: [],
    immutable: [],
  };
  const errorFinding = {
    ruleId: "AVX-X1",
    id: "AVX-X1",
    level: "ERROR",
    status: "non-compliant",
    constructPath: "s/x",
    cause: "c",
    fix: "f",
    message: "ERROR AVX-X1 bad",
  };
  const cases: Array<[string, unknown]> = [
    ["no summary, no findings", { stack: "s" }],
    ["findings: [null]", { ...good, findings: [null] }],
    ["immutable values: null", { ...good, immutable: [{ key: "k", constructPath: "s/x", description: "d", values: null, references: [] }] }],
    ["immutable: {}", { ...good, immutable: {} }],
    ["top level is a list", [good]],
    ["finding level is a number", { ...good, findings: [{ ...errorFinding, level: 3 }] }],
  ];
  const write = (doc: unknown) => {
    const out = tmpDir();
    fs.mkdirSync(path.join(out, "preflight"));
    fs.writeFileSync(path.join(out, "preflight", "s.json"), JSON.stringify(doc));
    return out;
  };
  test.each(cases)("report: %s → exit 2 naming the file", async (_n, doc) => {
    const r = await runCli(["preflight", "report", write(doc)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/s\.json/);
    expect(r.stderr).not.toMatch(/internal error/);
  });
  test.each(cases)("lock: %s → exit 2 naming the file, nothing written", async (_n, doc) => {
    const out = write(doc);
    const baseline = path.join(tmpDir(), "lock.json");
    const r = await runCli(["preflight", "lock", out, "--baseline", baseline]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/s\.json/);
    expect(fs.existsSync(baseline)).toBe(false);
  });

  test.each([
    ["summary: {}", {}],
    ["summary: { errors: 0 }", { errors: 0 }],
    ["no summary", undefined],
  ])("%s with an ERROR finding → exit 1", async (_n, summary) => {
    const r = await runCli(["preflight", "report", write({ ...good, summary, findings: [errorFinding] })]);
    expect(r.code).toBe(1);
  });

  test("stack __proto__ is locked like any other stack", async () => {
    const doc = {
      ...good,
      stack: "__proto__",
      immutable: [{ key: "constructor", constructPath: "__proto__/x", description: "d", values: { a: "1" }, references: [] }],
    };
    const baseline = path.join(tmpDir(), "lock.json");
    const r = await runCli(["preflight", "lock", write(doc), "--baseline", baseline]);
    expect(r.code).toBe(0);
    const written = JSON.parse(fs.readFileSync(baseline, "utf8"));
    expect(Object.hasOwn(written.stacks, "__proto__")).toBe(true);
    expect(written.stacks.__proto__.constructor.values).toEqual({ a: "1" });
  });
});

describe("the env file never reaches Node's own option parsing", () => {
  const BIN = path.join(__dirname, "../../bin/vca-cdktf.js");
  const V = 'version: "1.3.17"\nmcpServers:\n  docs:\n    type: streamable-http\n    url: https://mcp.example.com/\n';

  test("--env-file is refused by vca with exit 2", async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "librechat.yaml"), V);
    const r = await runCli([
      "shim",
      "librechat",
      "--config",
      path.join(dir, "librechat.yaml"),
      "--env-file",
      path.join(dir, ".env"),
      "--out",
      path.join(dir, "out"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--dotenv/);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test("--dotenv with NODE_OPTIONS=--require runs no code (real process)", () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "librechat.yaml"), V);
    fs.writeFileSync(path.join(dir, "evil.js"), `require("fs").writeFileSync(${JSON.stringify(path.join(dir, "pwned"))}, "x");`);
    fs.writeFileSync(path.join(dir, ".env"), `NODE_OPTIONS="--require ${path.join(dir, "evil.js")}"\n`);
    if (!fs.existsSync(path.join(__dirname, "../../dist/lib/cli/main.js"))) return; // the bin runs the build
    execFileSync(
      process.execPath,
      [BIN, "shim", "librechat", "--config", path.join(dir, "librechat.yaml"), "--dotenv", path.join(dir, ".env"), "--out", path.join(dir, "out")],
      { stdio: "pipe" },
    );
    expect(fs.existsSync(path.join(dir, "pwned"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "out", "egress.json"))).toBe(true);
  });

  test("a FIFO as --dotenv is exit 2 at once; a missing one is exit 2", async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "librechat.yaml"), V);
    const fifo = path.join(dir, "env.fifo");
    try {
      execFileSync("mkfifo", [fifo]);
    } catch {
      return; // no mkfifo on this platform
    }
    const r = await runCli(["shim", "librechat", "--config", path.join(dir, "librechat.yaml"), "--dotenv", fifo, "--out", path.join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/env\.fifo.*not a regular file/);
    const missing = await runCli([
      "shim",
      "librechat",
      "--config",
      path.join(dir, "librechat.yaml"),
      "--dotenv",
      path.join(dir, "nope.env"),
      "--out",
      path.join(dir, "out"),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.env/);
    expect(fs.readdirSync(dir).sort()).toEqual(["env.fifo", "librechat.yaml"]);
  });
});

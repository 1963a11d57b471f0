// Hostile input corpus for every `vca` command, run in-process. For each case: the right exit code
// (2 bad input / usage, 1 a check that ran and failed), a message naming the file and line or YAML
// path, no stack trace, nothing created or changed next to the inputs or in --out, and a time and
// memory bound. Big and binary inputs are generated at test time (never committed).
import * as fs from "fs";
import * as path from "path";
import { FIXTURES, runCli, STACK_LINE, tmpDir, treeFingerprint } from "./helpers";

const MB = 1024 * 1024;
/** Generous for a shared 2-core runner; a hang or a quadratic blow-up is orders of magnitude more. */
const TIME_LIMIT_MS = 8000;
const RSS_LIMIT_BYTES = 2048 * MB;

type Content = string | Buffer | (() => string | Buffer);

interface Case {
  readonly name: string;
  /** Files created in the case's temp dir (relative name → content). */
  readonly files?: Record<string, Content>;
  /** `@x` is the temp dir's file x, `@@x` the shared fixture copy of x (see BASE), `%x` a shared big file. */
  readonly args: readonly string[];
  readonly code: 1 | 2;
  /** Must name the input (file, line, YAML path or option) and the problem. */
  readonly message: RegExp;
  /** Where the message is printed (stderr by default; commander usage errors too). */
  readonly stdout?: RegExp;
}

// ---- base inputs (valid) ----
const BASE: Record<string, string> = {
  "synth.json": fs.readFileSync(path.join(FIXTURES, "dcf/agentcore-aws.dcf.tf.json"), "utf8"),
  "scenarios.yaml": fs.readFileSync(path.join(FIXTURES, "dcf/agentcore-aws.scenarios.yaml"), "utf8"),
  "servers.yaml": fs.readFileSync(path.join(FIXTURES, "obot/lab-servers.yaml"), "utf8"),
  "fw.yaml": fs.readFileSync(path.join(FIXTURES, "dcf/obot-seed-lab/firewall-policies/ms1kbsng.yaml"), "utf8"),
  "librechat.yaml": 'version: "1.3.17"\nmcpServers:\n  docs:\n    type: streamable-http\n    url: https://mcp.example.com/\n',
};

// ---- hostile building blocks ----
/** Billion laughs: 10 levels × 10 aliases = 10^10 leaves once expanded. */
function aliasBomb(key: string, indent = ""): string {
  const lines = [`${indent}${key}0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < 10; i++)
    lines.push(
      `${indent}${key}${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(",")}]`,
    );
  return lines.join("\n") + "\n";
}
/** The same bomb as one flow-style value: the last element alone expands to 10^10 leaves. */
const inlineBomb = () => `[&a0 [l,l,l,l,l,l,l,l,l,l], ${Array.from({ length: 9 }, (_, i) => `&a${i + 1} [${Array(10).fill(`*a${i}`).join(",")}]`).join(", ")}]`;
const deepFlow = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const NOT_UTF8 = (prefix: string, suffix: string) => Buffer.concat([Buffer.from(prefix), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(suffix)]);
const BINARY = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3e, 0x00]);
const flow = (to: string, from = "{ subnet: aws_subnet.agentcore_runtime }") => `flows:\n  - name: f\n    from: ${from}\n    to: ${to}\n`;
/** The synth fixture with one change; the string HUGE becomes the raw JSON number 1e400 (JSON.stringify cannot write it). */
const HUGE = "__huge_number__";
const tfWith = (mutate: (doc: any) => void) => () => {
  const doc = JSON.parse(BASE["synth.json"]);
  mutate(doc);
  return JSON.stringify(doc, null, 2).split(JSON.stringify(HUGE)).join("1e400");
};
// The fixture is hcl2json output: every block is a list.
const one = (x: any) => (Array.isArray(x) ? x[0] : x);
const firstPolicy = (doc: any) => one(one(doc.resource.aviatrix_distributed_firewalling_policy_list.main).policies);
const firstSmartGroup = (doc: any) => one(doc.resource.aviatrix_smart_group.any);
const server = (yamlItem: string) => `servers:\n  - ${yamlItem}\n`;
const fwRule = (patch: (s: string) => string) => () => patch(BASE["fw.yaml"]);
const report = (body: unknown) => JSON.stringify(body);

const cases: Case[] = [
  // ---------------- vca shim librechat / diff ----------------
  {
    name: "shim: 50 MB config",
    args: ["shim", "librechat", "--config", "%big.yaml", "--out", "@out"],
    code: 2,
    message: /big\.yaml: LibreChat config is \d+ bytes, over the \d+-byte limit/,
  },
  {
    name: "shim: deeply nested YAML (10,000 levels)",
    files: { "c.yaml": `version: "1.3.17"\ninterface: ${deepFlow(10000)}\n` },
    args: ["shim", "librechat", "--config", "@c.yaml", "--out", "@out"],
    code: 2,
    message: /c\.yaml: LibreChat config nests too deeply to parse/,
  },
  {
    name: "shim: alias bomb inside mcpServers",
    files: { "c.yaml": `version: "1.3.17"\nx:\n${aliasBomb("b", "  ")}` },
    args: ["shim", "librechat", "--config", "@c.yaml", "--out", "@out"],
    code: 2,
    message: /c\.yaml: LibreChat config expands to more than \d+ nodes \(YAML alias bomb\?\)/,
  },
  {
    name: "shim: non-UTF-8 env file",
    files: { "e.env": NOT_UTF8("OPENAI_API_KEY=", "\n") },
    args: ["shim", "librechat", "--config", "@@librechat.yaml", "--dotenv", "@e.env", "--out", "@out"],
    code: 2,
    message: /e\.env:1: env file is not valid UTF-8 text/,
  },
  {
    name: "shim: port 70000 in an MCP url",
    files: { "c.yaml": 'version: "1.3.17"\nmcpServers:\n  s:\n    type: sse\n    url: "https://mcp.example.com:70000/sse"\n' },
    args: ["shim", "librechat", "--config", "@c.yaml", "--out", "@out"],
    code: 2,
    message:
      /c\.yaml: .*\n.*mcpServers\.s\.url: got "https:\/\/mcp\.example\.com:70000\/sse", want an absolute URL \(port 70000 is out of range\); use a port from 0 to 65535/,
  },
  {
    name: "shim: binary Helm values",
    files: { "v.yaml": BINARY },
    args: ["shim", "librechat", "--config", "@@librechat.yaml", "--helm-values", "@v.yaml", "--out", "@out"],
    code: 2,
    message: /v\.yaml:1: Helm values contains a NUL byte \(binary file\?\)/,
  },
  {
    name: "shim: --mitm-ca and --fetch-mitm-ca together (conflicting flags)",
    args: ["shim", "librechat", "--config", "@@librechat.yaml", "--mitm-ca", "x.pem", "--fetch-mitm-ca", "https://ctrl.example.com", "--out", "@out"],
    code: 2,
    message: /--mitm-ca and --fetch-mitm-ca are mutually exclusive/,
  },
  {
    name: "shim --check: stale committed outputs → exit 1, nothing rewritten",
    files: { "out/egress.json": '{"webGroups":[],"internal":[],"warnings":[]}\n' },
    args: ["shim", "librechat", "--config", "@@librechat.yaml", "--out", "@out", "--check"],
    code: 1,
    message: /stale egress outputs in .*out: .*egress\.json/,
  },
  {
    name: "shim diff: binary egress.json",
    files: { "a.json": BINARY },
    args: ["shim", "diff", "@a.json", "@a.json"],
    code: 2,
    message: /a\.json:1: egress\.json contains a NUL byte/,
  },

  // ---------------- vca obot policies ----------------
  {
    name: "obot: 50 MB servers file",
    args: ["obot", "policies", "%big.yaml", "--out", "@out"],
    code: 2,
    message: /big\.yaml: servers file is \d+ bytes, over the \d+-byte limit/,
  },
  {
    name: "obot: alias bomb as egressDomains items",
    files: { "s.yaml": `servers:\n  - id: ms1\n    egressDomains: ${inlineBomb()}\n` },
    args: ["obot", "policies", "@s.yaml", "--out", "@out"],
    code: 2,
    message: /s\.yaml: servers file expands to more than 2000000 nodes \(YAML alias bomb\?\) near servers\[0\]\.egressDomains/,
  },
  {
    name: "obot: deeply nested YAML",
    files: { "s.yaml": `servers: ${deepFlow(10000)}\n` },
    args: ["obot", "policies", "@s.yaml", "--out", "@out"],
    code: 2,
    message: /s\.yaml: servers file nests too deeply to parse/,
  },
  {
    name: "obot: non-UTF-8 bytes in a domain",
    files: { "s.yaml": NOT_UTF8("servers:\n  - id: ms1\n    egressDomains: [api.", ".com]\n") },
    args: ["obot", "policies", "@s.yaml", "--out", "@out"],
    code: 2,
    message: /s\.yaml:3: servers file is not valid UTF-8 text/,
  },
  {
    name: "obot: binary file",
    files: { "s.yaml": BINARY },
    args: ["obot", "policies", "@s.yaml", "--out", "@out"],
    code: 2,
    message: /s\.yaml:1: servers file contains a NUL byte/,
  },
  {
    name: "obot: server id over 58 characters",
    files: { "s.yaml": server(`id: ${"a".repeat(59)}`) },
    args: ["obot", "policies", "@s.yaml", "--out", "@out"],
    code: 2,
    message: /s\.yaml: servers\[0\]\.id: must be an MCP server id: a DNS-1123 label of at most 58/,
  },
  {
    name: "obot: id as a huge number",
    files: { "s.yaml": server("id: 1e999") },
    args: ["obot", "policies", "@s.yaml", "--out", "@out"],
    code: 2,
    message: /s\.yaml: servers\[0\]\.id: must be an MCP server id/,
  },
  {
    name: "obot: bare * domain (would widen egress)",
    files: { "s.yaml": server('id: ms1\n    egressDomains: ["*"]') },
    args: ["obot", "policies", "@s.yaml", "--out", "@out"],
    code: 2,
    message: /s\.yaml: servers\[0\]\.egressDomains\[0\]: .*\(got "\*"\)/,
  },
  {
    name: "obot: domain label over 63 characters",
    files: { "s.yaml": server(`id: ms1\n    egressDomains: ["${"x".repeat(64)}.example.com"]`) },
    args: ["obot", "policies", "@s.yaml", "--out", "@out"],
    code: 2,
    message: /s\.yaml: servers\[0\]\.egressDomains\[0\]:/,
  },
  {
    name: "obot: denyAllEgress with domains (conflicting)",
    files: { "s.yaml": server("id: ms1\n    denyAllEgress: true\n    egressDomains: [api.example.com]") },
    args: ["obot", "policies", "@s.yaml", "--out", "@out"],
    code: 2,
    message: /s\.yaml: servers\[0\]\.denyAllEgress: denyAllEgress cannot be true when egressDomains are specified/,
  },
  {
    name: "obot: duplicate server ids",
    files: { "s.yaml": "servers:\n  - id: ms1\n  - id: ms1\n" },
    args: ["obot", "policies", "@s.yaml", "--out", "@out"],
    code: 2,
    message: /s\.yaml: servers\[1\]\.id: duplicate id "ms1" \(first at servers\[0\]\)/,
  },
  {
    name: "obot: YAML syntax error names the line",
    files: { "s.yaml": "servers:\n  - id: ms1\n    egressDomains: [a.com\n" },
    args: ["obot", "policies", "@s.yaml", "--out", "@out"],
    code: 2,
    message: /s\.yaml:4:1: servers file is not valid YAML: unexpected end of the stream/,
  },
  {
    name: "obot: --namespace over 63 characters",
    args: ["obot", "policies", "@@servers.yaml", "--namespace", "n".repeat(64), "--out", "@out"],
    code: 2,
    message: /--namespace: must be a DNS-1123 label/,
  },
  {
    name: "obot: missing servers file",
    args: ["obot", "policies", "@nope.yaml", "--out", "@out"],
    code: 2,
    message: /nope\.yaml: cannot read servers file \(ENOENT\)/,
  },

  // ---------------- vca simulate ----------------
  {
    name: "simulate: 50 MB scenarios file",
    args: ["simulate", "--synth", "@@synth.json", "--scenarios", "%big.yaml"],
    code: 2,
    message: /big\.yaml: --scenarios is \d+ bytes, over the \d+-byte limit/,
  },
  {
    name: "simulate: 50 MB truncated synth JSON",
    args: ["simulate", "--synth", "%big.json", "--scenarios", "@@scenarios.yaml"],
    code: 2,
    message: /big\.json: invalid JSON: Unterminated string/,
  },
  {
    name: "simulate: alias bomb as a flow's path",
    files: { "sc.yaml": flow(`{ host: a.com, port: 443, protocol: tcp, path: ${inlineBomb()} }`) },
    args: ["simulate", "--synth", "@@synth.json", "--scenarios", "@sc.yaml"],
    code: 2,
    message: /sc\.yaml: scenarios file expands to more than 2000000 nodes \(YAML alias bomb\?\) near flows\[0\]\.to\.path/,
  },
  {
    name: "simulate: alias bomb as a flow's source",
    files: { "sc.yaml": flow("{ host: a.com, port: 443, protocol: tcp }", `{ groups: ${inlineBomb()} }`) },
    args: ["simulate", "--synth", "@@synth.json", "--scenarios", "@sc.yaml"],
    code: 2,
    message: /sc\.yaml: scenarios file expands to more than 2000000 nodes \(YAML alias bomb\?\) near flows\[0\]\.from\.groups/,
  },
  {
    name: "simulate: deeply nested scenarios",
    files: { "sc.yaml": `flows: ${deepFlow(10000)}\n` },
    args: ["simulate", "--synth", "@@synth.json", "--scenarios", "@sc.yaml"],
    code: 2,
    message: /sc\.yaml: scenarios file nests too deeply to parse/,
  },
  {
    name: "simulate: non-UTF-8 scenarios",
    files: { "sc.yaml": NOT_UTF8("flows:\n  - name: f\n    to: { host: a.", ".com, port: 443, protocol: tcp }\n") },
    args: ["simulate", "--synth", "@@synth.json", "--scenarios", "@sc.yaml"],
    code: 2,
    message: /sc\.yaml:3: --scenarios is not valid UTF-8 text/,
  },
  {
    name: "simulate: port 70000",
    files: { "sc.yaml": flow("{ host: a.com, port: 70000, protocol: tcp }") },
    args: ["simulate", "--synth", "@@synth.json", "--scenarios", "@sc.yaml"],
    code: 2,
    message: /sc\.yaml: flows\[0\]\.to\.port: want an integer 0\.\.65535 \(got 70000\)/,
  },
  {
    name: "simulate: port as a huge float",
    files: { "sc.yaml": flow("{ host: a.com, port: 1e400, protocol: tcp }") },
    args: ["simulate", "--synth", "@@synth.json", "--scenarios", "@sc.yaml"],
    code: 2,
    message: /sc\.yaml: flows\[0\]\.to\.port: want an integer 0\.\.65535/,
  },
  {
    name: "simulate: protocol sctp",
    files: { "sc.yaml": flow("{ host: a.com, port: 443, protocol: sctp }") },
    args: ["simulate", "--synth", "@@synth.json", "--scenarios", "@sc.yaml"],
    code: 2,
    message: /sc\.yaml: flows\[0\]\.to\.protocol: want tcp, udp or icmp/,
  },
  {
    name: "simulate: absurd source IP",
    files: { "sc.yaml": flow("{ host: a.com, port: 443, protocol: tcp }", "{ ip: 999.1.2.3 }") },
    args: ["simulate", "--synth", "@@synth.json", "--scenarios", "@sc.yaml"],
    code: 2,
    message: /sc\.yaml: flows\[0\]\.from\.ip: not an IP address \(got "999\.1\.2\.3"\)/,
  },
  {
    name: "simulate: CIDR where an IP belongs",
    files: { "sc.yaml": flow("{ ip: 10.0.0.0/33, port: 443, protocol: tcp }") },
    args: ["simulate", "--synth", "@@synth.json", "--scenarios", "@sc.yaml"],
    code: 2,
    message: /sc\.yaml: flows\[0\]\.to\.ip: not an IP address/,
  },
  {
    name: "simulate: synth rule priority as a huge number",
    files: { "t.json": tfWith((d) => (firstPolicy(d).priority = HUGE)) },
    args: ["simulate", "--synth", "@t.json", "--scenarios", "@@scenarios.yaml"],
    code: 2,
    message: /t\.json: aviatrix_distributed_firewalling_policy_list\.main\.policies\[0\]\.priority: priority must be an integer \(got Infinity\)/,
  },
  {
    name: "simulate: synth rule with a negative priority",
    files: { "t.json": tfWith((d) => (firstPolicy(d).priority = -5)) },
    args: ["simulate", "--synth", "@t.json", "--scenarios", "@@scenarios.yaml"],
    code: 2,
    message: /t\.json: aviatrix_distributed_firewalling_policy_list\.main\.policies\[0\]\.priority: priority must be ≥ 0 \(got -5\)/,
  },
  {
    name: "simulate: synth rule with a fractional priority",
    files: { "t.json": tfWith((d) => (firstPolicy(d).priority = 10.5)) },
    args: ["simulate", "--synth", "@t.json", "--scenarios", "@@scenarios.yaml"],
    code: 2,
    message: /t\.json: aviatrix_distributed_firewalling_policy_list\.main\.policies\[0\]\.priority: priority must be an integer \(got 10\.5\)/,
  },
  {
    name: "simulate: synth rule port range 70000",
    files: { "t.json": tfWith((d) => (firstPolicy(d).port_ranges = [{ lo: 70000 }])) },
    args: ["simulate", "--synth", "@t.json", "--scenarios", "@@scenarios.yaml"],
    code: 2,
    message: /t\.json: aviatrix_distributed_firewalling_policy_list\.main\.policies\[0\]\.portRanges\[0\]\.lo: got 70000, want an integer 1\.\.65535/,
  },
  {
    name: "simulate: synth SmartGroup CIDR 10.0.0.0/99",
    files: { "t.json": tfWith((d) => (firstSmartGroup(d).selector = [{ match_expressions: [{ cidr: "10.0.0.0/99" }] }])) },
    args: ["simulate", "--synth", "@t.json", "--scenarios", "@@scenarios.yaml"],
    code: 2,
    message: /t\.json: aviatrix_smart_group\.any\.selector\[0\]\.match_expressions\[0\]: cidr is not a CIDR or IP address \(got "10\.0\.0\.0\/99"/,
  },
  {
    name: "simulate: /dev/zero as scenarios (endless, not a file)",
    args: ["simulate", "--synth", "@@synth.json", "--scenarios", "/dev/zero"],
    code: 2,
    message: /\/dev\/zero: --scenarios is not a regular file/,
  },
  {
    name: "simulate: binary synth",
    files: { "t.json": BINARY },
    args: ["simulate", "--synth", "@t.json", "--scenarios", "@@scenarios.yaml"],
    code: 2,
    message: /t\.json:1: --synth contains a NUL byte/,
  },
  {
    name: "simulate: FirewallPolicy manifest with port 70000",
    files: { "m/fw.yaml": fwRule((s) => s.replace("port: 443", "port: 70000")) },
    args: ["simulate", "--synth", "@@synth.json", "--manifests", "@m", "--scenarios", "@@scenarios.yaml"],
    code: 2,
    message: /fw\.yaml: documents\[0\]\.spec\.rules\[0\]\.port: got 70000, want at most 65535/,
  },
  {
    name: "simulate: manifest with an alias bomb",
    files: {
      "m/fw.yaml": () => `${aliasBomb("x")}` + BASE["fw.yaml"].replace("name: obot-mnp1kbsng-fw", "name: obot-mnp1kbsng-fw\n  annotations: { a: *a9 }"),
    },
    args: ["simulate", "--synth", "@@synth.json", "--manifests", "@m", "--scenarios", "@@scenarios.yaml"],
    code: 2,
    message: /fw\.yaml: FirewallPolicy manifest expands to more than 2000000 nodes \(YAML alias bomb\?\) near metadata\.annotations/,
  },
  {
    name: "simulate: failed expectation → exit 1",
    files: {
      "sc.yaml":
        "flows:\n  - name: exfil-should-be-permitted\n    from: { subnet: aws_subnet.agentcore_runtime }\n    to: { host: exfil.attacker.io, port: 443, protocol: tcp }\n    expect: PERMIT\n",
    },
    args: ["simulate", "--synth", "@@synth.json", "--scenarios", "@sc.yaml"],
    code: 1,
    message: /1 of 1 flows failed their expectation: exfil-should-be-permitted/,
  },
  {
    name: "simulate: missing --scenarios (usage)",
    args: ["simulate", "--synth", "@@synth.json"],
    code: 2,
    message: /required option '--scenarios <file>' not specified/,
  },

  // ---------------- vca analyze ----------------
  { name: "analyze: 50 MB truncated synth JSON", args: ["analyze", "--synth", "%big.json"], code: 2, message: /big\.json: invalid JSON: Unterminated string/ },
  {
    name: "analyze: non-UTF-8 synth",
    files: { "t.json": NOT_UTF8('{"a":"', '"}') },
    args: ["analyze", "--synth", "@t.json"],
    code: 2,
    message: /t\.json:1: --synth is not valid UTF-8 text/,
  },
  {
    name: "analyze: JSON whose top level is a list",
    files: { "t.json": "[1,2,3]" },
    args: ["analyze", "--synth", "@t.json"],
    code: 2,
    message: /t\.json: expected a Terraform JSON object/,
  },
  {
    name: "analyze: broken HCL",
    files: { "main.tf": 'resource "aviatrix_smart_group" "x" {\n  name = \n' },
    args: ["analyze", "--synth", "@main.tf"],
    code: 2,
    message: /main\.tf: cannot parse HCL/,
  },
  {
    name: "analyze: error-level findings → exit 1",
    args: ["analyze", "--synth", path.join(FIXTURES, "../dcf/analyze/fixtures/obot-aks.broken.tf.json")],
    code: 1,
    message: /analyze: [1-9]\d* errors?, .* in .*obot-aks\.broken\.tf\.json/,
  },

  // ---------------- vca validate ----------------
  {
    name: "validate: --controller-version abc",
    args: ["validate", "@@synth.json", "--controller-version", "abc"],
    code: 2,
    message: /--controller-version: got "abc", want an Aviatrix controller version/,
  },
  {
    name: "validate: --controller-version 10",
    args: ["validate", "@@synth.json", "--controller-version", "10"],
    code: 2,
    message: /--controller-version: got "10", want an Aviatrix controller version/,
  },
  {
    name: "validate: --controller-version with shell garbage",
    args: ["validate", "@@synth.json", "--controller-version", "9.0.10; rm -rf /"],
    code: 2,
    message: /--controller-version: got "9\.0\.10; rm -rf \/", want an Aviatrix controller version/,
  },
  {
    name: "validate: /dev/zero as input (endless, not a file)",
    args: ["validate", "/dev/zero"],
    code: 2,
    message: /\/dev\/zero: Terraform JSON is not a regular file/,
  },
  { name: "validate: 50 MB truncated JSON", args: ["validate", "%big.json"], code: 2, message: /big\.json:1: invalid JSON \(Unterminated string/ },
  {
    name: "validate: JSON with huge numbers",
    files: { "t.json": tfWith((d) => (firstPolicy(d).priority = HUGE)) },
    args: ["validate", "@t.json"],
    code: 1,
    message: /validation failed: [1-9]\d* errors?/,
    stdout: /priority/,
  },
  {
    name: "validate: manifest alias bomb",
    files: { "m.yaml": `${aliasBomb("x")}apiVersion: v1\nkind: ConfigMap\n` },
    args: ["validate", "@m.yaml"],
    code: 2,
    message: /m\.yaml: manifest expands to more than 2000000 nodes \(YAML alias bomb\?\)/,
  },
  {
    name: "validate: non-UTF-8 manifest",
    files: { "m.yaml": NOT_UTF8("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: '", "'}\n") },
    args: ["validate", "@m.yaml"],
    code: 2,
    message: /m\.yaml:3: manifest is not valid UTF-8 text/,
  },
  {
    name: "validate: directory without stacks",
    files: { "d/readme.txt": "x" },
    args: ["validate", "@d"],
    code: 2,
    message: /d: directory has no stacks\/\*\/cdk\.tf\.json/,
  },
  {
    name: "validate: bad configuration → exit 1",
    args: ["validate", path.join(FIXTURES, "validate/bad-configuration.cdk.tf.json")],
    code: 1,
    message: /validation failed: [1-9]\d* errors?/,
  },

  // ---------------- vca preflight ----------------
  {
    name: "preflight report: corrupted report JSON",
    files: { "co/preflight/s.json": '{"stack": "s", "findings": [' },
    args: ["preflight", "report", "@co"],
    code: 2,
    message: /co\/preflight\/s\.json: preflight report is not valid JSON \(Unexpected end of JSON input\); re-run `cdktf synth`/,
  },
  {
    name: "preflight report: binary report",
    files: { "co/preflight/s.json": BINARY },
    args: ["preflight", "report", "@co"],
    code: 2,
    message: /co\/preflight\/s\.json:1: preflight report contains a NUL byte \(binary file\?\)/,
  },
  {
    name: "preflight report: a directory named like a report",
    files: { "co/preflight/s.json/x": "x" },
    args: ["preflight", "report", "@co"],
    code: 2,
    message: /co\/preflight\/s\.json: preflight report is not a regular file/,
  },
  {
    name: "preflight lock: baseline is a directory",
    files: { "co/preflight/s.json": report({ stack: "s", summaryLine: "s: ok", summary: {}, findings: [] }), "b/x": "x" },
    args: ["preflight", "lock", "@co", "--baseline", "@b"],
    code: 2,
    message: /b: preflight baseline is not a regular file/,
  },
  {
    name: "preflight lock: baseline with a syntax error",
    files: { "co/preflight/s.json": report({ stack: "s", summaryLine: "s: ok", summary: {}, findings: [] }), "b.json": '{\n  "version": 1,\n  oops\n}' },
    args: ["preflight", "lock", "@co", "--baseline", "@b.json"],
    code: 2,
    message: /b\.json:3: preflight baseline is not valid JSON \(.*\); regenerate it with `npx vca-cdktf preflight lock`/,
  },
  {
    name: "preflight lock: no reports, baseline untouched",
    files: { "co/x.txt": "x", "baseline.json": "{}" },
    args: ["preflight", "lock", "@co", "--baseline", "@baseline.json"],
    code: 2,
    message: /co\/preflight: no preflight reports/,
  },
  {
    name: "preflight report: ERROR findings → exit 1",
    files: {
      "co/preflight/s.json": report({
        stack: "s",
        summaryLine: "s: 1 error",
        summary: { errors: 1 },
        findings: [{ level: "ERROR", status: "non-compliant", message: "[ERROR at s/x] AVX-DCF1: no default deny" }],
      }),
    },
    args: ["preflight", "report", "@co"],
    code: 1,
    message: /1 preflight error/,
  },

  // ---------------- usage ----------------
  { name: "unknown command", args: ["exfiltrate"], code: 2, message: /unknown command 'exfiltrate'/ },
  { name: "unknown option", args: ["validate", "@@synth.json", "--yolo"], code: 2, message: /unknown option '--yolo'/ },
];

let shared: string;

beforeAll(() => {
  shared = tmpDir("vca-hostile-shared-");
  for (const [name, content] of Object.entries(BASE)) fs.writeFileSync(path.join(shared, name), content);
  // 50 MB: a plausible head, then a very long scalar; the JSON one is truncated (never closes).
  const pad = "x".repeat(50 * MB);
  fs.writeFileSync(path.join(shared, "big.yaml"), `servers:\n  - id: ms1\n    name: "${pad}"\nflows:\n  - name: "${pad.slice(0, 10)}"\n`);
  fs.writeFileSync(path.join(shared, "big.json"), `{"resource": {"aviatrix_web_group": {"w": {"name": "${pad}`);
});

afterAll(() => fs.rmSync(shared, { recursive: true, force: true }));

function materialize(dir: string, files: Record<string, Content>): void {
  for (const [rel, content] of Object.entries(files)) {
    const target = path.join(dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, typeof content === "function" ? content() : content);
  }
}

function resolveArg(a: string, dir: string): string {
  if (a.startsWith("@@")) return path.join(shared, a.slice(2));
  if (a.startsWith("@")) return path.join(dir, a.slice(1));
  if (a.startsWith("%")) return path.join(shared, a.slice(1));
  return a;
}

describe("GIVEN hostile input to every vca command", () => {
  test("the corpus has at least 40 cases and covers every command", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const commands = new Set(cases.map((c) => c.args[0]));
    for (const cmd of ["shim", "obot", "simulate", "analyze", "validate", "preflight"]) expect(commands).toContain(cmd);
  });

  test.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    // GIVEN the case's files and a pre-existing --out dir with a file that must survive as is
    const dir = tmpDir();
    materialize(dir, { "out/keep.txt": "committed\n", ...(c.files ?? {}) });
    const before = treeFingerprint(dir);
    const sharedBefore = fs.readdirSync(shared).sort();

    // WHEN the command runs
    const r = await runCli(c.args.map((a) => resolveArg(a, dir)));

    // THEN the exit code, a message that names the input, no stack trace, nothing written
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: c.code, stderr: expect.stringMatching(c.message) });
    if (c.stdout) expect(r.stdout).toMatch(c.stdout);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(treeFingerprint(dir)).toEqual(before);
    expect(fs.readdirSync(shared).sort()).toEqual(sharedBefore);
    expect(r.ms).toBeLessThan(TIME_LIMIT_MS);
    expect(process.memoryUsage().rss).toBeLessThan(RSS_LIMIT_BYTES);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

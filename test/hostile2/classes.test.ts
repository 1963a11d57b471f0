// Classes of issue 15 each with a table: the host grammar at every entry point, strict prop types,
// outputs (lock, never over inputs, pruning), rule priorities, Obot's enforcement keys, shim flags.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createHash } from "crypto";
import { TerraformStack, Testing } from "../../lib/core/cdktf";
import { ConstructPropsError } from "../../lib/core/construct-props-error";
import { DcfPolicyPack, ManagedSmartGroup, SmartGroup, WebGroup } from "../../lib/constructs/dcf";
import { LibreChatEgress } from "../../lib/constructs/workloads/librechat-egress";
import { ObotPlatform } from "../../lib/constructs/workloads/obot-platform";
import { runCli, tmpDir } from "../hardening/helpers";

const stack = () => new TerraformStack(Testing.app(), "stack");
const V = 'version: "1.3.17"\n';

describe("one host grammar: the WebGroup construct", () => {
  test.each([
    "example.com:443",
    "10.0.0.0/8",
    "1.2.3.4",
    "localhost",
    "com",
    "*.com",
    "*.co.uk",
    "a..b.com",
    ".a.com",
    "a,b.com",
    `${"x".repeat(64)}.com`,
    "host:5000",
    "*example.com",
    "example.*",
    "example.com..",
  ])("%s → typed error", (d) => {
    expect(() => new WebGroup(stack(), "w", { domains: [d] })).toThrow(ConstructPropsError);
  });
  test.each([
    ["example.com", "example.com"],
    ["*.example.com", "*.example.com"],
    ["Example.COM.", "example.com"],
    ["bücher.de", "xn--bcher-kva.de"],
    ["*.github.io", "*.github.io"],
  ])("%s is accepted (as %s)", (d, normalized) => {
    expect(new WebGroup(stack(), "w", { domains: [d] }).model.matches).toEqual([{ sni: normalized }]);
  });
});

describe("one host grammar: the shim's URLs", () => {
  test.each([
    "https://example.com../",
    "https://a,b.com/",
    "https://.a.com/",
    "https://a..b.com/",
    `https://${"x".repeat(64)}.com/`,
    "https://mcp.example.com:0/",
  ])("%s → exit 2 naming the file and path", async (url) => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "librechat.yaml"), `${V}mcpServers:\n  s:\n    type: streamable-http\n    url: "${url}"\n`);
    const r = await runCli(["shim", "librechat", "--config", path.join(dir, "librechat.yaml"), "--out", path.join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/librechat\.yaml: mcpServers\.s\.url/);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
  test.each(["*.co.uk", "*.com"])("allowlist %s is never a WebGroup domain", async (d) => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "librechat.yaml"), `${V}actions:\n  allowedDomains: ["${d}"]\n`);
    const r = await runCli(["shim", "librechat", "--config", path.join(dir, "librechat.yaml"), "--out", path.join(dir, "out")]);
    if (r.code === 0) expect(fs.readFileSync(path.join(dir, "out", "egress.json"), "utf8")).not.toContain(d.slice(2) + '"');
    else expect(r.code).toBe(2);
  });
});

describe("one host grammar: scenario to.host", () => {
  test.each(["host.example.com:443", "https://a.example.com", "a..b.com", "a.com/path"])("%s → exit 2", async (host) => {
    const dir = tmpDir();
    fs.writeFileSync(
      path.join(dir, "sc.yaml"),
      `flows:\n  - name: f\n    from: { subnet: aws_subnet.agentcore_runtime }\n    to: { host: "${host}", port: 443, protocol: tcp }\n`,
    );
    const r = await runCli([
      "simulate",
      "--synth",
      path.join(__dirname, "../fixtures/dcf/agentcore-aws.dcf.tf.json"),
      "--scenarios",
      path.join(dir, "sc.yaml"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sc\.yaml: flows\[0\]\.to\.host/);
  });
});

describe("strict prop types", () => {
  const rule = (extra: Record<string, unknown>) => {
    const s = stack();
    const pods = new SmartGroup(s, "pods", { matchExpressions: [{ cidr: "10.0.0.0/16" }] });
    return () =>
      new DcfPolicyPack(s, "dcf", {
        rules: [{ name: "r", priority: 1, action: "DENY", protocol: "TCP", src: [pods], dst: [ManagedSmartGroup.publicInternet()], ...extra } as never],
      });
  };
  test.each([
    ['watch: "false"', { watch: "false" }],
    ['logging: "no"', { logging: "no" }],
    ["enforce: 1", { enforce: 1 }],
    ["ports: [0]", { ports: [0] }],
    ["ports: []", { ports: [] }],
    ['ports: ["0-10"]', { ports: ["0-10"] }],
    ['action: "constructor"', { action: "constructor" }],
    ['logProfile: "toString"', { logProfile: "toString" }],
  ])("%s → ConstructPropsError", (_n, extra) => expect(rule(extra)).toThrow(ConstructPropsError));
  test("watch: false (a boolean) is fine", () => expect(rule({ watch: false })().rules.map((r) => r.watch)).toEqual([false]));
});

describe("outputs", () => {
  const servers = (ids: string[]) => `servers:\n${ids.map((id) => `  - id: ${id}\n    egressDomains: [api.openai.com]\n`).join("")}`;
  test("obot policies removes previews of servers no longer listed, and only its own files", async () => {
    const dir = tmpDir();
    const out = path.join(dir, "out");
    fs.writeFileSync(path.join(dir, "s.yaml"), servers(["aaa", "bbb"]));
    expect((await runCli(["obot", "policies", path.join(dir, "s.yaml"), "--out", out])).code).toBe(0);
    fs.writeFileSync(path.join(out, "mine.yaml"), "# not generated\n");
    fs.writeFileSync(path.join(dir, "s.yaml"), servers(["aaa"]));
    expect((await runCli(["obot", "policies", path.join(dir, "s.yaml"), "--out", out])).code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(["aaa.yaml", "mine.yaml"]);
  });
  test("--out at the input's folder never overwrites the input", async () => {
    const dir = tmpDir();
    const input = path.join(dir, "aaa.yaml");
    fs.writeFileSync(input, servers(["aaa"]));
    const r = await runCli(["obot", "policies", input, "--out", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/aaa\.yaml: is the input file/);
    expect(fs.readFileSync(input, "utf8")).toBe(servers(["aaa"]));
  });
  test("a second writer into a locked --out waits, then fails with exit 2, nothing written", async () => {
    const dir = tmpDir();
    const out = path.join(dir, "out");
    const lock = path.join(os.tmpdir(), `vca-out-${createHash("sha256").update(path.resolve(out)).digest("hex").slice(0, 24)}.lock`);
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, "pid"), String(process.ppid)); // a live process that is not us
    const { writeFilesAtomically } = await import("../../lib/util/atomic-write");
    const { withOutputLock } = await import("../../lib/util/output-lock");
    try {
      expect(() => withOutputLock(out, () => writeFilesAtomically(out, new Map([["a", "x"]])), 100)).toThrow(/another .* run is writing/);
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  });
});

describe("LibreChatEgress priorities never overlap", () => {
  test("LLM and MCP groups on three ports each", () => {
    const s = stack();
    const urls = ["https://a.example.com/", "https://b.example.com:8443/", "https://c.example.com:9443/"];
    const config = `${V}endpoints:\n  custom:\n${urls.map((u, i) => `    - name: e${i}\n      apiKey: "\${K}"\n      baseURL: ${u}\n      models: {default: [m]}\n`).join("")}mcpServers:\n${urls.map((u, i) => `  m${i}:\n    type: streamable-http\n    url: ${u.replace("://", "://mcp.")}\n`).join("")}`;
    const egress = new LibreChatEgress(s, "egress", { config });
    const pods = new SmartGroup(s, "pods", { matchExpressions: [{ cidr: "10.0.0.0/16" }] });
    const rules = [
      ...egress.podRules({ src: [pods], dst: [ManagedSmartGroup.publicInternet()] }),
      ...egress.registryRules({ src: [pods], dst: [ManagedSmartGroup.publicInternet()] }),
    ];
    const priorities = rules.map((r) => r.priority);
    expect(new Set(priorities).size).toBe(priorities.length);
    expect(() => new DcfPolicyPack(s, "dcf", { rules })).not.toThrow();
  });
});

describe("ObotPlatform: values cannot reach the enforcement env", () => {
  test.each([
    ["extraEnv map", { extraEnv: { OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS: "false" } }],
    ["extraEnv list", { extraEnv: [{ name: "OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS", value: "false" }] }],
    ["config.existingSecret", { config: { existingSecret: "mine" } }],
    ["config key", { config: { OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS: "false" } }],
  ])("%s → typed error", (_n, values) => {
    expect(() => new ObotPlatform(stack(), "obot", { version: "v0.21.0", values } as never)).toThrow(ConstructPropsError);
  });
});

describe("shim flags use the Kubernetes grammar", () => {
  test.each([
    ["--namespace", "Bad_NS"],
    ["--policy-name", "x y"],
    ["--pod-label", "a=b c"],
    ["--pod-label", "-a=b"],
    ["--pod-label", "a"],
  ])("%s %s → exit 2, nothing written", async (flag, value) => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "librechat.yaml"), `${V}mcpServers:\n  s:\n    type: streamable-http\n    url: https://mcp.example.com/\n`);
    const r = await runCli(["shim", "librechat", "--config", path.join(dir, "librechat.yaml"), flag, value, "--out", path.join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(flag);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
});

// Table-driven bad input: every case is a clear error naming the file and YAML path (or line),
// exit 2, and no file is created in --out.
import * as fs from "fs";
import * as path from "path";
import { runCli, tmpDir } from "./helpers";

interface Case {
  readonly name: string;
  /** librechat.yaml content (string or raw bytes). */
  readonly config: string | Buffer;
  readonly extraArgs?: string[];
  readonly extraFiles?: Record<string, string | Buffer>;
  readonly error: RegExp;
}

const V = 'version: "1.3.17"\n';
const bomb = [
  'version: "1.3.17"',
  "interface:",
  '  customWelcome: &a ["x","x","x","x","x","x","x","x","x","x"]',
  ...["b", "c", "d", "e", "f", "g", "h"].map(
    (n, i) =>
      `  x${n}: &${n} [${Array(10)
        .fill(`*${String.fromCharCode(97 + i)}`)
        .join(",")}]`,
  ),
].join("\n");

const cases: Case[] = [
  { name: "YAML alias bomb (billion laughs)", config: bomb, error: /expands to more than 2000000 nodes \(YAML alias bomb\?\)/ },
  { name: "self-referencing anchor", config: `${V}interface: &a\n  loop: *a\n`, error: /nests deeper than 64 levels/ },
  { name: "huge file over 5 MB", config: `${V}# ${"x".repeat(5 * 1024 * 1024)}\n`, error: /over the 5242880-byte limit/ },
  { name: "binary (NUL bytes)", config: Buffer.from([0x76, 0x65, 0x72, 0x00, 0x01, 0x02]), error: /contains a NUL byte/ },
  { name: "not UTF-8", config: Buffer.from([0x76, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), error: /is not valid UTF-8 text/ },
  {
    name: "duplicate keys",
    config: `${V}cache: true\ncache: false\n`,
    error: /librechat\.yaml:3:\d+: LibreChat config is not valid YAML: duplicated mapping key/,
  },
  { name: "multiple documents", config: `${V}---\n${V}`, error: /expected a single document/ },
  { name: "YAML syntax error", config: `${V}endpoints: [\n`, error: /librechat\.yaml:\d+:\d+: LibreChat config is not valid YAML/ },
  { name: "empty file", config: "", error: /\(top level\): expected a mapping/ },
  { name: "top-level list", config: "- a\n- b\n", error: /\(top level\): expected a mapping/ },
  { name: "version as a float", config: "version: 1.3\n", error: /version: Expected string, received number/ },
  { name: "unknown top-level key", config: `${V}x-common: &c {a: 1}\n`, error: /\(top level\): unknown key "x-common"/ },
  { name: "unknown endpoints key", config: `${V}endpoints:\n  ollama: {}\n`, error: /endpoints: unknown key "ollama"/ },
  { name: "custom endpoints not a list", config: `${V}endpoints:\n  custom: {name: a}\n`, error: /endpoints\.custom: Expected array, received object/ },
  {
    name: "baseURL wrong type",
    config: `${V}endpoints:\n  custom:\n    - name: a\n      apiKey: "\${K}"\n      baseURL: 42\n      models: {default: [m]}\n`,
    error: /endpoints\.custom\[0\]\.baseURL: Expected string, received number/,
  },
  {
    name: "unresolved ${VAR} baseURL",
    config: `${V}endpoints:\n  custom:\n    - name: a\n      apiKey: "\${K}"\n      baseURL: "\${LLM_URL}/v1"\n      models: {default: [m]}\n`,
    error: /endpoints\.custom\[name=a\]\.baseURL: host depends on \$\{LLM_URL\}/,
  },
  {
    name: "unresolved ${VAR} MCP url (safeParse would throw)",
    config: `${V}mcpServers:\n  s:\n    type: sse\n    url: "\${MCP_URL}"\n`,
    error: /mcpServers\.s\.url: host depends on \$\{MCP_URL\}/,
  },
  {
    name: "env value is a secret, never used as a host",
    config: `${V}endpoints:\n  custom:\n    - name: a\n      apiKey: "\${K}"\n      baseURL: "\${MY_API_KEY}"\n      models: {default: [m]}\n`,
    extraArgs: ["--dotenv", "ENV"],
    extraFiles: { ENV: "MY_API_KEY=https://attacker.example\n" },
    error: /host depends on \$\{MY_API_KEY\}/,
  },
  {
    name: "user_provided baseURL",
    config: `${V}endpoints:\n  custom:\n    - name: a\n      apiKey: "\${K}"\n      baseURL: user_provided\n      models: {default: [m]}\n`,
    error: /endpoints\.custom\[name=a\]\.baseURL: `user_provided` URL/,
  },
  {
    name: "wildcard host in baseURL",
    config: `${V}endpoints:\n  custom:\n    - name: a\n      apiKey: "\${K}"\n      baseURL: "https://*.example.com/v1"\n      models: {default: [m]}\n`,
    error: /wildcard host "\*\.example\.com" in a URL/,
  },
  {
    name: "wildcard host in MCP url",
    config: `${V}mcpServers:\n  s:\n    type: streamable-http\n    url: "https://*.mcp.example.com/mcp"\n`,
    error: /mcpServers\.s\.url: wildcard host/,
  },
  {
    name: "public IPv4 literal",
    config: `${V}endpoints:\n  custom:\n    - name: a\n      apiKey: "\${K}"\n      baseURL: "http://8.8.8.8/v1"\n      models: {default: [m]}\n`,
    error: /public IP literal 8\.8\.8\.8/,
  },
  {
    name: "public IPv4 in decimal form",
    config: `${V}mcpServers:\n  s:\n    type: sse\n    url: "http://134744072/sse"\n`,
    error: /mcpServers\.s\.url: public IP literal 8\.8\.8\.8/,
  },
  {
    name: "public IPv6 literal",
    config: `${V}mcpServers:\n  s:\n    type: sse\n    url: "https://[2001:4860:4860::8888]/sse"\n`,
    error: /public IP literal 2001:4860:4860::8888/,
  },
  {
    name: "stdio MCP without annotation",
    config: `${V}mcpServers:\n  fs:\n    command: npx\n    args: ["-y", "x"]\n`,
    error: /mcpServers\.fs: stdio MCP server \(command "npx"\) has no declared egress/,
  },
  {
    name: "unsupported scheme",
    config: `${V}endpoints:\n  custom:\n    - name: a\n      apiKey: "\${K}"\n      baseURL: "ftp://files.example.com/"\n      models: {default: [m]}\n`,
    error: /scheme "ftp:" is not allowed here/,
  },
  {
    name: "relative baseURL",
    config: `${V}endpoints:\n  custom:\n    - name: a\n      apiKey: "\${K}"\n      baseURL: "/v1"\n      models: {default: [m]}\n`,
    error: /"\/v1" is not an absolute URL/,
  },
  {
    name: "runtime placeholder in host",
    config: `${V}endpoints:\n  custom:\n    - name: a\n      apiKey: "\${K}"\n      baseURL: "https://{{LIBRECHAT_USER_ID}}.example.com"\n      models: {default: [m]}\n`,
    error: /runtime placeholder|not an absolute URL/,
  },
  {
    name: "Azure serverless without baseURL",
    config: `${V}endpoints:\n  azureOpenAI:\n    groups:\n      - group: g\n        apiKey: "\${K}"\n        serverless: true\n        models: {m: true}\n`,
    error: /endpoints\.azureOpenAI\.groups/,
  },
  {
    name: "OIDC client set but issuer unknown",
    config: V,
    extraArgs: ["--env-keys", "OPENID_CLIENT_ID"],
    error: /env:OPENID_ISSUER: host depends on \$\{OPENID_ISSUER\}/,
  },
  {
    name: "env file syntax error",
    config: V,
    extraArgs: ["--dotenv", "ENV"],
    extraFiles: { ENV: "GOOD=1\nthis is not an assignment\n" },
    error: /ENV:2: expected KEY=VALUE/,
  },
  { name: "bad --env-keys name", config: V, extraArgs: ["--env-keys", "A,B-C"], error: /--env-keys: "B-C" is not an environment variable name/ },
  {
    name: "annotation without reason",
    config: V,
    extraArgs: ["--annotations", "ANN"],
    extraFiles: { ANN: "exceptions:\n  - path: mcpServers.x\n" },
    error: /ANN: exceptions\[0\]\.reason: a reviewed exception needs a reason/,
  },
  {
    name: "annotation with an invalid domain",
    config: V,
    extraArgs: ["--annotations", "ANN"],
    extraFiles: { ANN: "exceptions:\n  - path: a\n    reason: ok ok\n    domains: ['http://x/y']\n" },
    error: /exceptions\[0\]\.domains\[0\]: "http:\/\/x\/y" is not a domain/,
  },
  {
    name: "launcher annotation for an unknown command",
    config: `${V}mcpServers:\n  s:\n    command: /usr/bin/mytool\n    args: []\n`,
    extraArgs: ["--annotations", "ANN"],
    extraFiles: { ANN: "exceptions:\n  - path: mcpServers.s\n    reason: reviewed tool\n    launcher: true\n" },
    error: /mcpServers\.s: launcher: true, but "\/usr\/bin\/mytool" is not a known launcher/,
  },
  {
    name: "floating image tag",
    config: V,
    extraArgs: ["--image-tag", "latest"],
    error: /--image-tag: LibreChat image tag "latest" does not map to a known config schema/,
  },
  {
    name: "image tag of a release with another schema",
    config: V,
    extraArgs: ["--image-tag", "v0.8.6-rc1"],
    error: /uses librechat-data-provider 0\.8\.502 \(config schema 1\.3\.11\); this vca-cdktf build validates with 0\.8\.524 only/,
  },
  { name: "bad --pod-label", config: V, extraArgs: ["--pod-label", "no-equals"], error: /--pod-label "no-equals": expected key=value/ },
  { name: "MITM CA file without a certificate", config: V, extraArgs: ["--mitm-ca", "CA"], extraFiles: { CA: "hello\n" }, error: /CA: no PEM certificate/ },
  {
    name: "MITM CA file with a private key",
    config: V,
    extraArgs: ["--mitm-ca", "CA"],
    extraFiles: { CA: "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n" },
    error: /contains a private key/,
  },
  {
    name: "missing config file",
    config: V,
    extraArgs: ["--config", "does-not-exist.yaml"],
    error: /does-not-exist\.yaml: cannot read LibreChat config \(ENOENT\)/,
  },
  {
    name: "Helm values that are not YAML",
    config: V,
    extraArgs: ["--helm-values", "VALUES"],
    extraFiles: { VALUES: "image: [\n" },
    error: /VALUES:\d+:\d+: Helm values is not valid YAML/,
  },
];

describe("GIVEN bad input to `vca shim librechat`", () => {
  test("the table has at least 30 cases", () => expect(cases.length).toBeGreaterThanOrEqual(30));

  test.each(cases.map((c) => [c.name, c] as const))("%s → exit 2, clear message, nothing written", async (_name, c) => {
    const dir = tmpDir();
    const cfg = path.join(dir, "librechat.yaml");
    fs.writeFileSync(cfg, c.config);
    for (const [name, content] of Object.entries(c.extraFiles ?? {})) fs.writeFileSync(path.join(dir, name), content);
    const args = (c.extraArgs ?? []).map((a) => (c.extraFiles && a in c.extraFiles ? path.join(dir, a) : a === "does-not-exist.yaml" ? path.join(dir, a) : a));
    const out = path.join(dir, "out");
    const configArgs = args.includes("--config") ? [] : ["--config", cfg];
    const r = await runCli("shim", "librechat", ...configArgs, ...args, "--out", out);
    expect(r.stderr).toMatch(c.error);
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });
});

// `vca shim librechat` end to end (in-process): outputs, CRD validity, --check gate, `shim diff`,
// reviewed exceptions, the MITM CA ConfigMap from a file and from a local fake controller.
import Ajv from "ajv";
import * as fs from "fs";
import * as http from "http";
import { AddressInfo } from "net";
import * as path from "path";
import * as yaml from "js-yaml";
import { FIXTURES, runCli, tmpDir } from "./helpers";

const crdSchema = JSON.parse(fs.readFileSync(path.join(__dirname, "../../lib/validate/schemas/firewallpolicy.schema.json"), "utf8"));
const validateCrd = new Ajv({ allErrors: true, strict: false }).compile(crdSchema);

const MINIMAL =
  'version: "1.3.17"\nendpoints:\n  custom:\n    - name: groq\n      apiKey: "${GROQ_API_KEY}"\n      baseURL: https://api.groq.com/openai/v1\n      models: {default: [llama]}\n';

const EVERYTHING = `version: "1.3.17"
endpoints:
  custom:
    - name: groq
      apiKey: "\${K}"
      baseURL: https://api.groq.com/openai/v1
      models: {default: [m]}
    - name: gateway
      apiKey: "\${K}"
      baseURL: https://llm-gw.example.com:8443/v1
      models: {default: [m]}
    - name: legacy
      apiKey: "\${K}"
      baseURL: http://plain.example.net/v1
      models: {default: [m]}
    - name: users
      apiKey: user_provided
      baseURL: user_provided
      models: {default: [m]}
    - name: appliance
      apiKey: "\${K}"
      baseURL: https://20.30.40.50/v1
      models: {default: [m]}
    - name: litellm
      apiKey: "\${K}"
      baseURL: http://litellm.litellm.svc.cluster.local:4000/v1
      models: {default: [m]}
  bedrock:
    availableRegions: [us-east-1]
mcpServers:
  docs:
    type: streamable-http
    url: https://mcp.example.com/mcp
    oauth:
      token_url: https://idp.example.com/oauth/token
  fetch:
    command: uvx
    args: [mcp-server-fetch]
actions:
  allowedDomains: ["*.example.org", "https://api.weather.example:8443"]
`;

const ANNOTATIONS = `exceptions:
  - path: endpoints.custom[name=users].baseURL
    reason: "users may bring their own endpoint; it stays denied by design"
  - path: endpoints.custom[name=appliance].baseURL
    reason: "on-prem appliance with a fixed public address, reviewed by netsec"
    ip: true
  - path: mcpServers.fetch
    reason: "uvx pulls mcp-server-fetch from PyPI"
    launcher: true
`;

function setup(config: string, files: Record<string, string> = {}): { dir: string; cfg: string; out: string; file: (n: string) => string } {
  const dir = tmpDir();
  const cfg = path.join(dir, "librechat.yaml");
  fs.writeFileSync(cfg, config);
  for (const [n, c] of Object.entries(files)) fs.writeFileSync(path.join(dir, n), c);
  return { dir, cfg, out: path.join(dir, "out"), file: (n) => path.join(dir, n) };
}

const read = (dir: string, f: string) => fs.readFileSync(path.join(dir, f), "utf8");

describe("GIVEN a minimal config", () => {
  test("WHEN generating THEN three files; the CRD validates against the CRD schema; snapshot", async () => {
    const s = setup(MINIMAL);
    const r = await runCli("shim", "librechat", "--config", s.cfg, "--out", s.out);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(s.out).sort()).toEqual(["egress.json", "egress.md", "firewall-policy.yaml"]);
    const docs = yaml.loadAll(read(s.out, "firewall-policy.yaml"));
    for (const d of docs) expect(validateCrd(d) ? [] : validateCrd.errors).toEqual([]);
    expect(JSON.parse(read(s.out, "egress.json")).webGroups).toEqual([
      {
        name: "librechat-llm",
        purpose: "LLM providers (custom endpoints and built-in endpoints)",
        domains: ["api.groq.com"],
        port: 443,
        protocol: "tcp",
        from: ["endpoints.custom[name=groq].baseURL"],
      },
    ]);
    expect({ crd: read(s.out, "firewall-policy.yaml"), json: read(s.out, "egress.json"), md: read(s.out, "egress.md") }).toMatchSnapshot();
  });

  test("WHEN --check runs against fresh outputs THEN exit 0; after a config change THEN exit 1 with the egress diff and nothing written", async () => {
    const s = setup(MINIMAL);
    expect((await runCli("shim", "librechat", "--config", s.cfg, "--out", s.out)).code).toBe(0);
    expect((await runCli("shim", "librechat", "--config", s.cfg, "--out", s.out, "--check")).code).toBe(0);
    const before = read(s.out, "egress.json");
    fs.writeFileSync(s.cfg, MINIMAL.replace("https://api.groq.com/openai/v1", "https://openrouter.ai/api/v1").replace("name: groq", "name: router"));
    const r = await runCli("shim", "librechat", "--config", s.cfg, "--out", s.out, "--check");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("egress diff (committed → config):\n  librechat-llm 443/tcp:\n    + openrouter.ai\n    - api.groq.com\n");
    expect(r.stderr).toMatch(/stale egress outputs .*egress\.json, egress\.md, firewall-policy\.yaml differ/);
    expect(read(s.out, "egress.json")).toBe(before);
  });

  test("WHEN --check runs with no committed outputs THEN exit 1 and every destination shows as added", async () => {
    const s = setup(MINIMAL);
    const r = await runCli("shim", "librechat", "--config", s.cfg, "--out", s.out, "--check");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("librechat-llm 443/tcp (new group):\n    + api.groq.com");
    expect(fs.existsSync(s.out)).toBe(false);
  });
});

describe("GIVEN committed outputs that include a file this run no longer produces (review item 3)", () => {
  const CA = path.join(FIXTURES, "mitm/test-ca.pem");

  test("WHEN --check runs without --mitm-ca THEN the stale mitm-ca-configmap.yaml alone makes it exit 1 and is listed", async () => {
    const s = setup(MINIMAL);
    expect((await runCli("shim", "librechat", "--config", s.cfg, "--mitm-ca", CA, "--out", s.out)).code).toBe(0);
    const r = await runCli("shim", "librechat", "--config", s.cfg, "--out", s.out, "--check");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("no egress changes\nno longer produced (delete or regenerate):\n  - mitm-ca-configmap.yaml\n");
    expect(r.stderr).toMatch(/stale egress outputs in .*out: mitm-ca-configmap\.yaml is no longer produced/);
    expect(fs.existsSync(path.join(s.out, "mitm-ca-configmap.yaml"))).toBe(true);
  });

  test("WHEN regenerating without --mitm-ca THEN the stale file is removed in the same transaction and --check passes", async () => {
    const s = setup(MINIMAL);
    expect((await runCli("shim", "librechat", "--config", s.cfg, "--mitm-ca", CA, "--out", s.out)).code).toBe(0);
    fs.writeFileSync(path.join(s.out, "README.md"), "ours\n");
    const r = await runCli("shim", "librechat", "--config", s.cfg, "--out", s.out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("removed mitm-ca-configmap.yaml (no longer produced)");
    expect(fs.readdirSync(s.out).sort()).toEqual(["README.md", "egress.json", "egress.md", "firewall-policy.yaml"]);
    expect((await runCli("shim", "librechat", "--config", s.cfg, "--out", s.out, "--check")).code).toBe(0);
  });
});

describe("GIVEN an everything-on config with reviewed exceptions, env, Helm values and a MITM CA", () => {
  test("THEN ports, plain http, CIDR exception, per-MCP groups and the CA ConfigMap are rendered; snapshot", async () => {
    const s = setup(EVERYTHING, {
      "ann.yaml": ANNOTATIONS,
      ".env":
        "OPENAI_API_KEY=user_provided\nTAVILY_API_KEY=x\nOPENID_CLIENT_ID=c\nOPENID_ISSUER=https://accounts.google.com\nGITHUB_CLIENT_ID=your_client_id_here\n",
      "values.yaml": 'image:\n  registry: ghcr.io\n  tag: "v0.8.8-rc4"\nmongodb:\n  enabled: false\nmeilisearch:\n  enabled: false\n',
    });
    const r = await runCli(
      "shim",
      "librechat",
      "--config",
      s.cfg,
      "--dotenv",
      s.file(".env"),
      "--helm-values",
      s.file("values.yaml"),
      "--annotations",
      s.file("ann.yaml"),
      "--namespace",
      "chat",
      "--pod-label",
      "app=librechat",
      "--pod-label",
      "tier=api",
      "--mitm-ca",
      path.join(FIXTURES, "mitm/test-ca.pem"),
      "--out",
      s.out,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const egress = JSON.parse(read(s.out, "egress.json"));
    const byName = Object.fromEntries(egress.webGroups.map((g: { name: string }) => [g.name, g]));
    expect(byName["librechat-llm-8443"]).toMatchObject({ domains: ["llm-gw.example.com"], port: 8443 });
    expect(byName["librechat-llm-http"]).toMatchObject({ domains: ["plain.example.net"], port: 80 });
    expect(byName["librechat-mcp--docs"].domains).toEqual(["idp.example.com", "mcp.example.com"]);
    expect(byName["librechat-mcp--fetch"].domains).toEqual(["files.pythonhosted.org", "pypi.org"]);
    expect(byName["librechat-actions"].domains).toEqual(["*.example.org", "example.org"]);
    expect(byName["librechat-actions-8443"].domains).toEqual(["api.weather.example"]);
    expect(byName["librechat-sso"].domains).toEqual(["accounts.google.com"]);
    expect(byName["librechat-oci-registries"].domains).toEqual(["ghcr.io", "pkg-containers.githubusercontent.com"]);
    expect(egress.internal.map((i: { host: string }) => i.host)).toEqual(["litellm.litellm.svc.cluster.local:4000"]);
    const crd = yaml.load(read(s.out, "firewall-policy.yaml").split("---\n")[1]) as {
      spec: { rules: Array<{ name: string; port?: number }>; webGroups: Array<{ name: string }> };
    };
    expect(validateCrd(crd) ? [] : validateCrd.errors).toEqual([]);
    expect(crd.spec.webGroups.map((g) => g.name)).not.toContain("librechat-oci-registries");
    expect(crd.spec.rules.at(-1)!.name).toBe("deny-other-egress");
    expect(crd.spec.rules.find((r) => r.name === "allow-librechat-cidr-1")).toMatchObject({ port: 443 });
    const md = read(s.out, "egress.md");
    expect(md).toContain("| `endpoints.custom[name=users].baseURL` | `user_provided` URL");
    expect(md).toContain("acknowledged; no rule (stays denied)");
    expect(md).toContain("`20.30.40.50/32`");
    const cm = yaml.load(read(s.out, "mitm-ca-configmap.yaml")) as {
      metadata: { namespace: string; annotations: Record<string, string> };
      data: Record<string, string>;
    };
    expect(cm.metadata.namespace).toBe("chat");
    expect(cm.data["aviatrix-mitm-ca.pem"]).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(cm.metadata.annotations["vca.aviatrix.com/ca-sha256"]).toMatch(/^[0-9a-f]{64}$/);
    expect(
      Object.fromEntries(
        fs
          .readdirSync(s.out)
          .sort()
          .map((f) => [f, read(s.out, f)]),
      ),
    ).toMatchSnapshot();
  });

  test("reordering keys and lists changes no output byte", async () => {
    const a = setup(EVERYTHING, { "ann.yaml": ANNOTATIONS });
    const doc = yaml.load(EVERYTHING) as Record<string, Record<string, unknown>>;
    const reversed = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).reverse());
    const endpoints = doc.endpoints as { custom: unknown[] };
    const shuffled = reversed({ ...doc, endpoints: reversed({ ...endpoints, custom: [...endpoints.custom].reverse() }), mcpServers: reversed(doc.mcpServers) });
    const b = setup(yaml.dump(shuffled), { "ann.yaml": ANNOTATIONS });
    await runCli("shim", "librechat", "--config", a.cfg, "--annotations", a.file("ann.yaml"), "--out", a.out);
    await runCli("shim", "librechat", "--config", b.cfg, "--annotations", b.file("ann.yaml"), "--out", b.out);
    for (const f of ["egress.json", "egress.md", "firewall-policy.yaml"]) expect(read(b.out, f)).toBe(read(a.out, f));
  });
});

describe("GIVEN `vca shim diff`", () => {
  test("prints added/removed destinations per group and internal hosts; --exit-code exits 1 on changes", async () => {
    const s = setup("");
    const oldJson = {
      webGroups: [{ name: "librechat-llm", purpose: "p", domains: ["a.example", "b.example"], port: 443, protocol: "tcp", from: [] }],
      internal: [{ host: "rag_api", from: [] }],
      warnings: [],
    };
    const newJson = {
      webGroups: [
        { name: "librechat-llm", purpose: "p", domains: ["b.example", "c.example"], port: 443, protocol: "tcp", from: [] },
        { name: "librechat-mcp--x", purpose: "p", domains: ["x.example"], port: 443, protocol: "tcp", from: [] },
      ],
      internal: [],
      warnings: [],
    };
    fs.writeFileSync(s.file("old.json"), JSON.stringify(oldJson));
    fs.writeFileSync(s.file("new.json"), JSON.stringify(newJson));
    const r = await runCli("shim", "diff", s.file("old.json"), s.file("new.json"));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "egress diff (committed → config):\n  librechat-llm 443/tcp:\n    + c.example\n    - a.example\n  librechat-mcp--x 443/tcp (new group):\n    + x.example\n  internal (not permitted):\n    - rag_api\n",
    );
    expect((await runCli("shim", "diff", "--exit-code", s.file("old.json"), s.file("new.json"))).code).toBe(1);
    expect((await runCli("shim", "diff", s.file("old.json"), s.file("old.json"))).stdout).toBe("no egress changes\n");
  });

  test("rejects a file that is not egress.json with exit 2", async () => {
    const s = setup("", { "bad.json": '{"webGroups": 3}' });
    const r = await runCli("shim", "diff", s.file("bad.json"), s.file("bad.json"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: not an egress\.json document/);
  });
});

describe("GIVEN --fetch-mitm-ca against a local fake controller", () => {
  const pem = fs.readFileSync(path.join(FIXTURES, "mitm/test-ca.pem"), "utf8");
  let server: http.Server;
  let url: string;
  const seen: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const u = new URL(req.url ?? "/", "http://x");
        seen.push(`${req.method} ${u.pathname}${u.search}`);
        res.setHeader("Content-Type", "application/json");
        if (u.pathname === "/v2/api" && u.searchParams.get("action") === "get_api_token")
          return res.end(JSON.stringify({ return: true, results: { api_token: "tok" } }));
        if (u.pathname === "/v2/api" && req.method === "POST") {
          const f = new URLSearchParams(body);
          const ok = f.get("action") === "login" && f.get("username") === "admin" && f.get("password") === "s3cret" && req.headers["x-access-key"] === "tok";
          return res.end(JSON.stringify(ok ? { return: true, CID: "cid-123" } : { return: false, reason: "invalid credentials" }));
        }
        if (u.pathname === "/v2.5/api/dcf/mitm-ca") {
          if (req.headers.authorization !== "cid cid-123") {
            res.statusCode = 403;
            return res.end(JSON.stringify({ message: "Invalid CID" }));
          }
          return res.end(
            JSON.stringify({
              cas: [
                { name: "old", state: "inactive", certificate_chain: "x" },
                { name: "system", ca_id: "def000ca-6000-1000-8000-000000000001", state: "active", certificate_chain: pem },
              ],
              total: 2,
            }),
          );
        }
        res.statusCode = 404;
        return res.end(JSON.stringify({ message: "not found" }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test("logs in with credentials from env and writes the active CA as a ConfigMap", async () => {
    const s = setup(MINIMAL);
    process.env.AVIATRIX_USERNAME = "admin";
    process.env.AVIATRIX_PASSWORD = "s3cret";
    try {
      const r = await runCli("shim", "librechat", "--config", s.cfg, "--fetch-mitm-ca", url, "--out", s.out);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    } finally {
      delete process.env.AVIATRIX_USERNAME;
      delete process.env.AVIATRIX_PASSWORD;
    }
    expect(seen).toEqual(["GET /v2/api?action=get_api_token", "POST /v2/api", "GET /v2.5/api/dcf/mitm-ca"]);
    const cm = yaml.load(read(s.out, "mitm-ca-configmap.yaml")) as { data: Record<string, string> };
    expect(cm.data["aviatrix-mitm-ca.pem"].trim()).toBe(pem.trim());
    expect(read(s.out, "mitm-ca-configmap.yaml")).not.toContain("s3cret");
  });

  test("wrong password → exit 2 naming the controller, nothing written", async () => {
    const s = setup(MINIMAL);
    process.env.AVIATRIX_USERNAME = "admin";
    process.env.AVIATRIX_PASSWORD = "wrong";
    try {
      const r = await runCli("shim", "librechat", "--config", s.cfg, "--fetch-mitm-ca", url, "--out", s.out);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`controller ${url}: login failed: invalid credentials`);
    } finally {
      delete process.env.AVIATRIX_USERNAME;
      delete process.env.AVIATRIX_PASSWORD;
    }
    expect(fs.existsSync(s.out)).toBe(false);
  });

  test("missing credentials → exit 2", async () => {
    const s = setup(MINIMAL);
    const r = await runCli("shim", "librechat", "--config", s.cfg, "--fetch-mitm-ca", url, "--out", s.out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs AVIATRIX_USERNAME and AVIATRIX_PASSWORD/);
  });

  test("a leaf (non-CA) certificate is rejected", async () => {
    const s = setup(MINIMAL);
    const r = await runCli("shim", "librechat", "--config", s.cfg, "--mitm-ca", path.join(FIXTURES, "mitm/not-a-ca.pem"), "--out", s.out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a CA certificate/);
  });
});

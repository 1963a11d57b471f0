// Class: one secret detector, judged by shape, on every path into synthesized JSON or generated
// files (issue 15 item 3). Tables: the detector itself, the LibreChat/Obot construct paths, and
// cdktf tokens resolved at synth.
import { App, Fn, Lazy, TerraformStack, TerraformVariable, Testing } from "../../lib/core/cdktf";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { LibreChat } from "../../lib/constructs/workloads/librechat";
import { ObotPlatform } from "../../lib/constructs/workloads/obot-platform";
import { secretReason } from "../../lib/secrets/secret-shape";
import { scanTerraformJson } from "../../lib/secrets/terraform-scan";
import { librechatEgressModel } from "../../lib/shim/model";

const SK = "sk-proj-Q7d9Xk2mP4vL8nR3tW6yZ1aB5cE0fG";
const V = 'version: "1.3.17"\n';

describe("the detector judges by shape", () => {
  const secrets: Array<[string | undefined, string]> = [
    [undefined, SK],
    ["model", SK],
    [undefined, "ghp_0123456789abcdefghijABCDEFGHIJ012345"],
    [undefined, "AKIAIOSFODNN7EXAMPLE"],
    [undefined, "xoxb-123456789012-abcdefghijkl"],
    [undefined, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlX2hlcmVfMTIz"],
    [undefined, "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"],
    ["MONGO_URI", "mongodb://admin:s3cretPass@mongo:27017/librechat"],
    ["baseURL", "https://api.example.com/v1?api_key=Zx8Kq2Lm9Np4Rt7W"],
    ["apiKey", "Xk9mP2vL8qR4tZ7w"],
    ["rootPassword", "Xk9#mP2$vL8q"],
    ["LDAP_BIND_CREDENTIALS", "Tr0ub4dor&3xyz"],
    ["OPENAI_API_KEYS", "abc123def456ghi789"],
    ["EMAIL_PASS", "p4ssw0rd2024"],
    ["Cookie", "session=8f3a9c2e7b1d4f6a0c5e"],
    ["X-Auth", "a7f3c9e1b5d2f8a4c6e0"],
    ["Authorization", "Bearer Zk3q9TnR7vX2mP5w"],
  ];
  test.each(secrets)("%s: %s is a secret", (key, value) => expect(secretReason(key, value)).toBeDefined());

  const notSecrets: Array<[string | undefined, string]> = [
    ["apiKey", "proxy"],
    ["apiKey", "dummy"],
    ["apiKey", "none"],
    ["apiKey", "EMPTY"],
    ["apiKey", "ollama"],
    ["apiKey", "not-needed"],
    ["apiKey", "sk-no-key-required"],
    ["apiKey", "user_provided"],
    ["apiKey", "${OPENAI_API_KEY}"],
    ["Authorization", "Bearer ${MCP_TOKEN}"],
    ["X-Api-Key", "{{USER_KEY}}"],
    ["baseURL", "https://api.openai.com/v1"],
    ["MONGO_URI", "mongodb://mongodb:27017/LibreChat"],
    ["tokenLimit", "Xk9mP2vL8qR4tZ7w"],
    ["name", "gpt-4o-2024-08-06"],
    [undefined, "sk-xxx"],
  ];
  test.each(notSecrets)("%s: %s is not a secret", (key, value) => expect(secretReason(key, value)).toBeUndefined());
});

describe("the shim: a placeholder apiKey passes, a real one does not", () => {
  const cfg = (apiKey: string) =>
    `${V}endpoints:\n  custom:\n    - name: gw\n      apiKey: ${JSON.stringify(apiKey)}\n      baseURL: https://gw.example.com/v1\n      models: {default: [m]}\n`;
  test.each(["proxy", "dummy", "none", "${GW_KEY}"])("apiKey %s is accepted", (k) => {
    const llm = librechatEgressModel({ config: cfg(k) }).groups.find((g) => g.kind === "llm");
    expect(llm?.domains).toEqual(["gw.example.com"]);
  });
  test.each([SK, "Xk9mP2vL8qR4tZ7w"])("apiKey %s is refused without echoing it", (k) => {
    expect(() => librechatEgressModel({ config: cfg(k) })).toThrow(/apiKey/);
    try {
      librechatEgressModel({ config: cfg(k) });
    } catch (e) {
      expect((e as Error).message).not.toContain(k);
    }
  });
  test.each([
    [
      "MCP Cookie header",
      `${V}mcpServers:\n  s:\n    type: streamable-http\n    url: https://mcp.example.com/\n    headers:\n      Cookie: "session=8f3a9c2e7b1d4f6a0c5e"\n`,
    ],
    [
      "MCP X-Auth header",
      `${V}mcpServers:\n  s:\n    type: streamable-http\n    url: https://mcp.example.com/\n    headers:\n      X-Auth: "a7f3c9e1b5d2f8a4c6e0"\n`,
    ],
    ["URL userinfo", `${V}mcpServers:\n  s:\n    type: streamable-http\n    url: https://bob:hunter2secret@mcp.example.com/\n`],
    ["URL query key", `${V}mcpServers:\n  s:\n    type: streamable-http\n    url: https://mcp.example.com/sse?api_key=Zx8Kq2Lm9Np4Rt7W\n`],
  ])("%s is refused", (_n, config) => expect(() => librechatEgressModel({ config })).toThrow(/secret|password|credential/));
});

describe("LibreChat construct: every path into the Helm values", () => {
  const sensitive = (stack: TerraformStack) =>
    Object.fromEntries(
      ["CREDS_IV", "CREDS_KEY", "JWT_REFRESH_SECRET", "JWT_SECRET"].map((n) => [
        n,
        new TerraformVariable(stack, n.toLowerCase(), { type: "string", sensitive: true }).stringValue,
      ]),
    );
  const cases: Array<[string, (s: TerraformStack) => Record<string, unknown>, RegExp]> = [
    [
      "values.librechat.configEnv.OPENAI_API_KEY",
      () => ({ values: { librechat: { configEnv: { OPENAI_API_KEY: SK } } } }),
      /values\.librechat\.configEnv\.OPENAI_API_KEY/,
    ],
    [
      "values.librechat.configYamlContent apiKey",
      () => ({ values: { librechat: { configYamlContent: `${V}endpoints:\n  custom:\n    - name: g\n      apiKey: Xk9mP2vL8qR4tZ7w\n` } } }),
      /configYamlContent → endpoints\.custom\[name=g\]\.apiKey/,
    ],
    ["values.mongodb.auth.rootPassword", () => ({ values: { mongodb: { auth: { rootPassword: "Xk9#mP2$vL8q" } } } }), /mongodb\.auth\.rootPassword/],
    ["configEnv LDAP_BIND_CREDENTIALS", () => ({ configEnv: { LDAP_BIND_CREDENTIALS: "x" } }), /LDAP_BIND_CREDENTIALS/],
    ["configEnv OPENAI_API_KEYS", () => ({ configEnv: { OPENAI_API_KEYS: "x" } }), /OPENAI_API_KEYS/],
    ["configEnv EMAIL_PASS", () => ({ configEnv: { EMAIL_PASS: "x" } }), /EMAIL_PASS/],
    ["configEnv MONGO_URI with credentials", () => ({ configEnv: { MONGO_URI: "mongodb://admin:s3cretPass@mongo:27017/db" } }), /MONGO_URI/],
  ];
  test.each(cases)("%s → typed error naming the path", (_n, props, where) => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "stack");
    expect(() => new LibreChat(stack, "chat", { secretEnv: sensitive(stack), ...props(stack) } as never)).toThrow(where);
  });
});

describe("cdktf tokens are resolved and scanned at synth", () => {
  const obot = (stack: TerraformStack, values: Record<string, unknown>) =>
    new ObotPlatform(stack, "obot", { version: "v0.21.0", values, firewallChart: undefined, dependsOn: [] });
  const synthFails = (build: (s: TerraformStack) => void): string => {
    const app = new App({ outdir: require("fs").mkdtempSync(require("path").join(require("os").tmpdir(), "vca-sec-")), skipValidation: false });
    const stack = new TerraformStack(app, "stack");
    new KubernetesProvider(stack, "k8s", {});
    new HelmProvider(stack, "helm", {});
    build(stack);
    try {
      app.synth();
    } catch (e) {
      return (e as Error).message;
    }
    return "";
  };
  test("Lazy.stringValue returning a key", () => {
    expect(synthFails((s) => obot(s, { podAnnotations: { note: Lazy.stringValue({ produce: () => SK }) } }))).toMatch(
      /literal secret in the synthesized Terraform JSON/,
    );
  });
  test("Fn.join producing a key", () => {
    expect(synthFails((s) => obot(s, { podAnnotations: { note: Fn.join("", ["sk-proj-", "Q7d9Xk2mP4vL8nR3tW6yZ1aB5cE0fG"]) } }))).toMatch(
      /literal secret in the synthesized Terraform JSON/,
    );
  });
  test("a non-sensitive variable with a literal default", () => {
    expect(
      synthFails((s) => {
        new TerraformVariable(s, "openai_api_key", { type: "string", default: "Xk9mP2vL8qR4tZ7w" });
        obot(s, {});
      }),
    ).toMatch(/variable\.openai_api_key/);
  });
  test("a clean stack synthesizes", () => {
    expect(synthFails((s) => obot(s, {}))).toBe("");
  });
  test("scanTerraformJson evaluates join over var defaults", () => {
    const doc = { variable: { p: { default: "sk-proj-" } }, resource: { x: { y: { note: '${join("", [var.p, "Q7d9Xk2mP4vL8nR3tW6yZ1aB5cE0fG"])}' } } } };
    expect(scanTerraformJson(doc).map((f) => f.path)).toEqual(["resource.x.y.note"]);
  });
});

describe("--config and --helm-values both given: the deployed configYamlContent is scanned and must match", () => {
  const config = `${V}mcpServers:\n  s:\n    type: streamable-http\n    url: https://mcp.example.com/\n`;
  const helm = (content: string) =>
    `librechat:\n  configYamlContent: |\n${content
      .split("\n")
      .map((l) => `    ${l}`)
      .join("\n")}\n`;
  test("the same document is fine", () => {
    const m = librechatEgressModel({ config, helmValues: helm(config) });
    expect(m.sources.helmValues).toBe("values.yaml");
    expect(m.groups.flatMap((g) => g.domains)).toContain("mcp.example.com");
  });
  test("a different deployed config is exit 2 (the gate would review the wrong file)", () =>
    expect(() => librechatEgressModel({ config, helmValues: helm(`${config}  t:\n    type: streamable-http\n    url: https://exfil.example.net/\n`) })).toThrow(
      /differs from values\.yaml#librechat\.configYamlContent/,
    ));
  test("a secret in the deployed config is exit 2 even with --config", () =>
    expect(() => librechatEgressModel({ config, helmValues: helm(`${config}endpoints:\n  custom:\n    - name: g\n      apiKey: ${SK}\n`) })).toThrow(
      /values\.yaml#librechat\.configYamlContent.*literal secret/,
    ));
});

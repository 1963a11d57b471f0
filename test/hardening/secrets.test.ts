// Secrets never appear as literals in synthesized JSON or generated files: every secret-carrying
// attribute is a reference (`${var.*}`, a resource or data attribute), every variable feeding one is
// `sensitive: true`, outputs that expose them are sensitive, and secret values present in the
// environment or in .env files during synth/shim runs never leak into any output file.
import * as fs from "fs";
import * as path from "path";
import { FIXTURES, readTree, REPO, runCli, synthBlueprints, tmpDir } from "./helpers";

const MARKER = "vca-test-secret-marker-7f3a9c";
/** Attribute names that carry credentials or key material. */
const SECRET_ATTR = /(^|_)(password|passwd|secret|token|api_?key|private_?key|client_key|secret_string|key)$/i;
/** Keys of env-style maps (Kubernetes Secret data, runtime env) that hold secrets. */
const SECRET_ENV_NAME = /(PASSWORD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDS_(KEY|IV))$/i;
const SECRET_VARIABLE_NAME = /(password|secret|token|api_key|_key$|creds_|private)/i;
const PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/;
const REF = /\$\{[^}]+\}/;

interface Finding {
  readonly file: string;
  readonly path: string;
  readonly problem: string;
}

/** Pure scanner over one Terraform JSON document (exported shape for the negative control below). */
function scanTerraformJson(doc: any, file: string): { findings: Finding[]; secretVars: Set<string> } {
  const findings: Finding[] = [];
  const secretVars = new Set<string>();
  const checkSecretValue = (value: unknown, at: string) => {
    if (value === null || value === undefined || typeof value === "boolean") return;
    if (typeof value !== "string" || !REF.test(value)) {
      findings.push({ file, path: at, problem: `literal secret value ${JSON.stringify(value).slice(0, 12)}…` });
      return;
    }
    for (const m of value.matchAll(/\bvar\.([A-Za-z0-9_-]+)/g)) secretVars.add(m[1]);
  };
  const walk = (v: any, at: string, inSecretMap: boolean) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${at}[${i}]`, inSecretMap));
    if (v === null || typeof v !== "object") return;
    // helm `set`/`set_sensitive` entries: { name: "...apiKey", value: "..." }
    if (typeof v.name === "string" && "value" in v && SECRET_ENV_NAME.test(v.name.replace(/[^A-Za-z0-9]/g, "_"))) checkSecretValue(v.value, `${at}.value`);
    for (const [k, x] of Object.entries(v)) {
      if (k === "//") continue;
      const here = `${at}.${k}`;
      if (inSecretMap || SECRET_ATTR.test(k) || (SECRET_ENV_NAME.test(k) && typeof x !== "object")) checkSecretValue(x, here);
      else walk(x, here, (k === "data" || k === "string_data") && /\.kubernetes_secret(_v1)?\./.test(at));
    }
  };
  // Type and block names (aws_secretsmanager_secret, …) are not attributes: walk each block's body.
  for (const section of ["resource", "data"]) {
    for (const [type, blocks] of Object.entries<any>(doc[section] ?? {})) {
      for (const [name, body] of Object.entries<any>(blocks)) walk(body, `${section}.${type}.${name}`, false);
    }
  }
  for (const [name, bodies] of Object.entries<any>(doc.provider ?? {})) walk(bodies, `provider.${name}`, false);
  for (const section of ["locals", "module"]) walk(doc[section], section, false);

  const variables: Record<string, { sensitive?: boolean }> = doc.variable ?? {};
  for (const name of secretVars) {
    if (variables[name]?.sensitive !== true) findings.push({ file, path: `variable.${name}`, problem: "feeds a secret attribute but is not sensitive" });
  }
  for (const [name, v] of Object.entries(variables)) {
    if (SECRET_VARIABLE_NAME.test(name) && v.sensitive !== true)
      findings.push({ file, path: `variable.${name}`, problem: "secret-named variable is not sensitive" });
  }
  const sensitiveVars = new Set(
    Object.entries(variables)
      .filter(([, v]) => v.sensitive === true)
      .map(([n]) => n),
  );
  for (const [name, o] of Object.entries<any>(doc.output ?? {})) {
    const refs = [...JSON.stringify(o.value ?? "").matchAll(/\bvar\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
    if (refs.some((r) => sensitiveVars.has(r) && SECRET_VARIABLE_NAME.test(r)) && o.sensitive !== true) {
      findings.push({ file, path: `output.${name}`, problem: "exposes a secret variable but is not sensitive" });
    }
  }
  return { findings, secretVars };
}

function scanText(text: string, file: string): Finding[] {
  const out: Finding[] = [];
  if (text.includes(MARKER)) out.push({ file, path: "(text)", problem: "contains a secret value from the environment or an env file" });
  if (PEM_PRIVATE_KEY.test(text)) out.push({ file, path: "(text)", problem: "contains a PEM private key" });
  return out;
}

describe("GIVEN the scanner (negative control)", () => {
  test("WHEN a document has literal secrets and a non-sensitive secret variable THEN each is reported", () => {
    const doc = {
      provider: { aviatrix: [{ controller_ip: "${var.ip}", username: "admin", password: "hunter2" }] },
      resource: {
        kubernetes_secret_v1: { s: { data: { OPENAI_API_KEY: "sk-literal", OTHER: "${var.other}" } } },
        aviatrix_dcf_mitm_ca: { ca: { key: "${var.ca_key}", certificate_chain: "${var.chain}" } },
        helm_release: { r: { set: [{ name: "config.apiKey", value: "literal" }] } },
      },
      variable: { ca_key: { sensitive: false }, other: { sensitive: true }, api_token: {} },
      output: { leak: { value: "${var.other}" }, chain: { value: "${var.chain}" } },
    };
    const { findings } = scanTerraformJson(doc, "doc");
    expect(findings.map((f) => `${f.path}: ${f.problem.replace(/ value .*…$/, " value …")}`).sort()).toEqual([
      "provider.aviatrix[0].password: literal secret value …",
      "resource.helm_release.r.set[0].value: literal secret value …",
      "resource.kubernetes_secret_v1.s.data.OPENAI_API_KEY: literal secret value …",
      "variable.api_token: secret-named variable is not sensitive",
      "variable.ca_key: feeds a secret attribute but is not sensitive",
      "variable.ca_key: secret-named variable is not sensitive",
    ]);
    expect(scanText(`x\n-----BEGIN EC PRIVATE KEY-----\n`, "f")).toHaveLength(1);
  });
});

describe("GIVEN the blueprints synthesized with secret values in the environment", () => {
  const ENV = [
    "AVIATRIX_PASSWORD",
    "AVIATRIX_USERNAME",
    "TF_VAR_aviatrix_password",
    "OPENAI_API_KEY",
    "ANTHROPIC_API_KEY",
    "TF_VAR_librechat_openai_api_key",
    "TF_VAR_obot_obot_server_admin_password",
    "TF_VAR_agentcore_mitm_ca_key",
  ];
  let out: string;
  const saved: Record<string, string | undefined> = {};

  beforeAll(() => {
    for (const k of ENV) {
      saved[k] = process.env[k];
      process.env[k] = `${MARKER}-${k}`;
    }
    out = tmpDir("vca-secrets-");
    synthBlueprints(out);
  });
  afterAll(() => {
    for (const k of ENV)
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    fs.rmSync(out, { recursive: true, force: true });
  });

  test("WHEN every output file is scanned THEN no secret value, PEM private key or literal credential appears", () => {
    const tree = readTree(out);
    const stacks = [...tree.keys()].filter((f) => f.endsWith("cdk.tf.json"));
    expect(stacks.length).toBeGreaterThanOrEqual(5);
    const findings: Finding[] = [];
    const allSecretVars = new Set<string>();
    for (const [file, bytes] of tree) {
      findings.push(...scanText(bytes.toString("utf8"), file));
      if (file.endsWith("cdk.tf.json")) {
        const r = scanTerraformJson(JSON.parse(bytes.toString("utf8")), file);
        findings.push(...r.findings);
        r.secretVars.forEach((v) => allSecretVars.add(v));
      }
    }
    expect(findings).toEqual([]);
    // The scan saw the credentials it is meant to guard (it would pass vacuously otherwise).
    expect([...allSecretVars]).toEqual(
      expect.arrayContaining(["aviatrix_password", "librechat_openai_api_key", "obot_obot_server_admin_password", "agentcore_mitm_ca_key"]),
    );
  });

  test("WHEN the Aviatrix provider blocks are read THEN the password is a sensitive variable or comes from the environment", () => {
    for (const [file, bytes] of readTree(out)) {
      if (!file.endsWith("cdk.tf.json")) continue;
      const doc = JSON.parse(bytes.toString("utf8"));
      for (const p of doc.provider?.aviatrix ?? []) {
        if (p.password === undefined) continue; // credentials: "env" — the provider reads AVIATRIX_PASSWORD itself
        const name = /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(p.password)?.[1];
        expect({ file, password: name ? "var" : p.password }).toEqual({ file, password: "var" });
        expect({ file, sensitive: doc.variable[name!].sensitive }).toEqual({ file, sensitive: true });
      }
    }
  });
});

describe("GIVEN shim inputs that hold secret values", () => {
  test("WHEN `vca shim librechat` reads an env file with API keys and a MITM CA THEN no generated file contains them", async () => {
    const dir = tmpDir();
    const env = path.join(dir, ".env");
    fs.writeFileSync(env, `OPENAI_API_KEY=sk-${MARKER}\nMISTRAL_API_KEY=${MARKER}\nGITHUB_MCP_TOKEN=ghp_${MARKER}\nANTHROPIC_API_KEY=${MARKER}\n`);
    const out = path.join(dir, "out");
    const r = await runCli([
      "shim",
      "librechat",
      "--config",
      path.join(REPO, "examples/blueprints/librechat/librechat.yaml"),
      "--dotenv",
      env,
      "--mitm-ca",
      path.join(FIXTURES, "librechat/mitm/test-ca.pem"),
      "--out",
      out,
    ]);
    expect(r.code).toBe(0);
    const files = readTree(out);
    expect([...files.keys()]).toEqual(expect.arrayContaining(["egress.json", "firewall-policy.yaml", "mitm-ca-configmap.yaml"]));
    for (const [file, bytes] of files) expect(scanText(bytes.toString("utf8"), file)).toEqual([]);
    expect(r.stdout + r.stderr).not.toContain(MARKER);
  });
});

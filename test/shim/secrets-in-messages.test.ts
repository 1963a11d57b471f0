// Review item 4: messages quote the raw config value (with `${VAR}`) and name the variable; the
// value substituted from --dotenv never reaches stdout, stderr or an output file.
import * as fs from "fs";
import * as path from "path";
import { runCli, tmpDir } from "./helpers";

const SECRET = "t0ken-9f8e7d6c5b4a3f2e1d0c";

function setup(config: string, env: string, annotations?: string) {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, "librechat.yaml"), config);
  fs.writeFileSync(path.join(dir, ".env"), env);
  const args = ["shim", "librechat", "--config", path.join(dir, "librechat.yaml"), "--dotenv", path.join(dir, ".env"), "--out", path.join(dir, "out")];
  if (annotations !== undefined) {
    fs.writeFileSync(path.join(dir, "annotations.yaml"), annotations);
    args.push("--annotations", path.join(dir, "annotations.yaml"));
  }
  return { dir, args };
}

/** Every file below dir except the inputs, concatenated. */
function outputs(dir: string): string {
  const out = path.join(dir, "out");
  return fs.existsSync(out)
    ? fs
        .readdirSync(out)
        .map((f) => fs.readFileSync(path.join(out, f), "utf8"))
        .join("\n")
    : "";
}

const endpoint = (baseURL: string) =>
  `version: "1.3.17"\nendpoints:\n  custom:\n    - name: gw\n      apiKey: "\${GW_KEY}"\n      baseURL: "${baseURL}"\n      models: {default: [m]}\n`;

describe("GIVEN a URL variable whose value carries a token", () => {
  test("WHEN the substituted URL is not absolute THEN the message quotes ${VAR} and names it; the value appears nowhere", async () => {
    const s = setup(endpoint("${LLM_BASE_URL}/v1"), `LLM_BASE_URL=${SECRET}\n`);
    const r = await runCli(...s.args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'endpoints.custom[name=gw].baseURL: "${LLM_BASE_URL}/v1" is not an absolute URL (after substituting ${LLM_BASE_URL} from the env inventory)',
    );
    expect(r.stdout + r.stderr + outputs(s.dir)).not.toContain(SECRET);
  });

  test("WHEN a runtime placeholder follows the substituted part THEN the same; with a reviewed exception egress.md quotes ${VAR} too", async () => {
    const config = endpoint("${LLM_PROXY}/{{LIBRECHAT_USER_ID}}");
    const env = `LLM_PROXY=https://proxy.example.com/${SECRET}\n`;
    const bad = await runCli(...setup(config, env).args);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'host contains a runtime placeholder: "${LLM_PROXY}/{{LIBRECHAT_USER_ID}}" (after substituting ${LLM_PROXY} from the env inventory)',
    );
    expect(bad.stdout + bad.stderr).not.toContain(SECRET);

    const s = setup(
      config,
      env,
      'exceptions:\n  - path: endpoints.custom[name=gw].baseURL\n    reason: "per-user gateway path, reviewed"\n    domains: [proxy.example.com]\n',
    );
    const ok = await runCli(...s.args);
    expect(ok.code).toBe(0);
    const files = outputs(s.dir);
    expect(files).toContain("${LLM_PROXY}/{{LIBRECHAT_USER_ID}}");
    expect(ok.stdout + ok.stderr + files).not.toContain(SECRET);
  });

  test("WHEN an env-only URL (path env:VAR) is not a URL THEN the message shows ${VAR}, not its value", async () => {
    const s = setup('version: "1.3.17"\n', `OPENID_ISSUER=${SECRET}\nOPENID_CLIENT_ID=x\n`);
    const r = await runCli(...s.args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('env:OPENID_ISSUER: "${OPENID_ISSUER}" is not an absolute URL');
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });
});

describe("GIVEN a malformed .env line", () => {
  test("THEN the error names the line and the variable, never the rest of the line", async () => {
    const s = setup('version: "1.3.17"\n', `OK=1\nOPENAI_API_KEY ${SECRET}\n`);
    const r = await runCli(...s.args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`.env:2: expected KEY=VALUE (line starts with "OPENAI_API_KEY"; its value is not shown)`);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });
});

describe("GIVEN a literal secret in librechat.yaml (review item 7)", () => {
  test("THEN exit 2 naming the YAML path, nothing written, the literal not echoed", async () => {
    const s = setup(endpoint("https://api.example.com/v1").replace('"${GW_KEY}"', SECRET), "");
    const r = await runCli(...s.args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('endpoints.custom[name=gw].apiKey: literal value under secret-looking key "apiKey"');
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(fs.existsSync(path.join(s.dir, "out"))).toBe(false);
  });
});

// --internal-suffix: operator-declared internal DNS suffixes are listed as internal, never permitted.
import * as fs from "fs";
import * as path from "path";
import { runCli, tmpDir } from "./helpers";

const CONFIG = `version: "1.3.17"
endpoints:
  custom:
    - name: corp-llm
      apiKey: "\${K}"
      baseURL: https://llm.corp.example/v1
      models: {default: [m]}
    - name: groq
      apiKey: "\${K}"
      baseURL: https://api.groq.com/openai/v1
      models: {default: [m]}
`;

async function egress(...extra: string[]): Promise<{ permitted: string[]; internal: string[] }> {
  const dir = tmpDir();
  const config = path.join(dir, "librechat.yaml");
  fs.writeFileSync(config, CONFIG);
  const out = path.join(dir, "out");
  const { code, stderr } = await runCli("shim", "librechat", "--config", config, "--out", out, ...extra);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  const json = JSON.parse(fs.readFileSync(path.join(out, "egress.json"), "utf8"));
  return {
    permitted: json.webGroups.flatMap((g: { domains: string[] }) => g.domains).sort(),
    internal: json.internal.map((i: { host: string }) => i.host).sort(),
  };
}

describe("vca shim librechat --internal-suffix", () => {
  test("GIVEN no suffix WHEN the config names a corp host THEN it is a public destination", async () => {
    const r = await egress();
    expect(r.permitted).toEqual(["api.groq.com", "llm.corp.example"]);
    expect(r.internal).toEqual([]);
  });

  test("GIVEN --internal-suffix corp.example WHEN shimmed THEN the corp host is internal and not permitted", async () => {
    const r = await egress("--internal-suffix", "corp.example");
    expect(r.permitted).toEqual(["api.groq.com"]);
    expect(r.internal).toEqual(["llm.corp.example"]);
  });

  test("GIVEN a suffix that only shares a string tail WHEN shimmed THEN it does not capture other domains", async () => {
    const r = await egress("--internal-suffix", "p.example");
    expect(r.permitted).toEqual(["api.groq.com", "llm.corp.example"]);
  });
});

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { runVca } from "./cli-helpers";

const fixtures = path.join(__dirname, "..", "fixtures", "obot");
const golden = path.join(fixtures, "golden");

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "vca-obot-"));
}

describe("vca obot policies", () => {
  test("GIVEN the lab servers WHEN run THEN one golden YAML per server is written and exit 0", async () => {
    const out = tmpDir();
    const res = await runVca("obot", "policies", path.join(fixtures, "lab-servers.yaml"), "--out", out);
    expect(res).toMatchObject({ code: 0, stderr: "" });
    expect(res.stdout).toContain("wrote 2 FirewallPolicy previews");
    expect(fs.readdirSync(out).sort()).toEqual(["ms1kbsng.yaml", "pt5rfqaz.yaml"]);
    for (const f of ["ms1kbsng.yaml", "pt5rfqaz.yaml"]) {
      expect(fs.readFileSync(path.join(out, f), "utf8")).toBe(fs.readFileSync(path.join(golden, f), "utf8"));
    }
  });

  test("GIVEN --default-deny and --namespace WHEN run THEN the domain-less server denies all in that namespace", async () => {
    const out = tmpDir();
    const res = await runVca("obot", "policies", path.join(fixtures, "lab-servers.yaml"), "--namespace", "mcp-prod", "--default-deny", "--out", out);
    expect(res.code).toBe(0);
    const doc = yaml.load(fs.readFileSync(path.join(out, "pt5rfqaz.yaml"), "utf8")) as any;
    expect(doc.metadata.namespace).toBe("mcp-prod");
    expect(doc.spec.webGroups).toBeUndefined();
    expect(doc.spec.rules.map((r: any) => r.name)).toEqual(["deny-all-external"]);
    // The server with domains is unaffected by the default.
    const kb = yaml.load(fs.readFileSync(path.join(out, "ms1kbsng.yaml"), "utf8")) as any;
    expect(kb.spec.webGroups[0].domains).toEqual(["api.openai.com"]);
  });

  test("GIVEN invalid servers WHEN run THEN exit 2, errors name YAML paths and nothing is written", async () => {
    const out = tmpDir();
    fs.writeFileSync(path.join(out, "ms1good.yaml"), "keep me\n");
    const res = await runVca("obot", "policies", path.join(fixtures, "invalid-servers.yaml"), "--out", out);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("servers[1].egressDomains[1]: egress domain must be a valid hostname");
    expect(fs.readdirSync(out)).toEqual(["ms1good.yaml"]);
    expect(fs.readFileSync(path.join(out, "ms1good.yaml"), "utf8")).toBe("keep me\n");
  });

  test("GIVEN a bad namespace, a missing file or no --out THEN exit 2", async () => {
    const out = tmpDir();
    const servers = path.join(fixtures, "lab-servers.yaml");
    const badNs = await runVca("obot", "policies", servers, "--namespace", "Not_OK", "--out", out);
    expect(badNs.code).toBe(2);
    expect(badNs.stderr).toContain("--namespace: must be a DNS-1123 label");
    const missing = await runVca("obot", "policies", path.join(fixtures, "nope.yaml"), "--out", out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.yaml: cannot read servers file (ENOENT)");
    expect((await runVca("obot", "policies", servers)).code).toBe(2);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

import * as path from "path";
import { runVca } from "../../support/run-cli";

const fixtures = path.join(__dirname, "fixtures");
const obotGolden = path.join(__dirname, "..", "..", "fixtures", "obot", "golden");
const clean = path.join(fixtures, "obot-aks.clean.tf.json");
const broken = path.join(fixtures, "obot-aks.broken.tf.json");

describe("vca analyze", () => {
  test("GIVEN the clean Obot AKS pack with the ms1kbsng FirewallPolicy WHEN analyzed THEN no findings and exit 0", async () => {
    const res = await runVca("analyze", "--synth", clean, "--manifests", path.join(obotGolden, "ms1kbsng.yaml"));
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(`${clean}: 0 errors, 0 warnings, 0 infos\n`);
  });

  test("GIVEN the Obot default `*` server WHEN analyzed THEN a match-all warning, still exit 0", async () => {
    const res = await runVca("analyze", "--synth", clean, "--manifests", path.join(obotGolden, "pt5rfqaz.yaml"));
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('WARNING match-all-domain [allow-approved-egress @ obot-mcp/obot-mnp1-pt5rfqaz-fw]: WebGroup "obot-pt5rfqaz-approved-domains" has snifilter "*"');
  });

  test("GIVEN a V1 deny-all before the CRDs and a hidden deny WHEN analyzed THEN error lines and exit 1", async () => {
    const res = await runVca("analyze", "--synth", broken, "--manifests", obotGolden);
    expect(res.code).toBe(1);
    const lines = res.stdout.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("ERROR")).map((l) => l.split(":")[0])).toEqual([
      "ERROR v1-deny-all-before-k8s [deny-mcp-pods @ aviatrix_distributed_firewalling_policy_list.main.policies[2]]",
      "ERROR shadowed-rule [block-registry @ aviatrix_distributed_firewalling_policy_list.main.policies[3]]",
    ]);
    expect(res.stdout.replace(fixtures, "<fixtures>")).toMatchSnapshot();
    expect(res.stderr).toContain("vca-cdktf: analyze: 2 errors");
  });

  test("GIVEN --json THEN one JSON finding per line with id, severity, rule and explanation", async () => {
    const res = await runVca("analyze", "--synth", broken, "--manifests", obotGolden, "--json");
    expect(res.code).toBe(1);
    const findings = res.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(findings[0]).toEqual({
      id: "v1-deny-all-before-k8s",
      severity: "error",
      rule: "deny-mcp-pods @ aviatrix_distributed_firewalling_policy_list.main.policies[2]",
      explanation: expect.stringContaining("pre-empting 2 FirewallPolicy permit rules"),
    });
    expect(findings.every((f) => ["error", "warning", "info"].includes(f.severity))).toBe(true);
  });

  test.each([
    [["--synth", path.join(fixtures, "missing.tf.json")], "cannot read --synth"],
    [["--synth", path.join(fixtures, "bad.tf.json")], "invalid JSON"],
    [["--synth", clean, "--manifests", path.join(fixtures, "nope.yaml")], "no such file or directory"],
    [[], ""],
  ])("GIVEN bad input %j THEN exit 2", async (args, message) => {
    const res = await runVca("analyze", ...args);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
  });
});

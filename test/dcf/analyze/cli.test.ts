import * as fs from "fs";
import * as os from "os";
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
    expect(res.stdout).toContain(
      'WARNING match-all-domain [allow-approved-egress @ obot-mcp/obot-mnp1-pt5rfqaz-fw]: WebGroup "obot-pt5rfqaz-approved-domains" has snifilter "*"',
    );
  });

  test("GIVEN a V1 deny-all before the CRDs and a hidden deny WHEN analyzed THEN error lines and exit 1", async () => {
    const res = await runVca("analyze", "--synth", broken, "--manifests", obotGolden);
    expect(res.code).toBe(1);
    const lines = res.stdout.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("ERROR")).map((l) => l.split(":")[0])).toEqual([
      "ERROR v1-deny-preempts-k8s-permit [deny-mcp-pods @ aviatrix_distributed_firewalling_policy_list.main.policies[2]]",
      // Not a deny-all, but it can match what the FirewallPolicies permit (any overlap counts).
      "ERROR v1-deny-preempts-k8s-permit [block-registry @ aviatrix_distributed_firewalling_policy_list.main.policies[3]]",
      "ERROR shadowed-rule [block-registry @ aviatrix_distributed_firewalling_policy_list.main.policies[3]]",
    ]);
    expect(res.stdout.replace(fixtures, "<fixtures>")).toMatchSnapshot();
    expect(res.stderr).toContain("vca-cdktf: analyze: 3 errors");
  });

  test("GIVEN a V1 deny that is not a deny-all (one namespace, TCP 443, one host) but pre-empts a FirewallPolicy permit WHEN analyzed THEN exit 1 naming both rules", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-preempt-"));
    const synth = path.join(dir, "cdk.tf.json");
    fs.writeFileSync(
      synth,
      JSON.stringify({
        resource: {
          aviatrix_smart_group: { mcp: { name: "mcp-pods", selector: { match_expressions: [{ type: "k8s", k8s_namespace: "obot-mcp" }] } } },
          aviatrix_web_group: { openai: { name: "openai", selector: { match_expressions: [{ snifilter: "api.openai.com" }] } } },
          aviatrix_distributed_firewalling_policy_list: {
            main: {
              policies: [
                {
                  name: "no-openai-from-mcp",
                  action: "DENY",
                  priority: 7,
                  protocol: "TCP",
                  port_ranges: [{ lo: 443 }],
                  src_smart_groups: ["${aviatrix_smart_group.mcp.uuid}"],
                  dst_smart_groups: ["def000ad-0000-0000-0000-000000000001"],
                  web_groups: ["${aviatrix_web_group.openai.uuid}"],
                  logging: true,
                },
              ],
            },
          },
        },
      }),
    );
    const res = await runVca("analyze", "--synth", synth, "--manifests", path.join(obotGolden, "ms1kbsng.yaml"));
    expect(res.code).toBe(1);
    const errors = res.stdout.split("\n").filter((l) => l.startsWith("ERROR v1-deny-preempts-k8s-permit"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("[no-openai-from-mcp @ aviatrix_distributed_firewalling_policy_list.main.policies[0]]");
    expect(errors[0]).toMatch(/FirewallPolicy permit "obot-mcp\/obot-mnp1-ms1kbsng-fw\/allow-approved-egress"/);
  });

  test("GIVEN --json THEN one JSON finding per line with id, severity, rule and explanation", async () => {
    const res = await runVca("analyze", "--synth", broken, "--manifests", obotGolden, "--json");
    expect(res.code).toBe(1);
    const findings = res.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(findings[0]).toEqual({
      id: "v1-deny-preempts-k8s-permit",
      severity: "error",
      rule: "deny-mcp-pods @ aviatrix_distributed_firewalling_policy_list.main.policies[2]",
      explanation: expect.stringContaining(
        'FirewallPolicy permit "obot-mcp/obot-mnp1-ms1kbsng-fw/allow-approved-egress", "obot-mcp/obot-mnp1-pt5rfqaz-fw/allow-approved-egress" allows',
      ),
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

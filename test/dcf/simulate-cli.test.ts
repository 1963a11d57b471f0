import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runVca } from "../support/run-cli";

const FIX = path.join(__dirname, "../fixtures/dcf");
const LAB = path.join(FIX, "obot-seed-lab");

const run = runVca;

const lines = (s: string) =>
  s
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

function tmpFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-sim-"));
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
}

describe("vca simulate — Obot seed lab", () => {
  test("GIVEN V1 infra permits, per-server FirewallPolicies and POST_RULES deny WHEN simulated THEN K8S rules decide", async () => {
    const r = await run(
      "simulate",
      "--synth",
      path.join(LAB, "infra.tf.json"),
      "--manifests",
      path.join(LAB, "firewall-policies"),
      "--scenarios",
      path.join(LAB, "scenarios.yaml"),
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      { name: "ms1kbsng-to-openai", verdict: "PERMIT", rule: "allow-approved-egress", tier: "K8S", pass: true },
      { name: "pt5rfqaz-to-httpbin", verdict: "DENY", rule: "deny-all-external", tier: "K8S", pass: true },
      { name: "pt5rfqaz-to-webhook-site", verdict: "DENY", rule: "deny-all-external", tier: "K8S", pass: true },
    ]);
  });

  test("GIVEN discover mode and no CRDs WHEN simulated THEN all three flows PERMIT by the default action", async () => {
    const r = await run("simulate", "--synth", path.join(LAB, "infra-discover.tf.json"), "--scenarios", path.join(LAB, "scenarios-discover.yaml"));
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => [l.verdict, l.rule, l.tier, l.pass])).toEqual([
      ["PERMIT", "default-action", "POST_RULES", true],
      ["PERMIT", "default-action", "POST_RULES", true],
      ["PERMIT", "default-action", "POST_RULES", true],
    ]);
  });

  test("GIVEN enforce scenarios WHEN run without the CRDs THEN expectations fail with exit 1 and results still print", async () => {
    const r = await run("simulate", "--synth", path.join(LAB, "infra.tf.json"), "--scenarios", path.join(LAB, "scenarios.yaml"));
    expect(r.code).toBe(1);
    expect(lines(r.stdout)[0]).toEqual({ name: "ms1kbsng-to-openai", verdict: "DENY", rule: "default-action", tier: "POST_RULES", pass: false });
    expect(r.stderr).toMatchInlineSnapshot(`
"vca-cdktf: 3 of 3 flows failed their expectation: ms1kbsng-to-openai, pt5rfqaz-to-httpbin, pt5rfqaz-to-webhook-site
"
`);
  });
});

describe("vca simulate — AgentCore blueprint (hcl2json fixture)", () => {
  test("GIVEN the vendor dcf.tf WHEN its comment-table promises are simulated THEN every flow passes", async () => {
    const r = await run("simulate", "--synth", path.join(FIX, "agentcore-aws.dcf.tf.json"), "--scenarios", path.join(FIX, "agentcore-aws.scenarios.yaml"));
    // local.ecr_registry_host is not resolvable offline: the verdicts that rest on it say so.
    expect(
      r.stderr
        .trim()
        .split("\n")
        .map((l) => l.replace(/ evaluated .*/, "")),
    ).toEqual(['vca-cdktf simulate: note: flow "runtime-exfil-to-attacker"', 'vca-cdktf simulate: note: flow "runtime-to-deepwiki-mcp"']);
    expect(r.stderr).toContain(
      'if "agentcore-vca-aws-control-domains" (${local.ecr_registry_host}) matched, rule "agentcore-vca-32-runtime-to-aws-control" would decide (PERMIT)',
    );
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.every((l) => l.pass === true && l.tier === "V1")).toBe(true);
    expect(out.find((l) => l.name === "runtime-github-ioc-path-decrypted")).toMatchObject({
      verdict: "DENY",
      rule: "agentcore-vca-29-runtime-deny-supply-chain-ioc-github",
    });
    expect(out.find((l) => l.name === "runtime-github-ioc-path-not-decrypted")).toMatchObject({
      verdict: "PERMIT",
      rule: "agentcore-vca-31-runtime-to-allowed-tools",
    });
  });

  test("GIVEN a scenario whose source subnet is a typo WHEN simulated THEN exit 2 naming the file and YAML path (not a vacuous DENY)", async () => {
    const typo = tmpFile(
      "typo.yaml",
      "flows:\n  - name: exfil\n    from: { subnet: aws_subnet.agentcore_runtme }\n    to: { host: exfil.attacker.io, port: 443, protocol: tcp }\n    expect: DENY\n",
    );
    const r = await run("simulate", "--synth", path.join(FIX, "agentcore-aws.dcf.tf.json"), "--scenarios", typo);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${typo}: flows[0].from.subnet: subnet "aws_subnet.agentcore_runtme" is not in the synthesized policy`);
    const group = tmpFile(
      "group.yaml",
      "flows:\n  - name: g\n    from: { groups: [no-such-group] }\n    to: { host: a.example.com, port: 443, protocol: tcp }\n",
    );
    const g = await run("simulate", "--synth", path.join(FIX, "agentcore-aws.dcf.tf.json"), "--scenarios", group);
    expect(g.code).toBe(2);
    expect(g.stderr).toContain('flows[0].from.groups[0]: group "no-such-group" is not in the synthesized policy');
  });

  test("GIVEN a synth without a default action WHEN --controller-default DENY (or controllerDefault in the file) THEN unmatched flows hit the assumed default; a bad value is exit 2", async () => {
    const synth = tmpFile(
      "nodefault.tf.json",
      JSON.stringify({ resource: { aviatrix_smart_group: { a: { name: "a", selector: { match_expressions: [{ cidr: "10.0.0.0/8" }] } } } } }),
    );
    const flows = "flows:\n  - name: f\n    from: { groups: [a] }\n    to: { host: x.example.com, port: 443, protocol: tcp }\n";
    const file = tmpFile("d.yaml", flows);
    const permit = await run("simulate", "--synth", synth, "--scenarios", file);
    expect(lines(permit.stdout)[0]).toMatchObject({ verdict: "PERMIT", rule: "default-action", tier: "POST_RULES" });
    const deny = await run("simulate", "--synth", synth, "--scenarios", file, "--controller-default", "deny");
    expect(lines(deny.stdout)[0]).toMatchObject({ verdict: "DENY", rule: "default-action" });
    const inFile = await run("simulate", "--synth", synth, "--scenarios", tmpFile("e.yaml", `controllerDefault: DENY\n${flows}`));
    expect(lines(inFile.stdout)[0]).toMatchObject({ verdict: "DENY" });
    const bad = await run("simulate", "--synth", synth, "--scenarios", file, "--controller-default", "ALLOW");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--controller-default: want PERMIT or DENY (got "ALLOW")');
  });

  test("GIVEN a .tf file WHEN passed as --synth THEN it is converted with hcl2json", async () => {
    const tf = tmpFile(
      "dcf.tf",
      `resource "aviatrix_smart_group" "pods" {
  name = "pods"
  selector {
    match_expressions {
      cidr = "10.1.0.0/16"
    }
  }
}
resource "aviatrix_distributed_firewalling_policy_list" "v1" {
  policies {
    name             = "deny-pods"
    action           = "DENY"
    priority         = 5
    protocol         = "ANY"
    src_smart_groups = [aviatrix_smart_group.pods.uuid]
    dst_smart_groups = ["def000ad-0000-0000-0000-000000000000"]
  }
}
`,
    );
    const sc = tmpFile(
      "s.yaml",
      "flows:\n  - name: f\n    from: { ip: 10.1.2.3 }\n    to: { ip: 1.1.1.1, port: 80, protocol: tcp }\n    expect: DENY\n    expectRule: deny-pods\n",
    );
    const r = await run("simulate", "--synth", tf, "--scenarios", sc);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([{ name: "f", verdict: "DENY", rule: "deny-pods", tier: "V1", pass: true }]);
  });
});

describe("vca simulate — bad input exits 2 naming file and YAML path", () => {
  const synth = path.join(LAB, "infra.tf.json");
  test.each([
    ["unknown key", "flows:\n  - name: a\n    from: { ip: 10.0.0.1, subnetz: x }\n    to: { port: 443, protocol: tcp }\n"],
    ["bad protocol", "flows:\n  - name: a\n    to: { port: 443, protocol: sctp }\n"],
    ["port out of range", "flows:\n  - name: a\n    to: { port: 70000, protocol: tcp }\n"],
    ["bad expect", "flows:\n  - name: a\n    to: { port: 1, protocol: udp }\n    expect: ALLOW\n"],
    ["no flows", "flows: []\n"],
    ["invalid yaml", "flows: [\n"],
  ])("%s", async (_label, text) => {
    const sc = tmpFile("scenarios.yaml", text);
    const r = await run("simulate", "--synth", synth, "--scenarios", sc);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split(sc).join("<scenarios>").split("\n")[0]).toMatchSnapshot();
  });

  test("GIVEN a missing synth file THEN exit 2 naming it", async () => {
    const sc = path.join(LAB, "scenarios.yaml");
    const r = await run("simulate", "--synth", "/nonexistent/cdk.tf.json", "--scenarios", sc);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("/nonexistent/cdk.tf.json: cannot read --synth");
  });

  test("GIVEN a manifest with a bad port THEN exit 2 naming file and YAML path", async () => {
    const m = tmpFile(
      "fp.yaml",
      "apiVersion: networking.aviatrix.com/v1alpha1\nkind: FirewallPolicy\nmetadata: { name: x, namespace: ns }\nspec:\n  rules:\n    - name: r\n      action: permit\n      destinationSmartGroups: [{ name: any }]\n      port: 99999\n",
    );
    const r = await run("simulate", "--synth", synth, "--manifests", m, "--scenarios", path.join(LAB, "scenarios.yaml"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${m}: documents[0].spec.rules[0].port: got 99999, want at most 65535`);
  });
});

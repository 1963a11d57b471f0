// Rules on managed / unresolved groups match only flows that name the group: vca simulate and
// vca analyze say so on stderr (one note per rule); --strict-refs turns that into exit 2.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runVca } from "../support/run-cli";

const run = runVca;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-opaque-"));
const synth = path.join(dir, "cdk.tf.json");
fs.writeFileSync(
  synth,
  JSON.stringify({
    data: { aviatrix_web_group: { llm: { name: "avx-ai-llm-providers" } } },
    resource: {
      aviatrix_smart_group: { pods: { name: "pods", selector: { match_expressions: [{ cidr: "10.1.0.0/16" }] } } },
      aviatrix_distributed_firewalling_policy_list: {
        v1: {
          policies: [
            {
              name: "deny-blocked",
              action: "DENY",
              priority: 1,
              protocol: "ANY",
              src_smart_groups: ["${aviatrix_smart_group.pods.uuid}"],
              dst_smart_groups: ["${var.blocked_uuid}"],
            },
            {
              name: "llm",
              action: "PERMIT",
              priority: 2,
              protocol: "TCP",
              port_ranges: [{ lo: 443 }],
              src_smart_groups: ["${aviatrix_smart_group.pods.uuid}"],
              dst_smart_groups: ["def000ad-0000-0000-0000-000000000001"],
              web_groups: ["${data.aviatrix_web_group.llm.uuid}"],
            },
            {
              name: "plain",
              action: "PERMIT",
              priority: 3,
              protocol: "TCP",
              port_ranges: [{ lo: 80 }],
              src_smart_groups: ["${aviatrix_smart_group.pods.uuid}"],
              dst_smart_groups: ["def000ad-0000-0000-0000-000000000001"],
            },
          ],
        },
      },
      aviatrix_distributed_firewalling_default_action_rule: { d: { action: "DENY", logging: true } },
    },
  }),
);
const scenarios = path.join(dir, "s.yaml");
fs.writeFileSync(scenarios, "flows:\n  - name: f\n    from: { ip: 10.1.2.3 }\n    to: { host: api.openai.com, port: 443, protocol: tcp }\n");

describe("managed / unresolved groups", () => {
  test("GIVEN rules on an unresolved destination and a managed WebGroup WHEN simulated THEN one stderr note per such rule, exit 0", async () => {
    const r = await run("simulate", "--synth", synth, "--scenarios", scenarios);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: "f", verdict: "DENY", rule: "default-action" });
    expect(r.stderr).toMatchInlineSnapshot(`
"vca-cdktf simulate: note: DENY rule "deny-blocked" (aviatrix_distributed_firewalling_policy_list.v1.policies[0]) uses destination SmartGroup "\${var.blocked_uuid}" (unresolved) whose members are unknown offline; it matches a flow only when the flow names the group (from.groups / to.groups), so scenario verdicts may miss it
vca-cdktf simulate: note: PERMIT rule "llm" (aviatrix_distributed_firewalling_policy_list.v1.policies[1]) uses WebGroup "avx-ai-llm-providers" (managed) whose members are unknown offline; it matches a flow only when the flow names the group (from.groups / to.groups), so scenario verdicts may miss it
"
`);
  });

  test("GIVEN --strict-refs WHEN simulated THEN exit 2, nothing on stdout, every such rule named", async () => {
    const r = await run("simulate", "--synth", synth, "--scenarios", scenarios, "--strict-refs");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("--strict-refs: 2 rules depend on groups whose members are unknown offline:");
    expect(r.stderr).toContain('DENY rule "deny-blocked"');
    expect(r.stderr).toContain('PERMIT rule "llm"');
  });

  test("GIVEN the same pack WHEN analyzed THEN the notes go to stderr and findings to stdout; --strict-refs exits 2", async () => {
    const r = await run("analyze", "--synth", synth);
    expect(r.stderr.trim().split("\n")).toHaveLength(2);
    expect(r.stderr).toMatch(
      /^vca-cdktf analyze: note: DENY rule "deny-blocked" .* findings about it \(shadowing, deny-all before the K8S tier\) assume any membership/,
    );
    expect(r.stdout).toContain(`${synth}: `);
    const strict = await run("analyze", "--synth", synth, "--strict-refs");
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe("");
  });

  test("GIVEN a pack with only selector groups WHEN simulated with --strict-refs THEN no note and exit 0", async () => {
    const lab = path.join(__dirname, "../fixtures/dcf/obot-seed-lab");
    const r = await run(
      "simulate",
      "--synth",
      path.join(lab, "infra.tf.json"),
      "--manifests",
      path.join(lab, "firewall-policies"),
      "--scenarios",
      path.join(lab, "scenarios.yaml"),
      "--strict-refs",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

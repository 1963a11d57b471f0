// `vca-cdktf diagram` and the graph behind it: tiers in evaluation order, watch mode visible,
// labels that cannot break the Mermaid syntax, SVG offline.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { renderMermaid } from "../../lib/diagram/mermaid";
import { policyGraph } from "../../lib/diagram/policy-graph";
import { policyModelFromTerraform } from "../../lib/dcf/terraform/from-terraform";
import { runVca } from "../support/run-cli";

const SYNTH = {
  resource: {
    aviatrix_smart_group: {
      app: { name: 'app "prod" <a&b>', selector: { match_expressions: [{ type: "k8s", k8s_namespace: "prod", tags: { app: "web" } }] } },
    },
    aviatrix_web_group: { llm: { name: "llm", selector: { match_expressions: [{ snifilter: "api.openai.com" }, { snifilter: "*.anthropic.com" }] } } },
    aviatrix_distributed_firewalling_policy_list: {
      p: {
        policies: [
          {
            name: "deny-bad",
            priority: 20,
            action: "DENY",
            protocol: "ANY",
            src_smart_groups: ["${aviatrix_smart_group.app.uuid}"],
            dst_smart_groups: ["def000ad-0000-0000-0000-000000000000"],
            logging: true,
            watch: true,
          },
          {
            name: "allow-llm",
            priority: 10,
            action: "PERMIT",
            protocol: "TCP",
            port_ranges: [{ lo: 443 }, { lo: 8000, hi: 8080 }],
            src_smart_groups: ["${aviatrix_smart_group.app.uuid}"],
            dst_smart_groups: ["def000ad-0000-0000-0000-000000000001"],
            web_groups: ["${aviatrix_web_group.llm.uuid}"],
            logging: true,
          },
        ],
      },
    },
    aviatrix_distributed_firewalling_default_action_rule: { d: { action: "PERMIT", logging: true } },
  },
};

describe("policy diagrams", () => {
  test("GIVEN a policy WHEN drawn as Mermaid THEN rules follow evaluation order with action, ports and watch, and labels are escaped", () => {
    const text = renderMermaid(policyGraph(policyModelFromTerraform(SYNTH)), "demo");
    expect(text.split("\n").slice(0, 4)).toEqual(["---", 'title: "demo"', "---", "flowchart LR"]);
    expect(text).toContain('    r1["(1) allow-llm<br/>PERMIT TCP 443,8000-8080<br/>priority 10"]:::permit');
    expect(text).toContain('    r2["(2) deny-bad<br/>DENY ANY (watch: logs only)<br/>priority 20"]:::denyWatch');
    expect(text).toContain('    default_action["default action<br/>PERMIT + log"]:::permit');
    expect(text).toContain('s1(["app #quot;prod#quot; #lt;a#amp;b#gt;<br/>k8s ns prod app=web"])');
    expect(text).toContain("  V1 ~~~ POST_RULES");
    expect(text).toContain("  r1 -. SNI .-> w1");
    expect(text).toMatch(/w1\[\/"WebGroup llm<br\/>\*\.anthropic\.com, api\.openai\.com"\/\]/);
  });

  test("GIVEN the CLI WHEN asked for SVG into a file THEN it writes one SVG document; a bad format is exit 2", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-diagram-"));
    try {
      const synth = path.join(dir, "cdk.tf.json");
      fs.writeFileSync(synth, JSON.stringify(SYNTH));
      const out = path.join(dir, "pics", "policy.svg");
      const r = await runVca("diagram", "--synth", synth, "--format", "svg", "--out", out, "--title", "demo");
      expect(r.code).toBe(0);
      const svg = fs.readFileSync(out, "utf8");
      expect(svg).toMatch(/^<\?xml[\s\S]*<svg [\s\S]*<\/svg>\n$/);
      expect(svg).toContain("allow&#45;llm");
      const mermaid = await runVca("diagram", "--synth", synth);
      expect(mermaid.code).toBe(0);
      expect(mermaid.stdout).toMatch(/^flowchart LR\n/);
      const bad = await runVca("diagram", "--synth", synth, "--format", "png");
      expect(bad.code).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Discover → enforce on the model: watched rules act, a discover default PERMIT becomes DENY + log,
// an unmanaged (brownfield) default stays the controller's, assumed. Works on the V1 policy list and
// on dcf_ruleset rules alike, because it never looks at the rendering.
import { ENFORCE_DEFAULT_ACTION, switchToEnforce } from "../../lib/dcf/enforce-mode";
import { evaluate } from "../../lib/dcf/simulate/evaluate";
import { policyModelFromTerraform } from "../../lib/dcf/terraform/from-terraform";

const GROUPS = {
  aviatrix_smart_group: { app: { name: "app", selector: { match_expressions: [{ cidr: "10.0.1.0/24" }] } } },
  aviatrix_web_group: { llm: { name: "llm", selector: { match_expressions: [{ snifilter: "api.openai.com" }] } } },
};
const RULES = [
  {
    name: "allow-llm",
    priority: 10,
    action: "PERMIT",
    protocol: "TCP",
    port_ranges: [{ lo: 443 }],
    src_smart_groups: ["${aviatrix_smart_group.app.uuid}"],
    dst_smart_groups: ["def000ad-0000-0000-0000-000000000001"],
    web_groups: ["${aviatrix_web_group.llm.uuid}"],
    logging: true,
    watch: true,
  },
  {
    name: "deny-app",
    priority: 20,
    action: "DENY",
    protocol: "ANY",
    src_smart_groups: ["${aviatrix_smart_group.app.uuid}"],
    dst_smart_groups: ["def000ad-0000-0000-0000-000000000000"],
    logging: true,
    watch: true,
  },
];
const FROM = { ip: "10.0.1.5" };

describe("switchToEnforce", () => {
  test("GIVEN a discover V1 policy list (rules watch, default PERMIT + log) WHEN switched THEN rules act and the default is DENY + log", () => {
    const model = policyModelFromTerraform({
      resource: {
        ...GROUPS,
        aviatrix_distributed_firewalling_policy_list: { p: { policies: RULES } },
        aviatrix_distributed_firewalling_default_action_rule: { d: { action: "PERMIT", logging: true } },
      },
    });
    expect(evaluate(model, { from: FROM, to: { host: "exfil.example", port: 443, protocol: "TCP" } })).toMatchObject({
      verdict: "PERMIT",
      rule: "default-action",
      watchedBy: ["deny-app"],
    });
    const e = switchToEnforce(model);
    expect(e.promoted.map((r) => r.name)).toEqual(["allow-llm", "deny-app"]);
    expect(e.defaultAction).toEqual({ before: { action: "PERMIT", logging: true }, after: ENFORCE_DEFAULT_ACTION, managed: true });
    expect(evaluate(e.model, { from: FROM, to: { host: "api.openai.com", port: 443, protocol: "TCP", tls: true } })).toMatchObject({
      verdict: "PERMIT",
      rule: "allow-llm",
    });
    expect(evaluate(e.model, { from: FROM, to: { host: "exfil.example", port: 443, protocol: "TCP" } })).toMatchObject({ verdict: "DENY", rule: "deny-app" });
    expect(evaluate(e.model, { from: { ip: "10.9.0.1" }, to: { host: "exfil.example", port: 443, protocol: "TCP" } })).toMatchObject({
      verdict: "DENY",
      rule: "default-action",
    });
    // The input model is untouched.
    expect(model.rules.every((r) => r.watch)).toBe(true);
  });

  test("GIVEN a brownfield ruleset (no default action in the synth) WHEN switched THEN its own rules act and the controller default is assumed", () => {
    const model = policyModelFromTerraform({ resource: { ...GROUPS, aviatrix_dcf_ruleset: { r: { name: "vca", rules: RULES } } } });
    const permitDefault = switchToEnforce(model);
    expect(permitDefault.defaultAction).toEqual({ after: { action: "PERMIT", logging: false }, managed: false });
    expect(evaluate(permitDefault.model, { from: FROM, to: { host: "exfil.example", port: 443, protocol: "TCP" } })).toMatchObject({
      verdict: "DENY",
      rule: "deny-app",
    });
    expect(evaluate(permitDefault.model, { from: { ip: "10.9.0.1" }, to: { ip: "1.1.1.1", port: 443, protocol: "TCP" } })).toMatchObject({
      verdict: "PERMIT",
      rule: "default-action",
    });
    const denyDefault = switchToEnforce(model, "DENY");
    expect(evaluate(denyDefault.model, { from: { ip: "10.9.0.1" }, to: { ip: "1.1.1.1", port: 443, protocol: "TCP" } })).toMatchObject({
      verdict: "DENY",
      rule: "default-action",
    });
  });

  test("GIVEN an enforce synth WHEN switched THEN nothing changes", () => {
    const model = policyModelFromTerraform({
      resource: {
        ...GROUPS,
        aviatrix_distributed_firewalling_policy_list: { p: { policies: RULES.map((r) => ({ ...r, watch: false })) } },
        aviatrix_distributed_firewalling_default_action_rule: { d: { action: "DENY", logging: true } },
      },
    });
    const e = switchToEnforce(model);
    expect(e.promoted).toEqual([]);
    expect(e.model.rules).toEqual(model.rules);
    expect(e.defaultAction.after).toEqual({ action: "DENY", logging: true });
  });
});

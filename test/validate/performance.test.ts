import { validateTerraformJson } from "../../lib/validate";
import { PIN, policy } from "./docs";

describe("validation at policy scale", () => {
  test("GIVEN a 20,000-rule policy list and 10,000 WebGroups WHEN validated THEN it finishes in well under the budget and finds the one bad rule", () => {
    const policies = Array.from({ length: 20000 }, (_, i) =>
      policy({ name: `p${i}`, priority: i, web_groups: [`\${aviatrix_web_group.w${i >> 1}.uuid}`], action: i === 12345 ? "ALLOW" : "PERMIT" }),
    );
    const webGroups: Record<string, unknown> = {};
    for (let i = 0; i < 10000; i++) webGroups[`w${i}`] = { name: `w${i}`, selector: { match_expressions: [{ snifilter: `s${i}.example.com` }] } };
    const smartGroups = Object.fromEntries(["app", "any"].map((name) => [name, { name, selector: { match_expressions: [{ type: "vm", name }] } }]));
    const doc = {
      ...PIN,
      resource: { aviatrix_smart_group: smartGroups, aviatrix_web_group: webGroups, aviatrix_distributed_firewalling_policy_list: { main: { policies } } },
    };
    validateTerraformJson({ ...PIN, resource: { aviatrix_web_group: { warm: { name: "w", selector: { match_expressions: [{ snifilter: "a" }] } } } } });

    const start = Date.now();
    const findings = validateTerraformJson(doc);
    const ms = Date.now() - start;

    expect(findings.map((f) => `${f.id}@${f.path}`)).toEqual(["enum@policies[12345].action"]);
    // ~0.2 s on an idle 2-core machine (see bench 40-validate); this loose bound only catches
    // accidental quadratic work without flaking on a busy CI runner.
    expect(ms).toBeLessThan(8000);
  });
});

import { policyModelFromTerraform } from "../../lib/dcf/terraform/from-terraform";
import { evaluate } from "../../lib/dcf/simulate/evaluate";
import { expectInputError } from "../support/expect-error";

const doc = (webGroupBody: object) => ({
  variable: { domains: { default: ["b.example.com", "a.example.com"] } },
  resource: {
    aviatrix_smart_group: { rt: { name: "rt", selector: { match_expressions: [{ type: "subnet", res_id: "${aws_subnet.runtime.id}" }] } } },
    aviatrix_web_group: { w: { name: "w", ...webGroupBody } },
    aviatrix_distributed_firewalling_policy_list: {
      v1: {
        policies: [
          {
            name: "allow",
            action: "PERMIT",
            priority: 10,
            protocol: "TCP",
            src_smart_groups: ["${aviatrix_smart_group.rt.uuid}"],
            dst_smart_groups: ["def000ad-0000-0000-0000-000000000001"],
            web_groups: ["${aviatrix_web_group.w.uuid}"],
            port_ranges: [{ lo: 443 }],
          },
          {
            name: "from-var",
            action: "DENY",
            priority: 20,
            protocol: "ANY",
            src_smart_groups: ["${var.src_uuid}"],
            dst_smart_groups: ["def000ad-0000-0000-0000-000000000000"],
          },
        ],
      },
    },
    aviatrix_distributed_firewalling_default_action_rule: { d: { action: "DENY", logging: true } },
  },
});

describe("policyModelFromTerraform", () => {
  test("GIVEN a cdktf-shaped dynamic block over var.domains WHEN read THEN it expands with the default, sorted", () => {
    const m = policyModelFromTerraform(
      doc({ selector: { dynamic: { match_expressions: { for_each: "${var.domains}", iterator: "d", content: { snifilter: "${d.value}" } } } } }),
    );
    expect(m.webGroups["aviatrix_web_group.w"].matches).toEqual([{ sni: "a.example.com" }, { sni: "b.example.com" }]);
    const run = (subnet: string) => evaluate(m, { from: { subnet }, to: { host: "a.example.com", port: 443, protocol: "TCP" } });
    expect(run("aws_subnet.runtime")).toMatchObject({
      verdict: "PERMIT",
      rule: "allow",
      origin: "aviatrix_distributed_firewalling_policy_list.v1.policies[0]",
    });
    expect(run("aws_subnet.other")).toMatchObject({ verdict: "DENY", rule: "default-action", tier: "POST_RULES" });
  });

  test("GIVEN a source group from ${var.x} WHEN the flow names var.src_uuid THEN the unresolved group matches", () => {
    const m = policyModelFromTerraform(doc({ selector: { match_expressions: [{ snifilter: "a.example.com" }] } }));
    expect(m.smartGroups["${var.src_uuid}"]).toMatchObject({ kind: "unresolved", name: "var.src_uuid" });
    expect(evaluate(m, { from: { groups: ["var.src_uuid"] }, to: { ip: "1.1.1.1", port: 22, protocol: "TCP" } }).rule).toBe("from-var");
  });

  test("GIVEN a dynamic for_each not known offline WHEN read THEN the error names the address", () => {
    expect(
      expectInputError(
        () =>
          policyModelFromTerraform(
            doc({ selector: { dynamic: { match_expressions: { for_each: "${data.x.y.list}", content: { snifilter: "${match_expressions.value}" } } } } }),
            "cdk.tf.json",
          ),
        "cdk.tf.json: aviatrix_web_group.w.selector[0].dynamic.match_expressions[0]",
      ),
    ).toMatchSnapshot();
  });

  test("GIVEN hcl2json arrays with snifilter and urlfilter in one block WHEN read THEN the error names the block path", () => {
    expect(
      expectInputError(
        () => policyModelFromTerraform(doc({ selector: [{ match_expressions: [{ snifilter: "a.com", urlfilter: "a.com/x" }] }] }), "x.tf"),
        "x.tf: aviatrix_web_group.w.selector[0].match_expressions[0]",
      ),
    ).toMatchSnapshot();
  });
});

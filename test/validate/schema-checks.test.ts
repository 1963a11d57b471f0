import { validateTerraformJson } from "../../lib/validate";
import { brief, doc, policy, policyList, smartGroup, spoke, webGroup } from "./docs";

describe("schema checks against the vendored provider schema", () => {
  test("GIVEN a complete, correct DCF configuration WHEN validated THEN there are no findings", () => {
    const findings = validateTerraformJson(
      doc({
        ...smartGroup({ type: "k8s", k8s_cluster_id: "${aviatrix_kubernetes_cluster.eks.cluster_id}", k8s_namespace: "librechat" }),
        ...webGroup({ snifilter: "api.openai.com" }, { urlfilter: "github.com/org/*" }),
        ...policyList(policy(), policy({ name: "deny-all", action: "DENY", protocol: "ANY", port_ranges: undefined, web_groups: undefined, priority: 1000 })),
        ...spoke({ single_ip_snat: true, enable_private_vpc_default_route: true, tags: { owner: "ai" } }),
      }),
    );
    expect(findings).toEqual([]);
  });

  test("GIVEN an unknown attribute WHEN validated THEN it is an error naming the path and the closest name", () => {
    const findings = validateTerraformJson(doc(policyList(policy({ port_range: [{ lo: 443 }] }))));
    expect(brief(findings)).toEqual(["error:unknown-attribute@aviatrix_distributed_firewalling_policy_list.main.policies[0].port_range"]);
    expect(findings[0].message).toMatchSnapshot();
  });

  test("GIVEN a missing required attribute and a missing required block WHEN validated THEN both are reported", () => {
    const findings = validateTerraformJson(doc({ aviatrix_smart_group: { app: {} } }));
    expect(brief(findings)).toEqual(["error:missing-required@aviatrix_smart_group.app.name", "error:min-items@aviatrix_smart_group.app.selector"]);
  });

  test("GIVEN a computed-only attribute set WHEN validated THEN it is an error", () => {
    const findings = validateTerraformJson(doc(policyList(policy({ uuid: "abc" }))));
    expect(brief(findings)).toEqual(["error:computed-only@aviatrix_distributed_firewalling_policy_list.main.policies[0].uuid"]);
  });

  test("GIVEN blocks beyond max_items WHEN validated THEN max-items names the block", () => {
    const tooMany = Array.from({ length: 65 }, (_, i) => ({ lo: 1000 + i }));
    const twoSelectors = {
      aviatrix_web_group: { w: { name: "w", selector: [{ match_expressions: [{ snifilter: "a.com" }] }, { match_expressions: [{ snifilter: "b.com" }] }] } },
    };
    expect(brief(validateTerraformJson(doc({ ...policyList(policy({ port_ranges: tooMany })), ...twoSelectors })))).toEqual([
      "error:max-items@aviatrix_distributed_firewalling_policy_list.main.policies[0].port_ranges",
      "error:max-items@aviatrix_web_group.w.selector",
    ]);
  });

  test("GIVEN an empty required block list WHEN validated THEN min-items is reported", () => {
    expect(brief(validateTerraformJson(doc({ aviatrix_distributed_firewalling_policy_list: { main: { policies: [] } } })))).toEqual([
      "error:min-items@aviatrix_distributed_firewalling_policy_list.main.policies",
    ]);
  });

  test("GIVEN enum values WHEN validated THEN case rules follow enum_ignore_case", () => {
    const findings = validateTerraformJson(doc(policyList(policy({ protocol: "tcp" }), policy({ action: "permit" }), policy({ decrypt_policy: "DECRYPT" }))));
    // protocol is case-insensitive in the provider; action and decrypt_policy are not
    expect(brief(findings)).toEqual([
      "error:enum@aviatrix_distributed_firewalling_policy_list.main.policies[1].action",
      "error:enum@aviatrix_distributed_firewalling_policy_list.main.policies[2].decrypt_policy",
    ]);
    expect(findings.map((f) => f.message)).toMatchSnapshot();
  });

  test("GIVEN integer enums and ranges WHEN validated THEN out-of-set and out-of-range values are errors", () => {
    const findings = validateTerraformJson(
      doc({
        ...spoke({ cloud_type: 3, bgp_hold_time: 5 }),
        ...policyList(policy({ port_ranges: [{ lo: -1 }] })),
        aviatrix_spoke_transit_attachment: { a: { spoke_gw_name: "s", transit_gw_name: "t", tunnel_count: 50 } },
      }),
    );
    expect(brief(findings)).toEqual([
      "error:enum@aviatrix_spoke_gateway.spoke.cloud_type",
      "error:range@aviatrix_spoke_gateway.spoke.bgp_hold_time",
      "error:range@aviatrix_distributed_firewalling_policy_list.main.policies[0].port_ranges[0].lo",
      "error:range@aviatrix_spoke_transit_attachment.a.tunnel_count",
    ]);
  });

  test("GIVEN wrong value types WHEN validated THEN type errors name the attribute", () => {
    const findings = validateTerraformJson(doc(policyList(policy({ priority: "high", logging: "yes", src_smart_groups: "x" }))));
    expect(brief(findings)).toEqual([
      "error:type@aviatrix_distributed_firewalling_policy_list.main.policies[0].priority",
      "error:type@aviatrix_distributed_firewalling_policy_list.main.policies[0].logging",
      "error:type@aviatrix_distributed_firewalling_policy_list.main.policies[0].src_smart_groups",
    ]);
  });

  test("GIVEN Terraform expressions WHEN validated THEN type/enum/range checks are skipped", () => {
    const findings = validateTerraformJson(
      doc(
        policyList(
          policy({ action: "${var.action}", protocol: "${var.proto}", priority: "${var.p}", port_ranges: [{ lo: "${var.port}" }] }),
          policy({ port_ranges: "${var.ranges}" }),
        ),
      ),
    );
    expect(findings).toEqual([]);
  });

  test("GIVEN conflicts_with and required_with WHEN violated THEN each is reported once on the declaring attribute", () => {
    const findings = validateTerraformJson(
      doc(spoke({ insane_mode: true, insane_mode_az: "us-east-1a", insertion_gateway: true, insertion_gateway_az: "us-east-1a", spot_price: "0.1" })),
    );
    expect(brief(findings)).toEqual([
      "error:conflicts-with@aviatrix_spoke_gateway.spoke.insertion_gateway",
      "error:required-with@aviatrix_spoke_gateway.spoke.spot_price",
    ]);
    expect(findings.map((f) => f.message)).toMatchSnapshot();
  });

  test("GIVEN at_least_one_of WHEN none is set THEN it is a resource-level error", () => {
    const findings = validateTerraformJson(doc({ aviatrix_saml_endpoint: { s: { endpoint_name: "e" } } }));
    expect(brief(findings)).toContain("error:at-least-one-of@aviatrix_saml_endpoint.s");
  });

  test("GIVEN validators the provider runs WHEN values are invalid THEN they are reported (cidr, not-whitespace)", () => {
    const findings = validateTerraformJson(doc({ ...smartGroup({ cidr: "10.0.0.0/33" }), ...webGroup({ snifilter: "  " }) }));
    expect(brief(findings)).toEqual([
      "error:validator@aviatrix_smart_group.app.selector.match_expressions[0].cidr",
      "error:validator@aviatrix_web_group.allowed.selector.match_expressions[0].snifilter",
    ]);
  });

  test("GIVEN smart-group cidr values WHEN validated THEN IsCIDR / IsIPAddress accept real addresses only (lib/net parser, no zone)", () => {
    const verdict = (cidr: string) => brief(validateTerraformJson(doc(smartGroup({ cidr }))));
    for (const ok of ["10.0.0.0/8", "10.0.0.1", "2001:db8::/32", "::ffff:10.0.0.1", "fe80::1"]) expect(verdict(ok)).toEqual([]);
    for (const bad of ["1:2", "1:2/64", ":::::", "fe80::1%eth0", "fe80::1%eth0/64", "010.0.0.1", "10.0.0.0/8/8"]) {
      expect(verdict(bad)).toEqual(["error:validator@aviatrix_smart_group.app.selector.match_expressions[0].cidr"]);
    }
  });

  test("GIVEN a k8s name that breaks the provider's regex WHEN validated THEN pattern is reported", () => {
    const findings = validateTerraformJson(doc(smartGroup({ type: "k8s", k8s_namespace: "Bad_NS" })));
    expect(brief(findings)).toEqual(["error:pattern@aviatrix_smart_group.app.selector.match_expressions[0].k8s_namespace"]);
  });

  test("GIVEN an unknown aviatrix resource or data source type WHEN validated THEN it is an error with a hint", () => {
    const findings = validateTerraformJson(doc({ aviatrix_smartgroup: { x: { name: "x" } } }, { data: { aviatrix_dcf_webgroups: { w: { name: "w" } } } }));
    expect(brief(findings)).toEqual(["error:unknown-resource-type@aviatrix_smartgroup.x", "error:unknown-resource-type@data.aviatrix_dcf_webgroups.w"]);
    expect(findings.map((f) => f.message)).toMatchSnapshot();
  });

  test("GIVEN data sources WHEN computed-only attributes are set THEN they are errors; lookups by name pass", () => {
    const findings = validateTerraformJson(
      doc(
        {},
        {
          data: {
            aviatrix_web_group: { ok: { name: "github" }, bad: { name: "x", uuid: "u" } },
            aviatrix_dcf_attachment_point: { root: { name: "TERRAFORM_BEFORE_UI_MANAGED" } },
          },
        },
      ),
    );
    expect(brief(findings)).toEqual(["error:computed-only@data.aviatrix_web_group.bad.uuid"]);
  });

  test("GIVEN a deprecated resource WHEN validated THEN it is a warning naming the replacement", () => {
    const findings = validateTerraformJson(doc({ aviatrix_distributed_firewalling_config: { this: { enable_distributed_firewalling: true } } }));
    expect(brief(findings)).toEqual(["warning:deprecated-resource@aviatrix_distributed_firewalling_config.this"]);
    expect(findings[0].message).toContain("aviatrix_config_feature");
  });

  test("GIVEN a sensitive attribute set to a literal WHEN validated THEN it is a warning (secrets belong in variables)", () => {
    const findings = validateTerraformJson(
      doc(
        { aviatrix_dcf_mitm_ca: { ca: { name: "ca", key: "-----BEGIN PRIVATE KEY-----", certificate_chain: "${var.chain}" } } },
        { provider: { aviatrix: [{ controller_ip: "1.2.3.4", username: "admin", password: "${var.password}" }] } },
      ),
    );
    expect(brief(findings)).toEqual(["warning:sensitive-literal@aviatrix_dcf_mitm_ca.ca.key"]);
  });

  test("GIVEN the provider block WHEN it has an unknown attribute THEN it is reported; env-provided required ones are not", () => {
    const findings = validateTerraformJson(doc({}, { provider: { aviatrix: [{ skip_version_validation: true, controller: "x" }] } }));
    expect(brief(findings)).toEqual(["error:unknown-attribute@provider.aviatrix.controller"]);
  });

  test("GIVEN hcl2json shapes (array-wrapped bodies and blocks) WHEN validated THEN the same checks apply with indexed paths", () => {
    const hcl = {
      terraform: [{ required_providers: [{ aviatrix: { source: "AviatrixSystems/aviatrix", version: "10.0.1" } }] }],
      resource: {
        aviatrix_smart_group: {
          app: [{ name: "app", selector: [{ match_expressions: [{ cidr: "10.0.0.0/8" }] }] }],
          any: [{ name: "any", selector: [{ match_expressions: [{ cidr: "0.0.0.0/0" }] }] }],
        },
        aviatrix_web_group: { allowed: [{ name: "allowed", selector: [{ match_expressions: [{ snifilter: "api.example.com" }] }] }] },
        aviatrix_distributed_firewalling_policy_list: { main: [{ policies: [{ ...policy({ action: "ALLOW" }), port_ranges: [{ lo: 443 }] }] }] },
      },
    };
    expect(brief(validateTerraformJson(hcl))).toEqual(["error:enum@aviatrix_distributed_firewalling_policy_list.main.policies[0].action"]);
  });

  test("GIVEN dynamic blocks WHEN validated THEN content is checked as the block and counts are not enforced", () => {
    const hcl = {
      ...{ terraform: [{ required_providers: [{ aviatrix: { version: "~> 10.0" } }] }] },
      variable: { d: [{}] },
      resource: {
        aviatrix_web_group: {
          w: [
            {
              name: "w",
              dynamic: {
                selector: [
                  {
                    for_each: [1],
                    content: [{ dynamic: { match_expressions: [{ for_each: "${var.d}", content: [{ snifilter: "${match_expressions.value}", sni: "x" }] }] } }],
                  },
                ],
              },
            },
          ],
        },
      },
    };
    expect(brief(validateTerraformJson(hcl))).toEqual([
      "error:unknown-attribute@aviatrix_web_group.w.dynamic.selector[0].content[0].dynamic.match_expressions[0].content[0].sni",
    ]);
  });

  test("GIVEN a non-object document WHEN validated THEN a UserInputError names the file", () => {
    expect(() => validateTerraformJson([], { file: "x.json" })).toThrow(/x\.json: got a list, want a Terraform JSON object/);
  });

  test("GIVEN non-aviatrix resources WHEN validated THEN they are ignored", () => {
    expect(validateTerraformJson(doc({ aws_vpc: { v: { cidr_block: "10.0.0.0/16", bogus: 1 } } }))).toEqual([]);
  });
});

import { validateTerraformJson } from "../../lib/validate";
import { brief, doc, policy, policyList, smartGroup, spoke, webGroup } from "./docs";

const check = (resource: Record<string, unknown>): string[] => brief(validateTerraformJson(doc(resource)));

describe("apply-time rules (provider Create/Update code)", () => {
  describe("DCF policies", () => {
    test("GIVEN ICMP with port_ranges WHEN validated THEN icmp-port-ranges names the policy; ICMP without ports passes", () => {
      const findings = validateTerraformJson(
        doc(policyList(policy({ protocol: "icmp", web_groups: undefined }), policy({ protocol: "ICMP", port_ranges: undefined, web_groups: undefined }))),
      );
      expect(brief(findings)).toEqual(["error:icmp-port-ranges@aviatrix_distributed_firewalling_policy_list.main.policies[0].port_ranges"]);
      expect(findings[0].message).toMatchSnapshot();
    });

    test("GIVEN a dcf_ruleset rule with ICMP and ports WHEN validated THEN the same rule applies to `rules`", () => {
      const rule = { name: "r", action: "PERMIT", priority: 1, protocol: "ICMP", src_smart_groups: ["a"], dst_smart_groups: ["b"], port_ranges: [{ lo: 1 }] };
      expect(check({ aviatrix_dcf_ruleset: { rs: { name: "rs", attach_to: "x", rules: [rule] } } })).toEqual([
        "error:icmp-port-ranges@aviatrix_dcf_ruleset.rs.rules[0].port_ranges",
      ]);
    });
  });

  describe("WebGroup", () => {
    test("GIVEN snifilter and urlfilter in one expression WHEN validated THEN sni-and-url-filter; separate blocks pass", () => {
      expect(check(webGroup({ snifilter: "github.com", urlfilter: "github.com/x/*" }))).toEqual([
        "error:sni-and-url-filter@aviatrix_web_group.allowed.selector.match_expressions[0]",
      ]);
      expect(check(webGroup({ snifilter: "github.com" }, { urlfilter: "github.com/x/*" }))).toEqual([]);
    });

    test("GIVEN an empty match expression WHEN validated THEN empty-match-expression", () => {
      expect(check(webGroup({}))).toEqual(["error:empty-match-expression@aviatrix_web_group.allowed.selector.match_expressions[0]"]);
    });
  });

  describe("SmartGroup", () => {
    test("GIVEN cidr/fqdn/site combined with other filters WHEN validated THEN exclusive-selector-field", () => {
      expect(check(smartGroup({ cidr: "10.0.0.0/8", type: "vm" }, { fqdn: "a.example.com" }))).toEqual([
        "error:exclusive-selector-field@aviatrix_smart_group.app.selector.match_expressions[0].cidr",
      ]);
    });

    test("GIVEN k8s fields without type k8s WHEN validated THEN k8s-needs-type-k8s", () => {
      expect(check(smartGroup({ type: "vm", k8s_namespace: "ns" }))).toEqual([
        "error:k8s-needs-type-k8s@aviatrix_smart_group.app.selector.match_expressions[0].k8s_namespace",
      ]);
    });

    test("GIVEN k8s_pod without cluster/namespace, or with k8s_service WHEN validated THEN k8s-pod-scope", () => {
      expect(
        check(smartGroup({ type: "k8s", k8s_pod: "p" }, { type: "k8s", k8s_cluster_id: "c", k8s_namespace: "n", k8s_pod: "p", k8s_service: "s" })),
      ).toEqual([
        "error:k8s-pod-scope@aviatrix_smart_group.app.selector.match_expressions[0].k8s_pod",
        "error:k8s-pod-scope@aviatrix_smart_group.app.selector.match_expressions[1].k8s_service",
      ]);
      expect(check(smartGroup({ type: "k8s", k8s_cluster_id: "c", k8s_namespace: "n", k8s_pod: "p" }))).toEqual([]);
    });

    test("GIVEN no type and no cidr/fqdn/site/external WHEN validated THEN type is required; undocumented types warn", () => {
      expect(check(smartGroup({ tags: { app: "x" } }, { type: "bucket", name: "b" }, { external: "geo", ext_args: { country_iso_code: "KP" } }))).toEqual([
        "error:smart-group-type-required@aviatrix_smart_group.app.selector.match_expressions[0].type",
        "warning:smart-group-type@aviatrix_smart_group.app.selector.match_expressions[1].type",
      ]);
    });

    test("GIVEN an empty match expression WHEN validated THEN empty-match-expression", () => {
      expect(check(smartGroup({}))).toEqual(["error:empty-match-expression@aviatrix_smart_group.app.selector.match_expressions[0]"]);
    });
  });

  describe("spoke gateway", () => {
    test("GIVEN ha_subnet without ha_gw_size, or ha_gw_size without HA WHEN validated THEN ha-gw-size", () => {
      expect(check(spoke({ ha_subnet: "10.50.0.64/26" }))).toEqual(["error:ha-gw-size@aviatrix_spoke_gateway.spoke.ha_gw_size"]);
      expect(check(spoke({ ha_gw_size: "t3.medium" }))).toEqual(["error:ha-gw-size@aviatrix_spoke_gateway.spoke.ha_gw_size"]);
      expect(check(spoke({ ha_subnet: "10.50.0.64/26", ha_gw_size: "t3.medium" }))).toEqual([]);
    });

    test("GIVEN AWS-only flags on Azure WHEN validated THEN cloud-only-attribute names the flag and cloud", () => {
      const findings = validateTerraformJson(
        doc(
          spoke({
            cloud_type: 8,
            vpc_id: "vnet:rg:guid",
            enable_private_vpc_default_route: true,
            enable_skip_public_route_table_update: false,
            rx_queue_size: "2K",
          }),
        ),
      );
      expect(brief(findings)).toEqual([
        "error:cloud-only-attribute@aviatrix_spoke_gateway.spoke.enable_private_vpc_default_route",
        "error:cloud-only-attribute@aviatrix_spoke_gateway.spoke.rx_queue_size",
      ]);
      expect(findings[0].message).toMatchSnapshot();
    });

    test("GIVEN zone on AWS and tags on GCP WHEN validated THEN both are cloud-only errors; zone on Azure passes", () => {
      expect(check(spoke({ zone: "az-1" }))).toEqual(["error:cloud-only-attribute@aviatrix_spoke_gateway.spoke.zone"]);
      expect(check(spoke({ cloud_type: 4, vpc_id: "net~-~proj", tags: { a: "b" } }))).toEqual(["error:cloud-only-attribute@aviatrix_spoke_gateway.spoke.tags"]);
      expect(check(spoke({ cloud_type: 8, zone: "az-1" }))).toEqual([]);
    });

    test("GIVEN insane mode on AWS without insane_mode_az WHEN validated THEN insane-mode-az (and for HA)", () => {
      expect(check(spoke({ insane_mode: true, ha_subnet: "10.50.0.64/26", ha_gw_size: "c5n.xlarge" }))).toEqual([
        "error:insane-mode-az@aviatrix_spoke_gateway.spoke.insane_mode_az",
        "error:insane-mode-az@aviatrix_spoke_gateway.spoke.ha_insane_mode_az",
      ]);
    });

    test("GIVEN an edge cloud_type, manage_ha_gateway=false with ha_*, or allocate_new_eip=false without eip WHEN validated THEN each is reported", () => {
      expect(check(spoke({ cloud_type: 65536 }))).toEqual(["error:spoke-cloud-type@aviatrix_spoke_gateway.spoke.cloud_type"]);
      expect(check(spoke({ manage_ha_gateway: false, ha_subnet: "10.0.0.0/26", ha_gw_size: "t3.small" }))).toEqual([
        "error:manage-ha-gateway@aviatrix_spoke_gateway.spoke.ha_subnet",
        "error:manage-ha-gateway@aviatrix_spoke_gateway.spoke.ha_gw_size",
      ]);
      expect(check(spoke({ allocate_new_eip: false }))).toEqual(["error:eip-required@aviatrix_spoke_gateway.spoke.eip"]);
    });

    test("GIVEN cloud_type as an expression WHEN validated THEN cloud-dependent rules are skipped", () => {
      expect(check(spoke({ cloud_type: "${var.cloud}", zone: "az-1", rx_queue_size: "2K" }))).toEqual([]);
    });
  });

  test("GIVEN tunnel_count with enable_max_performance=false WHEN validated THEN tunnel-count; default (true) passes", () => {
    const attachment = { spoke_gw_name: "s", transit_gw_name: "t", tunnel_count: 4 };
    expect(check({ aviatrix_spoke_transit_attachment: { a: { ...attachment, enable_max_performance: false } } })).toEqual([
      "error:tunnel-count@aviatrix_spoke_transit_attachment.a.tunnel_count",
    ]);
    expect(check({ aviatrix_spoke_transit_attachment: { a: attachment } })).toEqual([]);
  });

  test("GIVEN a TLS profile validating certificates without ca_bundle_id WHEN validated THEN ca-bundle-required; NONE passes", () => {
    const profile = { display_name: "p", verify_sni: true };
    expect(check({ aviatrix_dcf_tls_profile: { p: { ...profile, certificate_validation: "CERTIFICATE_VALIDATION_ENFORCE" } } })).toEqual([
      "error:ca-bundle-required@aviatrix_dcf_tls_profile.p.ca_bundle_id",
    ]);
    expect(check({ aviatrix_dcf_tls_profile: { p: { ...profile, certificate_validation: "CERTIFICATE_VALIDATION_NONE" } } })).toEqual([]);
  });
});

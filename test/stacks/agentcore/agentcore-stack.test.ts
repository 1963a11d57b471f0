import { Testing } from "../../../lib/core/cdktf";
import { analyze } from "../../../lib/dcf/analyze";
import { evaluate } from "../../../lib/dcf";
import { Preflight } from "../../../lib/preflight/preflight";
import { validateTerraformJson } from "../../../lib/validate/validate-terraform-json";
import { AgentCoreStack, AgentCoreStackProps } from "../../../stacks/agentcore-stack";
import { addAgentCore } from "../../../examples/blueprints/agentcore/stack";
import { Doc, modelOf, only, policies, resourceTree, synthDoc, testApp } from "../foundry/helpers";

const BASE: AgentCoreStackProps = { controllerVersion: "9.0.10", aviatrixAccountName: "aws-agentcore" };

function build(props: Partial<AgentCoreStackProps> = {}): { stack: AgentCoreStack; doc: Doc } {
  const stack = new AgentCoreStack(testApp(), "vca-agentcore", { ...BASE, ...props });
  return { stack, doc: synthDoc(stack) };
}

const sni = (doc: Doc, name: string) =>
  (
    Object.values(doc.resource.aviatrix_web_group).find((g) => g.name === name)!.selector as {
      match_expressions: Array<{ snifilter?: string; urlfilter?: string }>;
    }
  ).match_expressions.map((m) => m.snifilter ?? m.urlfilter);
const runtime = { subnet: "aws_subnet.agentcore_runtime" };

describe("AgentCoreStack (minimal: the lab defaults)", () => {
  const { stack, doc } = build();

  test("GIVEN the defaults WHEN synthesized THEN the vendor's rule table is reproduced in priority order", () => {
    expect(
      policies(doc).map((p) => [p.priority, p.name, p.action, p.protocol, p.port_ranges ?? null, p.decrypt_policy ?? null, p.tls_profile ?? null]),
    ).toEqual([
      [10, "agentcore-vca-10-client-to-agentcore-data", "PERMIT", "TCP", [{ lo: 443 }], null, null],
      [11, "agentcore-vca-11-client-to-agentcore-control", "PERMIT", "TCP", [{ lo: 443 }], null, null],
      [29, "agentcore-vca-29-runtime-deny-supply-chain-ioc-github", "DENY", "TCP", [{ lo: 443 }], "DECRYPT_ALLOWED", "def000ad-6000-0000-0000-000000000001"],
      [30, "agentcore-vca-30-runtime-to-allowed-models", "PERMIT", "TCP", [{ lo: 443 }], "DECRYPT_NOT_ALLOWED", null],
      [31, "agentcore-vca-31-runtime-to-allowed-tools", "PERMIT", "TCP", [{ lo: 443 }], "DECRYPT_ALLOWED", "def000ad-6000-0000-0000-000000000001"],
      [32, "agentcore-vca-32-runtime-to-aws-control", "PERMIT", "TCP", [{ lo: 443 }], "DECRYPT_NOT_ALLOWED", null],
      [33, "agentcore-vca-33-runtime-to-allowed-mcp-servers", "PERMIT", "TCP", [{ lo: 443 }], "DECRYPT_NOT_ALLOWED", null],
      [50, "agentcore-vca-50-runtime-dns-exfil-deny", "DENY", "UDP", [{ lo: 53 }], null, null],
      [100, "agentcore-vca-100-runtime-default-deny", "DENY", "ANY", null, null, null],
      [101, "agentcore-vca-101-client-default-deny", "DENY", "ANY", null, null, null],
    ]);
    // Brownfield: the client spoke is closed by the stack's own rule 101, not by the controller default.
    for (const singleton of [
      "aviatrix_distributed_firewalling_default_action_rule",
      "aviatrix_distributed_firewalling_policy_list",
      "aviatrix_config_feature",
    ]) {
      expect(doc.resource[singleton]).toBeUndefined();
    }
    expect(policies(doc).every((p) => p.logging === true && p.watch === false)).toBe(true);
  });

  test("THEN WebGroup domains are derived from the region (the vendor hard-codes us-east-2)", () => {
    expect(sni(doc, "agentcore-vca-allowed-models")).toEqual(["bedrock-runtime.us-east-2.amazonaws.com", "bedrock.us-east-2.amazonaws.com"]);
    expect(sni(doc, "agentcore-vca-aws-control-domains")).toEqual(
      expect.arrayContaining([
        "sts.us-east-2.amazonaws.com",
        "api.ecr.us-east-2.amazonaws.com",
        "prod-us-east-2-starport-layer-bucket.s3.us-east-2.amazonaws.com",
        '${element(split("/", var.agentcore_agent_image_uri), 0)}',
      ]),
    );
    expect(sni(doc, "agentcore-vca-supply-chain-ioc-github")).toHaveLength(6);
    const west = synthDoc(new AgentCoreStack(testApp(), "w", { ...BASE, region: "us-west-2" }));
    expect(sni(west, "agentcore-vca-allowed-models")).toEqual(["bedrock-runtime.us-west-2.amazonaws.com", "bedrock.us-west-2.amazonaws.com"]);
    expect(
      Object.values(west.resource.aws_vpc_endpoint)
        .map((e) => e.service_name)
        .sort(),
    ).toEqual(["com.amazonaws.us-west-2.bedrock-agentcore", "com.amazonaws.us-west-2.bedrock-agentcore-control"]);
  });

  test("THEN the SmartGroups select the runtime subnet, the client VPC and the endpoints' vpce names", () => {
    const groups = Object.fromEntries(
      Object.values(doc.resource.aviatrix_smart_group).map((g) => [g.name, (g.selector as { match_expressions: unknown[] }).match_expressions]),
    );
    expect(groups["agentcore-vca-runtime-subnet"]).toEqual([{ res_id: "${aws_subnet.agentcore_runtime.id}", type: "subnet" }]);
    expect(groups["agentcore-vca-client-spoke"]).toEqual([{ res_id: "${aws_vpc.client.id}", type: "vpc" }]);
    expect(groups["agentcore-vca-agentcore-data-host"]).toEqual([{ fqdn: "${aws_vpc_endpoint.agentcore_data.dns_entry[0].dns_name}" }]);
    expect(groups["agentcore-vca-github-hosts"]).toEqual([{ fqdn: "api.github.com" }, { fqdn: "github.com" }, { fqdn: "raw.githubusercontent.com" }]);
  });

  test("THEN the runtime is in VPC mode in the runtime subnet (10.50.10.0/24) with the runtime security group", () => {
    expect(doc.resource.aws_subnet.agentcore_runtime.cidr_block).toBe("10.50.10.0/24");
    expect(doc.resource.aws_subnet.agentcore_endpoint.cidr_block).toBe("10.50.20.0/24");
    expect(doc.resource.aws_subnet.client_workload.cidr_block).toBe("10.60.10.0/24");
    expect(doc.resource.aws_subnet.transit_gw.cidr_block).toBe("10.40.0.0/28");
    expect(only(doc, "aws_bedrockagentcore_agent_runtime")).toMatchObject({
      agent_runtime_name: "agentcore_vca_hello",
      network_configuration: [
        {
          network_mode: "VPC",
          network_mode_config: [{ subnets: ["${aws_subnet.agentcore_runtime.id}"], security_groups: ["${aws_security_group.agentcore_runtime.id}"] }],
        },
      ],
      protocol_configuration: [{ server_protocol: "HTTP" }],
    });
  });

  test("THEN PrivateLink endpoints have private DNS off and the blueprint's private zones alias the regional names", () => {
    const eps = Object.values(doc.resource.aws_vpc_endpoint);
    expect(eps.map((e) => [e.service_name, e.private_dns_enabled, e.vpc_endpoint_type]).sort()).toEqual([
      ["com.amazonaws.us-east-2.bedrock-agentcore", false, "Interface"],
      ["com.amazonaws.us-east-2.bedrock-agentcore-control", false, "Interface"],
    ]);
    expect(
      Object.values(doc.resource.aws_route53_zone)
        .map((z) => z.name)
        .sort(),
    ).toEqual(["bedrock-agentcore-control.us-east-2.amazonaws.com", "bedrock-agentcore.us-east-2.amazonaws.com"]);
    expect(doc.resource.aws_route53_record.agentcore_data.alias).toEqual({
      evaluate_target_health: false,
      name: "${aws_vpc_endpoint.agentcore_data.dns_entry[0].dns_name}",
      zone_id: "${aws_vpc_endpoint.agentcore_data.dns_entry[0].hosted_zone_id}",
    });
    expect(doc.resource.aws_route53_zone_association.agentcore_data_client.vpc_id).toBe("${aws_vpc.client.id}");
  });

  test("THEN the guardrail denies create/update outside the approved subnet and SG, without CreateAgentRuntimeEndpoint", () => {
    const policy = only(doc, "aws_iam_policy").policy as string;
    expect(policy).toContain("bedrock-agentcore:CreateAgentRuntime");
    expect(policy).toContain("bedrock-agentcore:UpdateAgentRuntime");
    expect(policy).not.toContain("CreateAgentRuntimeEndpoint");
    expect(policy).toContain("ForAnyValue:StringNotEquals");
    expect(policy).toContain("aws_subnet.agentcore_runtime.id");
    expect(policy).toContain("aws_security_group.agentcore_runtime.id");
    expect(doc.resource.aws_iam_role_policy_attachment.vpc_mode_guardrail_client_invoker.policy_arn).toBe("${aws_iam_policy.vpc_mode_guardrail.arn}");
  });

  test("THEN the MITM CA key and chain are sensitive variables and the certificate lands in Secrets Manager by reference", () => {
    expect(doc.variable?.agentcore_mitm_ca_key).toMatchObject({ sensitive: true });
    expect(doc.variable?.agentcore_mitm_ca_certificate_chain).toMatchObject({ sensitive: true });
    expect(only(doc, "aviatrix_dcf_mitm_ca")).toMatchObject({ key: "${var.agentcore_mitm_ca_key}" });
    expect(only(doc, "aws_secretsmanager_secret_version").secret_string).toMatch(/^\$\{aviatrix_dcf_mitm_ca\.[^.]+\.certificate_chain\}$/);
    expect(JSON.stringify(doc)).not.toMatch(/BEGIN (RSA |EC )?PRIVATE KEY/);
    expect(doc.resource.aws_ecr_repository).toBeUndefined();
  });

  test("THEN a transit with connected transit and two attached spokes with single-IP SNAT exist", () => {
    expect(only(doc, "aviatrix_transit_gateway")).toMatchObject({ connected_transit: true, vpc_id: "${aws_vpc.transit.id}", subnet: "10.40.0.0/28" });
    expect(Object.values(doc.resource.aviatrix_spoke_gateway).map((g) => [g.gw_name, g.single_ip_snat, g.subnet])).toEqual([
      ["agentcore-vca-agentcore-spoke", true, "10.50.0.0/24"],
      ["agentcore-vca-client-spoke", true, "10.60.0.0/24"],
    ]);
    expect(Object.keys(doc.resource.aviatrix_spoke_transit_attachment)).toHaveLength(2);
  });

  test("THEN first-match evaluation of the parsed-back JSON follows the table", () => {
    const model = modelOf(doc);
    const v = (to: Parameters<typeof evaluate>[1]["to"], from: Parameters<typeof evaluate>[1]["from"] = runtime) => evaluate(model, { from, to }).rule;
    expect(v({ host: "raw.githubusercontent.com", path: "/x/shai-hulud-2", decrypted: true, port: 443, protocol: "TCP" })).toBe(
      "agentcore-vca-29-runtime-deny-supply-chain-ioc-github",
    );
    expect(v({ host: "raw.githubusercontent.com", path: "/aws/readme.md", decrypted: true, port: 443, protocol: "TCP" })).toBe(
      "agentcore-vca-31-runtime-to-allowed-tools",
    );
    expect(v({ ip: "1.1.1.1", port: 53, protocol: "UDP" })).toBe("agentcore-vca-50-runtime-dns-exfil-deny");
    expect(v({ host: "exfil.attacker.io", port: 443, protocol: "TCP" })).toBe("agentcore-vca-100-runtime-default-deny");
    expect(v({ groups: ["aws_vpc_endpoint.agentcore_control"], port: 443, protocol: "TCP" }, { vpc: "aws_vpc.client" })).toBe(
      "agentcore-vca-11-client-to-agentcore-control",
    );
  });

  test("THEN it validates, the analyzer finds no error and preflight no ERROR finding (AGC1/AGC2 pass)", () => {
    expect(validateTerraformJson(doc)).toEqual([]);
    expect(analyze(modelOf(doc)).filter((f) => f.severity === "error")).toEqual([]);
    const findings = Preflight.of(stack).evaluate().findings;
    expect(findings.filter((f) => f.status === "non-compliant" && f.severity === "error")).toEqual([]);
    expect(findings.filter((f) => /AVX-AGC[12]/.test(f.ruleId)).map((f) => [f.ruleId, f.status])).toEqual([
      ["AVX-AGC1", "compliant"],
      ["AVX-AGC2", "compliant"],
    ]);
  });

  test("THEN the resource tree matches the snapshot", () => {
    const tree = resourceTree(doc);
    // Three VPCs, the runtime behind its own spoke, the client behind another, one transit, one DCF ruleset.
    expect(tree.aws_vpc).toEqual(["agentcore", "client", "transit"]);
    expect(tree.aviatrix_spoke_gateway).toEqual(["AgentCoreSpoke", "ClientSpoke"]);
    expect(tree.aviatrix_transit_gateway).toEqual(["Transit"]);
    expect(tree.aviatrix_spoke_transit_attachment).toHaveLength(2);
    expect(tree.aviatrix_dcf_ruleset).toHaveLength(1);
    expect(tree.aws_bedrockagentcore_agent_runtime).toEqual(["hello"]);
    expect(tree.aws_vpc_endpoint).toEqual(["agentcore_control", "agentcore_data"]);
    // The lab creates its MITM CA.
    expect(tree.aviatrix_dcf_mitm_ca).toEqual(["MitmCa"]);
    expect(tree["data.aviatrix_dcf_mitm_ca"]).toBeUndefined();
    expect(resourceTree(doc)).toMatchSnapshot();
  });
});

describe("AgentCoreStack (everything on)", () => {
  const { stack, doc } = build({
    region: "eu-central-1",
    namePrefix: "acme-agents",
    availabilityZone: "eu-central-1b",
    allowedToolDomains: ["api.github.com", "api.tavily.com"],
    allowedMcpServerDomains: ["mcp.deepwiki.com", "*.mcp.example.com"],
    mitmCa: { source: "existing", name: "corp-mitm-ca" },
    guardrailRoleNames: ["platform-deployer", "ci-agents"],
    mode: "discover",
    promoteRules: ["runtime-deny-supply-chain-ioc-github", "runtime-dns-exfil-deny"],
    renderAs: "ruleset",
    manageDefaultAction: false,
  });

  test("GIVEN discover mode with promotions THEN only the promoted denies act and no default action is managed", () => {
    const rules = only(doc, "aviatrix_dcf_ruleset").rules as Array<Record<string, unknown>>;
    expect(
      rules
        .filter((r) => r.watch === false)
        .map((r) => r.name)
        .sort(),
    ).toEqual(["acme-agents-29-runtime-deny-supply-chain-ioc-github", "acme-agents-50-runtime-dns-exfil-deny"]);
    expect(doc.resource.aviatrix_distributed_firewalling_default_action_rule).toBeUndefined();
  });

  test("THEN a tool outside GitHub joins the decrypted tool-host group instead of being dropped by rule 100", () => {
    const hosts = Object.values(doc.resource.aviatrix_smart_group).find((g) => g.name === "acme-agents-github-hosts")!;
    expect(hosts.selector).toEqual({
      match_expressions: [{ fqdn: "api.github.com" }, { fqdn: "api.tavily.com" }, { fqdn: "github.com" }, { fqdn: "raw.githubusercontent.com" }],
    });
    const model = modelOf(doc);
    expect(evaluate(model, { from: runtime, to: { host: "api.tavily.com", port: 443, protocol: "TCP", decrypted: true } })).toMatchObject({
      watchedBy: ["acme-agents-31-runtime-to-allowed-tools", "acme-agents-100-runtime-default-deny"],
    });
  });

  test("THEN the existing CA is looked up, the guardrail is attached to every named role and the runtime uses the chosen AZ", () => {
    expect(doc.resource.aviatrix_dcf_mitm_ca).toBeUndefined();
    expect(Object.values(doc.data!.aviatrix_dcf_mitm_ca)[0]).toMatchObject({ name: "corp-mitm-ca" });
    expect(
      Object.values(doc.resource.aws_iam_role_policy_attachment)
        .map((a) => a.role)
        .sort(),
    ).toEqual(["${aws_iam_role.client_invoker.name}", "ci-agents", "platform-deployer"]);
    expect(doc.resource.aws_subnet.agentcore_runtime.availability_zone).toBe("eu-central-1b");
    expect(only(doc, "aws_bedrockagentcore_agent_runtime").agent_runtime_name).toBe("acme_agents_hello");
  });

  test("THEN it validates and preflight reports no ERROR finding", () => {
    expect(validateTerraformJson(doc)).toEqual([]);
    expect(
      Preflight.of(stack)
        .evaluate()
        .findings.filter((f) => f.status === "non-compliant" && f.severity === "error"),
    ).toEqual([]);
  });

  test("THEN the resource tree matches the snapshot", () => {
    const tree = resourceTree(doc);
    // Three VPCs, the runtime behind its own spoke, the client behind another, one transit, one DCF ruleset.
    expect(tree.aws_vpc).toEqual(["agentcore", "client", "transit"]);
    expect(tree.aviatrix_spoke_gateway).toEqual(["AgentCoreSpoke", "ClientSpoke"]);
    expect(tree.aviatrix_transit_gateway).toEqual(["Transit"]);
    expect(tree.aviatrix_spoke_transit_attachment).toHaveLength(2);
    expect(tree.aviatrix_dcf_ruleset).toHaveLength(1);
    expect(tree.aws_bedrockagentcore_agent_runtime).toEqual(["hello"]);
    expect(tree.aws_vpc_endpoint).toEqual(["agentcore_control", "agentcore_data"]);
    // An existing MITM CA is looked up, never created (or taken over).
    expect(tree["data.aviatrix_dcf_mitm_ca"]).toEqual(["MitmCaLookup"]);
    expect(tree.aviatrix_dcf_mitm_ca).toBeUndefined();
    expect(resourceTree(doc)).toMatchSnapshot();
  });
});

describe("AgentCore blueprint example", () => {
  test("GIVEN the example WHEN built THEN the stack id is vca-agentcore and synth is deterministic", () => {
    const a = addAgentCore(testApp());
    expect(a.node.id).toBe("vca-agentcore");
    expect(Testing.synth(a)).toBe(Testing.synth(addAgentCore(testApp())));
  });
});

import { Testing } from "../../../lib/core/cdktf";
import { analyze } from "../../../lib/dcf/analyze";
import { evaluate } from "../../../lib/dcf";
import { Preflight } from "../../../lib/preflight/preflight";
import { validateTerraformJson } from "../../../lib/validate/validate-terraform-json";
import { FoundryByoVnetStack, FoundryByoVnetStackProps } from "../../../stacks/foundry-byovnet-stack";
import { addFoundryByoVnet } from "../../../examples/blueprints/foundry-byovnet/stack";
import { Doc, modelOf, only, policies, resourceTree, synthDoc, testApp } from "./helpers";

const BASE: FoundryByoVnetStackProps = { controllerVersion: "9.0.10", aviatrixAccountName: "azure-foundry", location: "francecentral" };

function build(props: Partial<FoundryByoVnetStackProps> = {}): { stack: FoundryByoVnetStack; doc: Doc } {
  const stack = new FoundryByoVnetStack(testApp(), "vca-foundry-byovnet", { ...BASE, ...props });
  return { stack, doc: synthDoc(stack) };
}

const EVERYTHING: Partial<FoundryByoVnetStackProps> = {
  transitGateway: { gatewayName: "avx-transit-francecentral" },
  toolCallDomains: ["api.ipify.org", "*.bing.microsoft.com"],
  toolCallDecryption: true,
  capabilityHost: { name: "caphost", connections: { threadStorage: "cosmos", storage: "blob", vectorStore: "search" } },
  mode: "discover",
  promoteRules: ["deny-threat-intel"],
  renderAs: "ruleset",
  tags: { owner: "platform", blueprint: "foundry" },
};

describe("FoundryByoVnetStack (minimal)", () => {
  const { stack, doc } = build();

  test("GIVEN the defaults WHEN synthesized THEN rules 1-6 are in priority order with the issue's actions, ports and decryption", () => {
    const table = policies(doc).map((p) => [p.priority, p.name, p.action, p.protocol, p.port_ranges ?? null, p.decrypt_policy ?? null, p.watch]);
    expect(table).toEqual([
      [1, "foundry-vca-deny-threat-intel", "DENY", "ANY", null, null, false],
      [2, "foundry-vca-allow-aca-fqdn", "PERMIT", "TCP", [{ lo: 443 }], "DECRYPT_NOT_ALLOWED", false],
      [3, "foundry-vca-allow-aca-svctag", "PERMIT", "TCP", [{ lo: 443 }], "DECRYPT_NOT_ALLOWED", false],
      [4, "foundry-vca-allow-tool-calls", "PERMIT", "TCP", [{ lo: 443 }], "DECRYPT_NOT_ALLOWED", false],
      [5, "foundry-vca-default-deny-internet", "DENY", "ANY", null, null, false],
      [6, "foundry-vca-deny-east-west", "DENY", "ANY", null, null, false],
    ]);
    expect(policies(doc).every((p) => p.logging === true && p.exclude_sg_orchestration === true)).toBe(true);
  });

  test("THEN the rules' destinations are ThreatIQ, Public Internet and the four azureips service-tag groups", () => {
    const [threat, fqdn, svctag, tools, deny, eastWest] = policies(doc);
    expect(threat.dst_smart_groups).toEqual(["def05854-4100-0000-0000-000000000000"]);
    for (const p of [fqdn, tools, deny]) expect(p.dst_smart_groups).toEqual(["def000ad-0000-0000-0000-000000000001"]);
    const groups = doc.resource.aviatrix_smart_group;
    const svc = (svctag.dst_smart_groups as string[]).map((ref) => groups[/aviatrix_smart_group\.([^.]+)\.uuid/.exec(ref)![1]]);
    expect(svc.map((g) => (g.selector as { match_expressions: unknown[] }).match_expressions[0])).toEqual([
      { external: "azureips", ext_args: { service_name: "AzureActiveDirectory" } },
      { external: "azureips", ext_args: { service_name: "AzureContainerRegistry" } },
      { external: "azureips", ext_args: { service_name: "AzureFrontDoorFirstParty" } },
      { external: "azureips", ext_args: { service_name: "MicrosoftContainerRegistry" } },
    ]);
    // Rule 6: the other spokes' private ranges, never Anywhere (the seed's "other-spoke-resources").
    const otherSpokes = groups[/aviatrix_smart_group\.([^.]+)\.uuid/.exec((eastWest.dst_smart_groups as string[])[0])![1]];
    expect(otherSpokes.name).toBe("foundry-vca-other-spoke-resources");
    expect((otherSpokes.selector as { match_expressions: unknown[] }).match_expressions).toEqual([
      { cidr: "10.0.0.0/8" },
      { cidr: "172.16.0.0/12" },
      { cidr: "192.168.0.0/16" },
    ]);
    expect(eastWest.dst_smart_groups).toHaveLength(1);
    expect(fqdn.flow_app_requirement).toBe("TLS_REQUIRED");
    expect(svctag.flow_app_requirement).toBe("TLS_REQUIRED");
  });

  test("THEN the source SmartGroup is the agent subnet and the ACA WebGroup lists the platform FQDNs", () => {
    const agent = Object.values(doc.resource.aviatrix_smart_group).find((g) => g.name === "foundry-vca-agent-subnet")!;
    expect(agent.selector).toEqual({ match_expressions: [{ account_name: "azure-foundry", name: "${azurerm_subnet.agent_subnet.name}", type: "subnet" }] });
    const aca = Object.values(doc.resource.aviatrix_web_group).find((g) => g.name === "foundry-vca-aca-requirements-fqdns")!;
    const snis = (aca.selector as { match_expressions: Array<{ snifilter: string }> }).match_expressions.map((m) => m.snifilter);
    expect(snis).toEqual([...snis].sort());
    expect(snis).toEqual(expect.arrayContaining(["mcr.microsoft.com", "*.data.mcr.microsoft.com", "login.microsoftonline.com", "*.identity.azure.net"]));
    expect(snis).toHaveLength(10);
  });

  test("THEN the agent subnet is delegated and routed 0/0 → the spoke gateway, private endpoints stay VnetLocal", () => {
    const agent = doc.resource.azurerm_subnet.agent_subnet;
    expect(agent.address_prefixes).toEqual(["10.11.1.0/24"]);
    expect(agent.delegation).toEqual([
      {
        name: "Microsoft.App-environments",
        service_delegation: { actions: ["Microsoft.Network/virtualNetworks/subnets/join/action"], name: "Microsoft.App/environments" },
      },
    ]);
    const routes = Object.values(doc.resource.azurerm_route);
    expect(routes.find((r) => r.address_prefix === "0.0.0.0/0")).toMatchObject({
      next_hop_type: "VirtualAppliance",
      next_hop_in_ip_address: "${aviatrix_spoke_gateway.SpokeGateway.private_ip}",
    });
    expect(routes.find((r) => r.address_prefix === "10.11.0.16/28")).toMatchObject({ next_hop_type: "VnetLocal" });
    expect(doc.resource.azurerm_subnet.avx_spoke_gw_subnet.address_prefixes).toEqual(["10.11.0.0/28"]);
  });

  test("THEN the account injects agents into the subnet, has no public access, and the capability host is replaced when the binding changes", () => {
    expect(only(doc, "azurerm_cognitive_account")).toMatchObject({
      kind: "AIServices",
      project_management_enabled: true,
      public_network_access_enabled: false,
      local_auth_enabled: false,
      network_injection: { scenario: "agent", subnet_id: "${azurerm_subnet.agent_subnet.id}" },
    });
    expect(only(doc, "azurerm_private_endpoint")).toMatchObject({ private_service_connection: { subresource_names: ["account"] } });
    const host = only(doc, "azapi_resource");
    expect(host).toMatchObject({
      type: "Microsoft.CognitiveServices/accounts/projects/capabilityHosts@2025-04-01-preview",
      body: { properties: { capabilityHostKind: "Agents" } },
    });
    expect((host.lifecycle as { replace_triggered_by: string[] }).replace_triggered_by).toEqual(["terraform_data.foundry_network_binding"]);
    expect(only(doc, "terraform_data").input).toEqual({
      agentSubnetCidr: "10.11.1.0/24",
      spokeGatewayIp: "${aviatrix_spoke_gateway.SpokeGateway.private_ip}",
      udrNextHop: "${aviatrix_spoke_gateway.SpokeGateway.private_ip}",
    });
  });

  test("THEN brownfield: no controller singleton, the ruleset attaches at the stack's own point, and rule 6 contains east-west traffic itself", () => {
    for (const singleton of [
      "aviatrix_distributed_firewalling_default_action_rule",
      "aviatrix_distributed_firewalling_policy_list",
      "aviatrix_config_feature",
    ]) {
      expect(doc.resource[singleton]).toBeUndefined();
    }
    expect(Object.values(doc.data!.aviatrix_dcf_attachment_point)).toEqual([{ name: "foundry-vca-before-k8s" }]);
    expect(doc.resource.aviatrix_spoke_transit_attachment).toBeUndefined();
    expect(evaluate(modelOf(doc), { from: { subnet: "azurerm_subnet.agent_subnet" }, to: { ip: "10.20.0.5", port: 22, protocol: "TCP" } })).toMatchObject({
      verdict: "DENY",
      rule: "foundry-vca-deny-east-west",
    });
    // Public destinations stay with rule 5; rule 6 never matches them.
    expect(evaluate(modelOf(doc), { from: { subnet: "azurerm_subnet.agent_subnet" }, to: { ip: "8.8.4.4", port: 22, protocol: "TCP" } })).toMatchObject({
      verdict: "DENY",
      rule: "foundry-vca-default-deny-internet",
    });
  });

  test("GIVEN ownController THEN DCF is enabled and the default action DENY + log is created after the rules", () => {
    const owned = build({ ownController: true }).doc;
    expect(only(owned, "aviatrix_distributed_firewalling_default_action_rule")).toMatchObject({
      action: "DENY",
      logging: true,
      depends_on: expect.arrayContaining([expect.stringMatching(/^aviatrix_dcf_ruleset\./)]),
    });
    expect(only(owned, "aviatrix_config_feature")).toMatchObject({ feature_name: "microseg", is_enabled: true });
    expect(Object.values(owned.data!.aviatrix_dcf_attachment_point)).toEqual([{ name: "TERRAFORM_BEFORE_UI_MANAGED" }]);
    expect(() => build({ renderAs: "policyList" })).toThrow(/renderAs: got "policyList", want "ruleset" unless ownController is true/);
  });

  test("THEN the synthesized JSON validates, the analyzer finds no error and preflight no ERROR finding", () => {
    expect(validateTerraformJson(doc)).toEqual([]);
    expect(analyze(modelOf(doc)).filter((f) => f.severity === "error")).toEqual([]);
    const errors = Preflight.of(stack)
      .evaluate()
      .findings.filter((f) => f.status === "non-compliant" && f.severity === "error");
    expect(errors).toEqual([]);
  });

  test("THEN the controller password is a sensitive variable, never a literal", () => {
    expect(doc.variable?.aviatrix_password).toMatchObject({ sensitive: true });
    expect(JSON.stringify(doc)).not.toMatch(/"password":\s*"[^$]/);
  });

  test("THEN the resource tree matches the snapshot", () => {
    const tree = resourceTree(doc);
    // One spoke in front of the delegated agent subnet, one DCF ruleset, the Foundry account behind
    // a private endpoint, and the network-binding guard.
    expect(tree.aviatrix_spoke_gateway).toEqual(["SpokeGateway"]);
    expect(tree.aviatrix_dcf_ruleset).toHaveLength(1);
    expect(tree.azurerm_subnet).toEqual(["agent_subnet", "avx_spoke_gw_subnet", "private_endpoint_subnet"]);
    expect(tree.azurerm_private_endpoint).toEqual(["foundry_private_endpoint"]);
    expect(tree.azapi_resource).toEqual(["foundry_capability_host"]);
    expect(tree.terraform_data).toEqual(["foundry_network_binding"]);
    expect(tree.aviatrix_spoke_transit_attachment).toBeUndefined();
    expect(resourceTree(doc)).toMatchSnapshot();
  });
});

describe("FoundryByoVnetStack (everything on)", () => {
  const { stack, doc } = build(EVERYTHING);

  test("GIVEN a transit gateway WHEN synthesized THEN the spoke is attached and rule 6 denies east-west last", () => {
    expect(only(doc, "aviatrix_spoke_transit_attachment")).toMatchObject({ transit_gw_name: "avx-transit-francecentral" });
    const rules = only(doc, "aviatrix_dcf_ruleset").rules as Array<Record<string, unknown>>;
    const last = [...rules].sort((a, b) => (a.priority as number) - (b.priority as number)).at(-1)!;
    expect(last).toMatchObject({ name: "foundry-vca-deny-east-west", priority: 6, action: "DENY", protocol: "ANY" });
    expect(last.dst_smart_groups).not.toContain("def000ad-0000-0000-0000-000000000000");
  });

  test("GIVEN discover mode with a promoted rule THEN only it and the ACA platform permits act; no default action is managed", () => {
    const rules = only(doc, "aviatrix_dcf_ruleset").rules as Array<Record<string, unknown>>;
    expect(
      rules
        .filter((r) => r.watch === false)
        .map((r) => r.name)
        .sort(),
    ).toEqual(["foundry-vca-allow-aca-fqdn", "foundry-vca-allow-aca-svctag", "foundry-vca-deny-threat-intel"]);
    expect(doc.resource.aviatrix_distributed_firewalling_default_action_rule).toBeUndefined();
    const model = modelOf(doc);
    expect(evaluate(model, { from: { subnet: "azurerm_subnet.agent_subnet" }, to: { host: "exfil.attacker.io", port: 443, protocol: "TCP" } })).toMatchObject({
      verdict: "PERMIT",
      rule: "default-action",
      watchedBy: ["foundry-vca-default-deny-internet"],
    });
  });

  test("GIVEN tool-call decryption THEN rule 4 decrypts with the default TLS profile while ACA rules never do", () => {
    const rules = only(doc, "aviatrix_dcf_ruleset").rules as Array<Record<string, unknown>>;
    const byName = Object.fromEntries(rules.map((r) => [r.name, r]));
    expect(byName["foundry-vca-allow-tool-calls"]).toMatchObject({ decrypt_policy: "DECRYPT_ALLOWED", tls_profile: "def000ad-6000-0000-0000-000000000001" });
    expect(byName["foundry-vca-allow-aca-fqdn"].decrypt_policy).toBe("DECRYPT_NOT_ALLOWED");
    expect(byName["foundry-vca-allow-aca-svctag"].decrypt_policy).toBe("DECRYPT_NOT_ALLOWED");
  });

  test("THEN the capability host carries the Standard Agent connections", () => {
    expect(only(doc, "azapi_resource")).toMatchObject({
      name: "caphost",
      body: {
        properties: { capabilityHostKind: "Agents", threadStorageConnections: ["cosmos"], storageConnections: ["blob"], vectorStoreConnections: ["search"] },
      },
    });
  });

  test("THEN it validates and preflight reports no ERROR finding", () => {
    expect(validateTerraformJson(doc)).toEqual([]);
    expect(analyze(modelOf(doc)).filter((f) => f.severity === "error")).toEqual([]);
    expect(
      Preflight.of(stack)
        .evaluate()
        .findings.filter((f) => f.status === "non-compliant" && f.severity === "error"),
    ).toEqual([]);
  });

  test("THEN the resource tree matches the snapshot", () => {
    const tree = resourceTree(doc);
    // One spoke in front of the delegated agent subnet, one DCF ruleset, the Foundry account behind
    // a private endpoint, and the network-binding guard.
    expect(tree.aviatrix_spoke_gateway).toEqual(["SpokeGateway"]);
    expect(tree.aviatrix_dcf_ruleset).toHaveLength(1);
    expect(tree.azurerm_subnet).toEqual(["agent_subnet", "avx_spoke_gw_subnet", "private_endpoint_subnet"]);
    expect(tree.azurerm_private_endpoint).toEqual(["foundry_private_endpoint"]);
    expect(tree.azapi_resource).toEqual(["foundry_capability_host"]);
    expect(tree.terraform_data).toEqual(["foundry_network_binding"]);
    expect(tree.aviatrix_spoke_transit_attachment).toHaveLength(1);
    expect(resourceTree(doc)).toMatchSnapshot();
  });
});

describe("FoundryByoVnetStack variants", () => {
  test("GIVEN capabilityHost false and no tool domains THEN no azapi resource and no rule 4; the binding guards the account", () => {
    const { stack, doc } = build({ capabilityHost: false, toolCallDomains: [] });
    expect(doc.resource.azapi_resource).toBeUndefined();
    expect(policies(doc).map((p) => p.priority)).toEqual([1, 2, 3, 5, 6]);
    const imm = Preflight.of(stack).evaluate().immutable;
    expect(imm.map((r) => [r.key, r.address])).toEqual([["foundry/network-injection", "azurerm_cognitive_account.foundry_account"]]);
  });

  test("GIVEN an existing VNet THEN no network is created and the gateway and rules use the given subnets", () => {
    const { doc } = build({
      existingNetwork: {
        vnetName: "vnet-foundry",
        resourceGroupName: "net-rg",
        vnetGuid: "00000000-1111-2222-3333-444444444444",
        vnetId: "/subscriptions/s/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet-foundry",
        gatewaySubnetCidr: "10.30.0.0/28",
        agentSubnetId: "/subscriptions/s/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet-foundry/subnets/agent",
        agentSubnetName: "agent",
        agentSubnetCidr: "10.30.1.0/24",
        privateEndpointSubnetId: "/subscriptions/s/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet-foundry/subnets/pe",
        privateEndpointSubnetCidr: "10.30.0.16/28",
      },
    });
    expect(doc.resource.azurerm_virtual_network).toBeUndefined();
    expect(doc.resource.azurerm_subnet).toBeUndefined();
    expect(only(doc, "aviatrix_spoke_gateway")).toMatchObject({ vpc_id: "vnet-foundry:net-rg:00000000-1111-2222-3333-444444444444", subnet: "10.30.0.0/28" });
    expect(evaluate(modelOf(doc), { from: { subnet: "agent" }, to: { host: "mcr.microsoft.com", port: 443, protocol: "TCP", tls: true } })).toMatchObject({
      verdict: "PERMIT",
      rule: "foundry-vca-allow-aca-fqdn",
    });
  });

  test("GIVEN the same props twice THEN the synthesized JSON is byte-identical", () => {
    const a = Testing.synth(new FoundryByoVnetStack(testApp(), "s", { ...BASE, ...EVERYTHING }));
    const b = Testing.synth(new FoundryByoVnetStack(testApp(), "s", { ...BASE, ...EVERYTHING, toolCallDomains: ["*.bing.microsoft.com", "api.ipify.org"] }));
    expect(a).toBe(b);
  });

  test("GIVEN the blueprint example THEN its stack id is vca-foundry-byovnet and vca:mode switches discover", () => {
    expect(addFoundryByoVnet(testApp()).node.id).toBe("vca-foundry-byovnet");
    const discover = addFoundryByoVnet(testApp({ "vca:mode": "discover" }));
    expect(discover.policy.pack.mode).toBe("discover");
  });
});

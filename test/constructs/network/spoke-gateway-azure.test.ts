import { AzureEgressRouteTable, Cloud, SpokeGateway, VpcId } from "../../../lib/constructs/network";
import { inventory, only, synth } from "./synth";

const VNET_ID = VpcId.azure({ vnetName: "vnet-foundry", resourceGroupName: "foundry-sec-network-rg", vnetGuid: "0b5c1c2e-8c0e-4a5e-9a53-2f0b1f6f3a11" });
const EXISTING = {
  name: "avx-spoke-foundry",
  cloud: Cloud.AZURE,
  accountName: "azure-lab",
  region: "France Central",
  vpcId: VNET_ID,
  gatewaySubnet: "10.11.0.0/28",
};

describe("SpokeGateway on Azure", () => {
  test("GIVEN an existing VNet WHEN synthesized THEN cloud_type 8 and the vnet:rg:guid id are rendered", () => {
    const { resources } = synth((s) => new SpokeGateway(s, "Spoke", { ...EXISTING, singleIpSnat: true }));
    expect(only(resources, "aviatrix_spoke_gateway")).toMatchObject({
      cloud_type: 8,
      vpc_id: "vnet-foundry:foundry-sec-network-rg:0b5c1c2e-8c0e-4a5e-9a53-2f0b1f6f3a11",
      vpc_reg: "France Central",
      gw_size: "Standard_B1ms",
      single_ip_snat: true,
    });
    expect(resources.azurerm_route_table).toBeUndefined();
  });

  test.each([
    [Cloud.AZURE_GOV, 32],
    [Cloud.AZURE_CHINA, 2048],
  ])("GIVEN %s WHEN synthesized THEN cloud_type is %d", (cloud, id) => {
    const { resources } = synth((s) => new SpokeGateway(s, "Spoke", { ...EXISTING, cloud }));
    expect(only(resources, "aviatrix_spoke_gateway").cloud_type).toBe(id);
  });

  test("GIVEN HA with zones and private route tables WHEN synthesized THEN zone, ha_zone, ha_subnet and sorted route tables are rendered", () => {
    const { resources } = synth(
      (s) =>
        new SpokeGateway(s, "Spoke", {
          ...EXISTING,
          zone: "az-1",
          ha: { subnet: "10.11.0.0/28", zone: "az-2" },
          privateRouteTableConfig: ["rt-pe:foundry-sec-network-rg", "rt-agent:foundry-sec-network-rg"],
        }),
    );
    expect(only(resources, "aviatrix_spoke_gateway")).toMatchObject({
      zone: "az-1",
      ha_zone: "az-2",
      ha_subnet: "10.11.0.0/28",
      ha_gw_size: "Standard_B1ms",
      private_route_table_config: ["rt-agent:foundry-sec-network-rg", "rt-pe:foundry-sec-network-rg"],
    });
  });

  test("GIVEN a new VNet WHEN synthesized THEN the gateway subnet is public and workload subnets route 0/0 to the gateway private IP", () => {
    let spoke: SpokeGateway | undefined;
    const { resources: res } = synth((s) => {
      spoke = new SpokeGateway(s, "Spoke", {
        name: "avx-spoke-foundry",
        cloud: Cloud.AZURE,
        accountName: "azure-lab",
        region: "francecentral",
        newNetwork: { cidr: "10.11.0.0/23", resourceGroupName: "foundry-rg" },
      });
    });
    expect(only(res, "azurerm_virtual_network")).toMatchObject({ address_space: ["10.11.0.0/23"], location: "francecentral" });
    const gw = only(res, "aviatrix_spoke_gateway");
    expect(gw.vpc_id).toMatch(/^\$\{azurerm_virtual_network\.[^.]+\.name\}:foundry-rg:\$\{azurerm_virtual_network\.[^.]+\.guid\}$/);
    expect(gw.subnet).toBe("10.11.0.0/28");
    expect(gw.depends_on).toEqual([expect.stringMatching(/^azurerm_subnet\./), expect.stringMatching(/^azurerm_subnet_route_table_association\./)]);
    const gwTable = Object.values(res.azurerm_route_table).find((t: any) => t.route) as any;
    expect(gwTable.route).toEqual([expect.objectContaining({ address_prefix: "0.0.0.0/0", next_hop_type: "Internet" })]);
    expect(only(res, "azurerm_route")).toMatchObject({
      address_prefix: "0.0.0.0/0",
      next_hop_type: "VirtualAppliance",
      next_hop_in_ip_address: expect.stringMatching(/^\$\{aviatrix_spoke_gateway\.[^.]+\.private_ip\}$/),
    });
    expect(Object.values(res.azurerm_subnet).map((s: any) => s.address_prefixes[0])).toEqual(["10.11.0.0/28", "10.11.0.128/25"]);
    expect(spoke?.egressRouteTable).toBeDefined();
    expect(spoke?.network?.workloadSubnetCidrs).toEqual(["10.11.0.128/25"]);
    expect(AzureEgressRouteTable.AKS_OUTBOUND_TYPE).toBe("userDefinedRouting");
  });

  test("GIVEN the minimal existing-VNet spoke WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth((s) => new SpokeGateway(s, "Spoke", EXISTING));
    expect(inventory(resources)).toEqual({ aviatrix_spoke_gateway: 1 });
    expect(only(resources, "aviatrix_spoke_gateway")).toEqual({
      account_name: "azure-lab",
      cloud_type: 8,
      gw_name: "avx-spoke-foundry",
      gw_size: "Standard_B1ms",
      subnet: "10.11.0.0/28",
      vpc_id: "vnet-foundry:foundry-sec-network-rg:0b5c1c2e-8c0e-4a5e-9a53-2f0b1f6f3a11",
      vpc_reg: "France Central",
    });
    expect(resources).toMatchSnapshot();
  });

  test("GIVEN every Azure option on a created VNet WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth(
      (s) =>
        new SpokeGateway(s, "Spoke", {
          name: "aks-spoke",
          cloud: Cloud.AZURE,
          accountName: "azure-lab",
          region: "westeurope",
          gatewaySize: "Standard_B2ms",
          zone: "az-1",
          ha: { zone: "az-2", gatewaySize: "Standard_B2ms" },
          singleIpSnat: true,
          enableVpcDnsServer: false,
          tags: { blueprint: "obot-mcp" },
          privateRouteTableConfig: ["aks-rt:obot-mcp-rg"],
          newNetwork: { cidr: "10.1.0.0/16", resourceGroupName: "obot-mcp-rg", workloadSubnetCount: 2, tags: { blueprint: "obot-mcp" } },
          attachTo: { gatewayName: "azure-transit" },
          attachment: { enableMaxPerformance: false },
        }),
    );
    expect(inventory(resources)).toEqual({
      aviatrix_spoke_gateway: 1,
      aviatrix_spoke_transit_attachment: 1,
      azurerm_route: 1,
      azurerm_route_table: 2,
      azurerm_subnet: 3,
      azurerm_subnet_route_table_association: 3,
      azurerm_virtual_network: 1,
    });
    expect(only(resources, "aviatrix_spoke_gateway")).toMatchObject({
      cloud_type: 8,
      gw_name: "aks-spoke",
      gw_size: "Standard_B2ms",
      ha_gw_size: "Standard_B2ms",
      zone: "az-1",
      ha_zone: "az-2",
      subnet: "10.1.0.0/28",
      ha_subnet: "10.1.0.0/28",
      single_ip_snat: true,
      enable_vpc_dns_server: false,
      private_route_table_config: ["aks-rt:obot-mcp-rg"],
      tags: { blueprint: "obot-mcp" },
      vpc_reg: "West Europe",
      vpc_id: expect.stringMatching(/^\$\{azurerm_virtual_network\..+\.name\}:obot-mcp-rg:\$\{azurerm_virtual_network\..+\.guid\}$/),
    });
    expect(only(resources, "azurerm_virtual_network")).toMatchObject({
      address_space: ["10.1.0.0/16"],
      resource_group_name: "obot-mcp-rg",
      tags: { blueprint: "obot-mcp" },
    });
    expect(Object.values(resources.azurerm_subnet).map((s) => s.address_prefixes)).toEqual([["10.1.0.0/28"], ["10.1.64.0/18"], ["10.1.128.0/18"]]);
    // Workload egress: 0/0 to the gateway's private IP.
    expect(only(resources, "azurerm_route")).toMatchObject({
      address_prefix: "0.0.0.0/0",
      next_hop_type: "VirtualAppliance",
      next_hop_in_ip_address: "${aviatrix_spoke_gateway.Spoke.private_ip}",
    });
    expect(only(resources, "aviatrix_spoke_transit_attachment")).toMatchObject({ transit_gw_name: "azure-transit", enable_max_performance: false });
    expect(resources).toMatchSnapshot();
  });
});

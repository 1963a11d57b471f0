// An Azure VNet laid out for an Aviatrix spoke: the gateway subnet gets a route table with
// 0.0.0.0/0 → Internet (this is what classifies it as public to Aviatrix), workload subnets are
// plain; SpokeGateway routes them through the gateway with an AzureEgressRouteTable once the
// gateway's private IP exists (docs/research/cloud-stacks.md §2.2, §2.4).
import { Construct } from "constructs";
import { RouteTable } from "@cdktf/provider-azurerm/lib/route-table";
import { Subnet } from "@cdktf/provider-azurerm/lib/subnet";
import { SubnetRouteTableAssociation } from "@cdktf/provider-azurerm/lib/subnet-route-table-association";
import { VirtualNetwork } from "@cdktf/provider-azurerm/lib/virtual-network";
import { ITerraformDependable } from "../../core/cdktf";
import { sortedTags } from "./prop-checks";
import { ISpokeNetwork, SpokeNetworkLayout } from "./spoke-network";
import { VpcId } from "./vpc-id";

export interface AzureSpokeVnetProps {
  readonly name: string;
  readonly cidr: string;
  readonly layout: SpokeNetworkLayout;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tags?: { [key: string]: string };
}

export class AzureSpokeVnet extends Construct implements ISpokeNetwork {
  public readonly vnet: VirtualNetwork;
  public readonly vpcId: string;
  public readonly gatewaySubnetCidr: string;
  /** Azure HA gateways share the gateway subnet (a subnet spans zones). */
  public readonly haGatewaySubnetCidr?: string;
  public readonly workloadSubnetIds: string[];
  public readonly workloadSubnetCidrs: string[];
  public readonly gatewayDependencies: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: AzureSpokeVnetProps) {
    super(scope, id);
    const tags = sortedTags(props.tags);
    const rg = props.resourceGroupName;
    this.vnet = new VirtualNetwork(this, "Vnet", {
      name: `${props.name}-vnet`,
      resourceGroupName: rg,
      location: props.location,
      addressSpace: [props.cidr],
      tags,
    });
    this.vpcId = VpcId.azure({ vnetName: this.vnet.name, resourceGroupName: rg, vnetGuid: this.vnet.guid });

    const gatewaySubnet = new Subnet(this, "GatewaySubnet", {
      name: `${props.name}-gw`,
      resourceGroupName: rg,
      virtualNetworkName: this.vnet.name,
      addressPrefixes: [props.layout.gatewaySubnet],
    });
    const gatewayRoutes = new RouteTable(this, "GatewayRouteTable", {
      name: `${props.name}-gw-rt`,
      resourceGroupName: rg,
      location: props.location,
      route: [{ name: "default-internet", addressPrefix: "0.0.0.0/0", nextHopType: "Internet" }],
      tags,
      // The controller rewrites routes here after launch.
      lifecycle: { ignoreChanges: ["route"] },
    });
    const gatewayAssoc = new SubnetRouteTableAssociation(this, "GatewaySubnetRoutes", {
      subnetId: gatewaySubnet.id,
      routeTableId: gatewayRoutes.id,
    });
    this.gatewaySubnetCidr = props.layout.gatewaySubnet;
    this.haGatewaySubnetCidr = props.layout.gatewaySubnet;
    this.gatewayDependencies = [gatewaySubnet, gatewayAssoc];

    const workload = props.layout.workloadSubnets.map(
      (cidr, i) =>
        new Subnet(this, `WorkloadSubnet${i}`, {
          name: `${props.name}-workload-${i}`,
          resourceGroupName: rg,
          virtualNetworkName: this.vnet.name,
          addressPrefixes: [cidr],
        }),
    );
    this.workloadSubnetIds = workload.map((s) => s.id);
    this.workloadSubnetCidrs = [...props.layout.workloadSubnets];
  }
}

// The Foundry VNet: a /28 for the spoke gateway (0/0 → Internet, which makes it "public" to
// Aviatrix), a /28 for private endpoints and a /24 agent subnet delegated to
// Microsoft.App/environments for Foundry network injection — the blueprint's network-infra
// layout (docs/research/cloud-stacks.md §2.2: cidrsubnet(/23,5,0), (/23,5,1), (/23,1,1)). Or an
// existing VNet with the same three subnets.
import { Construct } from "constructs";
import { RouteTable } from "@cdktf/provider-azurerm/lib/route-table";
import { Subnet } from "@cdktf/provider-azurerm/lib/subnet";
import { SubnetRouteTableAssociation } from "@cdktf/provider-azurerm/lib/subnet-route-table-association";
import { VirtualNetwork } from "@cdktf/provider-azurerm/lib/virtual-network";
import { ITerraformDependable, Token } from "../../lib/core/cdktf";
import { cidrSubnet, ipv4CidrContains, isNetworkAddress, parseIpv4Cidr } from "../../lib/net/ip";
import { VpcId } from "../../lib/constructs/network/vpc-id";
import { requireText } from "../stack-prop-checks";
import { ConstructPropsError } from "../../lib/core/construct-props-error";

/** Delegation Foundry network injection needs on the agent subnet. */
export const AGENT_SUBNET_DELEGATION = "Microsoft.App/environments";
/** Smallest agent subnet Microsoft supports (/24 recommended: ~1 IP per concurrent session). */
export const MIN_AGENT_SUBNET_PREFIX = 27;

/** A VNet the stack creates. */
export interface NewFoundryNetworkOptions {
  /** Address space: RFC 1918, /23 or larger (the agent subnet is the /24 at index 1). @default "10.11.0.0/23" */
  readonly cidr?: string;
}

/** An existing VNet with the gateway, private-endpoint and (delegated) agent subnets. */
export interface ExistingFoundryNetworkOptions {
  readonly vnetName: string;
  readonly resourceGroupName: string;
  /** `azurerm_virtual_network.guid` (for the Aviatrix vpc_id `vnet:rg:guid`). */
  readonly vnetGuid: string;
  /** ARM id of the VNet (private DNS zone links). */
  readonly vnetId: string;
  /** CIDR of the subnet the spoke gateway launches in (its route table must send 0/0 to Internet). */
  readonly gatewaySubnetCidr: string;
  /** The agent subnet: delegated to Microsoft.App/environments, used by no other Foundry resource. */
  readonly agentSubnetId: string;
  readonly agentSubnetName: string;
  /** Literal CIDR of the agent subnet (bound into the capability host; preflight locks it). */
  readonly agentSubnetCidr: string;
  readonly privateEndpointSubnetId: string;
  readonly privateEndpointSubnetCidr: string;
}

export interface FoundryNetworkProps {
  readonly namePrefix: string;
  readonly location: string;
  /** Resource group for created network resources. */
  readonly resourceGroupName: string;
  readonly newNetwork?: NewFoundryNetworkOptions;
  readonly existingNetwork?: ExistingFoundryNetworkOptions;
  readonly tags: { [key: string]: string };
}

export class FoundryNetwork extends Construct {
  /** Aviatrix vpc_id (`vnet:rg:guid`). */
  public readonly vpcId: string;
  public readonly vnetId: string;
  public readonly vnetResourceGroupName: string;
  public readonly gatewaySubnetCidr: string;
  public readonly agentSubnetId: string;
  /** Agent subnet name (a reference when created, so the SmartGroup waits for the subnet). */
  public readonly agentSubnetName: string;
  public readonly agentSubnetCidr: string;
  public readonly privateEndpointSubnetId: string;
  public readonly privateEndpointSubnetCidr: string;
  /** What the spoke gateway must wait for. */
  public readonly gatewayDependencies: ITerraformDependable[] = [];
  /** The created agent subnet (undefined for an existing network). */
  public readonly agentSubnet?: Subnet;

  constructor(scope: Construct, id: string, props: FoundryNetworkProps) {
    super(scope, id);
    const stack = "FoundryByoVnetStack";
    if (props.existingNetwork && props.newNetwork) {
      throw new ConstructPropsError(
        this,
        `${stack}.existingNetwork`,
        "both existingNetwork and newNetwork",
        "one of them",
        "remove newNetwork to adopt the existing VNet, or existingNetwork to create one",
      );
    }
    if (props.existingNetwork) {
      const e = props.existingNetwork;
      for (const key of Object.keys(EXISTING_KEYS) as Array<keyof ExistingFoundryNetworkOptions>) {
        requireText(this, `${stack}.existingNetwork.${key}`, e[key], EXISTING_KEYS[key]);
      }
      checkAgentSubnet(this, `${stack}.existingNetwork.agentSubnetCidr`, e.agentSubnetCidr);
      this.vpcId = VpcId.azure({ vnetName: e.vnetName, resourceGroupName: e.resourceGroupName, vnetGuid: e.vnetGuid });
      this.vnetId = e.vnetId;
      this.vnetResourceGroupName = e.resourceGroupName;
      this.gatewaySubnetCidr = e.gatewaySubnetCidr;
      this.agentSubnetId = e.agentSubnetId;
      this.agentSubnetName = e.agentSubnetName;
      this.agentSubnetCidr = e.agentSubnetCidr;
      this.privateEndpointSubnetId = e.privateEndpointSubnetId;
      this.privateEndpointSubnetCidr = e.privateEndpointSubnetCidr;
      return;
    }

    const text = props.newNetwork?.cidr ?? "10.11.0.0/23";
    const cidr = parseIpv4Cidr(text);
    if (!cidr || !isNetworkAddress(cidr) || cidr.prefixLength > 23 || cidr.prefixLength < 16 || !isRfc1918(text)) {
      throw new ConstructPropsError(
        this,
        `${stack}.newNetwork.cidr`,
        text,
        "a literal RFC 1918 network /16 to /23 with no host bits set, such as 10.11.0.0/23",
        "Foundry agent subnets must be private (RFC 1918) and the layout needs a /23 (gateway /28, private endpoints /28, agent /24)",
      );
    }
    const rg = props.resourceGroupName;
    const p = props.namePrefix;
    const vnet = new VirtualNetwork(this, "Vnet", {
      name: `${p}-vnet`,
      resourceGroupName: rg,
      location: props.location,
      addressSpace: [text],
      tags: props.tags,
    });
    vnet.overrideLogicalId("foundry_vnet");
    const subnet = (cid: string, logical: string, name: string, prefix: string, extra: Partial<ConstructorParameters<typeof Subnet>[2]> = {}) => {
      const s = new Subnet(this, cid, { name, resourceGroupName: rg, virtualNetworkName: vnet.name, addressPrefixes: [prefix], ...extra });
      s.overrideLogicalId(logical);
      return s;
    };
    this.gatewaySubnetCidr = cidrSubnet(cidr, 28 - cidr.prefixLength, 0);
    this.privateEndpointSubnetCidr = cidrSubnet(cidr, 28 - cidr.prefixLength, 1);
    this.agentSubnetCidr = cidrSubnet(cidr, 24 - cidr.prefixLength, 1);
    const gw = subnet("GatewaySubnet", "avx_spoke_gw_subnet", `${p}-avx-gw`, this.gatewaySubnetCidr);
    const pe = subnet("PrivateEndpointSubnet", "private_endpoint_subnet", `${p}-private-endpoints`, this.privateEndpointSubnetCidr);
    this.agentSubnet = subnet("AgentSubnet", "agent_subnet", `${p}-agent`, this.agentSubnetCidr, {
      privateEndpointNetworkPolicies: "Enabled",
      delegation: [
        {
          name: "Microsoft.App-environments",
          serviceDelegation: { name: AGENT_SUBNET_DELEGATION, actions: ["Microsoft.Network/virtualNetworks/subnets/join/action"] },
        },
      ],
    });
    // 0/0 → Internet marks the gateway subnet public; the controller rewrites routes after launch.
    const gwRoutes = new RouteTable(this, "GatewayRouteTable", {
      name: `${p}-avx-gw-rt`,
      resourceGroupName: rg,
      location: props.location,
      route: [{ name: "default-internet", addressPrefix: "0.0.0.0/0", nextHopType: "Internet" }],
      tags: props.tags,
      lifecycle: { ignoreChanges: ["route"] },
    });
    gwRoutes.overrideLogicalId("avx_spoke_gw_route_table");
    const gwAssoc = new SubnetRouteTableAssociation(this, "GatewaySubnetRoutes", { subnetId: gw.id, routeTableId: gwRoutes.id });
    gwAssoc.overrideLogicalId("avx_spoke_gw_route_table_association");
    this.gatewayDependencies.push(gw, gwAssoc);

    this.vpcId = VpcId.azure({ vnetName: vnet.name, resourceGroupName: rg, vnetGuid: vnet.guid });
    this.vnetId = vnet.id;
    this.vnetResourceGroupName = rg;
    this.agentSubnetId = this.agentSubnet.id;
    this.agentSubnetName = this.agentSubnet.name;
    this.privateEndpointSubnetId = pe.id;
  }
}

const EXISTING_KEYS: Readonly<Record<keyof ExistingFoundryNetworkOptions, string>> = {
  vnetName: "name the existing VNet",
  resourceGroupName: "name the VNet's resource group",
  vnetGuid: "pass the VNet's resource GUID (azurerm_virtual_network.guid)",
  vnetId: "pass the VNet's ARM id",
  gatewaySubnetCidr: "pass the CIDR of the spoke gateway subnet",
  agentSubnetId: "pass the delegated agent subnet's id",
  agentSubnetName: "pass the delegated agent subnet's name",
  agentSubnetCidr: "pass the agent subnet's CIDR as a literal",
  privateEndpointSubnetId: "pass the private-endpoint subnet's id",
  privateEndpointSubnetCidr: "pass the private-endpoint subnet's CIDR",
};

function isRfc1918(text: string): boolean {
  const c = parseIpv4Cidr(text);
  if (!c) return false;
  return ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].some((r) => ipv4CidrContains(parseIpv4Cidr(r)!, c));
}

function checkAgentSubnet(scope: Construct, prop: string, text: string): void {
  // The CIDR is bound into the capability host and locked by preflight: it must be a literal.
  const c = Token.isUnresolved(text) ? undefined : parseIpv4Cidr(text);
  if (!c || !isNetworkAddress(c) || c.prefixLength > MIN_AGENT_SUBNET_PREFIX || !isRfc1918(text)) {
    throw new ConstructPropsError(
      scope,
      prop,
      text,
      `a literal RFC 1918 CIDR of /${MIN_AGENT_SUBNET_PREFIX} or larger (/24 recommended)`,
      "Foundry needs a private agent subnet with room for one IP per concurrent agent session",
    );
  }
}

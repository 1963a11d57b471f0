// What a SpokeGateway needs from a network it creates, and the shared address layout.
// Layout (like terraform-aviatrix-mc-spoke carving its gateway subnets from the VPC CIDR): the CIDR is
// split into four quarters; quarter 0 holds the gateway subnets (/28 each, or the /26 pair the
// Aviatrix docs ask for with insane mode), quarters 1..3 hold up to three workload subnets.
import { ITerraformDependable } from "../../core/cdktf";
import { cidrSubnet, Ipv4Cidr } from "../../net/ip";

/** A network created for a spoke gateway. */
export interface ISpokeNetwork {
  /** The network's id in the provider's vpc_id format for this cloud. */
  readonly vpcId: string;
  /** CIDR of the primary gateway subnet (the gateway's `subnet`). */
  readonly gatewaySubnetCidr: string;
  /** CIDR of the HA gateway subnet; undefined when the cloud reuses the primary subnet. */
  readonly haGatewaySubnetCidr?: string;
  /** Ids of the workload subnets whose egress must leave through the gateway. */
  readonly workloadSubnetIds: string[];
  /** CIDRs of the workload subnets, in the same order. */
  readonly workloadSubnetCidrs: string[];
  /** Resources the gateway must wait for (subnets, route table associations). */
  readonly gatewayDependencies: ITerraformDependable[];
}

/** Options for the network a SpokeGateway creates (`SpokeGatewayProps.newNetwork`). */
export interface NewSpokeNetworkOptions {
  /** Address space, /16 to /24, no host bits set (e.g. 10.50.0.0/16). */
  readonly cidr: string;
  /**
   * Number of workload subnets to create (one per quarter of the CIDR after the gateway quarter).
   * @default - 2 on AWS (one per availability zone when two are given), 1 on Azure and GCP
   */
  readonly workloadSubnetCount?: number;
  /**
   * AWS only: availability zones (e.g. us-east-2a, us-east-2b); the HA gateway uses the second.
   * @default - required on AWS
   */
  readonly availabilityZones?: string[];
  /**
   * Azure only: resource group the VNet is created in.
   * @default - required on Azure
   */
  readonly resourceGroupName?: string;
  /**
   * GCP only: project the network is created in.
   * @default - required on GCP
   */
  readonly projectId?: string;
  /**
   * Tags (AWS/Azure) for the network resources.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

export const MIN_NETWORK_PREFIX = 16;
export const MAX_NETWORK_PREFIX = 24;
export const MAX_WORKLOAD_SUBNETS = 3;

export interface SpokeNetworkLayout {
  readonly gatewaySubnet: string;
  readonly haGatewaySubnet: string;
  readonly workloadSubnets: string[];
}

/** Subnet CIDRs for a created network; the CIDR must already be validated. */
export function spokeNetworkLayout(cidr: Ipv4Cidr, workloadSubnetCount: number, insaneMode: boolean): SpokeNetworkLayout {
  const quarterPrefix = cidr.prefixLength + 2;
  const gatewayBits = (insaneMode ? 26 : 28) - quarterPrefix;
  const gatewayQuarter = { address: cidr.address, prefixLength: quarterPrefix };
  return {
    gatewaySubnet: cidrSubnet(gatewayQuarter, gatewayBits, 0),
    haGatewaySubnet: cidrSubnet(gatewayQuarter, gatewayBits, 1),
    workloadSubnets: Array.from({ length: workloadSubnetCount }, (_, i) => cidrSubnet(cidr, 2, i + 1)),
  };
}

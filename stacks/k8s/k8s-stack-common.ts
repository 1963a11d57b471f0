// What the EKS, AKS and GKE stacks share around their cloud-specific network and cluster: the
// checks of the network/cluster alternatives, the Aviatrix provider with preflight, and the spoke
// gateway in path (`<prefix>-spoke`, single-IP SNAT: the controller programs 0/0 → gateway and
// SNATs egress to its IP) in a new spoke network or an existing network's gateway subnet.
import { Construct } from "constructs";
import { TerraformStack } from "../../lib/core/cdktf";
import { AviatrixProvider } from "../../lib/constructs/aviatrix/aviatrix-provider";
import { Cloud } from "../../lib/constructs/network/cloud";
import { SpokeGateway } from "../../lib/constructs/network/spoke-gateway";
import { NewSpokeNetworkOptions } from "../../lib/constructs/network/spoke-network";
import { Preflight } from "../../lib/preflight/preflight";
import { checkNamePrefix, checkOneOf } from "../stack-prop-checks";
import { K8sVcaStackProps } from "./k8s-vca-props";

/** The network and cluster alternatives every Kubernetes stack offers. */
export interface K8sStackAlternatives {
  readonly newNetwork?: unknown;
  readonly existingNetwork?: unknown;
  readonly newCluster?: unknown;
  readonly existingCluster?: unknown;
}

/** Checks the props all three stacks share; returns the name prefix. */
export function checkK8sStackProps(stack: TerraformStack, props: K8sVcaStackProps & K8sStackAlternatives): string {
  // It ends up in cluster, node pool and SmartGroup names.
  const prefix = checkNamePrefix(stack, "namePrefix", props.namePrefix ?? "vca", 24);
  checkOneOf(stack, "newNetwork/existingNetwork", ["newNetwork", props.newNetwork], ["existingNetwork", props.existingNetwork]);
  checkOneOf(stack, "newCluster/existingCluster", ["newCluster", props.newCluster], ["existingCluster", props.existingCluster]);
  return prefix;
}

/** The Aviatrix provider pinned to the controller release, and preflight for the stack. */
export function addAviatrixWithPreflight(stack: TerraformStack, controllerVersion: string): AviatrixProvider {
  const provider = new AviatrixProvider(stack, "aviatrix", { controllerVersion });
  Preflight.of(stack, { controllerVersion });
  return provider;
}

export interface K8sSpokeGatewayOptions {
  readonly prefix: string;
  readonly cloud: Cloud;
  /** Region (zone on GCP) of the gateway. */
  readonly region: string;
  /** The cloud's new spoke network; undefined = the existing network. */
  readonly newNetwork?: NewSpokeNetworkOptions;
  readonly existingNetwork?: { readonly vpcId: string; readonly gatewaySubnetCidr: string };
}

export function addK8sSpokeGateway(scope: Construct, props: K8sVcaStackProps, o: K8sSpokeGatewayOptions): SpokeGateway {
  return new SpokeGateway(scope, "spoke", {
    name: `${o.prefix}-spoke`,
    cloud: o.cloud,
    accountName: props.accountName,
    region: o.region,
    gatewaySize: props.gatewaySize,
    ha: props.haGateway,
    singleIpSnat: true,
    ...(o.newNetwork ? { newNetwork: o.newNetwork } : { vpcId: o.existingNetwork!.vpcId, gatewaySubnet: o.existingNetwork!.gatewaySubnetCidr }),
  });
}

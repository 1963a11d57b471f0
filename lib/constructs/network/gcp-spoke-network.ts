// A GCP custom-mode network laid out for an Aviatrix spoke: a gateway subnetwork and workload
// subnetworks in the gateway's region. Egress: the controller (9.0+) programs the 0/0 → gateway
// route itself; add a GcpEgressRoute for an explicit, tag-scoped one (docs/research/cloud-stacks.md §2.7, §5).
import { Construct } from "constructs";
import { ComputeNetwork } from "@cdktf/provider-google/lib/compute-network";
import { ComputeSubnetwork } from "@cdktf/provider-google/lib/compute-subnetwork";
import { ITerraformDependable } from "../../core/cdktf";
import { ISpokeNetwork, SpokeNetworkLayout } from "./spoke-network";
import { VpcId } from "./vpc-id";

export interface GcpSpokeNetworkProps {
  readonly name: string;
  readonly layout: SpokeNetworkLayout;
  readonly projectId: string;
  /** Region of the subnetworks (the gateway zone without its suffix). */
  readonly region: string;
}

export class GcpSpokeNetwork extends Construct implements ISpokeNetwork {
  public readonly network: ComputeNetwork;
  public readonly vpcId: string;
  public readonly gatewaySubnetCidr: string;
  /** GCP subnetworks are regional: the HA gateway shares the gateway subnetwork in another zone. */
  public readonly haGatewaySubnetCidr?: string;
  public readonly workloadSubnetIds: string[];
  public readonly workloadSubnetCidrs: string[];
  public readonly gatewayDependencies: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: GcpSpokeNetworkProps) {
    super(scope, id);
    this.network = new ComputeNetwork(this, "Network", {
      name: `${props.name}-vpc`,
      project: props.projectId,
      autoCreateSubnetworks: false,
      routingMode: "REGIONAL",
    });
    this.vpcId = VpcId.gcp({ networkName: this.network.name, projectId: props.projectId });
    const gateway = new ComputeSubnetwork(this, "GatewaySubnet", {
      name: `${props.name}-gw`,
      project: props.projectId,
      region: props.region,
      network: this.network.id,
      ipCidrRange: props.layout.gatewaySubnet,
    });
    this.gatewaySubnetCidr = props.layout.gatewaySubnet;
    this.haGatewaySubnetCidr = undefined;
    this.gatewayDependencies = [gateway];
    const workload = props.layout.workloadSubnets.map(
      (cidr, i) =>
        new ComputeSubnetwork(this, `WorkloadSubnet${i}`, {
          name: `${props.name}-workload-${i}`,
          project: props.projectId,
          region: props.region,
          network: this.network.id,
          ipCidrRange: cidr,
          privateIpGoogleAccess: true,
        }),
    );
    this.workloadSubnetIds = workload.map((s) => s.id);
    this.workloadSubnetCidrs = [...props.layout.workloadSubnets];
  }
}

// An AWS VPC laid out for an Aviatrix spoke: public gateway subnets (0/0 → internet gateway) and
// private workload subnets whose route table Terraform creates empty and never manages routes in,
// because the controller programs 0/0 → spoke gateway there (single_ip_snat /
// enable_private_vpc_default_route; docs/research/cloud-stacks.md §2.1, §2.6, §5).
import { Construct } from "constructs";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { ITerraformDependable } from "../../core/cdktf";
import { sortedTags } from "./prop-checks";
import { ISpokeNetwork, SpokeNetworkLayout } from "./spoke-network";

export interface AwsSpokeVpcProps {
  /** Name prefix for the Name tags. */
  readonly name: string;
  readonly cidr: string;
  readonly layout: SpokeNetworkLayout;
  /** One or two availability zones; the HA gateway subnet goes in the second. */
  readonly availabilityZones: string[];
  /** Create the HA gateway subnet. */
  readonly ha: boolean;
  /** With insane mode the controller creates the gateway subnets from the reserved /26s itself. */
  readonly insaneMode: boolean;
  readonly tags?: { [key: string]: string };
}

export class AwsSpokeVpc extends Construct implements ISpokeNetwork {
  public readonly vpc: Vpc;
  public readonly vpcId: string;
  public readonly gatewaySubnetCidr: string;
  public readonly haGatewaySubnetCidr?: string;
  public readonly workloadSubnetIds: string[];
  public readonly workloadSubnetCidrs: string[];
  public readonly gatewayDependencies: ITerraformDependable[] = [];
  /** Route table of the workload subnets; the controller owns its routes. */
  public readonly privateRouteTable: RouteTable;

  constructor(scope: Construct, id: string, props: AwsSpokeVpcProps) {
    super(scope, id);
    const tag = (name: string) => sortedTags({ ...(props.tags ?? {}), Name: `${props.name}-${name}` })!;
    this.vpc = new Vpc(this, "Vpc", { cidrBlock: props.cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: tag("vpc") });
    this.vpcId = this.vpc.id;
    this.gatewaySubnetCidr = props.layout.gatewaySubnet;
    this.haGatewaySubnetCidr = props.ha ? props.layout.haGatewaySubnet : undefined;

    // Insane-mode gateways get their subnets from the controller, but still leave through the IGW.
    const igw = new InternetGateway(this, "InternetGateway", { vpcId: this.vpc.id, tags: tag("igw") });
    this.gatewayDependencies.push(igw);
    if (!props.insaneMode) this.createGatewaySubnets(props, igw, tag);

    this.privateRouteTable = new RouteTable(this, "PrivateRouteTable", {
      vpcId: this.vpc.id,
      tags: tag("private"),
      lifecycle: { ignoreChanges: ["route"] },
    });
    const workload = props.layout.workloadSubnets.map((cidr, i) => {
      const subnet = new Subnet(this, `WorkloadSubnet${i}`, {
        vpcId: this.vpc.id,
        cidrBlock: cidr,
        availabilityZone: props.availabilityZones[i % props.availabilityZones.length],
        tags: tag(`workload-${i}`),
      });
      new RouteTableAssociation(this, `WorkloadSubnet${i}Routes`, { subnetId: subnet.id, routeTableId: this.privateRouteTable.id });
      return subnet;
    });
    this.workloadSubnetIds = workload.map((s) => s.id);
    this.workloadSubnetCidrs = [...props.layout.workloadSubnets];
  }

  private createGatewaySubnets(props: AwsSpokeVpcProps, igw: InternetGateway, tag: (n: string) => { [k: string]: string }): void {
    // The gateway subnets must be public: 0/0 → IGW. The controller may add routes, so Terraform ignores them after create.
    const publicRt = new RouteTable(this, "PublicRouteTable", {
      vpcId: this.vpc.id,
      route: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }],
      tags: tag("public"),
      lifecycle: { ignoreChanges: ["route"] },
    });
    const subnets = [{ id: "GatewaySubnet", cidr: props.layout.gatewaySubnet, az: props.availabilityZones[0], name: "gw" }];
    if (props.ha) subnets.push({ id: "HaGatewaySubnet", cidr: props.layout.haGatewaySubnet, az: props.availabilityZones[1], name: "hagw" });
    for (const s of subnets) {
      const subnet = new Subnet(this, s.id, { vpcId: this.vpc.id, cidrBlock: s.cidr, availabilityZone: s.az, tags: tag(s.name) });
      const assoc = new RouteTableAssociation(this, `${s.id}Routes`, { subnetId: subnet.id, routeTableId: publicRt.id });
      this.gatewayDependencies.push(subnet, assoc);
    }
  }
}

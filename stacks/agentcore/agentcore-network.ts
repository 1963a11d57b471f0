// The three VPCs of the AgentCore VCA (docs/research/cloud-stacks.md §2.1, fork vpc.tf): a transit VPC
// (public /28 for the transit gateway), the AgentCore spoke (public gateway subnet
// cidrsubnet(/16,8,0), private runtime subnet (…,8,10) = 10.50.10.0/24 for the AgentCore ENIs,
// private endpoint subnet (…,8,20) for PrivateLink) and the client spoke (gateway (8,0), workload
// (8,10)). Private subnets share a route table Terraform never writes routes into: the controller
// programs 0/0 → spoke gateway there (single_ip_snat).
import { Construct } from "constructs";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { ITerraformDependable } from "../../lib/core/cdktf";
import { cidrSubnet, isNetworkAddress, parseIpv4Cidr } from "../../lib/net/ip";
import { ConstructPropsError } from "../../lib/core/construct-props-error";

export interface AgentCoreVpcSpec {
  /** Logical id prefix, e.g. "agentcore" → aws_vpc.agentcore, aws_subnet.agentcore_gw. */
  readonly key: string;
  readonly name: string;
  readonly cidr: string;
  /** Private subnets: logical-id suffix → netnum of cidrsubnet(cidr, 24 - prefix, netnum). */
  readonly privateSubnets: Readonly<Record<string, number>>;
  /** Gateway subnet size: 24 for spokes (the blueprint's /24), 28 for the transit. */
  readonly gatewaySubnetPrefix: number;
}

/** One VPC: public gateway subnet + private subnets. */
export class AgentCoreVpc extends Construct {
  public readonly vpc: Vpc;
  public readonly gatewaySubnetCidr: string;
  public readonly privateSubnets: Readonly<Record<string, Subnet>>;
  public readonly privateSubnetCidrs: Readonly<Record<string, string>>;
  public readonly gatewayDependencies: ITerraformDependable[];

  constructor(
    scope: Construct,
    id: string,
    spec: AgentCoreVpcSpec & { readonly availabilityZone: string; readonly prop: string; readonly tags: { [k: string]: string } },
  ) {
    super(scope, id);
    const cidr = parseIpv4Cidr(spec.cidr);
    if (!cidr || !isNetworkAddress(cidr) || cidr.prefixLength < 16 || cidr.prefixLength > 23) {
      throw new ConstructPropsError(
        this,
        spec.prop,
        spec.cidr,
        "a literal IPv4 network /16 to /23 with no host bits set",
        "subnets are carved from it at synth time (e.g. 10.50.0.0/16)",
      );
    }
    const maxNetNum = Math.max(0, ...Object.values(spec.privateSubnets));
    if (maxNetNum >= 2 ** (24 - cidr.prefixLength)) {
      throw new ConstructPropsError(
        this,
        spec.prop,
        spec.cidr,
        `a network of /${24 - Math.ceil(Math.log2(maxNetNum + 1))} or larger (the private /24s sit at index ${Object.values(spec.privateSubnets).join(", ")})`,
        "widen the address space, e.g. a /16",
      );
    }
    const tag = (n: string) => ({ ...spec.tags, Name: `${spec.name}-${n}` });
    this.vpc = new Vpc(this, "Vpc", { cidrBlock: spec.cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: tag("vpc") });
    this.vpc.overrideLogicalId(spec.key);
    const igw = new InternetGateway(this, "Igw", { vpcId: this.vpc.id, tags: tag("igw") });
    igw.overrideLogicalId(`${spec.key}_igw`);
    const publicRt = new RouteTable(this, "PublicRt", {
      vpcId: this.vpc.id,
      route: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }],
      tags: tag("public"),
      lifecycle: { ignoreChanges: ["route"] },
    });
    publicRt.overrideLogicalId(`${spec.key}_public`);
    this.gatewaySubnetCidr = cidrSubnet(cidr, spec.gatewaySubnetPrefix - cidr.prefixLength, 0);
    const gw = new Subnet(this, "GatewaySubnet", {
      vpcId: this.vpc.id,
      cidrBlock: this.gatewaySubnetCidr,
      availabilityZone: spec.availabilityZone,
      mapPublicIpOnLaunch: true,
      tags: tag("gw"),
    });
    gw.overrideLogicalId(`${spec.key}_gw`);
    const gwAssoc = new RouteTableAssociation(this, "GatewaySubnetRoutes", { subnetId: gw.id, routeTableId: publicRt.id });
    gwAssoc.overrideLogicalId(`${spec.key}_gw`);
    this.gatewayDependencies = [gw, gwAssoc];

    const subnets: Record<string, Subnet> = {};
    const cidrs: Record<string, string> = {};
    const names = Object.keys(spec.privateSubnets).sort();
    if (names.length > 0) {
      // The controller owns the routes of this table (0/0 → spoke gateway): Terraform ignores them.
      const privateRt = new RouteTable(this, "PrivateRt", { vpcId: this.vpc.id, tags: tag("private"), lifecycle: { ignoreChanges: ["route"] } });
      privateRt.overrideLogicalId(`${spec.key}_private`);
      for (const name of names) {
        cidrs[name] = cidrSubnet(cidr, 24 - cidr.prefixLength, spec.privateSubnets[name]);
        const s = new Subnet(this, `Subnet-${name}`, { vpcId: this.vpc.id, cidrBlock: cidrs[name], availabilityZone: spec.availabilityZone, tags: tag(name) });
        s.overrideLogicalId(`${spec.key}_${name}`);
        const a = new RouteTableAssociation(this, `Subnet-${name}-Routes`, { subnetId: s.id, routeTableId: privateRt.id });
        a.overrideLogicalId(`${spec.key}_${name}`);
        subnets[name] = s;
      }
    }
    this.privateSubnets = subnets;
    this.privateSubnetCidrs = cidrs;
  }
}

// PrivateLink for the AgentCore data and control planes (docs/research/cloud-stacks.md §2.1, fork
// privatelink.tf + route53.tf): interface endpoints in the AgentCore spoke's endpoint subnet with
// private DNS off, and — as the blueprint does — private hosted zones named after the regional
// hostnames (associated with both spokes) whose apex alias points at the endpoint, so clients in
// the client spoke reach AgentCore over the transit (through DCF rules 10/11).
import { Construct } from "constructs";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { Route53ZoneAssociation } from "@cdktf/provider-aws/lib/route53-zone-association";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";

export interface AgentCorePrivateLinkProps {
  readonly namePrefix: string;
  readonly region: string;
  readonly vpcId: string;
  readonly clientVpcId: string;
  readonly endpointSubnetId: string;
  /** CIDRs allowed to reach the endpoints on 443 (AgentCore spoke, client spoke, transit). */
  readonly allowedCidrs: readonly string[];
  readonly tags: { [k: string]: string };
}

/** One endpoint: `data` (bedrock-agentcore) or `control` (bedrock-agentcore-control). */
export interface AgentCoreEndpoint {
  readonly endpoint: VpcEndpoint;
  /** The regional hostname clients use (bedrock-agentcore[-control].<region>.amazonaws.com). */
  readonly host: string;
  /** The endpoint's own public-resolvable *.vpce.amazonaws.com name (the DCF FQDN SmartGroup). */
  readonly dnsName: string;
}

export class AgentCorePrivateLink extends Construct {
  public readonly securityGroup: SecurityGroup;
  public readonly data: AgentCoreEndpoint;
  public readonly control: AgentCoreEndpoint;

  constructor(scope: Construct, id: string, props: AgentCorePrivateLinkProps) {
    super(scope, id);
    this.securityGroup = new SecurityGroup(this, "SecurityGroup", {
      name: `${props.namePrefix}-privatelink`,
      description: "AgentCore PrivateLink endpoints: HTTPS from the spokes and the transit",
      vpcId: props.vpcId,
      ingress: [{ description: "HTTPS", fromPort: 443, toPort: 443, protocol: "tcp", cidrBlocks: [...props.allowedCidrs].sort() }],
      tags: { ...props.tags, Name: `${props.namePrefix}-privatelink` },
    });
    this.securityGroup.overrideLogicalId("privatelink");
    this.data = this.endpoint("data", `bedrock-agentcore.${props.region}.amazonaws.com`, `com.amazonaws.${props.region}.bedrock-agentcore`, props);
    this.control = this.endpoint(
      "control",
      `bedrock-agentcore-control.${props.region}.amazonaws.com`,
      `com.amazonaws.${props.region}.bedrock-agentcore-control`,
      props,
    );
  }

  private endpoint(key: "data" | "control", host: string, serviceName: string, props: AgentCorePrivateLinkProps): AgentCoreEndpoint {
    const endpoint = new VpcEndpoint(this, `Endpoint-${key}`, {
      vpcId: props.vpcId,
      serviceName,
      vpcEndpointType: "Interface",
      subnetIds: [props.endpointSubnetId],
      securityGroupIds: [this.securityGroup.id],
      // The blueprint's own private hosted zone below answers for the regional name.
      privateDnsEnabled: false,
      tags: { ...props.tags, Name: `${props.namePrefix}-agentcore-${key}` },
    });
    endpoint.overrideLogicalId(`agentcore_${key}`);
    const zone = new Route53Zone(this, `Zone-${key}`, {
      name: host,
      vpc: [{ vpcId: props.vpcId }],
      // Further VPCs are attached with zone associations.
      lifecycle: { ignoreChanges: ["vpc"] },
      tags: props.tags,
    });
    zone.overrideLogicalId(`agentcore_${key}`);
    const assoc = new Route53ZoneAssociation(this, `ZoneClient-${key}`, { zoneId: zone.zoneId, vpcId: props.clientVpcId });
    assoc.overrideLogicalId(`agentcore_${key}_client`);
    const entry = endpoint.dnsEntry.get(0);
    const record = new Route53Record(this, `Record-${key}`, {
      zoneId: zone.zoneId,
      name: host,
      type: "A",
      alias: { name: entry.dnsName, zoneId: entry.hostedZoneId, evaluateTargetHealth: false },
    });
    record.overrideLogicalId(`agentcore_${key}`);
    return { endpoint, host, dnsName: entry.dnsName };
  }
}

// Props shared by SpokeGateway and TransitGateway, their per-cloud rules (provider-constraints.json
// apply_time_rules.aviatrix_spoke_gateway; docs/research/aviatrix-provider-schema.md §6), and the
// resolution of defaults into the generated resource's config fields.
import { Annotations } from "../../core/cdktf";
import { Cloud, CloudFamily } from "./cloud";
import { azureVpcRegion } from "./azure-locations";
import { parseIpv4Cidr } from "../../net/ip";
import {
  CheckContext,
  checkAzureZone,
  checkCidr,
  checkGatewayName,
  checkGcpZone,
  checkNonEmpty,
  checkOnlyFor,
  checkRegion,
  checkTags,
  checkVpcId,
  sortedTags,
} from "./prop-checks";
import { Construct } from "constructs";
import { ConstructPropsError, isUnresolved } from "../../core/construct-props-error";

/** A gateway others can refer to by name (a construct of this library, or an existing gateway). */
export interface IGatewayRef {
  /** The gateway's `gw_name` (a token when it comes from a resource in this app). */
  readonly gatewayName: string;
}

/** The HA gateway. Its presence turns HA on (the provider's ha_subnet / ha_zone). */
export interface HaGatewayOptions {
  /**
   * Subnet CIDR of the HA gateway. Required on AWS and Azure (may equal the primary subnet on Azure).
   * @default - on GCP the primary subnetwork; filled from a network the gateway creates
   */
  readonly subnet?: string;
  /**
   * Zone of the HA gateway: required on GCP (e.g. us-west1-c), optional az-N on Azure, not valid on AWS.
   * @default - no zone (Azure: the platform picks)
   */
  readonly zone?: string;
  /**
   * Size of the HA gateway.
   * @default - the primary gateway's size
   */
  readonly gatewaySize?: string;
  /**
   * AWS insane mode: availability zone of the HA gateway (e.g. us-east-2b).
   * @default - required with AWS insane mode unless the gateway creates its network
   */
  readonly insaneModeAz?: string;
}

/** Props every Aviatrix gateway construct in this library takes. */
export interface GatewayOptions {
  /** Gateway name (`gw_name`): letters, digits, hyphens, underscores, ≤ 50 chars (as mc-spoke). */
  readonly name: string;
  /** Cloud to launch in; picks `cloud_type` and the per-cloud rules. */
  readonly cloud: Cloud;
  /** Aviatrix access-account name for the cloud account. */
  readonly accountName: string;
  /** `vpc_reg`: AWS region (us-east-2), Azure location (francecentral), GCP zone (us-west1-b). */
  readonly region: string;
  /**
   * Instance size.
   * @default - t3.medium on AWS, Standard_B1ms on Azure, n1-standard-1 on GCP (mc-spoke defaults)
   */
  readonly gatewaySize?: string;
  /**
   * HA gateway settings; set to launch an HA gateway.
   * @default - no HA gateway
   */
  readonly ha?: HaGatewayOptions;
  /**
   * High performance encryption (insane mode). ForceNew. On AWS the gateway subnet should be a /26.
   * @default false
   */
  readonly insaneMode?: boolean;
  /**
   * AWS insane mode: availability zone of the gateway (e.g. us-east-2a).
   * @default - required with AWS insane mode unless the gateway creates its network
   */
  readonly insaneModeAz?: string;
  /**
   * Azure only: availability zone of the gateway in az-N form.
   * @default - no zone
   */
  readonly zone?: string;
  /**
   * Source NAT in single-IP mode on the gateway: workload egress leaves with the gateway's IP.
   * @default false
   */
  readonly singleIpSnat?: boolean;
  /**
   * Use the gateway as the VPC's DNS server (AWS and Azure families only).
   * @default false
   */
  readonly enableVpcDnsServer?: boolean;
  /**
   * Tags on the gateway (AWS and Azure families only); keys are sorted in the output.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

/** Instance sizes terraform-aviatrix-mc-spoke uses when none is given. */
export const DEFAULT_GATEWAY_SIZE: Readonly<Record<CloudFamily, string>> = {
  [CloudFamily.AWS]: "t3.medium",
  [CloudFamily.AZURE]: "Standard_B1ms",
  [CloudFamily.GCP]: "n1-standard-1",
};

/** Where the network comes from once resolved: user-given or created by the construct. */
export interface ResolvedNetwork {
  readonly vpcId: string;
  readonly gatewaySubnet: string;
  readonly haSubnet?: string;
  readonly insaneModeAz?: string;
  readonly haInsaneModeAz?: string;
}

/** Config fields of aviatrix_spoke_gateway / aviatrix_transit_gateway shared by both. */
export interface GatewayConfigFields {
  readonly cloudType: number;
  readonly accountName: string;
  readonly gwName: string;
  readonly vpcId: string;
  readonly vpcReg: string;
  readonly gwSize: string;
  readonly subnet: string;
  readonly zone?: string;
  readonly haSubnet?: string;
  readonly haZone?: string;
  readonly haGwSize?: string;
  readonly insaneMode?: boolean;
  readonly insaneModeAz?: string;
  readonly haInsaneModeAz?: string;
  readonly singleIpSnat?: boolean;
  readonly enableVpcDnsServer?: boolean;
  readonly tags?: { [key: string]: string };
}

const AWS_AZURE = [CloudFamily.AWS, CloudFamily.AZURE] as const;

/** Checks every shared prop that does not depend on where the network comes from. */
export function checkGatewayOptions(ctx: CheckContext, o: GatewayOptions): void {
  if (!o.cloud || typeof o.cloud.cloudType !== "number") {
    throw new ConstructPropsError(ctx, "cloud", o.cloud, "one of Cloud.AWS, AWS_GOV, AWS_CHINA, AZURE, AZURE_GOV, AZURE_CHINA, GCP", "pass a Cloud constant");
  }
  checkGatewayName(ctx, "name", o.name);
  checkNonEmpty(ctx, "accountName", o.accountName, "pass the Aviatrix access-account name");
  checkRegion(ctx, "region", o.cloud, o.region);
  if (o.gatewaySize !== undefined) checkNonEmpty(ctx, "gatewaySize", o.gatewaySize, "pass an instance size or leave it unset");
  checkOnlyFor(ctx, "zone", o.zone, o.cloud, [CloudFamily.AZURE]);
  checkAzureZone(ctx, "zone", o.zone);
  checkOnlyFor(ctx, "insaneModeAz", o.insaneModeAz, o.cloud, [CloudFamily.AWS]);
  checkOnlyFor(ctx, "enableVpcDnsServer", o.enableVpcDnsServer, o.cloud, AWS_AZURE);
  checkOnlyFor(ctx, "tags", o.tags, o.cloud, AWS_AZURE);
  checkTags(ctx, "tags", o.tags);
  if (o.insaneModeAz !== undefined && !o.insaneMode) {
    throw new ConstructPropsError(ctx, "insaneModeAz", o.insaneModeAz, "unset unless insaneMode is true", "remove insaneModeAz or set insaneMode: true");
  }
  if (o.ha) checkHa(ctx, o);
}

function checkHa(ctx: CheckContext, o: GatewayOptions): void {
  const ha = o.ha!;
  checkCidr(ctx, "ha.subnet", ha.subnet);
  checkOnlyFor(ctx, "ha.zone", ha.zone, o.cloud, [CloudFamily.AZURE, CloudFamily.GCP]);
  if (o.cloud.family === CloudFamily.AZURE) checkAzureZone(ctx, "ha.zone", ha.zone);
  if (o.cloud.family === CloudFamily.GCP) checkGcpZone(ctx, "ha.zone", ha.zone);
  checkOnlyFor(ctx, "ha.insaneModeAz", ha.insaneModeAz, o.cloud, [CloudFamily.AWS]);
  if (ha.insaneModeAz !== undefined && !o.insaneMode) {
    throw new ConstructPropsError(ctx, "ha.insaneModeAz", ha.insaneModeAz, "unset unless insaneMode is true", "remove ha.insaneModeAz or set insaneMode: true");
  }
  if (ha.gatewaySize !== undefined) checkNonEmpty(ctx, "ha.gatewaySize", ha.gatewaySize, "pass an instance size or leave it unset");
  if (o.cloud.family === CloudFamily.GCP && ha.zone === undefined) {
    throw new ConstructPropsError(
      ctx,
      "ha.zone",
      undefined,
      "a GCP zone such as us-west1-c: GCP HA needs ha_zone",
      "set ha.zone to another zone of the region",
    );
  }
}

/** Checks that need the resolved network (user-given or created) and builds the config fields. */
export function gatewayConfigFields(scope: Construct, ctx: CheckContext, o: GatewayOptions, net: ResolvedNetwork): GatewayConfigFields {
  checkVpcId(ctx, "vpcId", o.cloud, net.vpcId);
  checkCidr(ctx, "gatewaySubnet", net.gatewaySubnet);
  const family = o.cloud.family;
  if (o.ha && family !== CloudFamily.GCP && net.haSubnet === undefined) {
    const cloudName = family === CloudFamily.AWS ? "AWS" : "Azure";
    throw new ConstructPropsError(
      ctx,
      "ha.subnet",
      undefined,
      `a subnet CIDR: ${cloudName} HA needs ha_subnet`,
      "set ha.subnet (on Azure it may equal gatewaySubnet)",
    );
  }
  if (o.insaneMode && family === CloudFamily.AWS) {
    if (net.insaneModeAz === undefined) {
      throw new ConstructPropsError(
        ctx,
        "insaneModeAz",
        undefined,
        "an availability zone such as us-east-2a: AWS insane mode needs insane_mode_az",
        "set insaneModeAz",
      );
    }
    if (o.ha && net.haInsaneModeAz === undefined) {
      throw new ConstructPropsError(
        ctx,
        "ha.insaneModeAz",
        undefined,
        "an availability zone such as us-east-2b: AWS insane mode with HA needs ha_insane_mode_az",
        "set ha.insaneModeAz",
      );
    }
    warnUnlessSlash26(scope, "gatewaySubnet", net.gatewaySubnet);
    if (net.haSubnet !== undefined) warnUnlessSlash26(scope, "ha.subnet", net.haSubnet);
  }
  const size = o.gatewaySize ?? DEFAULT_GATEWAY_SIZE[family];
  return {
    cloudType: o.cloud.cloudType,
    accountName: o.accountName,
    gwName: o.name,
    vpcId: net.vpcId,
    // Azure (public cloud): the controller's display name, else every plan replaces the gateway.
    vpcReg: o.cloud.cloudType === Cloud.AZURE.cloudType && !isUnresolved(o.region) ? azureVpcRegion(ctx, "region", o.region) : o.region,
    gwSize: size,
    subnet: net.gatewaySubnet,
    zone: o.zone,
    haSubnet: o.ha ? net.haSubnet : undefined,
    haZone: o.ha?.zone,
    haGwSize: o.ha ? (o.ha.gatewaySize ?? size) : undefined,
    insaneMode: o.insaneMode ? true : undefined,
    insaneModeAz: o.insaneMode ? net.insaneModeAz : undefined,
    haInsaneModeAz: o.insaneMode && o.ha ? net.haInsaneModeAz : undefined,
    singleIpSnat: o.singleIpSnat,
    enableVpcDnsServer: o.enableVpcDnsServer,
    tags: sortedTags(o.tags),
  };
}

// The Aviatrix docs ask for a /26 for the insane-mode subnet the controller carves (advice, not a hard rule).
function warnUnlessSlash26(scope: Construct, prop: string, cidr: string): void {
  if (isUnresolved(cidr)) return;
  const parsed = parseIpv4Cidr(cidr);
  if (parsed && parsed.prefixLength !== 26) {
    Annotations.of(scope).addWarning(
      `[vca/spoke] ${prop}: got "${cidr}", want a /26 for AWS insane mode (the controller creates the gateway subnet from it); use a /26 unless you know the controller accepts this size`,
    );
  }
}

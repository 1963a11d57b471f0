// The spoke gateway that sits in the egress path of a VCA workload: renders the generated
// aviatrix_spoke_gateway in an existing VPC/VNet, or in one it creates, optionally attaches it to a
// transit gateway, and (Azure, created VNet) routes workload subnets through it.
// Facts: docs/research/aviatrix-provider-schema.md §6, docs/research/cloud-stacks.md §2, §5; mc-spoke variables.tf.
import { Construct } from "constructs";
import { registerControllerName } from "../dcf/controller-names";
import { Annotations } from "../../core/cdktf";
import { SpokeGateway as CfnSpokeGateway } from "../../aviatrix/gen/providers/aviatrix/spoke-gateway";
import type { AzureEgressRouteTable } from "./azure-egress-route-table";
import { CloudFamily } from "./cloud";
import { GatewayOptions, IGatewayRef, ResolvedNetwork, checkGatewayOptions, gatewayConfigFields } from "./gateway-options";
import { isNetworkAddress, parseIpv4Cidr } from "../../net/ip";
import { CheckContext, checkNonEmpty, checkOnlyFor } from "./prop-checks";
import { SpokeTransitAttachment, SpokeTransitAttachmentOptions } from "./spoke-transit-attachment";
import { ConstructPropsError, isUnresolved } from "../../core/construct-props-error";
import { ISpokeNetwork, MAX_NETWORK_PREFIX, MAX_WORKLOAD_SUBNETS, MIN_NETWORK_PREFIX, NewSpokeNetworkOptions, spokeNetworkLayout } from "./spoke-network";
import { checkBooleanProps } from "../../core/prop-types";

const BRAND = Symbol.for("vca-cdktf.SpokeGateway");

// Each cloud's network constructs (and their provider bindings) load only when a gateway creates a
// network in that cloud: an AWS stack does not pay for the Azure and GCP ones (docs/ARCHITECTURE.md §7 cold synth).
const awsSpokeVpc = () => (require("./aws-spoke-vpc") as typeof import("./aws-spoke-vpc")).AwsSpokeVpc;
const azureSpokeVnet = () => (require("./azure-spoke-vnet") as typeof import("./azure-spoke-vnet")).AzureSpokeVnet;
const azureEgressRouteTable = () => (require("./azure-egress-route-table") as typeof import("./azure-egress-route-table")).AzureEgressRouteTable;
const gcpSpokeNetwork = () => (require("./gcp-spoke-network") as typeof import("./gcp-spoke-network")).GcpSpokeNetwork;

export interface SpokeGatewayProps extends GatewayOptions {
  /**
   * Existing network, in the provider's format: AWS `vpc-…`, Azure `vnet:rg:guid`, GCP `network~-~project`
   * (see VpcId). Give either vpcId + gatewaySubnet, or newNetwork.
   * @default - the network created from newNetwork
   */
  readonly vpcId?: string;
  /**
   * CIDR of the existing subnet the gateway launches in (AWS: a public subnet).
   * @default - the gateway subnet of the network created from newNetwork
   */
  readonly gatewaySubnet?: string;
  /**
   * Create the network instead of using an existing one (AWS VPC, Azure VNet, GCP network).
   * @default - use vpcId and gatewaySubnet
   */
  readonly newNetwork?: NewSpokeNetworkOptions;
  /**
   * AWS only: let the controller program the default route in the VPC's private route tables.
   * @default false
   */
  readonly enablePrivateVpcDefaultRoute?: boolean;
  /**
   * AWS only: do not let the controller touch the VPC's public route tables.
   * @default false
   */
  readonly enableSkipPublicRouteTableUpdate?: boolean;
  /**
   * Azure only (controller 9.0+): route tables, as `route_table_name:resource_group`, in which the
   * controller programs 0.0.0.0/0 → gateway with singleIpSnat. Never list the gateway's own table.
   * @default - the controller picks the tables
   */
  readonly privateRouteTableConfig?: string[];
  /**
   * Transit gateway to attach the spoke to.
   * @default - not attached
   */
  readonly attachTo?: IGatewayRef;
  /**
   * Attachment settings (only with attachTo).
   * @default - provider defaults (max performance on)
   */
  readonly attachment?: SpokeTransitAttachmentOptions;
}

export class SpokeGateway extends Construct implements IGatewayRef {
  /** Brand check that works across duplicated package copies. */
  public static isSpokeGateway(x: unknown): x is SpokeGateway {
    return typeof x === "object" && x !== null && BRAND in x;
  }

  /** The generated aviatrix_spoke_gateway resource. */
  public readonly resource: CfnSpokeGateway;
  /** `gw_name`, as a reference so dependents wait for the gateway. */
  public readonly gatewayName: string;
  /** The gateway's private IP (attribute reference): next hop for egress routes. */
  public readonly privateIp: string;
  /** The HA gateway's private IP; undefined without HA. */
  public readonly haPrivateIp?: string;
  /** The network id as passed to the provider. */
  public readonly vpcId: string;
  /** The network the gateway created; undefined for an existing network. */
  public readonly network?: ISpokeNetwork;
  /** Azure with a created VNet: the UDR sending workload subnets through the gateway. */
  public readonly egressRouteTable?: AzureEgressRouteTable;
  /** The transit attachment; undefined without attachTo. */
  public readonly attachment?: SpokeTransitAttachment;

  constructor(scope: Construct, id: string, props: SpokeGatewayProps) {
    super(scope, id);
    checkBooleanProps(this, props, ["enablePrivateVpcDefaultRoute", "enableSkipPublicRouteTableUpdate", "insaneMode", "singleIpSnat", "enableVpcDnsServer"]);
    Object.defineProperty(this, BRAND, { value: true });
    const ctx: CheckContext = { path: this.node.path, construct: "SpokeGateway" };
    checkGatewayOptions(ctx, props);
    checkSpokeOnlyProps(ctx, props);

    const net = props.newNetwork ? this.createNetwork(ctx, props) : existingNetwork(ctx, props);
    this.network = net.created;
    const fields = gatewayConfigFields(this, ctx, props, net);

    this.resource = new CfnSpokeGateway(this, "Default", {
      ...fields,
      enablePrivateVpcDefaultRoute: props.enablePrivateVpcDefaultRoute,
      enableSkipPublicRouteTableUpdate: props.enableSkipPublicRouteTableUpdate,
      privateRouteTableConfig: props.privateRouteTableConfig ? [...props.privateRouteTableConfig].sort() : undefined,
      dependsOn: net.created && net.created.gatewayDependencies.length > 0 ? net.created.gatewayDependencies : undefined,
    });
    registerControllerName(this, "gateway", fields.gwName);
    this.gatewayName = this.resource.gwName;
    this.privateIp = this.resource.privateIp;
    this.haPrivateIp = props.ha ? this.resource.haPrivateIp : undefined;
    this.vpcId = net.vpcId;
    warnIfAwsWorkloadsHaveNoDefaultRoute(this, props, net.created);

    // A created network in Azure is an AzureSpokeVnet (createNetwork).
    if (props.cloud.family === CloudFamily.AZURE && net.created && net.created.workloadSubnetIds.length > 0) {
      const keys = net.created.workloadSubnetIds.map((_, i) => `workload-${i}`);
      const AzureEgressRouteTable = azureEgressRouteTable();
      this.egressRouteTable = new AzureEgressRouteTable(this, "Egress", {
        name: `${props.name}-egress-rt`,
        resourceGroupName: props.newNetwork!.resourceGroupName!,
        location: props.region,
        nextHopIp: this.privateIp,
        subnetIds: Object.fromEntries(keys.map((k, i) => [k, net.created!.workloadSubnetIds[i]])),
        tags: props.newNetwork!.tags,
      });
    }

    if (props.attachTo) {
      this.attachment = new SpokeTransitAttachment(this, "Attachment", {
        ...props.attachment,
        spokeGateway: this,
        transitGateway: props.attachTo,
      });
    } else if (props.attachment) {
      throw new ConstructPropsError(ctx, "attachment", props.attachment, "unset unless attachTo names a transit gateway", "set attachTo or remove attachment");
    }
  }

  private createNetwork(ctx: CheckContext, props: SpokeGatewayProps): ResolvedNetwork & { created: ISpokeNetwork } {
    const opts = props.newNetwork!;
    if (props.vpcId !== undefined || props.gatewaySubnet !== undefined) {
      throw new ConstructPropsError(
        ctx,
        "newNetwork",
        "newNetwork with vpcId/gatewaySubnet",
        "either an existing network (vpcId + gatewaySubnet) or newNetwork",
        "remove vpcId and gatewaySubnet, or remove newNetwork",
      );
    }
    const cidr = isUnresolved(opts.cidr) ? undefined : parseIpv4Cidr(opts.cidr);
    if (!cidr || !isNetworkAddress(cidr) || cidr.prefixLength < MIN_NETWORK_PREFIX || cidr.prefixLength > MAX_NETWORK_PREFIX) {
      throw new ConstructPropsError(
        ctx,
        "newNetwork.cidr",
        opts.cidr,
        `a literal IPv4 network /${MIN_NETWORK_PREFIX} to /${MAX_NETWORK_PREFIX} with no host bits set, such as 10.50.0.0/16`,
        "fix the address space (subnets are carved from it at synth time)",
      );
    }
    const family = props.cloud.family;
    const insane = props.insaneMode ?? false;
    if (insane && family !== CloudFamily.AWS) {
      throw new ConstructPropsError(
        ctx,
        "insaneMode",
        true,
        "false when the gateway creates an Azure or GCP network",
        "bring an existing network (vpcId + gatewaySubnet) for insane mode",
      );
    }
    if (insane && cidr.prefixLength > 23) {
      throw new ConstructPropsError(
        ctx,
        "newNetwork.cidr",
        opts.cidr,
        "a /23 or larger with insane mode (two /26 gateway subnets in the first quarter)",
        "widen the address space",
      );
    }
    const count = opts.workloadSubnetCount ?? (family === CloudFamily.AWS ? Math.min(2, opts.availabilityZones?.length ?? 1) : 1);
    if (!Number.isInteger(count) || count < 0 || count > MAX_WORKLOAD_SUBNETS) {
      throw new ConstructPropsError(ctx, "newNetwork.workloadSubnetCount", count, `an integer from 0 to ${MAX_WORKLOAD_SUBNETS}`, "lower the subnet count");
    }
    checkOnlyFor(ctx, "newNetwork.availabilityZones", opts.availabilityZones, props.cloud, [CloudFamily.AWS]);
    checkOnlyFor(ctx, "newNetwork.resourceGroupName", opts.resourceGroupName, props.cloud, [CloudFamily.AZURE]);
    checkOnlyFor(ctx, "newNetwork.projectId", opts.projectId, props.cloud, [CloudFamily.GCP]);
    checkOnlyFor(ctx, "newNetwork.tags", opts.tags, props.cloud, [CloudFamily.AWS, CloudFamily.AZURE]);
    if (props.ha?.subnet !== undefined) {
      throw new ConstructPropsError(
        ctx,
        "ha.subnet",
        props.ha.subnet,
        "unset when the gateway creates its network",
        "remove ha.subnet (the created network provides it)",
      );
    }
    const layout = spokeNetworkLayout(cidr, count, insane);
    const name = props.name;

    if (family === CloudFamily.AWS) {
      const azs = opts.availabilityZones ?? [];
      const need = props.ha ? 2 : 1;
      if (azs.length < need || azs.length > 2) {
        throw new ConstructPropsError(
          ctx,
          "newNetwork.availabilityZones",
          azs,
          `${need === 2 ? "two availability zones (HA)" : "one or two availability zones"} such as ["us-east-2a","us-east-2b"]`,
          "list the zones for the gateway subnets",
        );
      }
      const AwsSpokeVpc = awsSpokeVpc();
      const created = new AwsSpokeVpc(this, "Network", {
        name,
        cidr: opts.cidr,
        layout,
        availabilityZones: azs,
        ha: !!props.ha,
        insaneMode: insane,
        tags: opts.tags,
      });
      return {
        created,
        vpcId: created.vpcId,
        gatewaySubnet: created.gatewaySubnetCidr,
        haSubnet: created.haGatewaySubnetCidr,
        insaneModeAz: insane ? (props.insaneModeAz ?? azs[0]) : undefined,
        haInsaneModeAz: insane && props.ha ? (props.ha.insaneModeAz ?? azs[1]) : undefined,
      };
    }
    if (family === CloudFamily.AZURE) {
      requireText(ctx, "newNetwork.resourceGroupName", opts.resourceGroupName, "name the resource group for the VNet");
      const AzureSpokeVnet = azureSpokeVnet();
      const created = new AzureSpokeVnet(this, "Network", {
        name,
        cidr: opts.cidr,
        layout,
        resourceGroupName: opts.resourceGroupName!,
        location: props.region,
        tags: opts.tags,
      });
      return { created, vpcId: created.vpcId, gatewaySubnet: created.gatewaySubnetCidr, haSubnet: created.haGatewaySubnetCidr };
    }
    requireText(ctx, "newNetwork.projectId", opts.projectId, "name the GCP project for the network");
    const region = isUnresolved(props.region) ? props.region : props.region.replace(/-[a-z]$/, "");
    const GcpSpokeNetwork = gcpSpokeNetwork();
    const created = new GcpSpokeNetwork(this, "Network", { name: name.toLowerCase().replace(/_/g, "-"), layout, projectId: opts.projectId!, region });
    return { created, vpcId: created.vpcId, gatewaySubnet: created.gatewaySubnetCidr, haSubnet: created.haGatewaySubnetCidr };
  }
}

function existingNetwork(ctx: CheckContext, props: SpokeGatewayProps): ResolvedNetwork & { created?: undefined } {
  if (props.vpcId === undefined)
    throw new ConstructPropsError(ctx, "vpcId", undefined, "the existing network's id (or newNetwork)", "set vpcId and gatewaySubnet, or newNetwork");
  if (props.gatewaySubnet === undefined) {
    throw new ConstructPropsError(
      ctx,
      "gatewaySubnet",
      undefined,
      "the CIDR of the gateway subnet (or newNetwork)",
      "set gatewaySubnet to the subnet the gateway launches in",
    );
  }
  return {
    vpcId: props.vpcId,
    gatewaySubnet: props.gatewaySubnet,
    haSubnet: props.ha?.subnet,
    insaneModeAz: props.insaneModeAz,
    haInsaneModeAz: props.ha?.insaneModeAz,
  };
}

function requireText(ctx: CheckContext, prop: string, value: string | undefined, fix: string): void {
  if (value === undefined) throw new ConstructPropsError(ctx, prop, undefined, "a non-empty string", fix);
  checkNonEmpty(ctx, prop, value, fix);
}

function checkSpokeOnlyProps(ctx: CheckContext, props: SpokeGatewayProps): void {
  checkOnlyFor(ctx, "enablePrivateVpcDefaultRoute", props.enablePrivateVpcDefaultRoute, props.cloud, [CloudFamily.AWS]);
  checkOnlyFor(ctx, "enableSkipPublicRouteTableUpdate", props.enableSkipPublicRouteTableUpdate, props.cloud, [CloudFamily.AWS]);
  checkOnlyFor(ctx, "privateRouteTableConfig", props.privateRouteTableConfig, props.cloud, [CloudFamily.AZURE]);
  for (const entry of props.privateRouteTableConfig ?? []) {
    if (!isUnresolved(entry) && !/^[^:\s]+:[^:\s]+$/.test(entry)) {
      throw new ConstructPropsError(
        ctx,
        "privateRouteTableConfig",
        entry,
        "entries route_table_name:resource_group",
        "write each route table as name:resource_group",
      );
    }
  }
  // single_ip_snat stays allowed on GCP: the provider docs name AWS and Azure, but GKE layouts use it too
  // (docs/research/cloud-stacks.md §5), and the provider does not reject it.
}

// On AWS the controller, not Terraform, writes 0/0 → gateway into the private route table, and only
// when asked to (single_ip_snat or enable_private_vpc_default_route). Without either, workload
// subnets have no default route: safe (no egress at all) but rarely what was meant.
function warnIfAwsWorkloadsHaveNoDefaultRoute(scope: Construct, props: SpokeGatewayProps, network: ISpokeNetwork | undefined): void {
  if (props.cloud.family !== CloudFamily.AWS || !network || network.workloadSubnetIds.length === 0) return;
  if (props.singleIpSnat || props.enablePrivateVpcDefaultRoute) return;
  Annotations.of(scope).addWarning(
    "[vca/spoke] SpokeGateway.singleIpSnat: got undefined, want singleIpSnat: true or enablePrivateVpcDefaultRoute: true so the controller programs 0.0.0.0/0 → gateway in the workload route table; without either the workload subnets have no egress",
  );
}

// aviatrix_transit_gateway for the transit-attached layouts (AgentCore: one transit, two spokes;
// Foundry BYOVNet when attached). Shares name/HA/insane-mode/per-cloud rules with SpokeGateway;
// the network is always an existing one (docs/research/cloud-stacks.md §2.1, §2.2).
import { Construct } from "constructs";
import { registerControllerName } from "../dcf/controller-names";
import { TransitGateway as CfnTransitGateway } from "../../aviatrix/gen/providers/aviatrix/transit-gateway";
import { GatewayOptions, IGatewayRef, checkGatewayOptions, gatewayConfigFields } from "./gateway-options";
import { CheckContext } from "./prop-checks";
import { ConstructPropsError } from "../../core/construct-props-error";
import { checkBooleanProps } from "../../core/prop-types";

const BRAND = Symbol.for("vca-cdktf.TransitGateway");

export interface TransitGatewayProps extends GatewayOptions {
  /** Existing transit network id in the provider's format (see VpcId). */
  readonly vpcId: string;
  /** CIDR of the subnet the transit gateway launches in. */
  readonly gatewaySubnet: string;
  /**
   * Let spokes attached to this transit reach each other. Widens east-west reachability, so opt in.
   * @default false - the provider's default
   */
  readonly connectedTransit?: boolean;
}

export class TransitGateway extends Construct implements IGatewayRef {
  public static isTransitGateway(x: unknown): x is TransitGateway {
    return typeof x === "object" && x !== null && BRAND in x;
  }

  public readonly resource: CfnTransitGateway;
  /** `gw_name` as a reference: attachments wait for the gateway. */
  public readonly gatewayName: string;
  public readonly privateIp: string;
  /** The HA gateway's private IP; undefined without HA. */
  public readonly haPrivateIp?: string;
  public readonly vpcId: string;

  constructor(scope: Construct, id: string, props: TransitGatewayProps) {
    super(scope, id);
    checkBooleanProps(this, props, ["connectedTransit", "insaneMode", "singleIpSnat", "enableVpcDnsServer"]);
    Object.defineProperty(this, BRAND, { value: true });
    const ctx: CheckContext = { path: this.node.path, construct: "TransitGateway" };
    checkGatewayOptions(ctx, props);
    if (props.vpcId === undefined) throw new ConstructPropsError(ctx, "vpcId", undefined, "the transit network's id", "set vpcId");
    if (props.gatewaySubnet === undefined)
      throw new ConstructPropsError(ctx, "gatewaySubnet", undefined, "the CIDR of the transit gateway subnet", "set gatewaySubnet");
    const fields = gatewayConfigFields(this, ctx, props, {
      vpcId: props.vpcId,
      gatewaySubnet: props.gatewaySubnet,
      haSubnet: props.ha?.subnet,
      insaneModeAz: props.insaneModeAz,
      haInsaneModeAz: props.ha?.insaneModeAz,
    });
    this.resource = new CfnTransitGateway(this, "Default", { ...fields, connectedTransit: props.connectedTransit });
    registerControllerName(this, "gateway", fields.gwName);
    this.gatewayName = this.resource.gwName;
    this.privateIp = this.resource.privateIp;
    this.haPrivateIp = props.ha ? this.resource.haPrivateIp : undefined;
    this.vpcId = props.vpcId;
  }
}

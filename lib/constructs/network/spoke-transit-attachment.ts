// aviatrix_spoke_transit_attachment: joins a spoke gateway to a transit gateway (AgentCore and
// transit-attached Foundry layouts). Rules: provider-constraints.json resource_schemas and
// apply_time_rules.aviatrix_spoke_transit_attachment (tunnel_count 1–49, only with max performance).
import { Construct } from "constructs";
import { SpokeTransitAttachment as CfnSpokeTransitAttachment } from "../../aviatrix/gen/providers/aviatrix/spoke-transit-attachment";
import { IGatewayRef } from "./gateway-options";
import { CheckContext, checkNonEmpty } from "./prop-checks";
import { ConstructPropsError, isUnresolved } from "../../core/construct-props-error";
import { checkBooleanProps } from "../../core/prop-types";

/** Attachment settings that do not name the gateways. */
export interface SpokeTransitAttachmentOptions {
  /**
   * Build the maximum number of HPE tunnels (both gateways in insane mode, same cloud). ForceNew.
   * @default true - the provider's default
   */
  readonly enableMaxPerformance?: boolean;
  /**
   * Number of HPE tunnels, 1–49; only with enableMaxPerformance.
   * @default - the controller decides
   */
  readonly tunnelCount?: number;
  /**
   * Transit route tables to propagate the spoke's routes to (ForceNew set; sorted in the output).
   * @default - none
   */
  readonly routeTables?: string[];
}

export interface SpokeTransitAttachmentProps extends SpokeTransitAttachmentOptions {
  /** The spoke gateway (a SpokeGateway, or `{ gatewayName }` of an existing one). */
  readonly spokeGateway: IGatewayRef;
  /** The transit gateway (a TransitGateway, or `{ gatewayName }` of an existing one). */
  readonly transitGateway: IGatewayRef;
}

export const MAX_TUNNEL_COUNT = 49;

export class SpokeTransitAttachment extends Construct {
  public readonly resource: CfnSpokeTransitAttachment;

  constructor(scope: Construct, id: string, props: SpokeTransitAttachmentProps) {
    super(scope, id);
    checkBooleanProps(this, props, ["enableMaxPerformance"]);
    const ctx: CheckContext = { path: this.node.path, construct: "SpokeTransitAttachment" };
    checkNonEmpty(ctx, "spokeGateway.gatewayName", props.spokeGateway.gatewayName, "pass the spoke gateway");
    checkNonEmpty(ctx, "transitGateway.gatewayName", props.transitGateway.gatewayName, "pass the transit gateway");
    const maxPerformance = props.enableMaxPerformance ?? true;
    const tunnels = props.tunnelCount;
    if (tunnels !== undefined && !isUnresolved(tunnels)) {
      if (!Number.isInteger(tunnels) || tunnels < 1 || tunnels > MAX_TUNNEL_COUNT) {
        throw new ConstructPropsError(
          ctx,
          "tunnelCount",
          tunnels,
          `an integer from 1 to ${MAX_TUNNEL_COUNT}`,
          "pick a tunnel count in range or leave it unset",
        );
      }
      if (!isUnresolved(maxPerformance) && !maxPerformance) {
        throw new ConstructPropsError(
          ctx,
          "tunnelCount",
          tunnels,
          "unset when enableMaxPerformance is false",
          "remove tunnelCount or set enableMaxPerformance: true",
        );
      }
    }
    for (const rt of props.routeTables ?? []) checkNonEmpty(ctx, "routeTables", rt, "remove the empty route table name");

    this.resource = new CfnSpokeTransitAttachment(this, "Default", {
      spokeGwName: props.spokeGateway.gatewayName,
      transitGwName: props.transitGateway.gatewayName,
      enableMaxPerformance: props.enableMaxPerformance,
      tunnelCount: tunnels,
      routeTables: props.routeTables ? [...props.routeTables].sort() : undefined,
    });
  }
}

// GCP default route through the spoke gateway. Controller 9.0+ programs an untagged priority-991
// 0.0.0.0/0 → spoke gateway route itself (the gateway VM keeps a tagged priority-500 route to the
// internet gateway), so this construct is only for an explicit, Terraform-owned route, e.g. scoped to
// workload network tags (docs/research/cloud-stacks.md §5).
import { Construct } from "constructs";
import { ComputeRoute } from "@cdktf/provider-google/lib/compute-route";
import { CheckContext, checkIpv4, checkNonEmpty } from "./prop-checks";
import { ConstructPropsError, isUnresolved } from "../../core/construct-props-error";

/** Priority the controller uses for its own 0/0 route; lower numbers win, the default internet route is 1000. */
export const GCP_CONTROLLER_DEFAULT_ROUTE_PRIORITY = 991;

export interface GcpEgressRouteProps {
  /** Route name (RFC 1035: lower-case letters, digits, hyphens, ≤ 63 chars). */
  readonly name: string;
  /** Network name or self link. */
  readonly network: string;
  /** The spoke gateway's private IP (`SpokeGateway.privateIp`). */
  readonly nextHopIp: string;
  /**
   * Route priority; must beat the default internet route (1000).
   * @default 991 - the priority the controller uses for the same route
   */
  readonly priority?: number;
  /**
   * Network tags of the instances (e.g. GKE nodes) the route applies to.
   * @default - every instance in the network
   */
  readonly instanceTags?: string[];
  /**
   * Project of the network.
   * @default - the provider's project
   */
  readonly projectId?: string;
}

const RFC1035 = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

export class GcpEgressRoute extends Construct {
  public readonly route: ComputeRoute;

  constructor(scope: Construct, id: string, props: GcpEgressRouteProps) {
    super(scope, id);
    const ctx: CheckContext = { path: this.node.path, construct: "GcpEgressRoute" };
    if (!isUnresolved(props.name) && !RFC1035.test(props.name)) {
      throw new ConstructPropsError(ctx, "name", props.name, "lower-case letters, digits and hyphens, starting with a letter, ≤ 63 chars", "rename the route");
    }
    checkNonEmpty(ctx, "network", props.network, "pass the network name or self link");
    checkIpv4(ctx, "nextHopIp", props.nextHopIp);
    const priority = props.priority ?? GCP_CONTROLLER_DEFAULT_ROUTE_PRIORITY;
    if (!isUnresolved(priority) && (!Number.isInteger(priority) || priority < 0 || priority >= 1000)) {
      throw new ConstructPropsError(
        ctx,
        "priority",
        priority,
        "an integer 0-999 (lower wins; the default internet route has 1000)",
        "lower the priority so the gateway route wins",
      );
    }
    for (const tag of props.instanceTags ?? []) {
      if (!isUnresolved(tag) && !RFC1035.test(tag)) throw new ConstructPropsError(ctx, "instanceTags", tag, "RFC 1035 network tags", "fix the tag");
    }
    this.route = new ComputeRoute(this, "Route", {
      name: props.name,
      network: props.network,
      destRange: "0.0.0.0/0",
      nextHopIp: props.nextHopIp,
      priority,
      tags: props.instanceTags ? [...props.instanceTags].sort() : undefined,
      project: props.projectId,
    });
  }
}

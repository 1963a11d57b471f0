// Azure UDR that sends workload egress through the spoke gateway: a route table whose 0.0.0.0/0
// route has next hop VirtualAppliance = the gateway's private IP, associated to the workload/agent
// subnets. The controller adds its own RFC1918 routes to such tables but not 0/0, so the default
// route is a separate azurerm_route and the table ignores inline route drift (
// docs/research/cloud-stacks.md §2.7 azure-aks-multicluster, §4 UDR, §5).
// AKS clusters in these subnets must use network_profile.outbound_type = "userDefinedRouting", and
// the association must exist before the cluster is created (outbound type is create-time).
import { Construct } from "constructs";
import { Route } from "@cdktf/provider-azurerm/lib/route";
import { RouteTable } from "@cdktf/provider-azurerm/lib/route-table";
import { SubnetRouteTableAssociation } from "@cdktf/provider-azurerm/lib/subnet-route-table-association";
import { ITerraformDependable } from "../../core/cdktf";
import { CheckContext, checkIpv4, checkNonEmpty, sortedTags } from "./prop-checks";
import { ConstructPropsError, isUnresolved } from "../../core/construct-props-error";
import { checkBooleanProps } from "../../core/prop-types";

/** The AKS `network_profile.outbound_type` that makes nodes use the subnet's route table. */
export const AKS_OUTBOUND_TYPE_UDR = "userDefinedRouting";

export interface AzureEgressRouteTableProps {
  /** Route table name. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Next hop for 0.0.0.0/0: the spoke gateway's private IP (`SpokeGateway.privateIp`). */
  readonly nextHopIp: string;
  /**
   * Subnets to route through the gateway, keyed by a stable name (the key becomes part of the
   * association's Terraform address, so ids may be tokens).
   */
  readonly subnetIds: { [key: string]: string };
  /**
   * Propagate BGP routes (from VPN/ExpressRoute gateways) into the table.
   * @default false - only the gateway decides where workload traffic goes
   */
  readonly bgpRoutePropagationEnabled?: boolean;
  /**
   * Tags on the route table.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };
}

export class AzureEgressRouteTable extends Construct {
  /** What AKS clusters on these subnets must set as `outbound_type`. */
  public static readonly AKS_OUTBOUND_TYPE = AKS_OUTBOUND_TYPE_UDR;

  public readonly routeTable: RouteTable;
  public readonly defaultRoute: Route;
  /** Association per subnet key (sorted); AKS clusters should depend on these. */
  public readonly associations: SubnetRouteTableAssociation[];
  public readonly routeTableId: string;
  /** Dependables for a cluster that must only be created once egress is routed. */
  public readonly dependables: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: AzureEgressRouteTableProps) {
    super(scope, id);
    checkBooleanProps(this, props, ["bgpRoutePropagationEnabled"]);
    const ctx: CheckContext = { path: this.node.path, construct: "AzureEgressRouteTable" };
    checkNonEmpty(ctx, "name", props.name, "name the route table");
    checkIpv4(ctx, "nextHopIp", props.nextHopIp);
    const keys = isUnresolved(props.subnetIds) ? [] : Object.keys(props.subnetIds).sort();
    if (keys.length === 0) {
      throw new ConstructPropsError(
        ctx,
        "subnetIds",
        props.subnetIds,
        "at least one workload subnet",
        "list the subnets whose egress must go through the gateway",
      );
    }
    for (const key of keys) {
      if (!/^[A-Za-z0-9_-]+$/.test(key))
        throw new ConstructPropsError(ctx, "subnetIds", key, "keys of letters, digits, hyphens and underscores", "rename the key");
    }

    this.routeTable = new RouteTable(this, "RouteTable", {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      bgpRoutePropagationEnabled: props.bgpRoutePropagationEnabled ?? false,
      tags: sortedTags(props.tags),
      lifecycle: { ignoreChanges: ["route"] },
    });
    this.routeTableId = this.routeTable.id;
    this.defaultRoute = new Route(this, "DefaultRoute", {
      name: "default-via-aviatrix-spoke",
      resourceGroupName: props.resourceGroupName,
      routeTableName: this.routeTable.name,
      addressPrefix: "0.0.0.0/0",
      nextHopType: "VirtualAppliance",
      nextHopInIpAddress: props.nextHopIp,
    });
    this.associations = keys.map(
      (key) =>
        new SubnetRouteTableAssociation(this, `Association-${key}`, {
          subnetId: props.subnetIds[key],
          routeTableId: this.routeTable.id,
          dependsOn: [this.defaultRoute],
        }),
    );
    this.dependables = [this.defaultRoute, ...this.associations];
  }
}

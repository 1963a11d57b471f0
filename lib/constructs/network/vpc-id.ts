// Builders for the provider's per-cloud vpc_id formats (docs/research/aviatrix-provider-schema.md §6):
// AWS "vpc-…", Azure "vnet_name:resource_group:vnet_guid", GCP "network_name~-~project_id".
// Values may be tokens (e.g. a created VNet's guid); the result is then checked at apply time.

/** Parts of an Azure VNet's Aviatrix vpc_id. */
export interface AzureVpcIdParts {
  readonly vnetName: string;
  readonly resourceGroupName: string;
  /** The VNet's resource GUID (`azurerm_virtual_network.guid`). */
  readonly vnetGuid: string;
}

/** Parts of a GCP network's Aviatrix vpc_id. */
export interface GcpVpcIdParts {
  readonly networkName: string;
  readonly projectId: string;
}

export class VpcId {
  /** An AWS VPC id, passed through unchanged (`vpc-…`). */
  public static aws(vpcId: string): string {
    return vpcId;
  }

  /** `vnet_name:resource_group:vnet_guid`. */
  public static azure(parts: AzureVpcIdParts): string {
    return `${parts.vnetName}:${parts.resourceGroupName}:${parts.vnetGuid}`;
  }

  /** `network_name~-~project_id`. */
  public static gcp(parts: GcpVpcIdParts): string {
    return `${parts.networkName}~-~${parts.projectId}`;
  }

  private constructor() {}
}

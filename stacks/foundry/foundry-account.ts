// The Foundry side of the VCA: an AIServices account with project management and agent network
// injection into the delegated subnet (create-time only for hosted agents), a project, the
// account's private endpoint + private DNS (so inference to Azure OpenAI stays inside the VNet,
// never through the spoke gateway) and, optionally, the Agents capability host through azapi
// (azurerm has no resource for it). Facts: docs/research/cloud-stacks.md §2.2, §4.
import { Construct } from "constructs";
import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { CognitiveAccountProject } from "@cdktf/provider-azurerm/lib/cognitive-account-project";
import { PrivateDnsZone } from "@cdktf/provider-azurerm/lib/private-dns-zone";
import { PrivateDnsZoneVirtualNetworkLink } from "@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link";
import { PrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";
import { dependable, ITerraformDependable } from "../../lib/core/cdktf";
import { Resource as AzapiResource } from "../../lib/aviatrix/gen/providers/azapi/resource";
import { FOUNDRY_PRIVATE_DNS_ZONES } from "./aca-egress";
import { BindingFingerprint } from "./binding-fingerprint";

/** ARM type of the project-level capability host (the blueprint's API version). */
export const CAPABILITY_HOST_TYPE = "Microsoft.CognitiveServices/accounts/projects/capabilityHosts@2025-04-01-preview";

/** Connections a Standard Agent capability host stores threads, files and vectors in. */
export interface CapabilityHostConnections {
  /** Cosmos DB connection name (thread storage). */
  readonly threadStorage: string;
  /** Storage account connection name. */
  readonly storage: string;
  /** AI Search connection name (vector store). */
  readonly vectorStore: string;
}

export interface CapabilityHostOptions {
  /** Capability host name. @default "caphostproj" */
  readonly name?: string;
  /** Project connections for the Standard Agent setup. @default - none (platform-managed storage) */
  readonly connections?: CapabilityHostConnections;
}

export interface FoundryAccountProps {
  readonly namePrefix: string;
  readonly location: string;
  readonly resourceGroupName: string;
  /** Account name (unique in the resource group). */
  readonly accountName: string;
  /** Globally unique custom subdomain (may be a Terraform expression). */
  readonly customSubdomainName: string;
  readonly projectName: string;
  readonly agentSubnetId: string;
  readonly privateEndpointSubnetId: string;
  readonly vnetId: string;
  /** Values the network injection / capability host are bound to (fingerprint for replace_triggered_by). */
  readonly immutableBinding: Readonly<Record<string, string>>;
  /** Create the capability host; undefined = none. */
  readonly capabilityHost?: CapabilityHostOptions;
  /** Resources the account must wait for (UDR on the agent subnet, gateway). */
  readonly dependsOn: ITerraformDependable[];
  readonly tags: { [key: string]: string };
}

export class FoundryAccount extends Construct {
  public readonly account: CognitiveAccount;
  public readonly project: CognitiveAccountProject;
  public readonly privateEndpoint: PrivateEndpoint;
  /** `terraform_data` holding the immutable binding; replacing it replaces the capability host. */
  public readonly bindingFingerprint: BindingFingerprint;
  public readonly capabilityHost?: AzapiResource;

  constructor(scope: Construct, id: string, props: FoundryAccountProps) {
    super(scope, id);
    const rg = props.resourceGroupName;
    this.bindingFingerprint = new BindingFingerprint(this, "BindingFingerprint", props.immutableBinding);
    this.bindingFingerprint.overrideLogicalId("foundry_network_binding");

    this.account = new CognitiveAccount(this, "Account", {
      name: props.accountName,
      customSubdomainName: props.customSubdomainName,
      resourceGroupName: rg,
      location: props.location,
      kind: "AIServices",
      skuName: "S0",
      projectManagementEnabled: true,
      publicNetworkAccessEnabled: false,
      localAuthEnabled: false,
      identity: { type: "SystemAssigned" },
      networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
      // Hosted agents: injection is create-time only (cannot be added later); scenario "agent".
      networkInjection: { scenario: "agent", subnetId: props.agentSubnetId },
      tags: props.tags,
      dependsOn: props.dependsOn,
    });
    this.account.overrideLogicalId("foundry_account");

    this.project = new CognitiveAccountProject(this, "Project", {
      name: props.projectName,
      cognitiveAccountId: this.account.id,
      location: props.location,
      identity: { type: "SystemAssigned" },
      tags: props.tags,
    });
    this.project.overrideLogicalId("foundry_project");

    const zones = FOUNDRY_PRIVATE_DNS_ZONES.map((zone) => {
      const key = zone.replace(/^privatelink\./, "").replace(/\W+/g, "_");
      const z = new PrivateDnsZone(this, `Zone-${key}`, { name: zone, resourceGroupName: rg, tags: props.tags });
      z.overrideLogicalId(`dns_${key}`);
      const link = new PrivateDnsZoneVirtualNetworkLink(this, `ZoneLink-${key}`, {
        name: `${props.namePrefix}-${key}`,
        resourceGroupName: rg,
        privateDnsZoneName: z.name,
        virtualNetworkId: props.vnetId,
        registrationEnabled: false,
        tags: props.tags,
      });
      link.overrideLogicalId(`dns_link_${key}`);
      return z;
    });
    this.privateEndpoint = new PrivateEndpoint(this, "PrivateEndpoint", {
      name: `${props.namePrefix}-foundry-pe`,
      resourceGroupName: rg,
      location: props.location,
      subnetId: props.privateEndpointSubnetId,
      privateServiceConnection: {
        name: `${props.namePrefix}-foundry-psc`,
        privateConnectionResourceId: this.account.id,
        subresourceNames: ["account"],
        isManualConnection: false,
      },
      privateDnsZoneGroup: { name: "foundry", privateDnsZoneIds: zones.map((z) => z.id) },
      tags: props.tags,
    });
    this.privateEndpoint.overrideLogicalId("foundry_private_endpoint");

    if (props.capabilityHost) {
      const c = props.capabilityHost.connections;
      const properties: Record<string, unknown> = { capabilityHostKind: "Agents" };
      if (c) {
        properties.threadStorageConnections = [c.threadStorage];
        properties.storageConnections = [c.storage];
        properties.vectorStoreConnections = [c.vectorStore];
      }
      this.capabilityHost = new AzapiResource(this, "CapabilityHost", {
        type: CAPABILITY_HOST_TYPE,
        name: props.capabilityHost.name ?? "caphostproj",
        parentId: this.project.id,
        body: { properties },
        schemaValidationEnabled: false,
        // Capability hosts cannot be updated in place: a new subnet/UDR/gateway binding must replace it.
        // cdktf renders a resource in replaceTriggeredBy as "${terraform_data.x}", which Terraform
        // rejects ("Invalid expression": the entries are bare addresses); dependable() renders the
        // bare address, as cdktf does for depends_on (terraform-cdk issues 3196, 3532, 3645).
        lifecycle: { replaceTriggeredBy: [dependable(this.bindingFingerprint)] },
        dependsOn: [this.privateEndpoint],
      });
      this.capabilityHost.overrideLogicalId("foundry_capability_host");
    }
  }
}

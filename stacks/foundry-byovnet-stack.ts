// FoundryByoVnetStack: Microsoft Foundry hosted agents in BYOVNet mode behind an Aviatrix spoke
// gateway. Agent subnet (delegated to Microsoft.App/environments, network injection) → UDR
// 0.0.0.0/0 → spoke gateway → DCF rules 1–6; inference reaches the account over its private
// endpoint inside the VNet (a VnetLocal route keeps it off the gateway). Optional transit
// attachment adds the east-west deny. Facts: docs/research/cloud-stacks.md §2.2, §4.
import { Construct } from "constructs";
import { AzapiProvider } from "../lib/aviatrix/gen/providers/azapi/provider";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { Route } from "@cdktf/provider-azurerm/lib/route";
import { dependable, TerraformOutput, TerraformStack } from "../lib/core/cdktf";
import { AviatrixProvider } from "../lib/constructs/aviatrix/aviatrix-provider";
import { DcfRenderMode } from "../lib/constructs/dcf/dcf-policy-pack";
import { AzureEgressRouteTable } from "../lib/constructs/network/azure-egress-route-table";
import { Cloud } from "../lib/constructs/network/cloud";
import { IGatewayRef } from "../lib/constructs/network/gateway-options";
import { sortedTags } from "../lib/constructs/network/prop-checks";
import { SpokeGateway } from "../lib/constructs/network/spoke-gateway";
import { PolicyMode } from "../lib/dcf/model";
import { addPreflightFacts } from "../lib/preflight/facts";
import { Preflight } from "../lib/preflight/preflight";
import { DEFAULT_EAST_WEST_CIDRS, DEFAULT_TOOL_CALL_DOMAINS, FOUNDRY_REGIONS, FOUNDRY_RESOURCE_PROVIDERS } from "./foundry/aca-egress";
import { CapabilityHostOptions, FoundryAccount } from "./foundry/foundry-account";
import { ExistingFoundryNetworkOptions, FoundryNetwork, NewFoundryNetworkOptions } from "./foundry/foundry-network";
import { FOUNDRY_RULES, FoundryPolicy } from "./foundry/foundry-policy";
import { checkDomains, checkNamePrefix, checkRuleSuffixes, checkSubscriptionId, requireText } from "./stack-prop-checks";
import { AzurermProviderOptions } from "./provider-options";
import { addStackOutputs, policySteps } from "./outputs";
import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { parseIpv4Cidr } from "../lib/net/ip";
import { Fn } from "../lib/core/cdktf";
import { ConstructPropsError } from "../lib/core/construct-props-error";
import { ControllerOwnershipProps, ownedPolicy } from "./controller-ownership";
import { checkBooleanProps } from "../lib/core/prop-types";

const STACK = "FoundryByoVnetStack";

export interface FoundryByoVnetStackProps extends ControllerOwnershipProps {
  /** Aviatrix controller version the stack targets (pins the provider), e.g. "9.0.10". */
  readonly controllerVersion: string;
  /** Aviatrix access-account name of the Azure subscription. */
  readonly aviatrixAccountName: string;
  /** Azure region (one of the Foundry BYOVNet regions, e.g. "francecentral"). */
  readonly location: string;
  /** Subscription for the azurerm/azapi providers. @default - from the environment (ARM_SUBSCRIPTION_ID / az login) */
  readonly subscriptionId?: string;
  /** Prefix of every name. @default "foundry-vca" */
  readonly namePrefix?: string;
  /** Resource group created for the network and Foundry resources. @default "<namePrefix>-rg" */
  readonly resourceGroupName?: string;
  /** Create the VNet. @default - a new 10.11.0.0/23 VNet unless existingNetwork is set */
  readonly newNetwork?: NewFoundryNetworkOptions;
  /** Adopt an existing VNet (its agent subnet must already be delegated to Microsoft.App/environments). @default - create one */
  readonly existingNetwork?: ExistingFoundryNetworkOptions;
  /** Spoke gateway size. @default "Standard_B2ms" */
  readonly gatewaySize?: string;
  /** Spoke gateway name. @default "<namePrefix>-spoke" */
  readonly gatewayName?: string;
  /** Attach the spoke to this transit gateway (rule 6 then denies the agents the other spokes). @default - not attached */
  readonly transitGateway?: IGatewayRef;
  /** Rule 6 deny-east-west destinations: the other spokes' ranges. @default - the RFC 1918 ranges */
  readonly eastWestCidrs?: string[];
  /**
   * Add `*.blob.core.windows.net` (ACR layer downloads) to the ACA permit. It matches every Azure
   * storage account, so it is off unless asked for (a synth warning records it). @default false
   */
  readonly allowBlobStorage?: boolean;
  /** Tool-call domains hosted agents may reach (rule 4). Empty drops rule 4. @default ["api.ipify.org"] */
  readonly toolCallDomains?: string[];
  /** TLS-decrypt tool calls (agents must trust the DCF MITM CA). @default false */
  readonly toolCallDecryption?: boolean;
  /** Foundry account name (unique in the resource group). @default "<namePrefix>-foundry" */
  readonly accountName?: string;
  /**
   * The account's custom subdomain (`<name>.services.ai.azure.com`), globally unique.
   * @default - "<namePrefix>-" + the first 8 hex digits of sha1(subscription id + "/" + resource group), stable per deployment
   */
  readonly customSubdomainName?: string;
  /** @default "<namePrefix>-project" */
  readonly projectName?: string;
  /**
   * Create the project's Agents capability host (azapi). The April-2026 hosted-agents refresh
   * provisions infrastructure without one; set false for that backend. @default - created, no connections
   */
  readonly capabilityHost?: CapabilityHostOptions | false;
  /** discover: rules watch, default PERMIT + log; enforce: rules act, default DENY + log. @default "enforce" */
  readonly mode?: PolicyMode;
  /** Rule suffixes (e.g. "deny-threat-intel") that act even in discover mode. @default - none */
  readonly promoteRules?: string[];
  /**
   * How the pack is written: "ruleset" at the stack's attachment point (brownfield), or
   * "policyList" (the seed's V1 list, a controller singleton; only with ownController).
   * @default "ruleset"
   */
  readonly renderAs?: DcfRenderMode;
  /** Manage the controller's default action (a controller-wide singleton). @default - ownController */
  readonly manageDefaultAction?: boolean;
  /** Tags on Azure resources. @default { blueprint: "vca-foundry-byovnet" } */
  readonly tags?: { [key: string]: string };
  /**
   * azurerm/azapi provider settings (tenant, client, ...); subscriptionId stays its own prop.
   * TypeScript-only for now: README "jsii".
   * @default - the environment's
   * @jsii ignore
   */
  readonly azurermProvider?: Omit<AzurermProviderOptions, "subscriptionId">;
}

export class FoundryByoVnetStack extends TerraformStack {
  public readonly aviatrixProvider: AviatrixProvider;
  /**
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly network: FoundryNetwork;
  public readonly spokeGateway: SpokeGateway;
  public readonly egressRoutes: AzureEgressRouteTable;
  /** The agent-subnet route keeping private-endpoint traffic inside the VNet. */
  public readonly privateEndpointRoute: Route;
  /**
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly foundry: FoundryAccount;
  /**
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly policy: FoundryPolicy;

  constructor(scope: Construct, id: string, props: FoundryByoVnetStackProps) {
    super(scope, id);
    checkBooleanProps(this, props, ["toolCallDecryption", "manageDefaultAction"]);
    const prefix = checkNamePrefix(this, `${STACK}.namePrefix`, props.namePrefix ?? "foundry-vca", 24);
    requireText(this, `${STACK}.aviatrixAccountName`, props.aviatrixAccountName, "pass the Aviatrix access-account name of the Azure subscription");
    if (!FOUNDRY_REGIONS.includes(props.location)) {
      throw new ConstructPropsError(
        this,
        `${STACK}.location`,
        props.location,
        `one of ${FOUNDRY_REGIONS.join(", ")}`,
        "pick a region where Foundry hosted agents support BYOVNet",
      );
    }
    const toolCallDomains = checkDomains(this, `${STACK}.toolCallDomains`, props.toolCallDomains ?? DEFAULT_TOOL_CALL_DOMAINS, true);
    const mode = props.mode ?? "enforce";
    checkRuleSuffixes(
      this,
      `${STACK}.promoteRules`,
      props.promoteRules ?? [],
      Object.values(FOUNDRY_RULES).map((r) => r.suffix),
    );
    const tags = sortedTags(props.tags ?? { blueprint: "vca-foundry-byovnet" }) ?? {};

    if (props.subscriptionId !== undefined) checkSubscriptionId(this, `${STACK}.subscriptionId`, props.subscriptionId);
    const eastWestCidrs = props.eastWestCidrs ?? DEFAULT_EAST_WEST_CIDRS;
    if (!Array.isArray(eastWestCidrs) || eastWestCidrs.length === 0 || eastWestCidrs.some((c) => typeof c !== "string" || !parseIpv4Cidr(c))) {
      throw new ConstructPropsError(
        this,
        `${STACK}.eastWestCidrs`,
        eastWestCidrs,
        "a non-empty list of IPv4 CIDRs",
        "list the other spokes' ranges, or leave it unset for the RFC 1918 ranges",
      );
    }

    this.aviatrixProvider = new AviatrixProvider(this, "aviatrix", { controllerVersion: props.controllerVersion });
    // Microsoft.App: without it the capability host / hosted agents fail (vendor foundry-playground
    // registers it with `az provider register`); registering an already-registered provider is a no-op.
    const providers = [...new Set([...(props.azurermProvider?.resourceProvidersToRegister ?? []), ...FOUNDRY_RESOURCE_PROVIDERS])].sort();
    new AzurermProvider(this, "azurerm", {
      ...props.azurermProvider,
      features: [{}],
      subscriptionId: props.subscriptionId,
      storageUseAzuread: true,
      resourceProvidersToRegister: providers,
    });
    new AzapiProvider(this, "azapi", { subscriptionId: props.subscriptionId });

    const rg = new ResourceGroup(this, "ResourceGroup", { name: props.resourceGroupName ?? `${prefix}-rg`, location: props.location, tags });
    rg.overrideLogicalId("foundry_rg");
    this.network = new FoundryNetwork(this, "Network", {
      namePrefix: prefix,
      location: props.location,
      resourceGroupName: rg.name,
      newNetwork: props.newNetwork,
      existingNetwork: props.existingNetwork,
      tags,
    });

    this.spokeGateway = new SpokeGateway(this, "SpokeGateway", {
      name: props.gatewayName ?? `${prefix}-spoke`,
      cloud: Cloud.AZURE,
      accountName: props.aviatrixAccountName,
      region: props.location,
      gatewaySize: props.gatewaySize ?? "Standard_B2ms",
      vpcId: this.network.vpcId,
      gatewaySubnet: this.network.gatewaySubnetCidr,
      // Egress leaves with the gateway's IP; the UDR below sends the agent subnet to it.
      singleIpSnat: true,
      attachTo: props.transitGateway,
    });
    const gw = this.spokeGateway.resource;
    gw.dependsOn = [...(gw.dependsOn ?? []), ...this.network.gatewayDependencies.map((d) => dependable(d))];

    this.egressRoutes = new AzureEgressRouteTable(this, "AgentEgress", {
      name: `${prefix}-agent-rt`,
      resourceGroupName: rg.name,
      location: props.location,
      nextHopIp: this.spokeGateway.privateIp,
      subnetIds: { agent: this.network.agentSubnetId },
      tags,
    });
    // More specific than 0/0: private-endpoint inference never hairpins through the gateway.
    this.privateEndpointRoute = new Route(this, "PrivateEndpointRoute", {
      name: "private-endpoints-vnet-local",
      resourceGroupName: rg.name,
      routeTableName: this.egressRoutes.routeTable.name,
      addressPrefix: this.network.privateEndpointSubnetCidr,
      nextHopType: "VnetLocal",
    });
    this.privateEndpointRoute.overrideLogicalId("agent_private_endpoint_route");

    const binding = {
      agentSubnetCidr: this.network.agentSubnetCidr,
      udrNextHop: this.spokeGateway.privateIp,
      spokeGatewayIp: this.spokeGateway.privateIp,
    };
    this.foundry = new FoundryAccount(this, "Foundry", {
      namePrefix: prefix,
      location: props.location,
      resourceGroupName: rg.name,
      accountName: props.accountName ?? `${prefix}-foundry`,
      customSubdomainName: props.customSubdomainName ?? uniqueSubdomain(this, prefix, rg.name),
      projectName: props.projectName ?? `${prefix}-project`,
      agentSubnetId: this.network.agentSubnetId,
      privateEndpointSubnetId: this.network.privateEndpointSubnetId,
      vnetId: this.network.vnetId,
      immutableBinding: binding,
      capabilityHost: props.capabilityHost === false ? undefined : (props.capabilityHost ?? {}),
      // Injection is create-time only: the subnet must already route through the gateway.
      dependsOn: [...this.egressRoutes.dependables, this.privateEndpointRoute],
      tags,
    });

    this.policy = new FoundryPolicy(this, "Dcf", {
      namePrefix: prefix,
      aviatrixAccountName: props.aviatrixAccountName,
      agentSubnetName: this.network.agentSubnetName,
      toolCallDomains,
      toolCallDecryption: props.toolCallDecryption ?? false,
      eastWestCidrs,
      allowBlobStorage: props.allowBlobStorage ?? false,
      mode,
      promoteRules: props.promoteRules ?? [],
      ...ownedPolicy(this, STACK, prefix, props),
      dependsOn: [this.spokeGateway.resource],
    });

    this.declarePreflightFacts(binding);
    Preflight.of(this);
    new TerraformOutput(this, "agent_subnet_id", { value: this.network.agentSubnetId });
    new TerraformOutput(this, "foundry_account_name", { value: this.foundry.account.name });
    new TerraformOutput(this, "foundry_project_name", { value: this.foundry.project.name });
    new TerraformOutput(this, "foundry_endpoint", {
      value: `https://${this.foundry.account.customSubdomainName}.services.ai.azure.com`,
      description: "Foundry endpoint (private DNS inside the VNet)",
    });
    addStackOutputs(this, {
      gateways: [{ key: "spoke", gateway: this.spokeGateway }],
      pack: this.policy.pack,
      nextSteps: [
        "Deploy a hosted agent into the project (Foundry portal or the Agents API); its egress leaves through the agent subnet's UDR to the spoke gateway.",
        "Tool calls reach only the toolCallDomains WebGroup (rule 4); other spokes are denied (rule 6); inference stays on the private endpoint.",
        ...policySteps(id, this.policy.pack.mode),
      ],
    });
  }

  private declarePreflightFacts(binding: Readonly<Record<string, string>>): void {
    const guard = this.foundry.capabilityHost ?? this.foundry.account;
    addPreflightFacts(
      guard,
      {
        kind: "immutable-binding",
        key: "foundry/network-injection",
        description: "Foundry agent network injection / capability host binding (agent subnet CIDR, UDR next hop, spoke gateway IP)",
        values: binding,
        guard,
        boundThrough: this.foundry.bindingFingerprint,
      },
      {
        kind: "foundry-hosted-agents",
        networkMode: "byo-vnet",
        acaPermits: [
          { label: "aca-fqdn", webGroups: [this.policy.acaFqdns.address] },
          { label: "aca-service-tags", dstGroups: this.policy.serviceTagGroups.map((g) => g.address) },
        ],
        privateEndpointCidrs: [this.network.privateEndpointSubnetCidr],
        udrRoutes: [{ addressPrefix: "0.0.0.0/0", nextHopIp: this.spokeGateway.privateIp }, { addressPrefix: this.network.privateEndpointSubnetCidr }],
        spokeGatewayIp: this.spokeGateway.privateIp,
      },
    );
  }
}

/**
 * A custom subdomain unique per subscription and resource group, stable across plans: the
 * prefix plus 8 hex digits of sha1("<subscription id>/<resource group>") (Terraform functions,
 * so no random provider). A fixed lab name collides with every other deployment of the blueprint.
 */
function uniqueSubdomain(scope: Construct, prefix: string, resourceGroupName: string): string {
  const client = new DataAzurermClientConfig(scope, "ClientConfig");
  client.overrideLogicalId("current");
  return `${prefix}-${Fn.substr(Fn.sha1(Fn.join("/", [client.subscriptionId, resourceGroupName])), 0, 8)}`;
}

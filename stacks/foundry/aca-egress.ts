// What Azure Container Apps (the platform under Foundry hosted agents) must reach, and where
// Foundry BYOVNet may run. Sources: docs/research/cloud-stacks.md §2.2 (blueprint
// azure-ai-foundry-security/network-infra variables aca_requirements_fqdns, aca_platform_svc_tags,
// location validation) and §4 (learn.microsoft.com/azure/container-apps/use-azure-firewall).

/** ACA platform FQDNs (MCR, AKS packages, managed identity / Entra ID, App Insights ingestion). */
export const ACA_PLATFORM_FQDNS: readonly string[] = [
  "*.data.mcr.microsoft.com",
  "*.identity.azure.net",
  "*.in.applicationinsights.azure.com",
  "*.login.microsoft.com",
  "*.login.microsoftonline.com",
  "acs-mirror.azureedge.net",
  "login.microsoft.com",
  "login.microsoftonline.com",
  "mcr.microsoft.com",
  "packages.aks.azure.com",
];

/**
 * Blob storage endpoints (ACR layer downloads, in the ACA firewall list and the seed's): any
 * storage account in Azure, so only permitted on request (FoundryByoVnetStack allowBlobStorage).
 */
export const AZURE_BLOB_WILDCARD = "*.blob.core.windows.net";

/** Destinations of the east-west deny (rule 6): the RFC 1918 ranges other spokes use. */
export const DEFAULT_EAST_WEST_CIDRS: readonly string[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/**
 * Azure service tags ACA needs at the network layer, as Aviatrix `azureips` feed service names
 * (the blueprint's spelling: AzureFrontDoorFirstParty is Azure's "AzureFrontDoor.FirstParty").
 */
export const ACA_SERVICE_TAGS: readonly string[] = ["AzureActiveDirectory", "AzureContainerRegistry", "AzureFrontDoorFirstParty", "MicrosoftContainerRegistry"];

/**
 * Resource providers Foundry hosted agents need registered beyond azurerm's defaults: Microsoft.App
 * (the ACA platform under hosted agents) and Microsoft.ContainerService (vendor foundry-playground's
 * register_resource_providers; MS "Set up private networking for Foundry Agent Service").
 */
export const FOUNDRY_RESOURCE_PROVIDERS: readonly string[] = ["Microsoft.App", "Microsoft.ContainerService"];

/** Regions the blueprint accepts for Foundry hosted agents in BYOVNet mode. */
export const FOUNDRY_REGIONS: readonly string[] = [
  "australiaeast",
  "brazilsouth",
  "canadacentral",
  "canadaeast",
  "eastus",
  "eastus2",
  "francecentral",
  "japaneast",
  "koreacentral",
  "northcentralus",
  "northeurope",
  "southcentralus",
  "southeastasia",
  "swedencentral",
  "uksouth",
  "westeurope",
  "westus",
  "westus3",
];

/** The blueprint's default tool-call allowlist (a public "what is my IP" echo for the demo agent). */
export const DEFAULT_TOOL_CALL_DOMAINS: readonly string[] = ["api.ipify.org"];

/** Private DNS zones the Foundry account's private endpoint registers in (subresource "account"). */
export const FOUNDRY_PRIVATE_DNS_ZONES: readonly string[] = [
  "privatelink.cognitiveservices.azure.com",
  "privatelink.openai.azure.com",
  "privatelink.services.ai.azure.com",
];

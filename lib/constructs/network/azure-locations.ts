// Azure location names (`francecentral`) → display names (`France Central`). The Aviatrix
// provider sends `vpc_reg` as given and reads back the controller's region string, which is the
// display name on Azure (AviatrixSystems/terraform-provider-aviatrix aviatrix/resource_aviatrix_spoke_gateway.go:
// `vpc_reg` is ForceNew with no diff suppression; its docs and both vendor Azure blueprints use
// "East US 2" / "France Central", docs/research/cloud-stacks.md §2.2). A location name would
// plan a replacement of the gateway on every run. Names: `az account list-locations --query
// "[].{name:name, displayName:displayName}"` (Azure public cloud).
import { ConstructPropsError } from "../../core/construct-props-error";
import type { CheckContext } from "./prop-checks";

export const AZURE_LOCATION_DISPLAY_NAMES: Readonly<Record<string, string>> = {
  australiacentral: "Australia Central",
  australiacentral2: "Australia Central 2",
  australiaeast: "Australia East",
  australiasoutheast: "Australia Southeast",
  austriaeast: "Austria East",
  belgiumcentral: "Belgium Central",
  brazilsouth: "Brazil South",
  brazilsoutheast: "Brazil Southeast",
  canadacentral: "Canada Central",
  canadaeast: "Canada East",
  centralindia: "Central India",
  centralus: "Central US",
  chilecentral: "Chile Central",
  eastasia: "East Asia",
  eastus: "East US",
  eastus2: "East US 2",
  francecentral: "France Central",
  francesouth: "France South",
  germanynorth: "Germany North",
  germanywestcentral: "Germany West Central",
  indonesiacentral: "Indonesia Central",
  israelcentral: "Israel Central",
  italynorth: "Italy North",
  japaneast: "Japan East",
  japanwest: "Japan West",
  koreacentral: "Korea Central",
  koreasouth: "Korea South",
  malaysiawest: "Malaysia West",
  mexicocentral: "Mexico Central",
  newzealandnorth: "New Zealand North",
  northcentralus: "North Central US",
  northeurope: "North Europe",
  norwayeast: "Norway East",
  norwaywest: "Norway West",
  polandcentral: "Poland Central",
  qatarcentral: "Qatar Central",
  southafricanorth: "South Africa North",
  southafricawest: "South Africa West",
  southcentralus: "South Central US",
  southeastasia: "Southeast Asia",
  southindia: "South India",
  spaincentral: "Spain Central",
  swedencentral: "Sweden Central",
  switzerlandnorth: "Switzerland North",
  switzerlandwest: "Switzerland West",
  uaecentral: "UAE Central",
  uaenorth: "UAE North",
  uksouth: "UK South",
  ukwest: "UK West",
  westcentralus: "West Central US",
  westeurope: "West Europe",
  westindia: "West India",
  westus: "West US",
  westus2: "West US 2",
  westus3: "West US 3",
};

const DISPLAY_NAMES = new Set(Object.values(AZURE_LOCATION_DISPLAY_NAMES));

/**
 * The display name Aviatrix expects in `vpc_reg` for an Azure location given either way
 * ("francecentral" or "France Central"). A location missing from the table must be given by its
 * display name.
 */
export function azureVpcRegion(ctx: CheckContext, prop: string, location: string): string {
  const known = AZURE_LOCATION_DISPLAY_NAMES[location.toLowerCase().replace(/\s+/g, "")];
  if (known !== undefined) return known;
  if (DISPLAY_NAMES.has(location) || /\s/.test(location)) return location;
  throw new ConstructPropsError(
    ctx,
    prop,
    location,
    'an Azure location the vpc_reg table knows (e.g. francecentral) or its display name (e.g. "France Central")',
    "pass the display name from `az account list-locations --query \"[?name=='<location>'].displayName\"`",
  );
}

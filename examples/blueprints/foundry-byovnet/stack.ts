// Blueprint vca-foundry-byovnet: Microsoft Foundry hosted agents (BYOVNet) behind an Aviatrix spoke gateway. Its values come from the blueprints' config (VCA_CONFIG, else
// examples/blueprints/vca.config.example.yaml); the stack class keeps every default.
import type { App } from "../../../lib/core/cdktf";
import type { LoadedVcaConfig } from "../../../lib/config/vca-config";
import { FoundryByoVnetStack } from "../../../stacks/foundry-byovnet-stack";
import { blueprintConfig } from "../config/config-source";
import { foundryProps } from "../config/stack-props";

export const FOUNDRY_BYOVNET_STACK_ID = "vca-foundry-byovnet";

export function addFoundryByoVnet(app: App, config: LoadedVcaConfig = blueprintConfig(app)): FoundryByoVnetStack {
  return new FoundryByoVnetStack(app, FOUNDRY_BYOVNET_STACK_ID, foundryProps(app, config, FOUNDRY_BYOVNET_STACK_ID));
}

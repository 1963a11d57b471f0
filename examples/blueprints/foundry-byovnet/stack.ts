// Blueprint vca-foundry-byovnet: the seed lab's parameters (azure-ai-foundry-security
// network-infra defaults: francecentral, 10.11.0.0/23, tool call api.ipify.org, not attached to a
// transit). Switch discover/enforce with `VCA_MODE=discover npx cdktf synth` (default enforce).
import { blueprintMode } from "../policy-mode";
import { App } from "../../../lib/core/cdktf";
import { FoundryByoVnetStack } from "../../../stacks/foundry-byovnet-stack";

export const FOUNDRY_BYOVNET_STACK_ID = "vca-foundry-byovnet";

export function addFoundryByoVnet(app: App): FoundryByoVnetStack {
  const mode = blueprintMode(app);
  return new FoundryByoVnetStack(app, FOUNDRY_BYOVNET_STACK_ID, {
    controllerVersion: "9.0.10",
    aviatrixAccountName: "azure-foundry",
    location: "francecentral",
    namePrefix: "foundry-vca",
    newNetwork: { cidr: "10.11.0.0/23" },
    gatewaySize: "Standard_B2ms",
    toolCallDomains: ["api.ipify.org"],
    mode,
  });
}

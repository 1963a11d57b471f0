// Blueprint vca-obot-aks: Enterprise MCP (Obot) on AKS. Its values come from the blueprints' config (VCA_CONFIG, else
// examples/blueprints/vca.config.example.yaml); the stack class keeps every default.
import type { App } from "../../../lib/core/cdktf";
import type { LoadedVcaConfig } from "../../../lib/config/vca-config";
import { AksVcaStack } from "../../../stacks/aks-vca-stack";
import { blueprintConfig } from "../config/config-source";
import { aksProps } from "../config/stack-props";

export const OBOT_AKS_STACK_ID = "vca-obot-aks";

export function addObotAks(app: App, config: LoadedVcaConfig = blueprintConfig(app)): AksVcaStack {
  return new AksVcaStack(app, OBOT_AKS_STACK_ID, aksProps(app, config, OBOT_AKS_STACK_ID));
}

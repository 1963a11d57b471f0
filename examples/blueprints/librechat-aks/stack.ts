// Blueprint vca-librechat-aks: Secure Enterprise Chat (LibreChat) on AKS. Its values come from the blueprints' config (VCA_CONFIG, else
// examples/blueprints/vca.config.example.yaml); the stack class keeps every default.
import type { App } from "../../../lib/core/cdktf";
import type { LoadedVcaConfig } from "../../../lib/config/vca-config";
import { AksVcaStack } from "../../../stacks/aks-vca-stack";
import { blueprintConfig } from "../config/config-source";
import { aksProps } from "../config/stack-props";

export const LIBRECHAT_AKS_STACK_ID = "vca-librechat-aks";

export function addLibreChatAks(app: App, config: LoadedVcaConfig = blueprintConfig(app)): AksVcaStack {
  return new AksVcaStack(app, LIBRECHAT_AKS_STACK_ID, aksProps(app, config, LIBRECHAT_AKS_STACK_ID));
}

// Blueprint vca-librechat-gke: Secure Enterprise Chat (LibreChat) on GKE. Its values come from the blueprints' config (VCA_CONFIG, else
// examples/blueprints/vca.config.example.yaml); the stack class keeps every default.
import type { App } from "../../../lib/core/cdktf";
import type { LoadedVcaConfig } from "../../../lib/config/vca-config";
import { GkeVcaStack } from "../../../stacks/gke-vca-stack";
import { blueprintConfig } from "../config/config-source";
import { gkeProps } from "../config/stack-props";

export const LIBRECHAT_GKE_STACK_ID = "vca-librechat-gke";

export function addLibreChatGke(app: App, config: LoadedVcaConfig = blueprintConfig(app)): GkeVcaStack {
  return new GkeVcaStack(app, LIBRECHAT_GKE_STACK_ID, gkeProps(app, config, LIBRECHAT_GKE_STACK_ID));
}

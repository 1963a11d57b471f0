// Blueprint vca-librechat-eks: Secure Enterprise Chat (LibreChat) on EKS. Its values come from the blueprints' config (VCA_CONFIG, else
// examples/blueprints/vca.config.example.yaml); the stack class keeps every default.
import type { App } from "../../../lib/core/cdktf";
import type { LoadedVcaConfig } from "../../../lib/config/vca-config";
import { EksVcaStack } from "../../../stacks/eks-vca-stack";
import { blueprintConfig } from "../config/config-source";
import { eksProps } from "../config/stack-props";

export const LIBRECHAT_EKS_STACK_ID = "vca-librechat-eks";

export function addLibreChatEks(app: App, config: LoadedVcaConfig = blueprintConfig(app)): EksVcaStack {
  return new EksVcaStack(app, LIBRECHAT_EKS_STACK_ID, eksProps(app, config, LIBRECHAT_EKS_STACK_ID));
}

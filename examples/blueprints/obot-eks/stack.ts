// Blueprint vca-obot-eks: Enterprise MCP (Obot) on EKS. Its values come from the blueprints' config (VCA_CONFIG, else
// examples/blueprints/vca.config.example.yaml); the stack class keeps every default.
import type { App } from "../../../lib/core/cdktf";
import type { LoadedVcaConfig } from "../../../lib/config/vca-config";
import { EksVcaStack } from "../../../stacks/eks-vca-stack";
import { blueprintConfig } from "../config/config-source";
import { eksProps } from "../config/stack-props";

export const OBOT_EKS_STACK_ID = "vca-obot-eks";

export function addObotEks(app: App, config: LoadedVcaConfig = blueprintConfig(app)): EksVcaStack {
  return new EksVcaStack(app, OBOT_EKS_STACK_ID, eksProps(app, config, OBOT_EKS_STACK_ID));
}

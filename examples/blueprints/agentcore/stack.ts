// Blueprint vca-agentcore: AWS Bedrock AgentCore in VPC mode behind Aviatrix. Its values come from the blueprints' config (VCA_CONFIG, else
// examples/blueprints/vca.config.example.yaml); the stack class keeps every default.
import type { App } from "../../../lib/core/cdktf";
import type { LoadedVcaConfig } from "../../../lib/config/vca-config";
import { AgentCoreStack } from "../../../stacks/agentcore-stack";
import { blueprintConfig } from "../config/config-source";
import { agentCoreProps } from "../config/stack-props";

export const AGENTCORE_STACK_ID = "vca-agentcore";

export function addAgentCore(app: App, config: LoadedVcaConfig = blueprintConfig(app)): AgentCoreStack {
  return new AgentCoreStack(app, AGENTCORE_STACK_ID, agentCoreProps(app, config, AGENTCORE_STACK_ID));
}

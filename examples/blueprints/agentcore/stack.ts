// Blueprint vca-agentcore: the seed lab's defaults (blueprint agentcore-aws: prefix
// agentcore-vca, us-east-2, transit 10.40.0.0/23, AgentCore spoke 10.50.0.0/16 with the runtime
// in 10.50.10.0/24, client spoke 10.60.0.0/16, the models/tools/MCP domains). Switch
// discover/enforce with `VCA_MODE=discover npx cdktf synth` (default enforce).
import { blueprintMode } from "../policy-mode";
import { App } from "../../../lib/core/cdktf";
import { AgentCoreStack } from "../../../stacks/agentcore-stack";

export const AGENTCORE_STACK_ID = "vca-agentcore";

export function addAgentCore(app: App): AgentCoreStack {
  const mode = blueprintMode(app);
  return new AgentCoreStack(app, AGENTCORE_STACK_ID, {
    controllerVersion: "9.0.10",
    aviatrixAccountName: "aws-agentcore",
    region: "us-east-2",
    namePrefix: "agentcore-vca",
    transitCidr: "10.40.0.0/23",
    agentCoreSpokeCidr: "10.50.0.0/16",
    clientSpokeCidr: "10.60.0.0/16",
    gatewaySize: "t3.medium",
    allowedToolDomains: ["api.github.com", "raw.githubusercontent.com", "github.com"],
    allowedMcpServerDomains: ["mcp.deepwiki.com"],
    mode,
  });
}

// vca-obot-eks: Enterprise MCP (Obot) on a new EKS cluster in a new spoke VPC (lab values).
import { blueprintMode } from "../policy-mode";
import type { App } from "../../../lib/core/cdktf";
import { EksVcaStack } from "../../../stacks/eks-vca-stack";

export function addObotEks(app: App): EksVcaStack {
  return new EksVcaStack(app, "vca-obot-eks", {
    controllerVersion: "9.0",
    accountName: "aws-lab",
    region: "us-east-1",
    namePrefix: "obot-eks",
    mode: blueprintMode(app),
    newNetwork: { cidr: "10.10.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] },
    newCluster: {},
    obot: { version: "v0.21.0", namespace: "obot-system", mcpNamespace: "obot-mcp" },
  });
}

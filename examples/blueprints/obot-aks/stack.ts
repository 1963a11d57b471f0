// vca-obot-aks: Enterprise MCP (Obot) on a new AKS cluster in a new spoke VNet (lab values;
// docs/research/cloud-stacks.md §2.4: obot-system / obot-mcp, Obot v0.21.0).
import { blueprintMode } from "../policy-mode";
import type { App } from "../../../lib/core/cdktf";
import { AksVcaStack } from "../../../stacks/aks-vca-stack";

export function addObotAks(app: App): AksVcaStack {
  return new AksVcaStack(app, "vca-obot-aks", {
    controllerVersion: "9.0",
    accountName: "azure-lab",
    location: "westeurope",
    namePrefix: "obot-aks",
    mode: blueprintMode(app),
    newNetwork: { cidr: "10.1.0.0/16" },
    newCluster: {},
    obot: { version: "v0.21.0", namespace: "obot-system", mcpNamespace: "obot-mcp" },
  });
}

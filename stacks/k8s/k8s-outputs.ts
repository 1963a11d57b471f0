// The Kubernetes stacks' outputs (stacks/outputs.ts) with their next steps: kubeconfig, reaching
// the workloads, checking the cluster onboarding in CoPilot, then discover → enforce. The
// CoPilot step is the vendor's (obot-mcp-egress-aws/-azure outputs.tf next_steps).
import { TerraformStack } from "../../lib/core/cdktf";
import { SpokeGateway } from "../../lib/constructs/network/spoke-gateway";
import { addStackOutputs, policySteps } from "../outputs";
import { K8sContainment } from "./k8s-containment";

export interface K8sOutputsProps {
  readonly spokeGateway: SpokeGateway;
  readonly clusterName: string;
  readonly kubeconfigCommand: string;
  readonly containment: K8sContainment;
}

export function addK8sOutputs(stack: TerraformStack, o: K8sOutputsProps): void {
  const c = o.containment;
  const workloads: string[] = [];
  if (c.librechat)
    workloads.push(
      `LibreChat: \`kubectl -n ${c.librechat.chat.namespace} port-forward svc/${c.librechat.chat.releaseName}-librechat 3080:3080\`, then http://localhost:3080.`,
    );
  if (c.obot)
    workloads.push(
      `Obot: \`kubectl -n ${c.obot.platform.namespace} get svc -l app.kubernetes.io/instance=obot\`, then \`kubectl port-forward\` to that service; MCP servers run in ${c.obot.platform.mcpNamespace} under their FirewallPolicies (\`kubectl -n ${c.obot.platform.mcpNamespace} get firewallpolicies\`).`,
    );
  addStackOutputs(stack, {
    gateways: [{ key: "spoke", gateway: o.spokeGateway }],
    cluster: { name: o.clusterName, kubeconfigCommand: o.kubeconfigCommand },
    pack: c.pack,
    nextSteps: [
      `Connect kubectl: \`${o.kubeconfigCommand}\`.`,
      "In CoPilot check the cluster is onboarded (Security > Distributed Cloud Firewall > Kubernetes) and Enforcement on Kubernetes is on (Settings).",
      ...workloads,
      ...policySteps(stack.node.id, c.mode),
    ],
  });
}

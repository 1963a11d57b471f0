// The outputs every blueprint stack declares (the vendor's blueprints print the gateway name and
// IP, the cluster name and the next steps; outputs.tf of obot-mcp-egress-aws/-azure): gateway
// names and private IPs, the cluster and the command that writes its kubeconfig, the DCF objects
// the stack created, and what to do after `cdktf deploy`. `cdktf output <stack>` prints them.
import { Construct } from "constructs";
import { TerraformOutput, TerraformStack } from "../lib/core/cdktf";
import { DcfPolicyPack } from "../lib/constructs/dcf/dcf-policy-pack";
import { SmartGroup } from "../lib/constructs/dcf/smart-group";
import { WebGroup } from "../lib/constructs/dcf/web-group";

export interface GatewayOutput {
  /** Output name prefix: `<key>_gateway_name`, `<key>_gateway_private_ip`. */
  readonly key: string;
  readonly gateway: { readonly gatewayName: string; readonly privateIp: string };
}

export interface StackOutputs {
  readonly gateways: readonly GatewayOutput[];
  readonly cluster?: { readonly name: string; readonly kubeconfigCommand: string };
  /** The stack's policy pack (rules and default action). */
  readonly pack: DcfPolicyPack;
  /** Numbered in the output. */
  readonly nextSteps: readonly string[];
}

/** Declares the stack's outputs; call it last, when every rule and group exists. */
export function addStackOutputs(stack: TerraformStack, o: StackOutputs): void {
  const out = (id: string, value: unknown, description: string) => new TerraformOutput(stack, id, { value, description });
  for (const g of o.gateways) {
    out(`${g.key}_gateway_name`, g.gateway.gatewayName, `Aviatrix ${g.key.replace(/_/g, " ")} gateway (the DCF enforcement point)`);
    out(`${g.key}_gateway_private_ip`, g.gateway.privateIp, `Private IP of the ${g.key.replace(/_/g, " ")} gateway (next hop of the egress routes)`);
  }
  if (o.cluster) {
    out("cluster_name", o.cluster.name, "Kubernetes cluster");
    out("kubeconfig_command", o.cluster.kubeconfigCommand, "Writes the cluster's kubeconfig entry");
  }
  out("policy_objects", policyObjects(stack, o.pack), "DCF SmartGroups, WebGroups and rules this stack created, and its default action");
  out("next_steps", o.nextSteps.map((s, i) => `${i + 1}. ${s}`).join("\n"), "What to do after deploy");
}

/** Names of the SmartGroups and WebGroups created in the stack, the rules (`<priority> <name> <action>`) and the default action. */
function policyObjects(stack: Construct, pack: DcfPolicyPack): Record<string, unknown> {
  const all = stack.node.findAll();
  const names = (type: new (...a: never[]) => { name: string }) =>
    all
      .filter((c) => c instanceof type)
      .map((c) => (c as unknown as { name: string }).name)
      .sort();
  const model = pack.model;
  const rules = [...model.rules]
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.priority - b.priority)
    .map((r) => `${r.priority} ${r.name} ${r.action}${r.watch ? " (watch)" : ""}`);
  const def = model.defaultAction;
  return {
    smart_groups: names(SmartGroup as never),
    web_groups: names(WebGroup as never),
    rules,
    default_action: def ? `${def.action}${def.logging ? " + log" : ""}` : "not managed by this stack",
    mode: pack.mode,
  };
}

/** The discover → review → enforce steps every blueprint shares. */
export function policySteps(stackId: string, mode: string): string[] {
  return mode === "discover"
    ? [
        "Discover mode: rules are watched and the default action permits with logging. Run the workloads, then review the DCF logs in CoPilot (Security > Distributed Cloud Firewall > Monitor) or replay them: `vca-cdktf logs replay` against this stack's cdk.tf.json.",
        `When the logged flows match the rules, enforce: \`VCA_MODE=enforce npx cdktf deploy ${stackId}\`.`,
      ]
    : [
        "Enforce mode: the rules act and the default action denies with logging. Watch denied flows in CoPilot (Security > Distributed Cloud Firewall > Monitor); redeploy with `VCA_MODE=discover` to fall back to watching.",
      ];
}

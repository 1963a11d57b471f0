// The constructs inside a user's own cdktf stack: their provider, their VPC, their naming — we
// add the spoke gateway in path and a default-deny egress policy for one workload subnet.
// In a user's repo the import is `from "vca-cdktf"`; here it is the library source.
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { App, TerraformStack } from "../../lib/core/cdktf";
import { AviatrixProvider, Cloud, DcfFeature, DcfPolicyPack, Select, SmartGroup, SpokeGateway, WebGroup, WellKnownSmartGroups } from "../../lib";

export class PaymentsAgentStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // What the team already had.
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    const vpc = new Vpc(this, "payments", { cidrBlock: "10.70.0.0/16", tags: { Name: "payments" } });
    const gwSubnet = new Subnet(this, "gw", { vpcId: vpc.id, cidrBlock: "10.70.0.0/28", tags: { Name: "avx-gw" } });
    const agents = new Subnet(this, "agents", { vpcId: vpc.id, cidrBlock: "10.70.10.0/24", tags: { Name: "agents" } });

    // What vca-cdktf adds: the gateway in path and a default-deny policy for the agent subnet.
    new AviatrixProvider(this, "aviatrix", { controllerVersion: "8.2.10" });
    new SpokeGateway(this, "spoke", {
      cloud: Cloud.AWS,
      accountName: "payments-aws",
      region: "eu-west-1",
      name: "payments-spoke",
      vpcId: vpc.id,
      gatewaySubnet: gwSubnet.cidrBlock,
      singleIpSnat: true,
    });
    const dcf = new DcfFeature(this, "dcf");
    const agentSubnet = new SmartGroup(this, "agent_subnet", {
      name: "payments-agents",
      matchExpressions: [Select.subnet({ resId: agents.id })],
    });
    const llm = new WebGroup(this, "llm", { name: "payments-llm", domains: ["api.openai.com"] });
    new DcfPolicyPack(this, "egress", { mode: "enforce", dependsOn: [dcf] })
      .addRule({
        name: "agents-to-llm",
        priority: 10,
        action: "PERMIT",
        protocol: "TCP",
        ports: [443],
        src: [agentSubnet],
        dst: [WellKnownSmartGroups.publicInternet()],
        webGroups: [llm],
        decryptPolicy: "DECRYPT_NOT_ALLOWED",
      })
      .addRule({
        name: "agents-default-deny",
        priority: 1000,
        action: "DENY",
        protocol: "ANY",
        src: [agentSubnet],
        dst: [WellKnownSmartGroups.anywhere()],
      });
  }
}

export function buildExistingRepoApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  new PaymentsAgentStack(app, "payments-agents");
  return app;
}

if (require.main === module) buildExistingRepoApp().synth();

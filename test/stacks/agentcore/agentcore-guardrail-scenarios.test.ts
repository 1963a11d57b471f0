// Scenario: the AgentCore VPC-mode guardrail on a deployer role. The synthesized stack attaches
// the guardrail to the deployer role named in examples/blueprints/agentcore/guardrail-scenarios.yaml;
// each control-plane call in that file is evaluated against the guardrail document (IAM's explicit
// deny: a Deny statement whose action and every condition match) and must end as expected.
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { AgentCoreStack } from "../../../stacks/agentcore-stack";
import { guardrailDocument } from "../../../stacks/agentcore/agentcore-iam";
import { synthDoc, testApp } from "../foundry/helpers";

interface Call {
  name: string;
  action: string;
  context: { subnets?: string[]; securityGroups?: string[] };
  expect: "ALLOWED" | "DENIED";
  deniedBy?: string;
}
const FILE = path.resolve(__dirname, "../../../examples/blueprints/agentcore/guardrail-scenarios.yaml");
const scenarios = yaml.load(fs.readFileSync(FILE, "utf8")) as { role: string; approved: { subnets: string[]; securityGroups: string[] }; calls: Call[] };

type Statement = ReturnType<typeof guardrailDocument>["Statement"][number];
const KEYS = { "bedrock-agentcore:subnets": "subnets", "bedrock-agentcore:securityGroups": "securityGroups" } as const;

/** The operators the guardrail uses: Null and ForAnyValue:StringNotEquals (IAM condition semantics). */
function matches(s: Statement, call: Call): boolean {
  if (!s.Action.includes(call.action)) return false;
  return Object.entries(s.Condition).every(([op, byKey]) =>
    Object.entries(byKey as Record<string, string | string[]>).every(([key, want]) => {
      const values = call.context[KEYS[key as keyof typeof KEYS]];
      if (op === "Null") return (values === undefined) === (want === "true");
      if (op === "ForAnyValue:StringNotEquals") return (values ?? []).some((v) => !(want as string[]).includes(v));
      throw new Error(`operator ${op} not modelled`);
    }),
  );
}

describe("GIVEN the AgentCore stack with the scenario's deployer role", () => {
  const stack = new AgentCoreStack(testApp(), "vca-agentcore", {
    controllerVersion: "9.0.10",
    aviatrixAccountName: "aws-agentcore",
    guardrailRoleNames: [scenarios.role],
    agentImageUri: "123456789012.dkr.ecr.us-east-2.amazonaws.com/agent:v5",
  });
  const doc = synthDoc(stack);

  test("THEN the guardrail policy is attached to that role", () => {
    const attachments = Object.values(doc.resource.aws_iam_role_policy_attachment) as Array<{ role: string; policy_arn: string }>;
    expect(attachments).toContainEqual({ role: scenarios.role, policy_arn: "${aws_iam_policy.vpc_mode_guardrail.arn}" });
  });

  test("THEN the synthesized guardrail is the evaluated document, bound to the runtime subnet and security group", () => {
    const policy = (doc.resource.aws_iam_policy as any).vpc_mode_guardrail.policy as string;
    for (const s of guardrailDocument(["x"], ["y"]).Statement) expect(policy).toContain(`"Sid" = "${s.Sid}"`);
    expect(policy).toContain('"bedrock-agentcore:subnets" = [aws_subnet.agentcore_runtime.id]');
    expect(policy).toContain('"bedrock-agentcore:securityGroups" = [aws_security_group.agentcore_runtime.id]');
  });

  test.each(scenarios.calls)("WHEN the deployer calls $name THEN $expect", (call) => {
    const doc = guardrailDocument(scenarios.approved.subnets, scenarios.approved.securityGroups);
    const denying = doc.Statement.filter((s) => matches(s, call)).map((s) => s.Sid);
    expect(denying.length > 0 ? "DENIED" : "ALLOWED").toBe(call.expect);
    if (call.deniedBy) expect(denying).toContain(call.deniedBy);
  });
});

import { show } from "../context";
import { isUnresolved } from "../../core/construct-props-error";
import { fail, pass, type PreflightRule, type RuleCheck, unknown } from "../rule";

/** AVX-AGC2: the IAM guardrail that pins runtimes to the approved subnets/SGs is attached. */
export const agentCoreGuardrailAttached: PreflightRule = {
  id: "AVX-AGC2",
  area: "AGC",
  name: "agentcore-guardrail-attached",
  severity: "error",
  cause: "the IAM guardrail denying AgentCore runtimes outside the approved subnets/security groups is not attached",
  explanation:
    "Without the guardrail (deny bedrock-agentcore:CreateAgentRuntime/UpdateAgentRuntime unless bedrock-agentcore:subnets and " +
    "securityGroups are the approved ones) anyone with runtime permissions can deploy an uncontained runtime.",
  fix: "attach the AgentCore guardrail policy to the deploying principals (AgentCoreStack guardrail)",
  suppressible: true,
  reads: "agentcore-runtime facts (guardrailPolicyAttached)",
  check(ctx): readonly RuleCheck[] {
    return ctx.facts("agentcore-runtime").map(({ node, fact }) => {
      if (isUnresolved(fact.guardrailPolicyAttached)) return unknown(node, { got: show(fact.guardrailPolicyAttached), want: "attached" });
      return fact.guardrailPolicyAttached === true ? pass(node) : fail(node, { got: "not attached", want: "attached" });
    });
  },
};

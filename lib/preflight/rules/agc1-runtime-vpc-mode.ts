import { referenceText } from "../context";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";

/** AVX-AGC1: AgentCore runtimes run in VPC mode in the approved subnets and security groups. */
export const agentCoreRuntimeVpcMode: PreflightRule = {
  id: "AVX-AGC1",
  area: "AGC",
  name: "agentcore-runtime-vpc-mode",
  severity: "error",
  cause: "an AgentCore runtime is not in VPC mode in the approved runtime subnets and security groups",
  explanation:
    "Only VPC-mode runtimes in the runtime subnets (whose default route points at the spoke gateway) are contained; PUBLIC mode or " +
    "another subnet egresses directly to the internet, bypassing DCF.",
  fix: "set networkConfiguration networkMode VPC with the stack's runtime subnets and security groups",
  suppressible: false,
  reads: "agentcore-runtime facts (networkMode, subnets, securityGroups, approvedSubnets, approvedSecurityGroups)",
  check(ctx): readonly RuleCheck[] {
    return ctx.facts("agentcore-runtime").map(({ node, fact }) => {
      const mode = referenceText(ctx.stack, fact.networkMode);
      if (mode !== "VPC") return fail(node, { got: `networkMode ${mode}`, want: "networkMode VPC" });
      const approvedSubnets = new Set(fact.approvedSubnets.map((s) => referenceText(ctx.stack, s)));
      const approvedSgs = new Set(fact.approvedSecurityGroups.map((s) => referenceText(ctx.stack, s)));
      const badSubnets = fact.subnets.map((s) => referenceText(ctx.stack, s)).filter((s) => !approvedSubnets.has(s));
      const badSgs = fact.securityGroups.map((s) => referenceText(ctx.stack, s)).filter((s) => !approvedSgs.has(s));
      if (!fact.subnets.length || badSubnets.length)
        return fail(node, {
          got: badSubnets.length ? `subnets ${badSubnets.join(", ")}` : "no subnets",
          want: `subnets within ${[...approvedSubnets].join(", ")}`,
        });
      if (!fact.securityGroups.length || badSgs.length)
        return fail(node, {
          got: badSgs.length ? `security groups ${badSgs.join(", ")}` : "no security groups",
          want: `security groups within ${[...approvedSgs].join(", ")}`,
        });
      return pass(node);
    });
  },
};

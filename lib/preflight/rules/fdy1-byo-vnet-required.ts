import { show } from "../context";
import { isUnresolved } from "../../core/construct-props-error";
import { fail, pass, type PreflightRule, type RuleCheck, unknown } from "../rule";

/** AVX-FDY1: Foundry hosted agents use BYOVNet; a managed VNet cannot be put behind the spoke gateway. */
export const foundryByoVnetRequired: PreflightRule = {
  id: "AVX-FDY1",
  area: "FDY",
  name: "foundry-byo-vnet-required",
  severity: "error",
  cause: "Foundry hosted agents run in a Microsoft-managed VNet, which the spoke gateway cannot sit in front of",
  explanation:
    "Containment needs the agent subnet's UDR to point 0.0.0.0/0 at the spoke gateway. In managed-VNet mode Microsoft owns the " +
    "network: there is no subnet, route table or next hop to control, so egress bypasses DCF entirely.",
  fix: 'use BYOVNet (networkMode "byo-vnet") with a delegated agent subnet routed through the spoke gateway',
  suppressible: false,
  reads: "foundry-hosted-agents facts (networkMode)",
  check(ctx): readonly RuleCheck[] {
    return ctx.facts("foundry-hosted-agents").map(({ node, fact }) => {
      if (isUnresolved(fact.networkMode)) return unknown(node, { got: show(fact.networkMode), want: "byo-vnet" });
      return fact.networkMode === "byo-vnet" ? pass(node) : fail(node, { got: fact.networkMode, want: "byo-vnet" });
    });
  },
};

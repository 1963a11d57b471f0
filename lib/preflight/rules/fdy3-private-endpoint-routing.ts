import type { TerraformStack } from "../../core/cdktf";
import { referenceText, show } from "../context";
import { isUnresolved } from "../../core/construct-props-error";
import { fail, pass, type PreflightRule, type RuleCheck, unknown } from "../rule";
import { parseCidr, type ParsedCidr } from "../../net/ip";

/** AVX-FDY3: inference to private endpoints does not hairpin through the spoke gateway. */
export const foundryPrivateEndpointRouting: PreflightRule = {
  id: "AVX-FDY3",
  area: "FDY",
  name: "foundry-private-endpoint-not-via-gateway",
  severity: "error",
  cause: "private-endpoint inference traffic is routed through the spoke gateway",
  explanation:
    "Private endpoints (Foundry account, AI Search, storage) are reached inside the VNet. Sending them through the gateway with the " +
    "agent subnet's UDR adds an asymmetric path the endpoint NIC does not return on, and egress rules would see private traffic.",
  fix: "add a more specific UDR route for the private-endpoint CIDR with next hop VnetLocal (or keep the 0.0.0.0/0 route only)",
  suppressible: true,
  reads: "foundry-hosted-agents facts (privateEndpointCidrs, udrRoutes, spokeGatewayIp)",
  check(ctx): readonly RuleCheck[] {
    const checks: RuleCheck[] = [];
    for (const { node, fact } of ctx.facts("foundry-hosted-agents")) {
      for (const pe of fact.privateEndpointCidrs) {
        // Prefixes must be literal to pick the route; next hops may be references (compared by expression below).
        if (isUnresolved(pe) || fact.udrRoutes.some((r) => isUnresolved(r.addressPrefix))) {
          checks.push(unknown(node, { findingId: show(pe), cause: "private-endpoint routing depends on values known only at plan", got: show(pe) }));
          continue;
        }
        const peCidr = parseCidr(pe);
        if (!peCidr) {
          checks.push(unknown(node, { findingId: pe, cause: "private-endpoint CIDR is not an IP prefix", got: pe }));
          continue;
        }
        const best = fact.udrRoutes
          .map((r) => ({ r, c: parseCidr(r.addressPrefix) }))
          .filter((x) => x.c && prefixContains(x.c, peCidr))
          .sort((a, b) => b.c!.bits - a.c!.bits)[0];
        const hop = best?.r.nextHopIp === undefined ? "no" : sameNextHop(ctx.stack, best.r.nextHopIp, fact.spokeGatewayIp);
        if (hop === "yes") {
          checks.push(
            fail(node, { findingId: pe, got: `${best!.r.addressPrefix} → ${referenceText(ctx.stack, best!.r.nextHopIp)}`, want: `${pe} → VnetLocal` }),
          );
        } else if (hop === "unknown") {
          checks.push(
            unknown(node, {
              findingId: pe,
              cause: "whether the route's next hop is the spoke gateway is known only at plan",
              got: `${best!.r.addressPrefix} → ${referenceText(ctx.stack, best!.r.nextHopIp)}`,
            }),
          );
        } else {
          checks.push(pass(node, { findingId: pe }));
        }
      }
    }
    return checks;
  },
};

/** Literals compare by value; two references to the same attribute are the same hop; anything else waits for plan. */
function sameNextHop(stack: TerraformStack, hop: string, gatewayIp: string): "yes" | "no" | "unknown" {
  if (!isUnresolved(hop) && !isUnresolved(gatewayIp)) return hop === gatewayIp ? "yes" : "no";
  if (isUnresolved(hop) && isUnresolved(gatewayIp) && referenceText(stack, hop) === referenceText(stack, gatewayIp)) return "yes";
  return "unknown";
}

/** `outer` contains every address of `inner` (same family; parsed by the simulator's CIDR parser). */
function prefixContains(outer: ParsedCidr, inner: ParsedCidr): boolean {
  if (outer.family !== inner.family || outer.bits > inner.bits) return false;
  const shift = BigInt((outer.family === 4 ? 32 : 128) - outer.bits);
  return (inner.base >> shift) << shift === outer.base;
}

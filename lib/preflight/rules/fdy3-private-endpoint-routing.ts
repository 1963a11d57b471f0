import { isToken, show } from "../context";
import { fail, pass, type PreflightRule, type RuleCheck, unknown } from "../rule";
import { parseCidr, type ParsedCidr } from "../../dcf/simulate/ip";

/** AVX-FDY3: inference to private endpoints does not hairpin through the spoke gateway. */
export const foundryPrivateEndpointRouting: PreflightRule = {
  id: "AVX-FDY3",
  area: "FDY",
  name: "foundry-private-endpoint-not-via-gateway",
  level: "ERROR",
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
        const routeTexts = fact.udrRoutes.flatMap((r) => [r.addressPrefix, r.nextHopIp ?? ""]);
        if (isToken(pe) || isToken(fact.spokeGatewayIp) || routeTexts.some(isToken)) {
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
        if (best && best.r.nextHopIp === fact.spokeGatewayIp) {
          checks.push(fail(node, { findingId: pe, got: `${best.r.addressPrefix} → ${best.r.nextHopIp}`, want: `${pe} → VnetLocal` }));
        } else {
          checks.push(pass(node, { findingId: pe }));
        }
      }
    }
    return checks;
  },
};

/** `outer` contains every address of `inner` (same family; parsed by the simulator's CIDR parser). */
function prefixContains(outer: ParsedCidr, inner: ParsedCidr): boolean {
  if (outer.family !== inner.family || outer.bits > inner.bits) return false;
  const shift = BigInt((outer.family === 4 ? 32 : 128) - outer.bits);
  return (inner.base >> shift) << shift === outer.base;
}

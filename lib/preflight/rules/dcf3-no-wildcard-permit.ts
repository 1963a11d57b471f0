import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";
import { hasBroadDestination, isPermit, wildcardMatches } from "./policy-helpers";

/** AVX-DCF3: no rule permits every domain. */
export const noWildcardPermit: PreflightRule = {
  id: "AVX-DCF3",
  area: "DCF",
  name: "no-wildcard-permit",
  level: "ERROR",
  cause: "a rule permits every domain (\"*\" WebGroup, All-Web, or the internet without a WebGroup)",
  explanation:
    "Domain-aware egress is the point of the VCA: a \"*\" permit turns the default deny into default allow for the rule's sources " +
    "and silently widens egress (exfiltration to any host).",
  fix: "permit named domains (WebGroups with exact or *.example.com entries) instead of \"*\"",
  suppressible: true,
  reads: "dcf-policy facts (PERMIT rules, their WebGroups and destinations)",
  check(ctx): readonly RuleCheck[] {
    const checks: RuleCheck[] = [];
    for (const { node, fact } of ctx.facts("dcf-policy")) {
      for (const rule of fact.model.rules.filter(isPermit)) {
        if (rule.watch) continue; // watched rules fall through: they log, they do not permit
        const wild = rule.webGroups.flatMap((k) => {
          const web = fact.model.webGroups[k];
          return web ? wildcardMatches(web).map((m) => `${web.name}: ${m}`) : [];
        });
        const internetNoL7 = rule.webGroups.length === 0 && rule.protocol !== "ICMP" && hasBroadDestination(fact.model, rule);
        if (wild.length) checks.push(fail(node, { findingId: rule.name, got: wild.join(", "), want: "named domains" }));
        else if (internetNoL7) checks.push(fail(node, { findingId: rule.name, got: "destination internet/anywhere without WebGroup", want: "a WebGroup of named domains or a CIDR destination" }));
        else checks.push(pass(node, { findingId: rule.name }));
      }
    }
    return checks;
  },
};

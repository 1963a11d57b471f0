// Shared reading of the DCF policy model for the policy rules (pure; no cdktf).
import type { PolicyModel, RuleModel, WebGroupModel } from "../../dcf/model";

const TIER_ORDER = { V1: 0, K8S: 1 } as const;

/** Rules in controller evaluation order: V1 by priority, then the K8S block, stable otherwise. */
export function evaluationOrder(model: PolicyModel): readonly RuleModel[] {
  return model.rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => TIER_ORDER[a.rule.tier] - TIER_ORDER[b.rule.tier] || a.rule.priority - b.rule.priority || a.index - b.index)
    .map((x) => x.rule);
}

function groupKind(model: PolicyModel, key: string): string | undefined {
  return model.smartGroups[key]?.kind;
}

/** Destination is the whole internet / anywhere. */
export function hasBroadDestination(model: PolicyModel, rule: RuleModel): boolean {
  return rule.dstGroups.some((k) => {
    const kind = groupKind(model, k);
    return kind === "anywhere" || kind === "publicInternet";
  });
}

/** A DENY that acts (not watch) on every L7 destination of the internet for its sources. */
export function isDenyAllEgress(model: PolicyModel, rule: RuleModel): boolean {
  return rule.action === "DENY" && !rule.watch && rule.webGroups.length === 0 && rule.portRanges.length === 0 && hasBroadDestination(model, rule);
}

/** A deny-all that also covers every source (a final default deny written as a rule). */
export function isCatchAllDeny(model: PolicyModel, rule: RuleModel): boolean {
  return isDenyAllEgress(model, rule) && rule.protocol === "ANY" && rule.srcGroups.some((k) => groupKind(model, k) === "anywhere");
}

export function isPermit(rule: RuleModel): boolean {
  return rule.action !== "DENY";
}

const WILDCARDS = new Set(["*", "*.*", "*/*", "*.*/*"]);

/** "*"-style matches that allow every domain. */
export function wildcardMatches(web: WebGroupModel): readonly string[] {
  if (web.kind === "allWeb") return ["<all web>"];
  return web.matches.map((m) => (m.sni ?? m.url ?? "").trim()).filter((v) => WILDCARDS.has(v));
}

export function urlMatches(web: WebGroupModel): readonly string[] {
  return web.matches.flatMap((m) => (m.url !== undefined ? [m.url] : []));
}

/** Does a WebGroup pattern (exact or `*.` wildcard) match a concrete-or-wildcard domain? */
export function patternCovers(pattern: string, domain: string): boolean {
  const p = pattern.toLowerCase().replace(/\/.*$/, "");
  const d = domain.toLowerCase();
  if (p === "*" || p === "*.*") return true;
  if (p === d) return true;
  const pBase = p.startsWith("*.") ? p.slice(2) : undefined;
  const dBase = d.startsWith("*.") ? d.slice(2) : undefined;
  if (pBase && (d.endsWith(`.${pBase}`) || dBase === pBase || (dBase !== undefined && dBase.endsWith(`.${pBase}`)))) return true;
  // A control-plane wildcard (e.g. *.azmk8s.io) is hit by any concrete host under it.
  if (dBase && p.endsWith(`.${dBase}`)) return true;
  return false;
}

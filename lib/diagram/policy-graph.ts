// The policy as a picture (issue: "who may reach what" for PR reviewers): source SmartGroups →
// rules (evaluation order, priority, action, watch) → destination SmartGroups and WebGroups, with
// the tiers in controller order (V1 → K8S → POST_RULES default action). One graph, drawn as
// Mermaid (lib/diagram/mermaid.ts) or Graphviz DOT → SVG (lib/diagram/dot.ts, svg.ts).
import { compareText } from "../dcf/builder/canonical";
import { MatchExpression, PolicyModel, RuleModel, SmartGroupModel, Tier, WebGroupModel } from "../dcf/model";
import { orderRules } from "../dcf/simulate/evaluate";

export interface GraphGroup {
  readonly id: string;
  readonly name: string;
  /** Short description of the members (selectors, domains). */
  readonly detail: string;
}

export interface GraphRule {
  readonly id: string;
  /** 1-based position in evaluation order (first match wins). */
  readonly order: number;
  readonly rule: RuleModel;
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  readonly webGroups: readonly string[];
}

export interface PolicyGraph {
  readonly sources: readonly GraphGroup[];
  readonly tiers: ReadonlyArray<{ readonly tier: Exclude<Tier, "POST_RULES">; readonly rules: readonly GraphRule[] }>;
  /** POST_RULES: the default action, or the controller's own when the policy does not manage it. */
  readonly defaultAction: string;
  readonly destinations: readonly GraphGroup[];
  readonly webGroups: readonly GraphGroup[];
}

const MAX_DETAIL_ITEMS = 4;

function listed(items: readonly string[]): string {
  if (items.length <= MAX_DETAIL_ITEMS) return items.join(", ");
  return `${items.slice(0, MAX_DETAIL_ITEMS).join(", ")} +${items.length - MAX_DETAIL_ITEMS} more`;
}

function expressionText(e: MatchExpression): string {
  const parts: string[] = [];
  if (e.cidr !== undefined) parts.push(e.cidr);
  if (e.fqdn !== undefined) parts.push(`fqdn ${e.fqdn}`);
  if (e.site !== undefined) parts.push(`site ${e.site}`);
  if (e.s2c !== undefined) parts.push(`s2c ${e.s2c}`);
  if (e.external !== undefined) parts.push(`feed ${e.external}${e.extArgs ? ` ${Object.values(e.extArgs).join("/")}` : ""}`);
  if (e.type !== undefined) parts.push(e.type);
  if (e.k8sNamespace !== undefined) parts.push(`ns ${e.k8sNamespace}`);
  if (e.k8sPod !== undefined) parts.push(`pod ${e.k8sPod}`);
  if (e.k8sService !== undefined) parts.push(`svc ${e.k8sService}`);
  if (e.tags !== undefined)
    parts.push(
      Object.keys(e.tags)
        .sort(compareText)
        .map((k) => `${k}=${(e.tags as Record<string, string>)[k]}`)
        .join(","),
    );
  if (e.resId !== undefined) parts.push(e.resId);
  if (e.name !== undefined) parts.push(`name ${e.name}`);
  return parts.join(" ");
}

function smartGroupDetail(g: SmartGroupModel): string {
  switch (g.kind) {
    case "anywhere":
      return "any address, IPv4 and IPv6 (built-in)";
    case "publicInternet":
      return "Internet (built-in)";
    case "managed":
      return "existing on the controller";
    case "unresolved":
      return `reference ${g.ref ?? g.key}`;
    default:
      return listed(g.expressions.map(expressionText));
  }
}

function webGroupDetail(w: WebGroupModel): string {
  switch (w.kind) {
    case "allWeb":
      return "any host (built-in)";
    case "managed":
      return "existing on the controller";
    case "unresolved":
      return `reference ${w.ref ?? w.key}`;
    default:
      return listed(w.matches.map((m) => m.sni ?? m.url ?? ""));
  }
}

/** Ports and protocol as a reviewer reads them: `TCP 443`, `ANY`, `UDP 53,5000-5010`. */
export function ruleTraffic(r: RuleModel): string {
  const ports = r.portRanges.map((p) => (p.hi !== undefined ? `${p.lo}-${p.hi}` : String(p.lo))).join(",");
  return ports === "" ? r.protocol : `${r.protocol} ${ports}`;
}

/** A FirewallPolicy rule's own source group (lib/dcf/crd/from-crd.ts: `k8s:<ns>/<policy>/src/<rule>`). */
const CRD_RULE_SOURCE = /^k8s:(.+)\/src\/[^/]+$/;

/**
 * One node per distinct group as a reviewer sees it (name + members): a FirewallPolicy's
 * per-rule source selectors with the same pods are one "<ns>/<policy> pods" node, and the same
 * local group repeated by several policies (`any-destination`) is one node.
 */
function nodes(
  keys: Iterable<string>,
  describe: (key: string) => { name: string; detail: string },
  prefix: string,
): { ids: Map<string, string>; groups: GraphGroup[] } {
  const byIdentity = new Map<string, { name: string; detail: string }>();
  const identityOf = new Map<string, string>();
  for (const k of keys) {
    const d = describe(k);
    const crd = CRD_RULE_SOURCE.exec(k);
    const shown = crd ? { name: `${crd[1]} pods`, detail: d.detail } : d;
    const identity = `${shown.name}\u0000${shown.detail}`;
    identityOf.set(k, identity);
    byIdentity.set(identity, shown);
  }
  const order = [...byIdentity.keys()].sort(compareText);
  const idOf = new Map(order.map((identity, i) => [identity, `${prefix}${i + 1}`]));
  return {
    ids: new Map([...identityOf].map(([k, identity]) => [k, idOf.get(identity) as string])),
    groups: order.map((identity) => ({ id: idOf.get(identity) as string, ...(byIdentity.get(identity) as { name: string; detail: string }) })),
  };
}

export function policyGraph(model: PolicyModel): PolicyGraph {
  const ordered = orderRules(model.rules);
  const smart = (k: string): SmartGroupModel => model.smartGroups[k] ?? { key: k, name: k, kind: "unresolved", expressions: [], ref: k };
  const web = (k: string): WebGroupModel => model.webGroups[k] ?? { key: k, name: k, kind: "unresolved", matches: [], ref: k };
  const describeSmart = (k: string) => ({ name: smart(k).name, detail: smartGroupDetail(smart(k)) });
  const src = nodes(new Set(ordered.flatMap((r) => r.srcGroups)), describeSmart, "s");
  const dst = nodes(new Set(ordered.flatMap((r) => r.dstGroups)), describeSmart, "d");
  const wg = nodes(new Set(ordered.flatMap((r) => r.webGroups)), (k) => ({ name: web(k).name, detail: webGroupDetail(web(k)) }), "w");
  const unique = (ids: string[]) => [...new Set(ids)];
  const rules = ordered.map((rule, i) => ({
    id: `r${i + 1}`,
    order: i + 1,
    rule,
    sources: unique(rule.srcGroups.map((k) => src.ids.get(k) as string)),
    destinations: unique(rule.dstGroups.map((k) => dst.ids.get(k) as string)),
    webGroups: unique(rule.webGroups.map((k) => wg.ids.get(k) as string)),
  }));
  const d = model.defaultAction;
  return {
    sources: src.groups,
    tiers: (["V1", "K8S", "AFTER_K8S"] as const).map((tier) => ({ tier, rules: rules.filter((r) => r.rule.tier === tier) })).filter((t) => t.rules.length > 0),
    defaultAction: d === undefined ? "controller default (not managed here)" : `${d.action}${d.logging ? " + log" : ""}`,
    destinations: dst.groups,
    webGroups: wg.groups,
  };
}

/** The rule's box text: order, tier position, name, action, traffic, watch. */
export function ruleLines(r: GraphRule): string[] {
  const where = r.rule.tier === "K8S" ? (r.rule.origin ?? "K8S") : `priority ${r.rule.priority}`;
  const mode = r.rule.watch ? " (watch: logs only)" : "";
  return [`(${r.order}) ${r.rule.name}`, `${r.rule.action} ${ruleTraffic(r.rule)}${mode}`, where];
}

export const TIER_TITLES: Readonly<Record<Tier, string>> = {
  V1: "before the K8S tier (rulesets and the V1 list, by priority)",
  K8S: "K8S tier (FirewallPolicies, by namespace/name)",
  AFTER_K8S: "after the K8S tier (rulesets at TERRAFORM_AFTER_K8S_MANAGED)",
  POST_RULES: "POST_RULES",
};

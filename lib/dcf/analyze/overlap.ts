import { isTerraformRef } from "../builder/tokens";
import { normalizeHost, normalizeSniPattern } from "../host-match";
import { MatchExpression, PolicyModel, PortRange, RuleModel, SmartGroupModel, WebGroupModel, WebMatch } from "../model";
import { cidrContainsCidr, parseCidr } from "../../net/ip";

// "Could one flow match both rules?" — answered conservatively (the opposite of subsumption.ts):
// false only when the model proves the two rules disjoint (different protocols or ports,
// TLS_REQUIRED vs NOT_TLS_REQUIRED, groups that cannot share a member, host patterns that cannot
// match one host). Anything unknown offline (managed or unresolved groups, references) may
// overlap. Used to find rules evaluated before the K8S block that pre-empt FirewallPolicy permits.

function hi(r: PortRange): number {
  return r.hi ?? r.lo;
}

function portsOverlap(a: RuleModel, b: RuleModel): boolean {
  if (a.protocol === "ICMP" || b.protocol === "ICMP") return true;
  if (a.portRanges.length === 0 || b.portRanges.length === 0) return true;
  return a.portRanges.some((x) => b.portRanges.some((y) => x.lo <= hi(y) && y.lo <= hi(x)));
}

function conditionsOverlap(a: RuleModel, b: RuleModel): boolean {
  const app = new Set([a.flowAppRequirement, b.flowAppRequirement]);
  return !(app.has("TLS_REQUIRED") && app.has("NOT_TLS_REQUIRED"));
}

/** Two values differ for sure only when both are literals (references may resolve to the same value). */
function differ(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && !isTerraformRef(a) && !isTerraformRef(b) && a.toLowerCase() !== b.toLowerCase();
}

/** Labels (tags) that cannot both hold: one key with two literal values. */
function tagsConflict(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return Object.keys(a).some((k) => k in b && differ(a[k], b[k]));
}

/** Do two SNI / URL-host patterns match at least one common host? */
export function hostPatternsOverlap(a: string, b: string): boolean {
  if (isTerraformRef(a) || isTerraformRef(b)) return true;
  let x: string;
  let y: string;
  try {
    x = normalizeSniPattern(a);
    y = normalizeSniPattern(b);
  } catch {
    return true;
  }
  if (x === "*" || y === "*" || x.includes("*", 2) || y.includes("*", 2)) return true;
  const suffix = (p: string) => (p.startsWith("*.") ? p.slice(1) : undefined);
  const sx = suffix(x);
  const sy = suffix(y);
  if (sx === undefined && sy === undefined) return x === y;
  if (sx !== undefined && sy !== undefined) return sx.endsWith(sy) || sy.endsWith(sx);
  const [pattern, host] = sx !== undefined ? [sx, y] : [sy as string, x];
  return host.endsWith(pattern) && host.length > pattern.length;
}

function hostOf(m: WebMatch): string {
  if (m.sni !== undefined) return m.sni;
  const url = m.url ?? "*";
  const slash = url.indexOf("/");
  const host = (slash < 0 ? url : url.slice(0, slash)).trim();
  try {
    return host.includes("*") && !host.startsWith("*.") ? "*" : host.startsWith("*.") ? host : normalizeHost(host);
  } catch {
    return "*";
  }
}

function webGroupsOverlap(model: PolicyModel, a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const groups = (keys: readonly string[]) => keys.map((k) => model.webGroups[k]);
  const hosts = (g: WebGroupModel | undefined): string[] | undefined => (g === undefined || g.kind !== "domains" ? undefined : g.matches.map(hostOf));
  return groups(a).some((ga) =>
    groups(b).some((gb) => {
      const ha = hosts(ga);
      const hb = hosts(gb);
      // All-Web, managed and unresolved groups: contents unknown (or everything).
      if (ha === undefined || hb === undefined) return true;
      return ha.some((x) => hb.some((y) => hostPatternsOverlap(x, y)));
    }),
  );
}

type Kind = "cidr" | "fqdn" | "site" | "s2c" | "external" | "k8s" | "subnet" | "vpc" | "host" | "other";

function kindOf(e: MatchExpression): Kind {
  if (e.cidr !== undefined) return "cidr";
  if (e.fqdn !== undefined) return "fqdn";
  if (e.site !== undefined) return "site";
  if (e.s2c !== undefined) return "s2c";
  if (e.external !== undefined) return "external";
  if (e.type === "k8s") return "k8s";
  if (e.type === "subnet" || e.type === "vpc") return e.type;
  if (e.type === "vm" || e.type === "k8s_node" || e.type === "serverless") return "host";
  return "other";
}

/** Workloads inside the cloud (pods, VMs, subnets): never a public address feed or an FQDN. */
const WORKLOAD_KINDS: ReadonlySet<Kind> = new Set(["k8s", "subnet", "vpc", "host"]);

function expressionsOverlap(a: MatchExpression, b: MatchExpression): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === "cidr" && kb === "cidr") {
    if (isTerraformRef(a.cidr as string) || isTerraformRef(b.cidr as string)) return true;
    const x = parseCidr(a.cidr as string);
    const y = parseCidr(b.cidr as string);
    if (x === undefined || y === undefined) return true;
    if (x.family !== y.family) return false;
    return cidrContainsCidr(x, y) || cidrContainsCidr(y, x);
  }
  if (ka === "fqdn" && kb === "fqdn") return hostPatternsOverlap(a.fqdn as string, b.fqdn as string);
  if ((ka === "external" && WORKLOAD_KINDS.has(kb)) || (kb === "external" && WORKLOAD_KINDS.has(ka))) return false;
  if ((ka === "fqdn" && WORKLOAD_KINDS.has(kb)) || (kb === "fqdn" && WORKLOAD_KINDS.has(ka))) return false;
  if (ka === "k8s" && kb === "k8s") {
    return !(
      differ(a.k8sClusterId, b.k8sClusterId) ||
      differ(a.k8sNamespace, b.k8sNamespace) ||
      differ(a.k8sPod, b.k8sPod) ||
      differ(a.k8sService, b.k8sService) ||
      tagsConflict(a.tags, b.tags)
    );
  }
  // A VM / node / serverless selector names instances, never pods.
  if ((ka === "host" && kb === "k8s") || (ka === "k8s" && kb === "host")) return false;
  if (ka === kb && (ka === "subnet" || ka === "vpc")) return !(differ(a.resId, b.resId) || differ(a.name, b.name) || tagsConflict(a.tags, b.tags));
  if (ka === kb && (ka === "site" || ka === "s2c")) return !differ(a.site ?? a.s2c, b.site ?? b.s2c);
  // CIDRs may contain pod, node or subnet addresses; mixed kinds are not provably disjoint.
  return true;
}

/** Public Internet never holds in-cloud workloads (pods, subnets, VMs); it may hold anything else. */
function publicInternetMeets(g: SmartGroupModel): boolean {
  if (g.kind !== "selector") return true;
  return g.expressions.some((e) => !WORKLOAD_KINDS.has(kindOf(e)));
}

export function smartGroupsOverlap(a: SmartGroupModel | undefined, b: SmartGroupModel | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (a.kind === "anywhere" || b.kind === "anywhere") return true;
  if (a.key === b.key) return true;
  if (a.kind === "managed" || a.kind === "unresolved" || b.kind === "managed" || b.kind === "unresolved") return true;
  if (a.kind === "publicInternet") return publicInternetMeets(b);
  if (b.kind === "publicInternet") return publicInternetMeets(a);
  return a.expressions.some((x) => b.expressions.some((y) => expressionsOverlap(x, y)));
}

function groupSetsOverlap(model: PolicyModel, a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => smartGroupsOverlap(model.smartGroups[x], model.smartGroups[y])));
}

/** May some flow match both rules (conservative: true unless provably disjoint)? */
export function rulesMayOverlap(model: PolicyModel, a: RuleModel, b: RuleModel): boolean {
  return (
    (a.protocol === "ANY" || b.protocol === "ANY" || a.protocol === b.protocol) &&
    portsOverlap(a, b) &&
    conditionsOverlap(a, b) &&
    groupSetsOverlap(model, a.srcGroups, b.srcGroups) &&
    groupSetsOverlap(model, a.dstGroups, b.dstGroups) &&
    webGroupsOverlap(model, a.webGroups, b.webGroups)
  );
}

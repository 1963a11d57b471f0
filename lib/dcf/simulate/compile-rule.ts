// Rules compiled for evaluation: groups resolved to objects, SNI patterns pre-normalised, and
// the index keys under which the evaluator files each rule.
import { DcfModelError } from "../errors";
import { globMatches, normalizeHost, sniIndexKey } from "../host-match";
import { PolicyModel, RuleModel, SmartGroupModel, WebGroupModel } from "../model";
import { isTerraformRef, terraformRefAddress } from "../builder/tokens";
import { Flow, FlowDestination } from "./flow";
import { Endpoint, smartGroupMatches, valueMatches } from "./match-group";

type SniTest = { readonly kind: "exact" | "suffix" | "any" | "ref"; readonly key: string };
type UrlTest = { readonly hostGlob: string; readonly pathGlob: string };

export interface CompiledWebGroup {
  readonly model: WebGroupModel;
  readonly sni: readonly SniTest[];
  readonly urls: readonly UrlTest[];
}

export interface CompiledRule {
  readonly ordinal: number;
  readonly rule: RuleModel;
  readonly src: readonly SmartGroupModel[];
  readonly dst: readonly SmartGroupModel[];
  readonly web: readonly CompiledWebGroup[];
  readonly permit: boolean;
  /**
   * URL filters can match: the controller decrypts (and so sees paths) only for DECRYPT_ALLOWED
   * rules; on any other rule its WebGroups' URL entries never match (analyzer check
   * url-filter-without-decryption).
   */
  readonly urlFiltersActive: boolean;
}

/** What the evaluator needs to know about a flow's destination for L4/L7 checks. */
export interface CompiledFlow {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly protocol: string;
  readonly port?: number;
  readonly host?: string;
  readonly path: string;
  readonly decrypted: boolean;
  /** Known TLS (true), known not TLS (false) or unknown (undefined); see flowTls. */
  readonly tls?: boolean;
  readonly dstGroups?: readonly string[];
}

function compileWebGroup(w: WebGroupModel): CompiledWebGroup {
  const sni: SniTest[] = [];
  const urls: UrlTest[] = [];
  for (const m of w.matches) {
    if (m.sni !== undefined) {
      if (isTerraformRef(m.sni)) sni.push({ kind: "ref", key: m.sni });
      else {
        const k = sniIndexKey(m.sni);
        if (k) sni.push(k);
      }
    } else if (m.url !== undefined) {
      const slash = m.url.indexOf("/");
      const hostGlob = (slash < 0 ? m.url : m.url.slice(0, slash)).trim().toLowerCase().replace(/\.+$/, "");
      urls.push({ hostGlob, pathGlob: slash < 0 ? "/*" : m.url.slice(slash) });
    }
  }
  return { model: w, sni, urls };
}

export function compileRules(model: PolicyModel, ordered: readonly RuleModel[]): CompiledRule[] {
  const webCache = new Map<string, CompiledWebGroup>();
  const group = (key: string, rule: RuleModel, field: string): SmartGroupModel => {
    const g = model.smartGroups[key];
    if (g === undefined) throw new DcfModelError(`rule "${rule.name}" (${rule.origin ?? rule.tier}).${field}`, `unknown SmartGroup "${key}"`);
    return g;
  };
  return ordered.map((rule, ordinal) => ({
    ordinal,
    rule,
    src: rule.srcGroups.map((k) => group(k, rule, "srcGroups")),
    dst: rule.dstGroups.map((k) => group(k, rule, "dstGroups")),
    web: rule.webGroups.map((k) => {
      let c = webCache.get(k);
      if (c === undefined) {
        const w = model.webGroups[k];
        if (w === undefined) throw new DcfModelError(`rule "${rule.name}" (${rule.origin ?? rule.tier}).webGroups`, `unknown WebGroup "${k}"`);
        c = compileWebGroup(w);
        webCache.set(k, c);
      }
      return c;
    }),
    permit: rule.action !== "DENY",
    urlFiltersActive: rule.decryptPolicy === "DECRYPT_ALLOWED",
  }));
}

function webGroupMatches(w: CompiledWebGroup, f: CompiledFlow, urlFiltersActive: boolean): boolean {
  const host = f.host as string;
  switch (w.model.kind) {
    case "allWeb":
      return true;
    case "managed":
    case "unresolved": {
      const groups = f.dstGroups;
      if (groups === undefined) return false;
      return groups.some((g) => g === w.model.key || g === w.model.name || (w.model.ref !== undefined && valueMatches(w.model.ref, g)));
    }
    default:
      break;
  }
  for (const t of w.sni) {
    if (
      t.kind === "exact"
        ? host === t.key
        : t.kind === "suffix"
          ? host.endsWith(`.${t.key}`)
          : t.kind === "any"
            ? true
            : f.dstGroups?.some((g) => valueMatches(t.key, g) || g === terraformRefAddress(t.key))
    ) {
      return true;
    }
  }
  if (urlFiltersActive && f.decrypted) {
    for (const u of w.urls) if (globMatches(u.hostGlob, host) && globMatches(u.pathGlob, f.path)) return true;
  }
  return false;
}

/**
 * flow_app_requirement, read so that a rule never matches more flows than the controller would:
 * TLS_REQUIRED matches only flows known to be TLS, NOT_TLS_REQUIRED only flows known not to be;
 * a flow whose TLS-ness is unknown matches neither (state it with `to.tls` in the scenario).
 */
function flowAppRequirementHolds(req: RuleModel["flowAppRequirement"], tls: boolean | undefined): boolean {
  if (req === "TLS_REQUIRED") return tls === true;
  if (req === "NOT_TLS_REQUIRED") return tls === false;
  return true;
}

/** Full match of one rule against one flow (no index): L4, then groups, then L7. */
export function ruleMatches(c: CompiledRule, f: CompiledFlow): boolean {
  const r = c.rule;
  if (r.protocol !== "ANY" && r.protocol !== f.protocol) return false;
  if (r.portRanges.length > 0) {
    const p = f.port;
    if (p === undefined) return false;
    let hit = false;
    for (const pr of r.portRanges) {
      if (p >= pr.lo && p <= (pr.hi ?? pr.lo)) {
        hit = true;
        break;
      }
    }
    if (!hit) return false;
  }
  if (!flowAppRequirementHolds(r.flowAppRequirement, f.tls)) return false;
  if (c.web.length > 0 && f.host === undefined) return false;
  if (!c.src.some((g) => smartGroupMatches(g, f.src))) return false;
  if (!c.dst.some((g) => smartGroupMatches(g, f.dst))) return false;
  if (c.web.length > 0 && !c.web.some((w) => webGroupMatches(w, f, c.urlFiltersActive))) return false;
  return true;
}

/** A flow is TLS when it says so (`tls`), or when the gateway decrypted it (decryption implies TLS). */
function flowTls(to: FlowDestination): boolean | undefined {
  if (to.tls !== undefined) return to.tls;
  return to.decrypted === true ? true : undefined;
}

/** Normalises a flow once so each rule test is cheap. */
export function compileFlow(flow: Flow): CompiledFlow {
  const tls = flowTls(flow.to);
  const host = flow.to.host === undefined ? undefined : normalizeHost(flow.to.host) || undefined;
  const p = flow.to.path;
  return {
    src: { side: "src", ...flow.from },
    dst: {
      side: "dst",
      ip: flow.to.ip,
      host,
      groups: flow.to.groups,
      feeds: flow.to.serviceTags === undefined ? flow.to.feeds : [...(flow.to.feeds ?? []), ...flow.to.serviceTags],
    },
    protocol: flow.to.protocol.toUpperCase(),
    port: flow.to.port,
    host,
    path: p === undefined || p === "" ? "/" : p.startsWith("/") ? p : `/${p}`,
    decrypted: flow.to.decrypted === true,
    ...(tls !== undefined ? { tls } : {}),
    dstGroups: flow.to.groups,
  };
}

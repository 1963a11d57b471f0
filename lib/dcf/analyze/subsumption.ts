import { isTerraformRef } from "../builder/tokens";
import { normalizeHost, normalizeSniPattern } from "../host-match";
import { PolicyModel, PortRange, RuleModel, WebGroupModel, WebMatch } from "../model";

// "Does rule A match every flow rule B matches?" — answered soundly: true only when it is
// provable from the model alone, whatever the flow looks like (a flow may name groups it belongs
// to explicitly, so two groups with the same selector are NOT assumed equal). Anything unknown
// (managed/unresolved groups, odd patterns) answers false.

/** Every SmartGroup of `inner` is one of `outer`'s, or `outer` has Anywhere. */
function groupsCover(model: PolicyModel, outer: readonly string[], inner: readonly string[]): boolean {
  if (inner.length === 0) return false;
  if (outer.some((k) => model.smartGroups[k]?.kind === "anywhere")) return true;
  const set = new Set(outer);
  return inner.every((k) => set.has(k));
}

function protocolCovers(outer: RuleModel, inner: RuleModel): boolean {
  return outer.protocol === "ANY" || outer.protocol === inner.protocol;
}

function hi(r: PortRange): number {
  return r.hi ?? r.lo;
}

/** Port sets; an empty list means every port. ICMP with ports is left alone (ports vs ICMP is murky). */
function portsCover(outer: RuleModel, inner: RuleModel): boolean {
  if (outer.portRanges.length === 0) return true;
  if (inner.portRanges.length === 0) return false;
  if (outer.protocol === "ICMP" || inner.protocol === "ICMP") return false;
  const merged = [...outer.portRanges].map((r) => [r.lo, hi(r)] as const).sort((a, b) => a[0] - b[0]);
  return inner.portRanges.every((r) => {
    // Walk the sorted outer ranges, extending coverage from r.lo.
    let next = r.lo;
    for (const [lo, h] of merged) {
      if (lo > next) break;
      if (h >= next) next = h + 1;
      if (next > hi(r)) return true;
    }
    return next > hi(r);
  });
}

/** Is every host SNI pattern `inner` matches also matched by `outer`? */
export function sniPatternCovers(outer: string, inner: string): boolean {
  // Unevaluated references match whatever host a flow names them for: only "*" or the very
  // same reference is certain to match the same flows.
  if (isTerraformRef(inner)) return outer.trim() === "*" || outer === inner;
  if (isTerraformRef(outer)) return false;
  let o: string;
  let i: string;
  try {
    o = normalizeSniPattern(outer);
    i = normalizeSniPattern(inner);
  } catch {
    return false;
  }
  if (o === "*") return true;
  if (i === "*") return false;
  if (o.startsWith("*.")) {
    const suffix = o.slice(1); // ".example.com"
    const rest = i.startsWith("*.") ? i.slice(1) : i;
    // "*.x" covers "*.x", "*.a.x" and "a.x", never "x".
    return i.startsWith("*.") ? rest === suffix || rest.endsWith(suffix) : rest.endsWith(suffix) && rest.length > suffix.length;
  }
  return o === i;
}

function urlHostPart(url: string): string | undefined {
  const slash = url.indexOf("/");
  const host = (slash < 0 ? url : url.slice(0, slash)).trim();
  return host.includes("*") || host === "" || isTerraformRef(host) ? undefined : normalizeHost(host);
}

function matchCovered(outers: readonly WebGroupModel[], m: WebMatch, outerUrlsActive: boolean): boolean {
  for (const g of outers) {
    if (g.kind === "allWeb") return true;
    if (g.kind !== "domains") continue;
    for (const o of g.matches) {
      if (o.sni !== undefined && m.sni !== undefined && sniPatternCovers(o.sni, m.sni)) return true;
      if (outerUrlsActive && o.url !== undefined && m.url !== undefined && o.url === m.url) return true;
      if (o.sni !== undefined && m.url !== undefined) {
        // A URL filter only matches hosts its host part matches; an SNI filter covering that
        // literal host (or "*") covers it.
        const host = urlHostPart(m.url);
        if (o.sni.trim() === "*" || (host !== undefined && sniPatternCovers(o.sni, host))) return true;
      }
    }
  }
  return false;
}

function hasUrlEntries(g: WebGroupModel | undefined): boolean {
  return g !== undefined && g.matches.some((m) => m.url !== undefined);
}

/**
 * WebGroup sets; an empty list means no L7 restriction. A group is covered when it is one of
 * outer's, or (domain groups) every match expression is covered by outer's domain/All-Web groups.
 * URL entries match only on DECRYPT_ALLOWED rules (`*UrlsActive`): an outer rule's inert URL
 * entries cover nothing, and an inner rule's inert URL entries match nothing (vacuously covered).
 */
function webGroupsCover(model: PolicyModel, outer: readonly string[], inner: readonly string[], outerUrlsActive = true, innerUrlsActive = true): boolean {
  if (outer.length === 0) return true;
  if (inner.length === 0) return false;
  const outerSet = new Set(outer);
  const outerGroups = outer.map((k) => model.webGroups[k]).filter((g): g is WebGroupModel => g !== undefined);
  return inner.every((k) => {
    const g = model.webGroups[k];
    if (outerSet.has(k) && (outerUrlsActive || !innerUrlsActive || !hasUrlEntries(g))) return true;
    if (g === undefined || g.kind !== "domains" || g.matches.length === 0) return false;
    return g.matches.every((m) => (m.url !== undefined && !innerUrlsActive) || matchCovered(outerGroups, m, outerUrlsActive));
  });
}

/** Decryption and TLS requirement narrow what a rule matches; an unspecified outer one does not. */
function conditionsCover(outer: RuleModel, inner: RuleModel): boolean {
  const decrypt = outer.decryptPolicy === inner.decryptPolicy || outer.decryptPolicy === "DECRYPT_UNSPECIFIED";
  const app = outer.flowAppRequirement === inner.flowAppRequirement || outer.flowAppRequirement === "APP_UNSPECIFIED";
  return decrypt && app;
}

/** Sound: true only if every flow `inner` matches is provably matched by `outer`. */
export function ruleCovers(model: PolicyModel, outer: RuleModel, inner: RuleModel): boolean {
  return (
    protocolCovers(outer, inner) &&
    portsCover(outer, inner) &&
    conditionsCover(outer, inner) &&
    groupsCover(model, outer.srcGroups, inner.srcGroups) &&
    groupsCover(model, outer.dstGroups, inner.dstGroups) &&
    webGroupsCover(model, outer.webGroups, inner.webGroups, outer.decryptPolicy === "DECRYPT_ALLOWED", inner.decryptPolicy === "DECRYPT_ALLOWED")
  );
}

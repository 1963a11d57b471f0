// Host and URL matching as the spoke gateway applies WebGroups: SNI filters (exact or `*.`
// wildcard) on the TLS SNI / HTTP Host, URL filters (`host/path` globs) only on decrypted flows.
// Shared by the simulator (evaluate) and the analyzer. Facts: research docs/research/k8s-obot-crds.md §5.4,
// docs/research/aviatrix-provider-schema.md §5 (urlfilter matches `<host>/<path>` and needs decryption).
import { domainToASCII } from "url";
import { checkDomainPattern } from "../net/domain-name";

/**
 * Canonical form of a host name: trimmed, lower-case, no trailing dot, IDN labels as punycode.
 * Returns "" for something that is not a host name (callers treat that as "matches nothing").
 */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  while (h.endsWith(".")) h = h.slice(0, -1);
  if (h === "") return "";
  // Pure ASCII host names are kept as typed (domainToASCII rejects some valid-looking labels,
  // e.g. with underscores, which SNI filters may still carry).
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(h)) return h;
  return domainToASCII(h);
}

/**
 * Canonical form of an SNI filter pattern: "*" (any host), "*.suffix" or an exact host, by the one
 * domain grammar (lib/net/domain-name: no port, no empty label, no `*example.com`, no `*.com`).
 * Throws on anything else, so validate, simulate and analyze accept exactly the same patterns.
 */
export function normalizeSniPattern(pattern: string): string {
  if (typeof pattern === "string" && pattern.trim() === "*") return "*";
  const r = checkDomainPattern(pattern);
  if (!r.ok) throw new Error(`invalid SNI filter ${JSON.stringify(pattern)}: ${r.reason}; want an exact host or a leading "*." wildcard`);
  return r.value;
}

/** Why an SNI filter is invalid (the message normalizeSniPattern would throw), or undefined. */
export function sniPatternProblem(pattern: string): string | undefined {
  try {
    normalizeSniPattern(pattern);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * Does an SNI filter match a host? `*.x` matches any subdomain of x but neither x itself nor
 * `x.evil.io`; "*" matches any non-empty host; anything else is an exact match.
 * Both sides are normalised, so case, trailing dots and IDN spellings do not matter.
 */
export function sniMatches(pattern: string, host: string): boolean {
  const h = normalizeHost(host);
  if (h === "") return false;
  const p = normalizeSniPatternLenient(pattern);
  if (p === undefined) return false;
  if (p === "*") return true;
  if (p.startsWith("*.")) return h.endsWith(p.slice(1)) && h.length > p.length - 1;
  return h === p;
}

function normalizeSniPatternLenient(pattern: string): string | undefined {
  try {
    return normalizeSniPattern(pattern);
  } catch {
    return undefined;
  }
}

/**
 * Does a URL filter (`host/path` glob, `*` = any run of characters including "/") match a
 * request? Only meaningful for decrypted flows: without decryption the gateway sees no path,
 * so this returns false. The host part is compared case-insensitively (normalised), the path
 * case-sensitively. A pattern without "/" constrains the host only.
 */
export function urlMatches(pattern: string, host: string, path: string | undefined, decrypted: boolean): boolean {
  if (!decrypted) return false;
  const h = normalizeHost(host);
  if (h === "") return false;
  const slash = pattern.indexOf("/");
  const hostGlob = (slash < 0 ? pattern : pattern.slice(0, slash)).trim().toLowerCase().replace(/\.+$/, "");
  const pathGlob = slash < 0 ? "/*" : pattern.slice(slash);
  const p = path === undefined || path === "" ? "/" : path.startsWith("/") ? path : `/${path}`;
  return globMatches(hostGlob, h) && globMatches(pathGlob, p);
}

/**
 * `*` = any run of characters (possibly empty), everything else literal. Greedy two-pointer match
 * that only ever backtracks to the last `*`: O(|glob|·|text|) in the worst case, never exponential
 * (a regex built from the glob backtracks catastrophically on `*a*a…*b`).
 */
export function globMatches(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (g < glob.length && glob[g] === "*") {
      star = g++;
      resume = t;
    } else if (g < glob.length && glob[g] === text[t]) {
      g++;
      t++;
    } else if (star >= 0) {
      g = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob[g] === "*") g++;
  return g === glob.length;
}

/**
 * The index key an SNI pattern is filed under: the exact host, the wildcard's suffix (without
 * "*."), or "*" for any host. Used by the simulator's SNI index.
 */
export function sniIndexKey(pattern: string): { readonly kind: "exact" | "suffix" | "any"; readonly key: string } | undefined {
  const p = normalizeSniPatternLenient(pattern);
  if (p === undefined) return undefined;
  if (p === "*") return { kind: "any", key: "*" };
  if (p.startsWith("*.")) return { kind: "suffix", key: p.slice(2) };
  return { kind: "exact", key: p };
}

/** The proper parent domains of a normalised host, nearest first: a.b.c → [b.c, c]. */
export function parentDomains(host: string): string[] {
  const out: string[] = [];
  let i = host.indexOf(".");
  while (i >= 0) {
    out.push(host.slice(i + 1));
    i = host.indexOf(".", i + 1);
  }
  return out;
}

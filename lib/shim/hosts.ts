// Host classification: every URL the config names ends up as exactly one of
// - public: an FQDN destination (lower-case punycode, trailing dot stripped) with scheme and port;
// - internal: cluster/host-local names and private IPs — listed for reviewers, never permitted;
// - an issue: wildcard in a URL, public IP literal, unsupported scheme, not a URL.
// Private ranges: every IP that is not globally reachable per the IANA special-purpose registries
// (lib/net/special-purpose.ts) — a superset of LibreChat's own SSRF rules (packages/api/src/auth/
// domain.ts isPrivateIP: loopback, RFC 1918, link-local, CGNAT, unspecified, IPv6 ULA/link-local).
import { checkDomainPattern, checkPublicDomain, DEFAULT_INTERNAL_SUFFIXES, ipFamilyOf, isInternalName, isNonPublicIp } from "../net";
import { ShimIssueCode } from "./errors";
import { MAX_URL_LENGTH } from "./limits";

/** Internal suffixes and names are shared with the DCF simulator (lib/net/host-names). */
export { DEFAULT_INTERNAL_SUFFIXES, isInternalName };

export type Scheme = "https" | "http" | "wss" | "ws";

export type HostClass =
  | { readonly kind: "public"; readonly host: string; readonly port: number; readonly scheme: Scheme; readonly ip?: string }
  | { readonly kind: "internal"; readonly host: string; readonly port: number; readonly scheme: Scheme }
  | {
      readonly kind: "issue";
      readonly code: ShimIssueCode;
      readonly message: string;
      readonly host?: string;
      readonly port?: number;
      readonly scheme?: Scheme;
    };

const DEFAULT_PORTS: Record<Scheme, number> = { https: 443, wss: 443, http: 80, ws: 80 };

export interface ClassifyOptions {
  readonly internalSuffixes: readonly string[];
  readonly schemes: readonly Scheme[];
  /**
   * How messages quote the value: the raw config text with its `${VAR}`s. The substituted URL may
   * carry a token from the env file (webhook paths, query keys), so it is never echoed.
   * @default - the value itself (callers that substituted nothing)
   */
  readonly shownAs?: string;
}

/** Classifies a fully substituted URL string. */
export function classifyUrl(value: string, opts: ClassifyOptions): HostClass {
  if (value.length > MAX_URL_LENGTH) return { kind: "issue", code: "invalid-url", message: `URL longer than ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { kind: "issue", code: "invalid-url", message: `${JSON.stringify(opts.shownAs ?? value)} is not an absolute URL` };
  }
  const scheme = url.protocol.replace(/:$/, "") as Scheme;
  if (!opts.schemes.includes(scheme)) {
    return {
      kind: "issue",
      code: "unsupported-scheme",
      message: `scheme ${JSON.stringify(url.protocol)} is not allowed here (want ${opts.schemes.join("/")})`,
    };
  }
  const port = url.port ? Number(url.port) : DEFAULT_PORTS[scheme];
  // Port 0 is not a port; downstream it could read as "every port".
  if (port < 1 || port > 65535)
    return { kind: "issue", code: "invalid-url", message: `${JSON.stringify(opts.shownAs ?? value)} has port ${port} (want 1..65535)` };
  return classifyHost(url.hostname, port, scheme, opts.internalSuffixes, hostAsWritten(value) ?? url.hostname);
}

/**
 * The host of a URL exactly as the text spells it: WHATWG URL lower-cases and punycodes
 * `hostname`, and a message must quote what the user wrote (`API..Groq.COM`, not `api..groq.com`).
 */
function hostAsWritten(urlText: string): string | undefined {
  return /^\s*[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(urlText)?.[1];
}

/**
 * Classifies a bare host (already lower-cased/punycoded by URL, or from an allowlist).
 * @param shownHost how messages quote the host: as the user wrote it. @default hostname
 */
export function classifyHost(hostname: string, port: number, scheme: Scheme, internalSuffixes: readonly string[], shownHost = hostname): HostClass {
  let host = hostname.toLowerCase();
  if (host.endsWith(".")) host = host.slice(0, -1);
  const shown = JSON.stringify(shownHost);
  if (host.includes("*")) {
    return {
      kind: "issue",
      code: "wildcard-host",
      message: `wildcard host ${shown} in a URL can never be requested; only allowlists may use wildcards`,
      host,
      port,
      scheme,
    };
  }
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  // How the address was spelled (`134744072`, `0x08.8.8.8`, `2001:DB8::1`), when that is not `bare`.
  const written = shownHost.replace(/^\[(.*)\]$/, "$1");
  const ipVersion = ipFamilyOf(bare);
  if (ipVersion !== 0) {
    if (isPrivateIp(bare)) return { kind: "internal", host: bare, port, scheme };
    return {
      kind: "issue",
      code: "public-ip",
      message: `public IP literal ${bare}${written === bare ? "" : ` (written ${shown})`} cannot be permitted by an FQDN WebGroup; use a hostname, or accept it as a reviewed /${ipVersion === 6 ? 128 : 32} exception`,
      host: bare,
      port,
      scheme,
    };
  }
  if (host.length === 0) return { kind: "issue", code: "invalid-url", message: "URL has no host" };
  if (isInternalName(host, internalSuffixes)) return { kind: "internal", host, port, scheme };
  // The one domain grammar (lib/net/domain-name): `a..b`, `a,b`, labels over 63 characters never become WebGroup domains.
  const checked = checkPublicDomain(hostname);
  if (!checked.ok) return { kind: "issue", code: "invalid-url", message: `host ${shown} ${checked.reason}`, host, port, scheme };
  return { kind: "public", host: checked.value, port, scheme };
}

/**
 * A valid IP literal that is not globally reachable (private, loopback, link-local, CGNAT,
 * documentation, benchmarking, multicast, reserved; IPv4-mapped IPv6 judged by its IPv4 host).
 * One table with the DCF simulator's Public Internet test: lib/net/special-purpose.ts.
 */
export function isPrivateIp(ip: string): boolean {
  return isNonPublicIp(ip);
}

/**
 * Normalises an allowlist/annotation domain (`api.example.com`, `*.example.com`) to lower-case
 * punycode by the one domain grammar (lib/net/domain-name). Returns undefined when it is not a
 * valid FQDN pattern (including `*.com`, `*.co.uk`).
 */
export function normaliseDomainPattern(input: string): string | undefined {
  const r = checkDomainPattern(input);
  return r.ok ? r.value : undefined;
}

// Host classification: every URL the config names ends up as exactly one of
// - public: an FQDN destination (lower-case punycode, trailing dot stripped) with scheme and port;
// - internal: cluster/host-local names and private IPs — listed for reviewers, never permitted;
// - an issue: wildcard in a URL, public IP literal, unsupported scheme, not a URL.
// Private ranges follow LibreChat's own SSRF rules (packages/api/src/auth/domain.ts isPrivateIP):
// loopback, RFC 1918, link-local, CGNAT 100.64/10, unspecified, IPv6 ULA/link-local/loopback.
import { isIP } from "net";
import { ShimIssueCode } from "./errors";
import { MAX_URL_LENGTH } from "./limits";

/** Suffixes that never resolve on the internet (research §8); more via --internal-suffix. */
export const DEFAULT_INTERNAL_SUFFIXES: readonly string[] = [
  "localhost",
  "svc",
  "cluster.local",
  "local",
  "internal",
  "home.arpa",
  "in-addr.arpa",
  "ip6.arpa",
];

export type Scheme = "https" | "http" | "wss" | "ws";

export type HostClass =
  | { readonly kind: "public"; readonly host: string; readonly port: number; readonly scheme: Scheme; readonly ip?: string }
  | { readonly kind: "internal"; readonly host: string; readonly port: number; readonly scheme: Scheme }
  | { readonly kind: "issue"; readonly code: ShimIssueCode; readonly message: string; readonly host?: string; readonly port?: number; readonly scheme?: Scheme };

const DEFAULT_PORTS: Record<Scheme, number> = { https: 443, wss: 443, http: 80, ws: 80 };

export interface ClassifyOptions {
  readonly internalSuffixes: readonly string[];
  readonly schemes: readonly Scheme[];
}

/** Classifies a fully substituted URL string. */
export function classifyUrl(value: string, opts: ClassifyOptions): HostClass {
  if (value.length > MAX_URL_LENGTH) return { kind: "issue", code: "invalid-url", message: `URL longer than ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { kind: "issue", code: "invalid-url", message: `${JSON.stringify(value)} is not an absolute URL` };
  }
  const scheme = url.protocol.replace(/:$/, "") as Scheme;
  if (!opts.schemes.includes(scheme)) {
    return { kind: "issue", code: "unsupported-scheme", message: `scheme ${JSON.stringify(url.protocol)} is not allowed here (want ${opts.schemes.join("/")})` };
  }
  const port = url.port ? Number(url.port) : DEFAULT_PORTS[scheme];
  return classifyHost(url.hostname, port, scheme, opts.internalSuffixes);
}

/** Classifies a bare host (already lower-cased/punycoded by URL, or from an allowlist). */
export function classifyHost(hostname: string, port: number, scheme: Scheme, internalSuffixes: readonly string[]): HostClass {
  let host = hostname.toLowerCase();
  if (host.endsWith(".")) host = host.slice(0, -1);
  if (host.includes("*")) {
    return { kind: "issue", code: "wildcard-host", message: `wildcard host ${JSON.stringify(host)} in a URL can never be requested; only allowlists may use wildcards`, host, port, scheme };
  }
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  const ipVersion = isIP(bare);
  if (ipVersion !== 0) {
    if (isPrivateIp(bare)) return { kind: "internal", host: bare, port, scheme };
    return {
      kind: "issue",
      code: "public-ip",
      message: `public IP literal ${bare} cannot be permitted by an FQDN WebGroup; use a hostname, or accept it as a reviewed /32 exception`,
      host: bare,
      port,
      scheme,
    };
  }
  if (host.length === 0) return { kind: "issue", code: "invalid-url", message: "URL has no host" };
  if (isInternalName(host, internalSuffixes)) return { kind: "internal", host, port, scheme };
  return { kind: "public", host, port, scheme };
}

export function isInternalName(host: string, internalSuffixes: readonly string[]): boolean {
  if (!host.includes(".")) return true; // single-label names only resolve inside a cluster/compose network
  return internalSuffixes.some((s) => host === s || host.endsWith(`.${s}`));
}

export function isPrivateIp(ip: string): boolean {
  if (isIP(ip) === 4) return isPrivateV4(ip.split(".").map(Number));
  const v6 = expandV6(ip);
  if (!v6) return false;
  if (v6.every((w, i) => (i < 7 ? w === 0 : w === 0 || w === 1))) return true; // :: and ::1
  if (v6.slice(0, 5).every((w) => w === 0) && v6[5] === 0xffff) {
    return isPrivateV4([v6[6] >> 8, v6[6] & 0xff, v6[7] >> 8, v6[7] & 0xff]); // IPv4-mapped
  }
  const first = v6[0];
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80; // ULA fc00::/7, link-local fe80::/10
}

function isPrivateV4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

function expandV6(ip: string): number[] | undefined {
  let s = ip.split("%")[0];
  const v4 = s.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (v4) {
    const p = v4[1].split(".").map(Number);
    s = s.slice(0, -v4[1].length) + `${((p[0] << 8) | p[1]).toString(16)}:${((p[2] << 8) | p[3]).toString(16)}`;
  }
  const [head, tail] = s.split("::");
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail ? tail.split(":") : [];
  const missing = 8 - h.length - t.length;
  if (s.includes("::") ? missing < 0 : h.length !== 8) return undefined;
  const words = [...h, ...Array(s.includes("::") ? missing : 0).fill("0"), ...t].map((w) => parseInt(w, 16));
  return words.some((w) => Number.isNaN(w)) ? undefined : words;
}

/**
 * Normalises an allowlist/annotation domain (`api.example.com`, `*.example.com`) to lower-case
 * punycode. Returns undefined when it is not a valid FQDN pattern.
 */
export function normaliseDomainPattern(input: string): string | undefined {
  const s = input.trim().toLowerCase().replace(/\.$/, "");
  const wildcard = s.startsWith("*.");
  const rest = wildcard ? s.slice(2) : s;
  if (!rest || rest.includes("*") || /[\s/:@?#\[\]]/.test(rest)) return undefined;
  let host: string;
  try {
    host = new URL(`https://${rest}/`).hostname;
  } catch {
    return undefined;
  }
  if (host !== rest && host !== new URL(`https://${rest}/`).hostname) return undefined;
  if (isIP(host) !== 0) return undefined;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return undefined;
  return wildcard ? `*.${host}` : host;
}

// Which addresses are "Public Internet" (globally reachable unicast) and which are internal.
// One table for the DCF simulator's Public Internet group and the LibreChat shim's internal /
// public split, so both classify every address the same way.
// Sources: IANA IPv4 Special-Purpose Address Registry and IPv6 Special-Purpose Address Registry
// (entries with "Globally Reachable: False" or deprecated), IANA IPv4 Multicast Address Space
// (RFC 5771) and IPv6 Multicast (RFC 4291 §2.7), IANA IPv6 Address Space (only 2000::/3 is
// allocated global unicast), RFC 6052 §3.1 (the NAT64 well-known prefix only embeds global IPv4).
import { cidrContainsIp, ParsedCidr, parseCidr, parseIp, ParsedIp, unmapIpv4 } from "./ip";

export interface SpecialPurposeRange {
  readonly cidr: string;
  readonly what: string;
  readonly source: string;
}

/** IPv4 ranges that are not globally reachable unicast. */
export const NON_PUBLIC_IPV4: readonly SpecialPurposeRange[] = [
  { cidr: "0.0.0.0/8", what: "this network", source: "RFC 791, IANA IPv4 special-purpose" },
  { cidr: "10.0.0.0/8", what: "private-use", source: "RFC 1918" },
  { cidr: "100.64.0.0/10", what: "shared address space (CGNAT)", source: "RFC 6598" },
  { cidr: "127.0.0.0/8", what: "loopback", source: "RFC 1122" },
  { cidr: "169.254.0.0/16", what: "link-local (incl. cloud metadata 169.254.169.254)", source: "RFC 3927" },
  { cidr: "172.16.0.0/12", what: "private-use", source: "RFC 1918" },
  { cidr: "192.0.0.0/24", what: "IETF protocol assignments", source: "RFC 6890" },
  { cidr: "192.0.2.0/24", what: "documentation (TEST-NET-1)", source: "RFC 5737" },
  { cidr: "192.88.99.0/24", what: "6to4 relay anycast (deprecated)", source: "RFC 7526" },
  { cidr: "192.168.0.0/16", what: "private-use", source: "RFC 1918" },
  { cidr: "198.18.0.0/15", what: "benchmarking", source: "RFC 2544" },
  { cidr: "198.51.100.0/24", what: "documentation (TEST-NET-2)", source: "RFC 5737" },
  { cidr: "203.0.113.0/24", what: "documentation (TEST-NET-3)", source: "RFC 5737" },
  { cidr: "224.0.0.0/4", what: "multicast", source: "RFC 5771" },
  { cidr: "240.0.0.0/4", what: "reserved (incl. limited broadcast 255.255.255.255)", source: "RFC 1112, RFC 919" },
];

/** IPv6 ranges inside 2000::/3 (or overlapping the checks below) that are not globally reachable. */
export const NON_PUBLIC_IPV6: readonly SpecialPurposeRange[] = [
  { cidr: "::/128", what: "unspecified", source: "RFC 4291" },
  { cidr: "::1/128", what: "loopback", source: "RFC 4291" },
  { cidr: "64:ff9b:1::/48", what: "local-use IPv4/IPv6 translation", source: "RFC 8215" },
  { cidr: "100::/64", what: "discard-only", source: "RFC 6666" },
  { cidr: "2001::/23", what: "IETF protocol assignments (TEREDO, benchmarking 2001:2::/48, ORCHID)", source: "RFC 2928, RFC 4380, RFC 5180" },
  { cidr: "2001:db8::/32", what: "documentation", source: "RFC 3849" },
  { cidr: "3fff::/20", what: "documentation", source: "RFC 9637" },
  { cidr: "5f00::/16", what: "SRv6 SIDs", source: "RFC 9602" },
  { cidr: "fc00::/7", what: "unique local", source: "RFC 4193" },
  { cidr: "fe80::/10", what: "link-local", source: "RFC 4291" },
  { cidr: "fec0::/10", what: "site-local (deprecated)", source: "RFC 3879" },
  { cidr: "ff00::/8", what: "multicast", source: "RFC 4291" },
];

interface ParsedTables {
  readonly v4: readonly ParsedCidr[];
  readonly v6: readonly ParsedCidr[];
  readonly globalUnicastV6: ParsedCidr;
  readonly nat64WellKnown: ParsedCidr;
}

// Parsed on first use: every stack loads this module (through host-names) but synth never asks,
// and parsing the table at load costs several ms of a cold start (docs/ARCHITECTURE.md §7).
let parsed: ParsedTables | undefined;
function tables(): ParsedTables {
  return (parsed ??= {
    v4: NON_PUBLIC_IPV4.map((r) => parseCidr(r.cidr) as ParsedCidr),
    v6: NON_PUBLIC_IPV6.map((r) => parseCidr(r.cidr) as ParsedCidr),
    globalUnicastV6: parseCidr("2000::/3") as ParsedCidr,
    nat64WellKnown: parseCidr("64:ff9b::/96") as ParsedCidr,
  });
}

function isPublicParsed(ip: ParsedIp): boolean {
  const t = tables();
  const p = unmapIpv4(ip);
  if (p.family === 4) return !t.v4.some((c) => cidrContainsIp(c, p));
  // NAT64 well-known prefix: the host is the embedded IPv4 address (RFC 6052 §2.2).
  if (cidrContainsIp(t.nat64WellKnown, p)) return isPublicParsed({ family: 4, value: p.value & 0xffffffffn });
  return cidrContainsIp(t.globalUnicastV6, p) && !t.v6.some((c) => cidrContainsIp(c, p));
}

/**
 * A globally reachable unicast address ("Public Internet"). IPv4-mapped IPv6 (`::ffff:a.b.c.d`)
 * and NAT64 (`64:ff9b::a.b.c.d`) addresses are judged by their IPv4 host. Not an IP → false.
 */
export function isPublicIp(text: string): boolean {
  const ip = parseIp(text);
  return ip !== undefined && isPublicParsed(ip);
}

/** A valid IP address that is not Public Internet (private, loopback, link-local, reserved…). */
export function isNonPublicIp(text: string): boolean {
  const ip = parseIp(text);
  return ip !== undefined && !isPublicParsed(ip);
}

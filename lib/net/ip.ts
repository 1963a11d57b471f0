// The one place for IP address and CIDR logic (DCF simulator, analyzer, builder validation,
// network constructs, LibreChat shim): parse IPv4/IPv6 (with IPv4-mapped and embedded forms),
// parse CIDRs strictly, test containment, and the IPv4 integer helpers the constructs use to lay
// out subnets the way Terraform's cidrsubnet() does.
import { isIP, isIPv4 } from "net";

export type IpFamily = 4 | 6;

export interface ParsedIp {
  readonly family: IpFamily;
  /** The address as an unsigned integer (32 or 128 bits). */
  readonly value: bigint;
}

export interface ParsedCidr {
  readonly family: IpFamily;
  /** Network address (host bits cleared). */
  readonly base: bigint;
  /** Prefix length. */
  readonly bits: number;
}

/**
 * `net.isIP(text)`: 4, 6 or 0 (not an address). Text without a ':' cannot be IPv6, so it skips
 * Node's IPv6 regular expression, which V8 compiles on first use: ~30-100 ms of a cold synth that
 * only ever checks host names (docs/ARCHITECTURE.md §7).
 */
export function ipFamilyOf(text: string): 0 | IpFamily {
  if (!text.includes(":")) return isIPv4(text) ? 4 : 0;
  return isIP(text) as 0 | IpFamily;
}

export function familyBits(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

function parseV4(text: string): bigint {
  return text.split(".").reduce((acc, o) => (acc << 8n) | BigInt(Number(o)), 0n);
}

/**
 * Parses an IPv4 or IPv6 address (what Node's `net.isIP` accepts: no leading zeros in IPv4
 * octets; IPv6 may carry a trailing dotted IPv4 and a `%zone`, which is dropped).
 */
export function parseIp(text: string): ParsedIp | undefined {
  const family = ipFamilyOf(text);
  if (family === 4) return { family: 4, value: parseV4(text) };
  if (family !== 6) return undefined;
  let s = text.split("%")[0];
  let tailV4: bigint | undefined;
  const lastColon = s.lastIndexOf(":");
  if (s.slice(lastColon + 1).includes(".")) {
    tailV4 = parseV4(s.slice(lastColon + 1));
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const [head, tail] = s.includes("::") ? s.split("::") : [s, undefined];
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const fill = tail === undefined ? [] : new Array<string>(8 - h.length - t.length).fill("0");
  let v = [...h, ...fill, ...t].reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || "0", 16)), 0n);
  if (tailV4 !== undefined) v = (v & ~0xffffffffn) | tailV4;
  return { family: 6, value: v };
}

const MAPPED_PREFIX = 0xffffn << 32n;

/** `::ffff:a.b.c.d` → `a.b.c.d` (an IPv4-mapped IPv6 address is the IPv4 host); others unchanged. */
export function unmapIpv4(ip: ParsedIp): ParsedIp {
  if (ip.family === 6 && ip.value >> 32n === MAPPED_PREFIX >> 32n) return { family: 4, value: ip.value & 0xffffffffn };
  return ip;
}

const cidrCache = new Map<string, ParsedCidr | null>();

/**
 * Parses `address/prefix` (or a bare address = host route). Strict: one "/", a decimal prefix
 * of 1–3 digits within the family's width; host bits may be set and are cleared in `base`.
 */
export function parseCidr(text: string): ParsedCidr | undefined {
  const hit = cidrCache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const parts = text.split("/");
  let out: ParsedCidr | undefined;
  const ip = parts.length <= 2 ? parseIp(parts[0]) : undefined;
  if (ip !== undefined && (parts.length === 1 || /^\d{1,3}$/.test(parts[1]))) {
    const max = familyBits(ip.family);
    const bits = parts.length === 1 ? max : Number(parts[1]);
    if (bits <= max) {
      const shift = BigInt(max - bits);
      out = { family: ip.family, base: (ip.value >> shift) << shift, bits };
    }
  }
  if (cidrCache.size > 50_000) cidrCache.clear();
  cidrCache.set(text, out ?? null);
  return out;
}

/** A CIDR (or single address) as the provider's IsCIDR / IsIPAddress would accept it. */
export function isCidrOrIp(text: string): boolean {
  return parseCidr(text) !== undefined;
}

/** A CIDR covering every address of its family (0.0.0.0/0, ::/0). */
export function isCatchAllCidr(text: string): boolean {
  return parseCidr(text)?.bits === 0;
}

/** `inner` lies entirely inside `outer` (same family). */
export function cidrContainsCidr(outer: ParsedCidr, inner: ParsedCidr): boolean {
  if (outer.family !== inner.family || inner.bits < outer.bits) return false;
  const shift = BigInt(familyBits(outer.family) - outer.bits);
  return (inner.base >> shift) << shift === outer.base;
}

/**
 * Is the address inside the CIDR? An IPv4-mapped IPv6 address is its IPv4 host, so it matches
 * IPv4 CIDRs (the gateway sees the IPv4 packet).
 */
export function cidrContainsIp(cidr: string | ParsedCidr, ip: string | ParsedIp): boolean {
  const c = typeof cidr === "string" ? parseCidr(cidr) : cidr;
  const parsed = typeof ip === "string" ? parseIp(ip) : ip;
  if (c === undefined || parsed === undefined) return false;
  const p = c.family === 4 ? unmapIpv4(parsed) : parsed;
  if (p.family !== c.family) return false;
  const shift = BigInt(familyBits(c.family) - c.bits);
  return (p.value >> shift) << shift === c.base;
}

// ---- IPv4 as 32-bit numbers (network layout in the constructs) ----

export interface Ipv4Cidr {
  /** Address as an unsigned 32-bit integer (host bits as written). */
  readonly address: number;
  readonly prefixLength: number;
}

export function parseIpv4(text: string): number | undefined {
  const p = ipFamilyOf(text) === 4 ? parseIp(text) : undefined;
  return p === undefined ? undefined : Number(p.value);
}

/** `a.b.c.d/n` with 0 ≤ n ≤ 32 (one or two digits); the address keeps its host bits. */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const address = parseIpv4(m[1]);
  const prefixLength = Number(m[2]);
  if (address === undefined || prefixLength > 32) return undefined;
  return { address, prefixLength };
}

export function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}

function ipv4AsCidr(c: Ipv4Cidr): ParsedCidr {
  const shift = BigInt(32 - c.prefixLength);
  return { family: 4, base: (BigInt(c.address) >> shift) << shift, bits: c.prefixLength };
}

function blockSize(prefixLength: number): number {
  return 2 ** (32 - prefixLength);
}

/** True when no host bits are set (10.0.0.0/16 yes, 10.0.0.1/16 no). */
export function isNetworkAddress(cidr: Ipv4Cidr): boolean {
  return cidr.address % blockSize(cidr.prefixLength) === 0;
}

/** Terraform's cidrsubnet(prefix, newbits, netnum) for IPv4. */
export function cidrSubnet(cidr: Ipv4Cidr, newBits: number, netNum: number): string {
  const prefixLength = cidr.prefixLength + newBits;
  if (prefixLength > 32 || netNum < 0 || netNum >= 2 ** newBits) {
    throw new RangeError(`cidrSubnet: ${formatIpv4(cidr.address)}/${cidr.prefixLength} has no subnet ${netNum} of /${prefixLength}`);
  }
  const base = cidr.address - (cidr.address % blockSize(cidr.prefixLength));
  return `${formatIpv4(base + netNum * blockSize(prefixLength))}/${prefixLength}`;
}

/** True when IPv4 block `inner` lies entirely inside `outer`. */
export function ipv4CidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return cidrContainsCidr(ipv4AsCidr(outer), ipv4AsCidr(inner));
}

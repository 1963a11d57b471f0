// IPv4/IPv6 parsing into bigint for CIDR containment, and the "Public Internet" test.
import { isIP } from "net";

export interface ParsedCidr {
  readonly family: 4 | 6;
  readonly base: bigint;
  readonly bits: number;
}

export function parseIp(ip: string): { family: 4 | 6; value: bigint } | undefined {
  const fam = isIP(ip);
  if (fam === 4) {
    const v = ip.split(".").reduce((acc, o) => (acc << 8n) | BigInt(Number(o)), 0n);
    return { family: 4, value: v };
  }
  if (fam === 6) {
    let s = ip;
    let tailV4: bigint | undefined;
    const lastColon = s.lastIndexOf(":");
    if (s.slice(lastColon + 1).includes(".")) {
      tailV4 = parseIp(s.slice(lastColon + 1))?.value;
      s = `${s.slice(0, lastColon + 1)}0:0`;
    }
    const [head, tail] = s.includes("::") ? s.split("::") : [s, undefined];
    const h = head ? head.split(":") : [];
    const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
    const fill = tail === undefined ? [] : new Array(8 - h.length - t.length).fill("0");
    const groups = [...h, ...fill, ...t];
    let v = groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || "0", 16)), 0n);
    if (tailV4 !== undefined) v = (v & ~0xffffffffn) | tailV4;
    return { family: 6, value: v };
  }
  return undefined;
}

const cidrCache = new Map<string, ParsedCidr | null>();

export function parseCidr(cidr: string): ParsedCidr | undefined {
  const hit = cidrCache.get(cidr);
  if (hit !== undefined) return hit ?? undefined;
  const [ip, bitsText] = cidr.split("/");
  const p = parseIp(ip);
  let out: ParsedCidr | undefined;
  if (p) {
    const max = p.family === 4 ? 32 : 128;
    const bits = bitsText === undefined ? max : Number(bitsText);
    if (Number.isInteger(bits) && bits >= 0 && bits <= max) {
      const shift = BigInt(max - bits);
      out = { family: p.family, base: (p.value >> shift) << shift, bits };
    }
  }
  if (cidrCache.size > 50_000) cidrCache.clear();
  cidrCache.set(cidr, out ?? null);
  return out;
}

export function cidrContains(cidr: string, ip: string): boolean {
  const c = parseCidr(cidr);
  const p = parseIp(ip);
  if (!c || !p || c.family !== p.family) return false;
  const max = c.family === 4 ? 32 : 128;
  const shift = BigInt(max - c.bits);
  return (p.value >> shift) << shift === c.base;
}

/** A CIDR covering every address of its family (0.0.0.0/0, ::/0). */
export function isCatchAllCidr(cidr: string): boolean {
  const c = parseCidr(cidr);
  return c !== undefined && c.bits === 0;
}

// Not "Public Internet": RFC 1918, CGNAT, loopback, link-local, multicast, reserved, ULA.
const NON_PUBLIC = [
  "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
  "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
  "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8",
];

export function isPublicIp(ip: string): boolean {
  if (isIP(ip) === 0) return false;
  return !NON_PUBLIC.some((c) => cidrContains(c, ip));
}

// IPv4 CIDR containment for route checks (AVX-FDY3). IPv6 prefixes are reported as unknown.
export interface Cidr {
  readonly base: number;
  readonly bits: number;
}

export function parseCidr(text: string): Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = m[5] === undefined ? 32 : Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const ip = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  return { base: (bits === 0 ? 0 : (ip & mask(bits)) >>> 0), bits };
}

function mask(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** outer contains inner (every address of inner is in outer). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.bits <= inner.bits && ((inner.base & mask(outer.bits)) >>> 0) === outer.base;
}

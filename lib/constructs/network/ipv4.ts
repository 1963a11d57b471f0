// Pure IPv4 address and CIDR helpers: parse what the provider's IsCIDR/IsIPAddress accept and carve
// subnets the way Terraform's cidrsubnet() does, so created networks get a predictable layout.

export interface Ipv4Cidr {
  /** Address as an unsigned 32-bit integer (host bits as written). */
  readonly address: number;
  readonly prefixLength: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function parseIpv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

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

/** True when `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  if (inner.prefixLength < outer.prefixLength) return false;
  const size = blockSize(outer.prefixLength);
  return Math.floor(outer.address / size) === Math.floor(inner.address / size);
}

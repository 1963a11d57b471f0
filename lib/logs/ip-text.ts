// Is a log field an IP address (as net.isIP says)? Dotted IPv4 is read with charCodeAt first:
// net.isIP runs two regular expressions, and a log line carries two addresses.
import { isIP } from "net";

/**
 * A dotted-quad IPv4 address, spelled exactly as net.isIP accepts it (four 0–255 parts, no leading
 * zeros), as an unsigned 32-bit number; -1 for anything else. One number per spelling and back.
 */
export function dottedQuad(s: string): number {
  const n = s.length;
  if (n < 7 || n > 15) return -1;
  let address = 0;
  let i = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (s.charCodeAt(i) !== 46) return -1;
      i++;
    }
    const start = i;
    let value = 0;
    while (i < n && i - start < 3) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
      i++;
    }
    if (i === start || (i - start > 1 && s.charCodeAt(start) === 48) || value > 255) return -1;
    address = address * 256 + value;
  }
  return i === n ? address : -1;
}

export function isIpAddress(s: string): boolean {
  return dottedQuad(s) >= 0 || isIP(s) !== 0;
}

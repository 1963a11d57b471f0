// Is a log field an IP address (as net.isIP says)? Dotted IPv4 is read with charCodeAt first:
// net.isIP runs two regular expressions, and a log line carries two addresses.
import { isIP } from "net";

/** Dotted-quad IPv4 exactly as net.isIP accepts it: four 0–255 parts, no leading zeros. */
function isDottedQuad(s: string): boolean {
  const n = s.length;
  if (n < 7 || n > 15) return false;
  let i = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (s.charCodeAt(i) !== 46) return false;
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
    if (i === start || (i - start > 1 && s.charCodeAt(start) === 48) || value > 255) return false;
  }
  return i === n;
}

export function isIpAddress(s: string): boolean {
  return isDottedQuad(s) || isIP(s) !== 0;
}

// Host names that never resolve on the public Internet: single-label names (cluster / compose
// service names) and special-use suffixes. Shared by the LibreChat shim (internal hosts are listed,
// never permitted) and the DCF simulator (such hosts are not "Public Internet").
// Sources: RFC 6761 (localhost, local.arpa), RFC 6762 (.local), RFC 8375 (home.arpa), RFC 9476
// (.alt), ICANN 2024 resolution reserving .internal; Kubernetes DNS (svc, cluster.local);
// in-addr.arpa / ip6.arpa are reverse-DNS trees (RFC 1035, RFC 3596).
import { ipFamilyOf } from "./ip";
import { isNonPublicIp } from "./special-purpose";

/** Suffixes that never resolve on the Internet (the shim adds more via --internal-suffix). */
export const DEFAULT_INTERNAL_SUFFIXES: readonly string[] = ["localhost", "svc", "cluster.local", "local", "internal", "home.arpa", "in-addr.arpa", "ip6.arpa"];

/** A normalised (lower-case, no trailing dot) host name that only resolves inside a private network. */
export function isInternalName(host: string, internalSuffixes: readonly string[] = DEFAULT_INTERNAL_SUFFIXES): boolean {
  if (!host.includes(".")) return true; // single-label names only resolve inside a cluster/compose network
  return internalSuffixes.some((s) => host === s || host.endsWith(`.${s}`));
}

/**
 * Is a destination host (name or IP literal, optionally in [brackets]) internal? IP literals use
 * the special-purpose table; names use isInternalName.
 */
export function isInternalHost(host: string, internalSuffixes: readonly string[] = DEFAULT_INTERNAL_SUFFIXES): boolean {
  let h = host.trim().toLowerCase();
  while (h.endsWith(".")) h = h.slice(0, -1);
  const bare = h.startsWith("[") && h.endsWith("]") ? h.slice(1, -1) : h;
  if (ipFamilyOf(bare) !== 0) return isNonPublicIp(bare);
  return h === "" || isInternalName(h, internalSuffixes);
}

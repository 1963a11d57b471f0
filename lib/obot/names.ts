import { createHash } from "crypto";

// FirewallPolicy naming exactly as the NPC does it: "obot-<sanitized mnp name>-fw", cut with a
// hash suffix at 64 characters. Sources: obot-platform/aviatrix-network-policy-controller
// pkg/translate/translate.go (NameForMCPNetworkPolicy, sanitizeName) and obot-platform/nah
// pkg/name/name.go (SafeConcatName).

export function sanitizeName(name: string): string {
  let out = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  while (out.includes("--")) out = out.split("--").join("-");
  return out;
}

/** nah SafeConcatName: join with "-"; at ≥ 64 chars keep a prefix and append a sha256 prefix. */
export function safeConcatName(...parts: readonly string[]): string {
  const length = 64;
  const full = parts.join("-");
  if (full.length < length) return full;
  const digest = createHash("sha256").update(full).digest("hex");
  const c = full[length - 8];
  if ((c >= "a" && c <= "z") || (c >= "0" && c <= "9")) {
    return `${full.slice(0, length - 7)}-${digest.slice(0, 5)}`;
  }
  return `${full.slice(0, length - 8)}-${digest.slice(0, 6)}`;
}

export function firewallPolicyName(mcpNetworkPolicyName: string): string {
  return safeConcatName("obot", sanitizeName(mcpNetworkPolicyName), "fw");
}

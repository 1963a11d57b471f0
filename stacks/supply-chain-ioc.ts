// Blobs of known-bad supply-chain paths on GitHub (the Shai-Hulud npm worm, Sep 2025, publishes
// stolen secrets to repositories named "Shai-Hulud"): `host/path` URL filters, which only match
// decrypted flows. One list for every stack that denies them (AgentCore rule 29, LibreChat's IoC deny).
// Source: AviatrixSystems/aviatrix-blueprints blueprints/agentcore-aws/dcf.tf @acecbf3
// (supply_chain_ioc_github), vendored in test/fixtures/dcf/agentcore-aws.dcf.tf.json.
export const SUPPLY_CHAIN_IOC_URLS: readonly string[] = [
  "api.github.com/repos/*/*shai-hulud*",
  "api.github.com/repos/*shai-hulud*/*",
  "github.com/*/*shai-hulud*",
  "github.com/*shai-hulud*",
  "github.com/shai-hulud*",
  "raw.githubusercontent.com/*/*shai-hulud*",
];

/**
 * The hosts of `host/path` URL filters (lower case, sorted, once each): the destination FQDN
 * SmartGroup of a rule that decrypts to apply them, so decryption covers only flows to those
 * hosts (issue 13: "URL-filter denies decrypt only their IoC hosts").
 */
export function urlFilterHosts(urls: readonly string[]): string[] {
  return [...new Set(urls.map((u) => u.split("/")[0].toLowerCase()))].sort();
}

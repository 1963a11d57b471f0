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

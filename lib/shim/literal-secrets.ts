// Literal secrets in librechat.yaml (review item 7; issue 15). The config is rendered verbatim
// into the chart's ConfigMap (and, through the LibreChat construct, into cdk.tf.json), and the
// shim is the PR gate for it, so a credential must be a reference LibreChat resolves at runtime —
// `${VAR}` (extractEnvVariable), a `{{…}}` placeholder (MCP headers), `user_provided`. What counts
// as a credential is decided by the one detector (lib/secrets): the value's shape, not a list of
// stand-in words, so `apiKey: "proxy"` passes and a high-entropy literal under apiKey does not.
import { findSecrets, SecretFinding } from "../secrets/find-secrets";

export type LiteralSecret = SecretFinding;

/** Every literal secret in a parsed config, in document order. */
export function findLiteralSecrets(doc: unknown): LiteralSecret[] {
  return findSecrets(doc);
}

/** The message for one finding (names the key and what to do; never the value). */
export function literalSecretMessage(s: LiteralSecret): string {
  return (
    `${s.reason}: librechat.yaml is rendered into a ConfigMap (and cdk.tf.json), so credentials must be references — ` +
    `use "\${ENV_VAR}" (LibreChat substitutes it at runtime) or "user_provided"`
  );
}

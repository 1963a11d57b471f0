// Literal secrets in librechat.yaml (review item 7). The config is rendered verbatim into the
// chart's ConfigMap (and, through the LibreChat construct, into cdk.tf.json), and the shim is the
// PR gate for it, so a key that holds a credential must hold a reference LibreChat resolves at
// runtime — `${VAR}` (extractEnvVariable), a `{{…}}` placeholder (MCP headers), `user_provided` —
// an obvious placeholder or documented no-key stand-in ("ollama", "EMPTY"), or nothing. Key names are judged by their last word (apiKey, client_secret, x-api-key,
// Authorization…), not by the env-name pattern used for configEnv: that one would also flag
// `memory.tokenLimit` and `customParams.paramDefinitions[].key`.
import { isPlaceholderValue } from "./env";
import { joinItem, joinKey } from "./yaml-path";

export interface LiteralSecret {
  /** YAML path of the value, e.g. `endpoints.custom[name=groq].apiKey`. */
  readonly path: string;
  /** The secret-looking key (for messages; the value itself is never reported). */
  readonly key: string;
}

/** Last words that name a credential. */
const SECRET_WORDS = new Set(["secret", "token", "password", "passwd", "pwd", "passphrase", "credential", "credentials", "authorization", "apikey"]);
/** `<word>Key` that is public by design or not a credential (Turnstile siteKey, publicKey, sortKey…). */
const NON_SECRET_KEY_QUALIFIERS = new Set(["site", "public", "sort", "partition", "primary", "foreign", "cache", "idempotency", "object", "map", "lookup", "group", "hot"]);
/** Keys that hold the credential of a secret-looking parent (`apiKey: { source: admin, key: … }`). */
const VALUE_KEYS = new Set(["key", "value"]);
const REFERENCES = /\$\{[^}]*\}|\{\{[^}]*\}\}/g;
const HAS_REFERENCE = /\$\{[^}]*\}|\{\{[^}]*\}\}/;
/**
 * Documented stand-ins for servers that need no key (LibreChat's Ollama example uses "ollama";
 * vLLM "EMPTY"; llama.cpp "sk-no-key-required"): not credentials, accepted as literals.
 */
const NO_KEY_VALUES = new Set(["ollama", "not-needed", "not_needed", "notneeded", "dummy", "empty", "none", "no-key", "nokey", "sk-no-key-required", "lm-studio", "unused"]);
/** An auth scheme in front of a reference (`Bearer ${TOKEN}`) is not itself secret. */
const AUTH_SCHEME = /^\s*(bearer|basic|token|bot|api-?key)\b/i;

/** Words of a key: `serperApiKey` → serper, api, key; `x-api-key` → x, api, key; `APIKey` → api, key. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_.\-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** True when a mapping key names a credential. `parentSecret`: the enclosing key already does. */
export function isSecretLookingKey(key: string, parentSecret = false): boolean {
  const words = keyWords(key);
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (SECRET_WORDS.has(last)) return true;
  if (last === "key") return words.length > 1 ? !NON_SECRET_KEY_QUALIFIERS.has(words[words.length - 2]) : parentSecret;
  return parentSecret && VALUE_KEYS.has(last) && words.length === 1;
}

/** A value that holds no credential itself: empty, `user_provided`, a known stand-in, or only references. */
export function isReferenceOrEmpty(value: string): boolean {
  const v = value.trim();
  if (v === "" || v.toLowerCase() === "user_provided" || NO_KEY_VALUES.has(v.toLowerCase())) return true;
  if (!HAS_REFERENCE.test(v) && isPlaceholderValue(v)) return true; // your_key_here, changeme, <token>…
  return HAS_REFERENCE.test(v) && v.replace(REFERENCES, "").replace(AUTH_SCHEME, "").trim() === "";
}

/** Every literal string/number stored under a secret-looking key, in document order. */
export function findLiteralSecrets(doc: unknown): LiteralSecret[] {
  const found: LiteralSecret[] = [];
  // Explicit stack (document order preserved by pushing children in reverse); aliases were
  // expanded and bounded by the loader, so the walk terminates.
  const stack: Array<{ node: unknown; path: string; key?: string; secret: boolean }> = [{ node: doc, path: "", secret: false }];
  while (stack.length > 0) {
    const { node, path, key, secret } = stack.pop()!;
    if (typeof node === "string" || (typeof node === "number" && Number.isFinite(node))) {
      if (secret && key !== undefined && (typeof node === "number" || !isReferenceOrEmpty(node))) found.push({ path: path || "(top level)", key });
      continue;
    }
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const item = node[i] as unknown;
        const name = item !== null && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>).name : undefined;
        stack.push({ node: item, path: joinItem(path, i, name), key, secret });
      }
      continue;
    }
    const entries = Object.entries(node as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i];
      stack.push({ node: v, path: joinKey(path, k), key: k, secret: isSecretLookingKey(k, secret) });
    }
  }
  return found;
}

/** The message for one finding (names the key and what to do; never the value). */
export function literalSecretMessage(s: LiteralSecret): string {
  return (
    `literal value under secret-looking key ${JSON.stringify(s.key)}: librechat.yaml is rendered into a ConfigMap ` +
    `(and cdk.tf.json), so credentials must be references — use "\${ENV_VAR}" (LibreChat substitutes it at runtime), ` +
    `"user_provided", or leave it empty`
  );
}

// The one secret detector. Like secret scanners (gitleaks, detect-secrets, GitHub secret
// scanning), it judges a value by its SHAPE, never by a list of stand-in words:
//  1. a known credential format anywhere, whatever the key: provider key prefixes, JWTs, PEM
//     private keys, passwords in URL userinfo, credentials in URL query strings;
//  2. under a secret-named key (apiKey, *_PASSWORD, LDAP_BIND_CREDENTIALS, Cookie, X-Auth-Token…),
//     a literal that looks generated: long enough and high-entropy (gitleaks' generic-api-key idea).
// So `apiKey: "proxy"`, "dummy", "none", "EMPTY", "sk-no-key-required" (short, low-entropy,
// dictionary-like) are not secrets, and `rootPassword: "Xk9#mP2$vL8q"` is.
// Formats: gitleaks config (gitleaks.toml rules), GitHub token formats (github.blog 2021-04-05
// "Behind GitHub's new authentication token formats"), AWS access key ids (IAM user guide,
// "Understanding unique ID prefixes"), Slack token types (api.slack.com/authentication/token-types).

/** Known credential formats: [name, pattern]. Patterns need enough body that examples like "sk-xxx" do not match. */
const KNOWN_FORMATS: ReadonlyArray<readonly [string, RegExp]> = [
  ["an OpenAI/Anthropic-style API key (sk-…)", /\bsk-(?:proj-|ant-|live-|test-)?[A-Za-z0-9_-]{20,}/],
  ["a Stripe key", /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/],
  ["a GitHub token", /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})/],
  ["a GitLab token", /\bglpat-[A-Za-z0-9_-]{20,}/],
  ["an AWS access key id", /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/],
  ["a Slack token", /\bxox[abposr]-[A-Za-z0-9-]{10,}/],
  ["a Google API key", /\bAIza[0-9A-Za-z_-]{35}\b/],
  ["a Hugging Face token", /\bhf_[A-Za-z0-9]{30,}/],
  ["a Groq key", /\bgsk_[A-Za-z0-9]{30,}/],
  ["a SendGrid key", /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/],
  ["an npm token", /\bnpm_[A-Za-z0-9]{30,}/],
  ["a JSON Web Token", /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  ["a PEM private key", /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/],
];

/** Words that name a credential when they end a key (`serperApiKey`, `EMAIL_PASS`, `X-Auth-Token`). */
const SECRET_LAST_WORDS = new Set([
  "secret",
  "secrets",
  "token",
  "password",
  "passwords",
  "passwd",
  "pass",
  "pwd",
  "passphrase",
  "credential",
  "credentials",
  "creds",
  "authorization",
  "apikey",
  "apikeys",
  "cookie",
  "cookies",
  "auth",
  "key",
  "keys",
  "salt",
  "iv",
  "pat",
]);
/** `<word>Key` that is public or not a credential (Turnstile siteKey, publicKey, sortKey…). */
const NON_SECRET_QUALIFIERS = new Set([
  "site",
  "public",
  "sort",
  "partition",
  "primary",
  "foreign",
  "cache",
  "idempotency",
  "object",
  "map",
  "lookup",
  "group",
  "hot",
  "file",
  "ssh",
  "host",
  "region",
  "model",
  "name",
  "id",
]);
/** Words that never name a credential even when a secret word follows elsewhere (`tokenLimit`, `authType`). */
const NON_SECRET_LAST_WORDS = new Set([
  "limit",
  "limits",
  "type",
  "url",
  "uri",
  "endpoint",
  "path",
  "file",
  "id",
  "name",
  "header",
  "enabled",
  "required",
  "method",
  "length",
  "count",
]);

/** Words of a key: `serperApiKey` → serper, api, key; `x-api-key` → x, api, key; `LDAP_BIND_CREDENTIALS` → ldap, bind, credentials. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_.\-/]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

// Keys repeat across a document (name, value, type…): each is judged once. Bounded for hostile input.
const secretNameVerdicts = new Map<string, boolean>();
const MAX_REMEMBERED_KEYS = 10_000;

/** Does the key name a credential? (`memory.tokenLimit` and `sortKey` do not.) */
export function isSecretName(key: string): boolean {
  let verdict = secretNameVerdicts.get(key);
  if (verdict === undefined) {
    verdict = judgeKey(key);
    if (secretNameVerdicts.size >= MAX_REMEMBERED_KEYS) secretNameVerdicts.clear();
    secretNameVerdicts.set(key, verdict);
  }
  return verdict;
}

function judgeKey(key: string): boolean {
  const words = keyWords(key);
  const last = words[words.length - 1];
  if (last === undefined || NON_SECRET_LAST_WORDS.has(last)) return false;
  if (!SECRET_LAST_WORDS.has(last)) return false;
  if ((last === "key" || last === "keys") && words.length > 1 && NON_SECRET_QUALIFIERS.has(words[words.length - 2])) return false;
  if (
    (last === "key" || last === "keys" || last === "auth" || last === "iv" || last === "pat" || last === "salt") &&
    words.length === 1 &&
    key.length <= 4 &&
    key === key.toLowerCase()
  ) {
    // A bare `key:` / `auth:` mapping key is too generic on its own (customParams[].key, auth: {type}).
    return false;
  }
  return true;
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

const REFERENCE = /\$\{[^}]*\}|\{\{[^}]*\}\}/g;
const AUTH_SCHEME = /^\s*(?:bearer|basic|token|bot|api-?key|digest)\s+/i;

/**
 * Does a literal look generated (a key, a password), not a word? No spaces, and one of: 8+
 * characters mixing letters and digits with entropy ≥ 2.8 bits/char; 8+ characters of three
 * character classes with entropy ≥ 3.0; 20+ characters with entropy ≥ 3.5.
 */
export function looksGenerated(value: string): boolean {
  const v = value.trim();
  if (v.length < 8 || /\s/.test(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  const h = entropy(v);
  const letterDigitMix = /[A-Za-z]/.test(v) && /[0-9]/.test(v);
  return (letterDigitMix && h >= 2.8) || (classes >= 3 && h >= 3.0) || (v.length >= 20 && h >= 3.5);
}

/** Why `value` is a credential by its format alone (any key), or undefined. */
export function knownSecretFormat(value: string): string | undefined {
  for (const [name, re] of KNOWN_FORMATS) if (re.test(value)) return name;
  return urlCredential(value);
}

/** A password in URL userinfo, or a literal credential in a URL query string. */
function urlCredential(value: string): string | undefined {
  for (const m of value.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi)) {
    let url: URL;
    try {
      url = new URL(m[0]);
    } catch {
      continue;
    }
    const password = decodeURIComponent(url.password);
    if (password !== "" && !isReference(password)) return "a password in a URL (user:password@host)";
    for (const [k, v] of url.searchParams) {
      if (v !== "" && !isReference(v) && isSecretName(k) && (looksGenerated(v) || v.length >= 8)) return `a credential in a URL query (${k}=…)`;
    }
  }
  return undefined;
}

/** Only references (`${VAR}`, `{{x}}`, a Terraform `${…}`), optionally after an auth scheme: holds no credential. */
export function isReference(value: string): boolean {
  const rest = value.replace(AUTH_SCHEME, "").replace(REFERENCE, "").trim();
  return rest === "" && REFERENCE.test(value.replace(AUTH_SCHEME, ""));
}

/**
 * Why the literal `value` under `key` is a secret, or undefined. `key` may be undefined (a list
 * item, a bare string). References and empty values never are.
 */
export function secretReason(key: string | undefined, value: string): string | undefined {
  const v = value.trim();
  if (v === "") return undefined;
  const format = knownSecretFormat(v);
  if (format) return format;
  if (key === undefined || !isSecretName(key)) return undefined;
  // The credential part of `Bearer abc…`, `session=abc…; other=…`, with references removed.
  const parts = v
    .replace(AUTH_SCHEME, "")
    .replace(REFERENCE, " ")
    .split(/[\s;,&]+|=/)
    .filter(Boolean);
  if (parts.some(looksGenerated)) return `literal value under secret-looking key ${JSON.stringify(key)} (it has the length and entropy of a credential)`;
  return undefined;
}

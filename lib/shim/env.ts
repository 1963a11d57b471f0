// The env inventory: which variables are set (activation of built-ins and env-gated features) and,
// for URL-shaped variables only, their values (hosts). Secret values are never kept: the parser
// drops every value that is not a locator (URL, host, region, instance name). Placeholder values
// such as `your_key_here` count as unset. Research docs/research/librechat-shim.md §4, §1.4 (extractEnvVariable).
import { UserInputError } from "../util/errors";

/** Variables LibreChat never substitutes into the config (extractEnvVariable). */
const NEVER_SUBSTITUTED = new Set([
  "JWT_SECRET",
  "JWT_REFRESH_SECRET",
  "CREDS_KEY",
  "CREDS_IV",
  "MEILI_MASTER_KEY",
  "MONGO_URI",
  "REDIS_URI",
  "REDIS_PASSWORD",
]);

const LOCATOR_NAME = /(URL|URI|BASEURL|BASE_URL|ENDPOINT|HOST|ISSUER|REVERSE_PROXY|PROXY|REGION|REGIONS|_LOC|INSTANCE_NAME|DOMAIN)$/;
const SECRET_NAME = /(KEY|SECRET|TOKEN|PASSWORD|PASS|PWD|CREDENTIAL|CREDENTIALS|CERT|PRIVATE|SALT|IV)$/;
const PLACEHOLDER = /^(|your[_-].*|.*[_-]here|<.*>|\$\{.*\}|changeme|change[_-]me|replace[_-]?me|placeholder|todo|tbd|x{3,}|\.{3}|none|null|undefined)$/i;
const LOCATOR_VALUE = /^[A-Za-z0-9._~:/\-[\]%@?=&+,]+$/;

export function isPlaceholderValue(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

export class EnvInventory {
  private readonly setNames = new Set<string>();
  private readonly values = new Map<string, string>();
  private readonly placeholderNames = new Set<string>();

  /** Where the inventory came from (for messages); empty = no inventory given. */
  readonly sources: string[] = [];

  /** True when an env file, key list or Helm configEnv was given. */
  get provided(): boolean {
    return this.sources.length > 0;
  }

  addSource(source: string): void {
    if (!this.sources.includes(source)) this.sources.push(source);
  }

  /** Records a variable. `value` undefined = only the name is known (--env-keys). */
  add(name: string, value?: string): void {
    if (value !== undefined && isPlaceholderValue(value)) {
      this.placeholderNames.add(name);
      this.setNames.delete(name);
      this.values.delete(name);
      return;
    }
    this.placeholderNames.delete(name);
    this.setNames.add(name);
    if (value !== undefined && keepsValue(name, value)) this.values.set(name, stripUserInfo(value.trim()));
  }

  isSet(name: string): boolean {
    return this.setNames.has(name);
  }

  /** The value of a locator variable; undefined when unset, secret-shaped or only the name is known. */
  value(name: string): string | undefined {
    return NEVER_SUBSTITUTED.has(name) ? undefined : this.values.get(name);
  }

  /** Variables set to a placeholder (reported as unset). */
  placeholders(): string[] {
    return [...this.placeholderNames].sort();
  }

  /**
   * Substitutes `${NAME}` like LibreChat's extractEnvVariable (no `:-default` syntax; unknown
   * names stay unresolved). Returns the text and the names it could not resolve.
   */
  substitute(text: string): { text: string; unresolved: string[] } {
    const unresolved: string[] = [];
    // Not trimmed: LibreChat looks up the name exactly as written, so `${ LLM_BASE_URL }` is unset there too.
    const out = text.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
      const v = this.value(name);
      if (v === undefined) {
        unresolved.push(name);
        return whole;
      }
      return v;
    });
    return { text: out, unresolved };
  }
}

function keepsValue(name: string, value: string): boolean {
  if (NEVER_SUBSTITUTED.has(name)) return false;
  const v = value.trim();
  if (!LOCATOR_VALUE.test(v) || v.length > 2048) return false;
  if (LOCATOR_NAME.test(name) && !SECRET_NAME.test(name)) return true;
  return /^(https?|wss?):\/\//i.test(v) && !SECRET_NAME.test(name);
}

function stripUserInfo(value: string): string {
  if (!/^[a-z]+:\/\//i.test(value)) return value;
  try {
    const u = new URL(value);
    if (!u.username && !u.password) return value;
    u.username = "";
    u.password = "";
    return u.toString();
  } catch {
    return value;
  }
}

/** Parses dotenv text (KEY=VALUE, `export`, quotes, comments) into the inventory. */
export function addEnvFile(inv: EnvInventory, text: string, file: string): void {
  inv.addSource(file);
  const lines = text.split(/\r?\n/);
  lines.forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (!line || line.startsWith("#")) return;
    const m = line.match(/^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/);
    if (!m) {
      // Never echo the line: `OPENAI_API_KEY sk-…` (a missing `=`) would print the key.
      const name = line.match(/^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)/)?.[1];
      throw new UserInputError(
        `${file}:${i + 1}: expected KEY=VALUE (${name ? `line starts with ${JSON.stringify(name)}` : "no variable name at the start"}; its value is not shown)`,
      );
    }
    inv.add(m[1], unquote(m[2]));
  });
}

function unquote(v: string): string {
  const s = v.trim();
  if ((s.startsWith('"') && s.endsWith('"') && s.length >= 2) || (s.startsWith("'") && s.endsWith("'") && s.length >= 2)) {
    return s.slice(1, -1);
  }
  const hash = s.search(/\s#/);
  return (hash >= 0 ? s.slice(0, hash) : s).trim();
}

/** `--env-keys A,B`: names only, no values. */
export function addEnvKeys(inv: EnvInventory, keys: string, source = "--env-keys"): void {
  inv.addSource(source);
  for (const k of keys
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new UserInputError(`${source}: ${JSON.stringify(k)} is not an environment variable name`);
    inv.add(k);
  }
}

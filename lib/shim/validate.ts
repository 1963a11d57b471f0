// Schema validation exactly as LibreChat does it: `configSchema.strict().safeParse(config)` from
// the pinned librechat-data-provider. Two hazards handled (docs/research/librechat-shim.md §0.1, §0.2):
// the schema resolves `${VAR}` from process.env at parse time (so the runner's environment would
// leak in), and safeParse throws on MCP URLs that are not URLs after substitution. We validate a
// clone with `${…}` MCP urls replaced by a sentinel and with process.env emptied for the call;
// a literal MCP url/proxy that WHATWG URL rejects (port 70000…) is reported at its YAML path
// before the schema runs, so the schema never throws on it.
import type { configSchema } from "librechat-data-provider";
import { dataProvider } from "./data-provider";
import { isRecord } from "./load";
import { ShimIssue } from "./errors";
import { formatZodPath, joinKey } from "./yaml-path";

const SENTINEL_URL = "https://env-placeholder.invalid/";
const SENTINEL_WS = "wss://env-placeholder.invalid/";

export interface ValidationResult {
  readonly issues: readonly ShimIssue[];
  /** The schema's parsed output, used ONLY to learn which keys LibreChat keeps (never for hosts). */
  readonly parsed?: Record<string, unknown>;
}

export function validateConfig(raw: unknown): ValidationResult {
  if (!isRecord(raw)) {
    return { issues: [{ path: "(top level)", code: "schema", message: "expected a mapping with at least `version` (is this a librechat.yaml?)" }] };
  }
  const { clone, aliases, urlIssues } = withSentinels(raw);
  const saved = process.env;
  let result: ReturnType<ReturnType<typeof configSchema.strict>["safeParse"]>;
  try {
    process.env = {};
    result = strictSchema().safeParse(clone);
  } catch (err) {
    return { issues: [...urlIssues, { path: "(top level)", code: "schema", message: `schema validation threw: ${(err as Error).message}` }] };
  } finally {
    process.env = saved;
  }
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      path: formatZodPath(i.path),
      code: "schema" as const,
      message: withAliases(i.path, describeZodIssue(i as unknown as Record<string, unknown>), aliases),
    }));
    return { issues: dedupe([...urlIssues, ...issues]) };
  }
  const issues: ShimIssue[] = [...urlIssues, ...azureIssues(raw)];
  return urlIssues.length > 0 ? { issues } : { issues, parsed: result.data as Record<string, unknown> };
}

let strict: ReturnType<typeof configSchema.strict> | undefined;
function strictSchema(): ReturnType<typeof configSchema.strict> {
  return (strict ??= dataProvider().configSchema.strict());
}

function describeZodIssue(issue: Record<string, unknown>): string {
  const msg = String(issue.message ?? "invalid");
  if (issue.code === "unrecognized_keys" && Array.isArray(issue.keys)) {
    return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")} (not allowed here by the LibreChat config schema)`;
  }
  if (issue.code === "invalid_type") return `${msg} (expected ${String(issue.expected)}, got ${String(issue.received)})`;
  return msg;
}

function dedupe(issues: ShimIssue[]): ShimIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}\u0000${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Clone for validation: MCP url/proxy values become a sentinel of the same scheme (`${…}` would
 * make safeParse throw; real hosts are checked by our own classifier with better messages), and
 * servers of identical shape are validated once — zod's union over the four transports dominates
 * the cost on large configs. `aliases` maps each kept server to the others it stands for.
 */
function withSentinels(raw: Record<string, unknown>): { clone: Record<string, unknown>; aliases: Map<string, string[]>; urlIssues: ShimIssue[] } {
  const aliases = new Map<string, string[]>();
  const urlIssues: ShimIssue[] = [];
  const servers = raw.mcpServers;
  if (!isRecord(servers)) return { clone: raw, aliases, urlIssues };
  const copy: Record<string, unknown> = {};
  const byShape = new Map<string, string>();
  for (const [name, server] of Object.entries(servers)) {
    if (!isRecord(server)) {
      copy[name] = server;
      continue;
    }
    const s = { ...server };
    for (const field of ["url", "proxy"]) {
      const v = s[field];
      if (typeof v !== "string") continue;
      const problem = urlProblem(v);
      if (problem) urlIssues.push({ path: formatZodPath(["mcpServers", name, field]), code: "invalid-url", message: problem });
      s[field] = problem ? sentinelFor("${INVALID}", s.type === "websocket") : sentinelFor(v, s.type === "websocket");
    }
    const shape = JSON.stringify(s);
    const kept = byShape.get(shape);
    if (kept !== undefined) {
      aliases.get(kept)!.push(name);
      continue;
    }
    byShape.set(shape, name);
    aliases.set(name, []);
    copy[name] = s;
  }
  return { clone: { ...raw, mcpServers: copy }, aliases, urlIssues };
}

/** Why a literal `scheme://host…` value is not a URL (the schema's transform would throw on it); undefined otherwise. */
function urlProblem(value: string): string | undefined {
  if (value.includes("${") || !/^(https?|wss?):\/\/[^\s/?#]+/i.test(value)) return undefined;
  try {
    new URL(value);
    return undefined;
  } catch {
    const port = /^[a-z]+:\/\/[^/?#]*:(\d+)(?:[/?#]|$)/i.exec(value)?.[1];
    const badPort = port !== undefined && Number(port) > 65535;
    const why = badPort ? `port ${port} is out of range` : "the WHATWG URL parser rejects it";
    return `got ${JSON.stringify(value)}, want an absolute URL (${why}); ${badPort ? "use a port from 0 to 65535" : "write it as scheme://host[:port]/path"}`;
  }
}

function sentinelFor(value: string, websocket: boolean): string {
  if (value.includes("${")) return /^wss?:/i.test(value) || websocket ? SENTINEL_WS : SENTINEL_URL;
  const m = value.match(/^(https?|wss?):\/\/[^\s/?#]+/i);
  if (!m) return value; // not a URL: let the schema report it
  try {
    new URL(value);
  } catch {
    return value;
  }
  return `${m[1].toLowerCase()}://env-placeholder.invalid/`;
}

/** Names the other servers an error on a representative server also applies to. */
function withAliases(path: ReadonlyArray<string | number>, message: string, aliases: Map<string, string[]>): string {
  if (path[0] !== "mcpServers" || typeof path[1] !== "string") return message;
  const others = aliases.get(path[1]) ?? [];
  if (others.length === 0) return message;
  const shown = others
    .slice(0, 5)
    .map((n) => JSON.stringify(n))
    .join(", ");
  return `${message} (same for ${others.length} more server${others.length === 1 ? "" : "s"} of identical shape: ${shown}${others.length > 5 ? ", …" : ""})`;
}

/** LibreChat's own Azure group rules (unique names, serverless needs baseURL, …). */
function azureIssues(raw: Record<string, unknown>): ShimIssue[] {
  const endpoints = raw.endpoints;
  if (!isRecord(endpoints) || !isRecord(endpoints.azureOpenAI)) return [];
  const groups = endpoints.azureOpenAI.groups;
  if (!Array.isArray(groups)) return [];
  const out = dataProvider().validateAzureGroups(groups as never) as { isValid?: boolean; errors?: Array<string | { message?: string }> };
  if (out.isValid !== false) return [];
  const base = joinKey(joinKey("endpoints", "azureOpenAI"), "groups");
  return (out.errors ?? []).map((e) => ({
    path: base,
    code: "schema" as const,
    message: typeof e === "string" ? e : String(e.message ?? JSON.stringify(e)),
  }));
}

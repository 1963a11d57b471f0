// Schema validation exactly as LibreChat does it: `configSchema.strict().safeParse(config)` from
// the pinned librechat-data-provider. Two hazards handled (research librechat-shim.md §0.1, §0.2):
// the schema resolves `${VAR}` from process.env at parse time (so the runner's environment would
// leak in), and safeParse throws on MCP URLs that are not URLs after substitution. We validate a
// clone with `${…}` MCP urls replaced by a sentinel and with process.env emptied for the call.
import { configSchema, validateAzureGroups } from "librechat-data-provider";
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
  const clone = withSentinels(raw);
  const saved = process.env;
  let result: ReturnType<ReturnType<typeof configSchema.strict>["safeParse"]>;
  try {
    process.env = {};
    result = configSchema.strict().safeParse(clone);
  } catch (err) {
    return { issues: [{ path: "(top level)", code: "schema", message: `schema validation threw: ${(err as Error).message}` }] };
  } finally {
    process.env = saved;
  }
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({
      path: formatZodPath(i.path),
      code: "schema" as const,
      message: describeZodIssue(i as unknown as Record<string, unknown>),
    }));
    return { issues: dedupe(issues) };
  }
  const issues: ShimIssue[] = [...azureIssues(raw)];
  return { issues, parsed: result.data as Record<string, unknown> };
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

/** Deep-enough clone with `${…}` in MCP url/proxy replaced by a syntactically valid sentinel. */
function withSentinels(raw: Record<string, unknown>): Record<string, unknown> {
  const servers = raw.mcpServers;
  if (!isRecord(servers)) return raw;
  const copy: Record<string, unknown> = {};
  for (const [name, server] of Object.entries(servers)) {
    if (!isRecord(server)) {
      copy[name] = server;
      continue;
    }
    const s = { ...server };
    for (const field of ["url", "proxy"]) {
      const v = s[field];
      if (typeof v === "string" && v.includes("${")) {
        s[field] = /^wss?:/i.test(v) || s.type === "websocket" ? SENTINEL_WS : SENTINEL_URL;
      }
    }
    copy[name] = s;
  }
  return { ...raw, mcpServers: copy };
}

/** LibreChat's own Azure group rules (unique names, serverless needs baseURL, …). */
function azureIssues(raw: Record<string, unknown>): ShimIssue[] {
  const endpoints = raw.endpoints;
  if (!isRecord(endpoints) || !isRecord(endpoints.azureOpenAI)) return [];
  const groups = endpoints.azureOpenAI.groups;
  if (!Array.isArray(groups)) return [];
  const out = validateAzureGroups(groups as never) as { isValid?: boolean; errors?: Array<string | { message?: string }> };
  if (out.isValid !== false) return [];
  const base = joinKey(joinKey("endpoints", "azureOpenAI"), "groups");
  return (out.errors ?? []).map((e) => ({
    path: base,
    code: "schema" as const,
    message: typeof e === "string" ? e : String(e.message ?? JSON.stringify(e)),
  }));
}


// LibreChat's own allowlists (docs/research/librechat-shim.md §5): actions.allowedDomains and mcpSettings.allowedDomains
// are declared egress (wildcards allowed: `*.x` matches the apex and subdomains; a leading `www.`
// is stripped on both sides, so `x` and `www.x` are the same entry). The allowedAddresses lists
// are private SSRF exemptions: recorded as internal, never permitted. registration.allowedDomains
// is an e-mail filter and is never read.
import { DestinationTarget } from "../collector";
import { classifyHost, normaliseDomainPattern, Scheme } from "../hosts";
import { ExtractContext, get } from "./context";

export function extractAllowlists(ctx: ExtractContext): void {
  allowlist(ctx, { kind: "actions" }, get(ctx.raw, "actions", "allowedDomains"), "actions.allowedDomains");
  allowlist(ctx, { kind: "mcp-allowlist" }, get(ctx.raw, "mcpSettings", "allowedDomains"), "mcpSettings.allowedDomains");
  const addressLists: Array<[unknown, string]> = [
    [get(ctx.raw, "endpoints", "allowedAddresses"), "endpoints.allowedAddresses"],
    [get(ctx.raw, "actions", "allowedAddresses"), "actions.allowedAddresses"],
    [get(ctx.raw, "mcpSettings", "allowedAddresses"), "mcpSettings.allowedAddresses"],
    [get(ctx.raw, "speech", "tts", "allowedAddresses"), "speech.tts.allowedAddresses"],
    [get(ctx.raw, "speech", "stt", "allowedAddresses"), "speech.stt.allowedAddresses"],
    [get(ctx.raw, "ocr", "allowedAddresses"), "ocr.allowedAddresses"],
    [get(ctx.raw, "webSearch", "allowedAddresses"), "webSearch.allowedAddresses"],
  ];
  for (const [list, path] of addressLists) {
    if (Array.isArray(list)) for (const a of list) if (typeof a === "string" && a) ctx.c.addInternal(a.toLowerCase(), path);
  }
  const caps = get(ctx.raw, "endpoints", "agents", "capabilities");
  const actionsEnabled = !Array.isArray(caps) || caps.includes("actions");
  if (actionsEnabled && !Array.isArray(get(ctx.raw, "actions", "allowedDomains"))) {
    ctx.c.warn(
      "actions.allowedDomains",
      "agent Actions are enabled but no allowlist is set, so their egress is open-ended; none is permitted (set actions.allowedDomains)",
    );
  }
}

function allowlist(ctx: ExtractContext, target: DestinationTarget, list: unknown, path: string): void {
  if (!Array.isArray(list)) return;
  for (const entry of list) {
    if (typeof entry !== "string" || !entry.trim()) continue;
    const spec = parseDomainSpec(entry.trim());
    if (!spec) {
      ctx.c.warn(path, `entry ${JSON.stringify(entry)} is not a domain spec (host, *.host, scheme://host[:port]); ignored`);
      continue;
    }
    const bare = spec.host.startsWith("*.") ? spec.host.slice(2) : spec.host;
    const cls = classifyHost(bare, spec.port, spec.scheme, ctx.c.internalSuffixes);
    if (cls.kind === "internal") {
      ctx.c.addInternal(spec.explicitPort ? `${cls.host}:${spec.port}` : cls.host, path);
      continue;
    }
    if (cls.kind === "issue") {
      ctx.c.warn(path, `entry ${JSON.stringify(entry)}: ${cls.message}; not permitted`);
      continue;
    }
    // `*.x` matches the apex and its subdomains in LibreChat, so both are emitted. Plain entries
    // are emitted as written (no `www.` variant: never widen beyond what the config names).
    const variants = spec.host.startsWith("*.") ? [spec.host, bare] : [spec.host];
    for (const v of variants) ctx.c.addPattern(target, v, path, spec.port, spec.scheme);
  }
}

interface DomainSpec {
  readonly host: string;
  readonly port: number;
  readonly scheme: Scheme;
  readonly explicitPort: boolean;
}

function parseDomainSpec(entry: string): DomainSpec | undefined {
  const m = entry.match(/^(?:([a-z]+):\/\/)?([^/:?#]+)(?::(\d+))?(?:[/?#].*)?$/i);
  if (!m) return undefined;
  const scheme = (m[1]?.toLowerCase() ?? "https") as Scheme;
  if (!["https", "http", "wss", "ws"].includes(scheme)) return undefined;
  const host = normaliseDomainPattern(m[2]) ?? (!m[2].includes(".") && /^[a-z0-9-]+$/i.test(m[2]) ? m[2].toLowerCase() : undefined) ?? ipHost(m[2]);
  if (!host) return undefined;
  const port = m[3] ? Number(m[3]) : scheme === "http" || scheme === "ws" ? 80 : 443;
  if (port < 1 || port > 65535) return undefined;
  return { host, port, scheme, explicitPort: m[3] !== undefined };
}

function ipHost(h: string): string | undefined {
  return /^[0-9.]+$/.test(h) ? h : undefined;
}

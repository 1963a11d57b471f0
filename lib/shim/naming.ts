// Stable, Kubernetes-friendly WebGroup names, injective by construction: two different
// (kind, MCP server, port, TLS) inputs never share a name, whatever the server names are.
//
// Grammar (`--` separates the parts; a part never contains `--`):
//   librechat-<kind>[-<port part>]                          kinds other than MCP servers
//   librechat-mcp--<slug>[--x<hash>][--<port part>]         one group per MCP server
// <port part> is "<port>" (TLS, not 443), "http" (plain, port 80) or "http-<port>".
// The kind names are a fixed set in which no name plus a port part spells another, and a server's
// slug is lower-case [a-z0-9-] with runs of "-" collapsed, so it can neither contain "--" nor mimic
// a port part or another server: `s-8443` on 443 is `librechat-mcp--s-8443`, `s` on 8443 is
// `librechat-mcp--s--8443`. A name that does not survive sanitising unchanged gets `--x<hash>` of
// the original (a separate part, so no clean name can spell it), so "A" and "a" stay apart. test/shim/naming.property.test.ts checks injectivity.
import { createHash } from "crypto";
import type { EgressGroupKind } from "./collector";

const MAX_SLUG = 40;

export function groupName(kind: EgressGroupKind, mcpServer: string | undefined, port: number, tls: boolean): string {
  const portPart = tls ? (port === 443 ? "" : `${port}`) : port === 80 ? "http" : `http-${port}`;
  if (kind === "mcp" && mcpServer !== undefined) {
    return ["librechat-mcp", serverSlug(mcpServer), ...(portPart ? [portPart] : [])].join("--");
  }
  return `librechat-${kind}${portPart ? `-${portPart}` : ""}`;
}

/** `name` when it is already a clean slug, else `<sanitised>--x<hash of name>` ("server" when nothing survives). */
export function serverSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, MAX_SLUG)
    .replace(/-$/, "");
  if (slug === name && slug.length > 0) return slug;
  const hash = `x${createHash("sha256").update(name, "utf8").digest("hex").slice(0, 10)}`;
  return `${slug || "server"}--${hash}`;
}

// Stable, Kubernetes-friendly WebGroup names. An MCP server name that does not survive
// sanitising unchanged gets a short hash of the original, so two servers never share a group
// and a server's group name never depends on which other servers exist.
import { createHash } from "crypto";
import type { EgressGroupKind } from "./collector";

export function groupName(kind: EgressGroupKind, mcpServer: string | undefined, port: number, tls: boolean): string {
  let base = `librechat-${kind}`;
  if (kind === "mcp" && mcpServer !== undefined) base = `librechat-mcp-${serverSlug(mcpServer)}`;
  const suffix = tls ? (port === 443 ? "" : `-${port}`) : port === 80 ? "-http" : `-http-${port}`;
  return `${base}${suffix}`;
}

export function serverSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40)
    .replace(/-$/, "");
  if (slug === name && slug.length > 0) return slug;
  const hash = createHash("sha256").update(name, "utf8").digest("hex").slice(0, 6);
  return slug ? `${slug}-${hash}` : hash;
}

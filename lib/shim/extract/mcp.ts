// MCP servers: one destination set per server (url host, or the proxy host when a proxy is set,
// plus OAuth token/revocation hosts). stdio servers have no knowable egress and need a reviewed
// annotation. Research §2 (mcpServers rows), §8 (stdio, proxy, OAuth, ws/wss).
import { joinKey } from "../yaml-path";
import { asRecord, ExtractContext, get, sortedEntries } from "./context";

export function extractMcpServers(ctx: ExtractContext): void {
  for (const [name, value] of sortedEntries(get(ctx.raw, "mcpServers"))) {
    const server = asRecord(value);
    if (!server) continue;
    const path = joinKey("mcpServers", name);
    const target = { kind: "mcp", mcpServer: name } as const;
    const type = typeof server.type === "string" ? server.type : typeof server.command === "string" ? "stdio" : undefined;
    if (type === "stdio" || (type === undefined && server.url === undefined)) {
      ctx.c.addStdioServer(target, typeof server.command === "string" ? server.command : "(none)", path);
      continue;
    }
    const websocket = type === "websocket" || (typeof server.url === "string" && /^wss?:/i.test(server.url));
    const schemes = websocket ? (["wss", "ws"] as const) : (["https", "http"] as const);
    if (server.proxy !== undefined) {
      ctx.c.addUrl(target, server.proxy, `${path}.proxy`);
      ctx.c.warn(`${path}.url`, "reached through the proxy in .proxy; the proxy host is permitted, not the url host");
    } else {
      ctx.c.addUrl(target, server.url, `${path}.url`, { schemes });
    }
    const oauth = asRecord(server.oauth);
    for (const field of ["token_url", "revocation_endpoint"]) {
      if (oauth && typeof oauth[field] === "string") ctx.c.addUrl(target, oauth[field], `${path}.oauth.${field}`);
    }
    if (server.requiresOAuth === true && !(oauth && typeof oauth.token_url === "string")) {
      ctx.c.warn(path, "requiresOAuth without oauth.token_url: the token host is discovered at runtime and is not permitted; declare oauth.token_url");
    }
  }
}

// One Obot MCP server as the preview reads it: the fields of an MCPServer that decide which
// FirewallPolicy Obot's aviatrix-network-policy-controller (NPC) creates for it.
// Source: research docs/research/k8s-obot-crds.md §2.1 (obot-platform/obot pkg/controller/handlers/mcpserver).

export interface McpServerSpec {
  /** The MCPServer id (e.g. `ms1kbsng`): Deployment name and pod label `app=<id>`. */
  readonly id: string;
  /** Display name; informational only (the controller never reads it). */
  readonly name?: string;
  /** Approved egress domains (exact host or a single leading `*.`). */
  readonly egressDomains?: readonly string[];
  /**
   * Explicit deny-all; wins over the installation default.
   * @default - OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS && no egressDomains
   */
  readonly denyAllEgress?: boolean;
  /**
   * Name of the MCPNetworkPolicy Obot created for the server (Obot generates it with
   * generateName `mnp1`, so it is only known once the server exists).
   * @default - `mnp1-<id>`, a stand-in: the real FirewallPolicy name differs
   */
  readonly mcpNetworkPolicyName?: string;
}

export interface ObotPreviewOptions {
  /**
   * The MCP runtime namespace (NPC `MCP_RUNTIME_NAMESPACE`).
   * @default "obot-mcp"
   */
  readonly namespace?: string;
  /**
   * Mirrors OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS: servers without domains and without an
   * explicit denyAllEgress get deny-all instead of "any domain on tcp/443".
   * @default false
   */
  readonly defaultDenyAllEgress?: boolean;
}

export const DEFAULT_MCP_NAMESPACE = "obot-mcp";

/** The stand-in MCPNetworkPolicy name used when the real (generated) one is not given. */
export function standInNetworkPolicyName(serverId: string): string {
  return `mnp1-${serverId}`;
}

import * as yaml from "js-yaml";
import { compareText } from "../dcf/builder/canonical";
import { FirewallPolicyObject } from "../dcf/crd/firewall-policy-types";
import { McpServerSpec, ObotPreviewOptions } from "./mcp-server";
import { obotEgressMode, obotFirewallPolicy } from "./translate";

// YAML text for the preview files. Mapping keys that are Go maps on the controller (labels,
// annotations, tags, matchLabels) are sorted, as Go's encoders do; struct fields keep their order;
// lists sit at their parent's indent, as kubectl/sigs.k8s.io/yaml print them.

const GO_MAP_KEYS = new Set(["labels", "annotations", "tags", "matchLabels", "extArgs"]);

function sortGoMaps(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => sortGoMaps(v));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (key !== undefined && GO_MAP_KEYS.has(key)) entries.sort(([a], [b]) => compareText(a, b));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortGoMaps(v, k)]));
}

export function firewallPolicyToYaml(policy: FirewallPolicyObject): string {
  return yaml.dump(sortGoMaps(policy), { lineWidth: -1, noRefs: true, sortKeys: false, noArrayIndent: true });
}

const MODE_TEXT = {
  "approved-domains": "permit tcp/443 to the approved domains, deny everything else",
  "any-domain-443": "no egressDomains and no deny-all: permit ANY domain on tcp/443, deny everything else",
  "deny-all": "deny all egress",
} as const;

/** One preview file: a comment header (what is and is not known offline) + the object. */
export function obotPreviewFile(server: McpServerSpec, options: ObotPreviewOptions = {}): string {
  const header = [
    `# FirewallPolicy that Obot's aviatrix-network-policy-controller creates for MCP server ${server.id}` +
      (server.name !== undefined ? ` (${JSON.stringify(server.name)})` : ""),
    `# Enforces: ${MODE_TEXT[obotEgressMode(server, options)]}.`,
    "# Preview only: the controller owns this object (do not apply it).",
    server.mcpNetworkPolicyName === undefined
      ? "# metadata.name and the mcp-network-policy labels use a stand-in MCPNetworkPolicy name; Obot generates the real one (mnp1...)."
      : `# MCPNetworkPolicy: ${server.mcpNetworkPolicyName}.`,
    "# Omitted (known only on the cluster): annotations obot.ai/mcp-network-policy-uid, apply.acorn.io/applied, label apply.acorn.io/hash.",
  ];
  return `${header.join("\n")}\n${firewallPolicyToYaml(obotFirewallPolicy(server, options))}`;
}

/** File name → content for every server (`<id>.yaml`). */
export function obotPreviewFiles(servers: readonly McpServerSpec[], options: ObotPreviewOptions = {}): Map<string, string> {
  return new Map(servers.map((s) => [`${s.id}.yaml`, obotPreviewFile(s, options)]));
}

import { compareText } from "../dcf/builder/canonical";
import { CrdRule, FirewallPolicyObject } from "../dcf/crd/firewall-policy-types";
import { firewallPolicyObject } from "../dcf/crd/firewall-policy-yaml";
import { DEFAULT_MCP_NAMESPACE, McpServerSpec, ObotPreviewOptions, standInNetworkPolicyName } from "./mcp-server";
import { firewallPolicyName } from "./names";

// MCP server → the FirewallPolicy the NPC writes for it. Mirrors ToFirewallPolicy in
// obot-platform/aviatrix-network-policy-controller pkg/translate/translate.go @8bec1272
// (research docs/research/k8s-obot-crds.md §2.2). Keys are created in the controller's Go struct order so the
// YAML reads like the object on the cluster.

export const OBOT_LABELS = {
  managedBy: "obot.ai/managed-by",
  networkPolicyName: "obot.ai/mcp-network-policy-name",
  serverName: "obot.ai/mcp-server-name",
} as const;
export const OBOT_MANAGED_BY = "aviatrix-network-policy-controller";
/** Added by the nah apply library; the NPC prunes and re-applies by it. */
export const OWNER_SUB_CONTEXT_ANNOTATION = "apply.acorn.io/owner-sub-context";
export const ANY_DESTINATION_GROUP = "any-destination";
export const ALLOW_RULE_NAME = "allow-approved-egress";
export const DENY_RULE_NAME = "deny-all-external";

/** What the controller will enforce for a server (the three cases of §2.2). */
export type ObotEgressMode = "approved-domains" | "any-domain-443" | "deny-all";

/** Obot: an explicit denyAllEgress wins; otherwise the install default applies to servers without domains. */
export function effectiveDenyAllEgress(server: McpServerSpec, options: ObotPreviewOptions = {}): boolean {
  const domains = server.egressDomains ?? [];
  return server.denyAllEgress ?? ((options.defaultDenyAllEgress ?? false) && domains.length === 0);
}

export function obotEgressMode(server: McpServerSpec, options: ObotPreviewOptions = {}): ObotEgressMode {
  if ((server.egressDomains ?? []).length > 0) return "approved-domains";
  return effectiveDenyAllEgress(server, options) ? "deny-all" : "any-domain-443";
}

/**
 * The FirewallPolicy object for one server. Assumes validated input (see parseServersYaml);
 * the pod selector is always `{app: <id>}` as Obot sets it.
 */
export function obotFirewallPolicy(server: McpServerSpec, options: ObotPreviewOptions = {}): FirewallPolicyObject {
  const namespace = options.namespace ?? DEFAULT_MCP_NAMESPACE;
  const mnp = server.mcpNetworkPolicyName ?? standInNetworkPolicyName(server.id);
  const denyAll = effectiveDenyAllEgress(server, options);
  const given = (server.egressDomains ?? []).map((d) => d.trim());
  // Empty list and no deny-all: the controller substitutes "*" (any SNI/Host on tcp/443).
  // Byte order (compareText), like Go's slices.Sort on strings (ASCII domains).
  const domains = (given.length === 0 && !denyAll ? ["*"] : given).sort(compareText);
  const podSelector = { app: server.id };
  const webGroupName = `obot-${server.id}-approved-domains`;

  const rules: CrdRule[] = [];
  if (domains.length > 0) {
    rules.push({
      name: ALLOW_RULE_NAME,
      action: "permit",
      selector: { matchLabels: { ...podSelector } },
      destinationSmartGroups: [{ name: ANY_DESTINATION_GROUP }],
      webGroups: [{ name: webGroupName }],
      protocol: "tcp",
      port: 443,
      logging: true,
    });
  }
  if (denyAll || domains.length > 0) {
    rules.push({
      name: DENY_RULE_NAME,
      action: "deny",
      selector: { matchLabels: { ...podSelector } },
      destinationSmartGroups: [{ name: ANY_DESTINATION_GROUP }],
      protocol: "any",
      logging: true,
    });
  }

  return firewallPolicyObject(
    {
      name: firewallPolicyName(mnp),
      namespace,
      labels: {
        [OBOT_LABELS.managedBy]: OBOT_MANAGED_BY,
        [OBOT_LABELS.networkPolicyName]: mnp,
        [OBOT_LABELS.serverName]: server.id,
      },
      annotations: { [OWNER_SUB_CONTEXT_ANNOTATION]: `mcp-network-policy/default/${mnp}` },
    },
    {
      smartGroups: [
        { name: `obot-${server.id}-pods`, selectors: [{ type: "k8s", k8sNamespace: namespace, tags: { ...podSelector } }] },
        { name: ANY_DESTINATION_GROUP, selectors: [{ cidr: "0.0.0.0/0" }] },
      ],
      ...(domains.length > 0 ? { webGroups: [{ name: webGroupName, domains }] } : {}),
      rules,
    },
  );
}

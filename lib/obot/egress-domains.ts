import { ipFamilyOf } from "../net/ip";

// Obot's admission check for MCP server egress domains, mirrored so a preview rejects what
// Obot would reject. Source: obot-platform/obot pkg/mcp/mcpvalidators.go (validateEgressDomains,
// isDeniedEgressDomain); research docs/research/k8s-obot-crds.md §2.1.

const HOSTNAME = /^(?:\*\.)?[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const DENIED_NAMES = new Set(["localhost", "metadata.google.internal", "cluster.local"]);
const DENIED_SUFFIXES = [".localhost", ".cluster.local", ".svc", ".in-addr.arpa", ".ip6.arpa"];

/** Returns why Obot would reject the domain, or undefined when it is accepted. */
export function egressDomainProblem(domain: string): string | undefined {
  const d = domain.trim();
  if (d === "") return "egress domain cannot be empty";
  if (d.includes("://")) return "egress domain must not include a protocol";
  if (ipFamilyOf(d) !== 0) return "egress domain must not be an IP address";
  if (/[/:]/.test(d)) return "egress domain must not include a path or port";
  if (!HOSTNAME.test(d)) return "egress domain must be a valid hostname or leading wildcard hostname (a bare `*` is not allowed)";
  const host = d.toLowerCase().replace(/^\*\./, "");
  if (host.split(".").length < 2) return "egress domain must contain at least two DNS labels";
  if (DENIED_NAMES.has(host) || DENIED_SUFFIXES.some((s) => host.endsWith(s))) {
    return "egress domain is not allowed (cluster-internal or metadata name)";
  }
  return undefined;
}

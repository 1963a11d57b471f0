import { UserInputError } from "../util/errors";
import { loadYamlBounded } from "../util/input-file";
import { egressDomainProblem } from "./egress-domains";
import { checkDomainPattern } from "../net/domain-name";
import { McpServerSpec, standInNetworkPolicyName } from "./mcp-server";
import { firewallPolicyName } from "./names";

// Reads `servers: [ { id, name?, egressDomains?, denyAllEgress?, mcpNetworkPolicyName? } ]`.
// Every problem is collected and reported at once with its YAML path, so one run fixes all.

const SERVER_KEYS = new Set(["id", "name", "egressDomains", "denyAllEgress", "mcpNetworkPolicyName"]);
/** Deployment name and `app` label value: a DNS-1123 label; ≤ 58 so the stand-in `mnp1-<id>` is a valid label value. */
const MAX_ID_LENGTH = 58;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}

/** Parses and validates a servers file; throws UserInputError naming every bad YAML path. */
export function parseServersYaml(text: string, file: string): McpServerSpec[] {
  const doc = loadYamlBounded(text, file, "servers file");
  const problems: string[] = [];
  const bad = (path: string, msg: string) => problems.push(`${file}: ${path}: ${msg}`);
  if (!isPlainObject(doc)) throw new UserInputError(`${file}: expected a mapping with a \`servers\` list`);
  for (const key of Object.keys(doc)) if (key !== "servers") bad(key, "unknown key (allowed: servers)");
  if (!Array.isArray(doc.servers)) {
    bad("servers", `must be a list of MCP servers (got ${show(doc.servers)})`);
    throw new UserInputError(problems.join("\n"));
  }

  const servers: McpServerSpec[] = [];
  const seen = new Map<string, number>();
  const policyNames = new Map<string, number>();
  doc.servers.forEach((raw: unknown, i: number) => {
    const at = `servers[${i}]`;
    if (!isPlainObject(raw)) {
      bad(at, `must be a mapping (got ${show(raw)})`);
      return;
    }
    for (const key of Object.keys(raw)) {
      if (!SERVER_KEYS.has(key)) bad(`${at}.${key}`, `unknown key (allowed: ${[...SERVER_KEYS].join(", ")})`);
    }
    const { id, name, egressDomains, denyAllEgress, mcpNetworkPolicyName } = raw;
    if (typeof id !== "string" || id.length > MAX_ID_LENGTH || !DNS_LABEL.test(id)) {
      bad(`${at}.id`, `must be an MCP server id: a DNS-1123 label of at most ${MAX_ID_LENGTH} characters such as ms1kbsng (got ${show(id)})`);
    } else if (seen.has(id)) {
      bad(`${at}.id`, `duplicate id ${show(id)} (first at servers[${seen.get(id)}])`);
    } else {
      seen.set(id, i);
    }
    if (name !== undefined && typeof name !== "string") bad(`${at}.name`, `must be a string (got ${show(name)})`);
    if (denyAllEgress !== undefined && typeof denyAllEgress !== "boolean") {
      bad(`${at}.denyAllEgress`, `must be true or false (got ${show(denyAllEgress)})`);
    }
    if (
      mcpNetworkPolicyName !== undefined &&
      (typeof mcpNetworkPolicyName !== "string" || mcpNetworkPolicyName.length > 63 || !DNS_SUBDOMAIN.test(mcpNetworkPolicyName))
    ) {
      bad(`${at}.mcpNetworkPolicyName`, `must be a Kubernetes object name of at most 63 characters such as mnp1abcde (got ${show(mcpNetworkPolicyName)})`);
    }
    let domains: string[] | undefined;
    if (egressDomains !== undefined && egressDomains !== null) {
      if (!Array.isArray(egressDomains)) {
        bad(`${at}.egressDomains`, `must be a list of domains (got ${show(egressDomains)})`);
      } else {
        domains = [];
        egressDomains.forEach((d: unknown, j: number) => {
          // Obot's own admission check first (its wording), then the one domain grammar (no `*.co.uk`, no empty labels).
          const shared = typeof d === "string" ? checkDomainPattern(d) : undefined;
          const problem =
            typeof d === "string" ? (egressDomainProblem(d) ?? (shared && !shared.ok ? `egress domain ${shared.reason}` : undefined)) : "must be a string";
          if (problem) bad(`${at}.egressDomains[${j}]`, `${problem} (got ${show(d)})`);
          else domains!.push(d as string);
        });
        if (denyAllEgress === true && egressDomains.length > 0) {
          bad(`${at}.denyAllEgress`, "denyAllEgress cannot be true when egressDomains are specified");
        }
      }
    }
    if (typeof id === "string" && seen.get(id) === i && (mcpNetworkPolicyName === undefined || typeof mcpNetworkPolicyName === "string")) {
      // Two servers whose FirewallPolicies get one name would overwrite each other on the cluster and in --out.
      const policy = firewallPolicyName((mcpNetworkPolicyName as string | undefined) ?? standInNetworkPolicyName(id));
      const first = policyNames.get(policy);
      if (first !== undefined && first !== i) {
        bad(
          mcpNetworkPolicyName !== undefined ? `${at}.mcpNetworkPolicyName` : `${at}.id`,
          `gives FirewallPolicy name ${show(policy)}, already used by servers[${first}] (each MCP server needs its own MCPNetworkPolicy)`,
        );
      } else policyNames.set(policy, i);
    }
    if (typeof id === "string") {
      servers.push({
        id,
        ...(typeof name === "string" ? { name } : {}),
        ...(domains ? { egressDomains: domains } : {}),
        ...(typeof denyAllEgress === "boolean" ? { denyAllEgress } : {}),
        ...(typeof mcpNetworkPolicyName === "string" ? { mcpNetworkPolicyName } : {}),
      });
    }
  });
  if (problems.length > 0) throw new UserInputError(problems.join("\n"));
  return servers;
}

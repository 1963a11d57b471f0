// Small Terraform JSON documents in cdktf's shape (blocks with max_items=1 as objects).
import { ValidationFinding } from "../../lib/validate";

export type Doc = Record<string, any>;

export const PIN = { terraform: { required_providers: { aviatrix: { source: "AviatrixSystems/aviatrix", version: "~> 10.0.1" } } } };

/**
 * A document with `resource`; aviatrix objects its expressions refer to but it does not declare
 * and the variables they read get a minimal valid declaration, so the document is complete
 * Terraform (the language checks report references to undeclared objects).
 */
export function doc(resource: Doc, extra: Doc = {}): Doc {
  const text = JSON.stringify([resource, extra]);
  const variables = [...text.matchAll(/\bvar\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
  const variable = variables.length ? { variable: Object.fromEntries(variables.map((v) => [v, {}])) } : {};
  return { ...PIN, resource: withReferencedDeclared(resource), ...variable, ...extra };
}

const STUBS: Record<string, (name: string) => Doc> = {
  aviatrix_smart_group: (name) => ({ name, selector: { match_expressions: [{ type: "vm", name }] } }),
  aviatrix_web_group: (name) => ({ name, selector: { match_expressions: [{ snifilter: `${name}.example.com` }] } }),
  aviatrix_kubernetes_cluster: (name) => ({ cluster_id: `arn:aws:eks:us-east-1:123456789012:cluster/${name}`, use_csp_credentials: true }),
};

function withReferencedDeclared(resource: Doc): Doc {
  const out: Doc = { ...resource };
  for (const [, type, name] of JSON.stringify(resource).matchAll(/\$\{(aviatrix_[a-z_]+)\.([A-Za-z0-9_-]+)/g)) {
    if (out[type]?.[name] !== undefined || !STUBS[type]) continue;
    out[type] = { ...(out[type] ?? {}), [name]: STUBS[type](name) };
  }
  return out;
}

export function policy(overrides: Doc = {}): Doc {
  return {
    name: "allow-https",
    action: "PERMIT",
    priority: 10,
    protocol: "TCP",
    logging: true,
    src_smart_groups: ["${aviatrix_smart_group.app.uuid}"],
    dst_smart_groups: ["${aviatrix_smart_group.any.uuid}"],
    web_groups: ["${aviatrix_web_group.allowed.uuid}"],
    port_ranges: [{ lo: 443 }],
    ...overrides,
  };
}

export function policyList(...policies: Doc[]): Doc {
  return { aviatrix_distributed_firewalling_policy_list: { main: { policies } } };
}

export function smartGroup(...matchExpressions: Doc[]): Doc {
  return { aviatrix_smart_group: { app: { name: "app", selector: { match_expressions: matchExpressions } } } };
}

export function webGroup(...matchExpressions: Doc[]): Doc {
  return { aviatrix_web_group: { allowed: { name: "allowed", selector: { match_expressions: matchExpressions } } } };
}

export const AWS_SPOKE: Doc = {
  cloud_type: 1,
  account_name: "aws-lab",
  gw_name: "spoke-ai",
  vpc_id: "vpc-0123",
  vpc_reg: "us-east-1",
  gw_size: "t3.medium",
  subnet: "10.50.0.0/26",
};

export function spoke(overrides: Doc = {}): Doc {
  return { aviatrix_spoke_gateway: { spoke: { ...AWS_SPOKE, ...overrides } } };
}

/** `code@address.path` per finding: compact, order-preserving, easy to assert exactly. */
export function brief(findings: readonly ValidationFinding[]): string[] {
  return findings.map((f) => `${f.severity}:${f.id}@${f.address}${f.path ? "." + f.path : ""}`);
}

export function errorsOnly(findings: readonly ValidationFinding[]): ValidationFinding[] {
  return findings.filter((f) => f.severity === "error");
}

// Small Terraform JSON documents in cdktf's shape (blocks with max_items=1 as objects).
import { ValidationFinding } from "../../lib/validate";

export type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const PIN = { terraform: { required_providers: { aviatrix: { source: "AviatrixSystems/aviatrix", version: "~> 10.0.1" } } } };

export function doc(resource: Doc, extra: Doc = {}): Doc {
  return { ...PIN, resource, ...extra };
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
  return findings.map((f) => `${f.severity}:${f.code}@${f.address}${f.path ? "." + f.path : ""}`);
}

export function errorsOnly(findings: readonly ValidationFinding[]): ValidationFinding[] {
  return findings.filter((f) => f.severity === "error");
}

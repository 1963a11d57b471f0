// The AgentCore VCA's lab defaults and region-derived domains. Source: docs/research/cloud-stacks.md
// §2.1 (blueprint agentcore-aws variables.tf / dcf.tf). The blueprint hard-codes us-east-2 in its
// domain defaults; here every AWS domain is derived from the stack's region.

import { SUPPLY_CHAIN_IOC_URLS } from "../supply-chain-ioc";

/** Regions the blueprint accepts ("AgentCore PrivateLink coverage"). */
export const AGENTCORE_REGIONS: readonly string[] = [
  "ap-northeast-1",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "eu-central-1",
  "eu-west-1",
  "us-east-1",
  "us-east-2",
  "us-west-2",
];

/** Sanctioned model endpoints (SNI) in the region. */
export function defaultModelDomains(region: string): string[] {
  return [`bedrock-runtime.${region}.amazonaws.com`, `bedrock.${region}.amazonaws.com`];
}

/** AWS service APIs the runtime calls (STS, logs, metrics, X-Ray, Secrets Manager, ECR pulls). */
export function defaultAwsControlDomains(region: string): string[] {
  return [
    `api.ecr.${region}.amazonaws.com`,
    `logs.${region}.amazonaws.com`,
    `monitoring.${region}.amazonaws.com`,
    `prod-${region}-starport-layer-bucket.s3.${region}.amazonaws.com`,
    `secretsmanager.${region}.amazonaws.com`,
    `sts.${region}.amazonaws.com`,
    `xray.${region}.amazonaws.com`,
  ];
}

export const DEFAULT_TOOL_DOMAINS: readonly string[] = ["api.github.com", "github.com", "raw.githubusercontent.com"];
export const DEFAULT_MCP_SERVER_DOMAINS: readonly string[] = ["mcp.deepwiki.com"];

/** Supply-chain IoC URL filters on GitHub hosts (stacks/supply-chain-ioc.ts). */
export const DEFAULT_IOC_URL_FILTERS: readonly string[] = SUPPLY_CHAIN_IOC_URLS;

/** The blueprint's agent model (a cross-region inference profile). */
export const DEFAULT_AGENT_MODEL_ID = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

/** AgentCore runtime names: `[a-zA-Z][a-zA-Z0-9_]{0,47}`. */
export const RUNTIME_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/;

/** Control-plane actions that carry bedrock-agentcore:subnets / securityGroups (docs/research/cloud-stacks.md §3.3). */
export const GUARDRAIL_ACTIONS: readonly string[] = [
  "bedrock-agentcore:CreateAgentRuntime",
  "bedrock-agentcore:CreateBrowser",
  "bedrock-agentcore:CreateCodeInterpreter",
  "bedrock-agentcore:UpdateAgentRuntime",
];

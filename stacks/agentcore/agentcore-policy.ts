// The AgentCore VCA rule table, as the vendor's dcf.tf (docs/research/cloud-stacks.md §2.1), first
// match wins; rule names are `<namePrefix>-<priority>-<suffix>` like the blueprint's:
//   10  client-to-agentcore-data          PERMIT TCP 443  client spoke → data-plane endpoint
//   11  client-to-agentcore-control       PERMIT TCP 443  client spoke → control-plane endpoint
//   29  runtime-deny-supply-chain-ioc-github DENY TCP 443 runtime → tool hosts, IoC URL filters, decrypt
//   30  runtime-to-allowed-models         PERMIT TCP 443  runtime → any, models WebGroup, no decrypt
//   31  runtime-to-allowed-tools          PERMIT TCP 443  runtime → tool hosts, tools WebGroup, decrypt
//   32  runtime-to-aws-control            PERMIT TCP 443  runtime → any, AWS control WebGroup, no decrypt
//   33  runtime-to-allowed-mcp-servers    PERMIT TCP 443  runtime → any, MCP WebGroup, no decrypt
//   50  runtime-dns-exfil-deny            DENY   UDP 53   runtime → any
//   100 runtime-default-deny              DENY   ANY      runtime → any
//   101 client-default-deny               DENY   ANY      client spoke → any (the stack's closing deny for
//                                                         the client spoke: contained under a PERMIT controller default)
// DCF is enabled and the default action owned only with ownController (stacks/controller-ownership.ts).
// Rules 29 and 31 share a destination FQDN SmartGroup of the tool hosts (plus the IoC filter
// hosts), so TLS decryption only happens for flows to those hosts — never for model, AWS or MCP
// traffic. The blueprint hard-codes the three GitHub hosts there; deriving the group from the
// tool list keeps a new tool domain from being silently dropped by rule 100.
import { Construct } from "constructs";
import { DcfPolicyPack, DcfRenderMode } from "../../lib/constructs/dcf/dcf-policy-pack";
import { DcfRuleProps } from "../../lib/constructs/dcf/dcf-rule";
import { DcfFeature } from "../../lib/constructs/dcf/dcf-feature";
import { ISmartGroupRef, WellKnownSmartGroups } from "../../lib/constructs/dcf/group-refs";
import { SmartGroup } from "../../lib/constructs/dcf/smart-group";
import { WebGroup } from "../../lib/constructs/dcf/web-group";
import { Select } from "../../lib/dcf/builder/selectors";
import { PolicyMode, WELL_KNOWN } from "../../lib/dcf/model";
import { ITerraformDependable } from "../../lib/core/cdktf";
import { ControllerOwnership } from "../controller-ownership";
import { urlFilterHosts } from "../supply-chain-ioc";

export const AGENTCORE_RULES = {
  clientToData: { suffix: "client-to-agentcore-data", priority: 10 },
  clientToControl: { suffix: "client-to-agentcore-control", priority: 11 },
  denyIoc: { suffix: "runtime-deny-supply-chain-ioc-github", priority: 29 },
  models: { suffix: "runtime-to-allowed-models", priority: 30 },
  tools: { suffix: "runtime-to-allowed-tools", priority: 31 },
  awsControl: { suffix: "runtime-to-aws-control", priority: 32 },
  mcpServers: { suffix: "runtime-to-allowed-mcp-servers", priority: 33 },
  dnsExfil: { suffix: "runtime-dns-exfil-deny", priority: 50 },
  defaultDeny: { suffix: "runtime-default-deny", priority: 100 },
  clientDefaultDeny: { suffix: "client-default-deny", priority: 101 },
} as const;

/** The rule name the stack writes for a table entry. */
export function agentCoreRuleName(prefix: string, r: { readonly suffix: string; readonly priority: number }): string {
  return `${prefix}-${r.priority}-${r.suffix}`;
}

export interface AgentCorePolicyProps {
  readonly namePrefix: string;
  readonly runtimeSubnetId: string;
  readonly clientVpcId: string;
  readonly dataEndpointDnsName: string;
  readonly controlEndpointDnsName: string;
  readonly modelDomains: string[];
  readonly toolDomains: string[];
  readonly awsControlDomains: string[];
  readonly mcpServerDomains: string[];
  readonly iocUrlFilters: string[];
  readonly mode: PolicyMode;
  readonly promoteRules: string[];
  readonly renderAs: DcfRenderMode;
  readonly manageDefaultAction: boolean;
  readonly ownership: ControllerOwnership;
  readonly dependsOn: ITerraformDependable[];
}

export class AgentCorePolicy extends Construct {
  /** DCF on the controller, only when the stack owns the controller. */
  public readonly feature?: DcfFeature;
  public readonly runtimeSubnet: SmartGroup;
  public readonly clientSpoke: SmartGroup;
  public readonly endpointData: SmartGroup;
  public readonly endpointControl: SmartGroup;
  /** FQDN group of the tool hosts (and IoC filter hosts): the only decrypted destinations. */
  public readonly toolHosts: SmartGroup;
  public readonly webGroups: Readonly<Record<"models" | "tools" | "awsControl" | "mcpServers" | "ioc", WebGroup>>;
  public readonly pack: DcfPolicyPack;

  constructor(scope: Construct, id: string, props: AgentCorePolicyProps) {
    super(scope, id);
    const p = props.namePrefix;
    if (props.ownership.owned) this.feature = new DcfFeature(this, "DcfFeature");
    this.runtimeSubnet = new SmartGroup(this, "RuntimeSubnet", {
      name: `${p}-runtime-subnet`,
      matchExpressions: [Select.subnet({ resId: props.runtimeSubnetId })],
    });
    this.clientSpoke = new SmartGroup(this, "ClientSpoke", { name: `${p}-client-spoke`, matchExpressions: [Select.vpc({ resId: props.clientVpcId })] });
    // The endpoints' *.vpce.amazonaws.com names resolve publicly to their private IPs, so the
    // gateway resolves them without sharing the private hosted zones.
    this.endpointData = new SmartGroup(this, "EndpointData", { name: `${p}-agentcore-data-host`, matchExpressions: [Select.fqdn(props.dataEndpointDnsName)] });
    this.endpointControl = new SmartGroup(this, "EndpointControl", {
      name: `${p}-agentcore-control-host`,
      matchExpressions: [Select.fqdn(props.controlEndpointDnsName)],
    });
    const hosts = [...new Set([...props.toolDomains, ...urlFilterHosts(props.iocUrlFilters)])].sort();
    this.toolHosts = new SmartGroup(this, "ToolHosts", { name: `${p}-github-hosts`, matchExpressions: hosts.map((h) => Select.fqdn(h)) });
    this.webGroups = {
      models: new WebGroup(this, "AllowedModels", { name: `${p}-allowed-models`, domains: props.modelDomains }),
      tools: new WebGroup(this, "AllowedTools", { name: `${p}-allowed-tools`, domains: props.toolDomains }),
      awsControl: new WebGroup(this, "AwsControl", { name: `${p}-aws-control-domains`, domains: props.awsControlDomains }),
      mcpServers: new WebGroup(this, "AllowedMcpServers", { name: `${p}-allowed-mcp-servers`, domains: props.mcpServerDomains }),
      ioc: new WebGroup(this, "SupplyChainIoc", { name: `${p}-supply-chain-ioc-github`, urls: props.iocUrlFilters }),
    };

    const any = WellKnownSmartGroups.anywhere();
    const promoted = new Set(props.promoteRules);
    const rule = (r: { suffix: string; priority: number }, src: ISmartGroupRef, rest: Omit<DcfRuleProps, "name" | "priority" | "src">): DcfRuleProps => ({
      name: agentCoreRuleName(p, r),
      priority: r.priority,
      src: [src],
      ...(promoted.has(r.suffix) ? { promote: true } : {}),
      ...rest,
    });
    const https = { protocol: "TCP" as const, ports: [443] };
    const decrypt = { decryptPolicy: "DECRYPT_ALLOWED", tlsProfile: WELL_KNOWN.defaultTlsProfile } as const;
    const runtime = this.runtimeSubnet;
    const w = this.webGroups;
    const rules: DcfRuleProps[] = [
      rule(AGENTCORE_RULES.clientToData, this.clientSpoke, { action: "PERMIT", ...https, dst: [this.endpointData] }),
      rule(AGENTCORE_RULES.clientToControl, this.clientSpoke, { action: "PERMIT", ...https, dst: [this.endpointControl] }),
      rule(AGENTCORE_RULES.denyIoc, runtime, { action: "DENY", ...https, dst: [this.toolHosts], webGroups: [w.ioc], ...decrypt }),
      rule(AGENTCORE_RULES.models, runtime, { action: "PERMIT", ...https, dst: [any], webGroups: [w.models], decryptPolicy: "DECRYPT_NOT_ALLOWED" }),
      rule(AGENTCORE_RULES.tools, runtime, { action: "PERMIT", ...https, dst: [this.toolHosts], webGroups: [w.tools], ...decrypt }),
      rule(AGENTCORE_RULES.awsControl, runtime, { action: "PERMIT", ...https, dst: [any], webGroups: [w.awsControl], decryptPolicy: "DECRYPT_NOT_ALLOWED" }),
      rule(AGENTCORE_RULES.mcpServers, runtime, { action: "PERMIT", ...https, dst: [any], webGroups: [w.mcpServers], decryptPolicy: "DECRYPT_NOT_ALLOWED" }),
      rule(AGENTCORE_RULES.dnsExfil, runtime, { action: "DENY", protocol: "UDP", ports: [53], dst: [any] }),
      rule(AGENTCORE_RULES.defaultDeny, runtime, { action: "DENY", protocol: "ANY", dst: [any] }),
      rule(AGENTCORE_RULES.clientDefaultDeny, this.clientSpoke, { action: "DENY", protocol: "ANY", dst: [any] }),
    ];
    this.pack = new DcfPolicyPack(this, "Policy", {
      mode: props.mode,
      renderAs: props.renderAs,
      rulesetName: `${p}-policy`,
      ...(props.renderAs === "ruleset" ? props.ownership.beforeK8s : {}),
      manageDefaultAction: props.manageDefaultAction,
      rules,
      dependsOn: [...(this.feature ? [this.feature] : []), ...props.dependsOn],
    });
  }
}

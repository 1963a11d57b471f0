// AgentCoreStack: AWS Bedrock AgentCore Runtime in VPC mode behind Aviatrix. A transit and two
// spokes (AgentCore: runtime + PrivateLink endpoint subnets; client), the runtime
// (aws_bedrockagentcore_agent_runtime, network mode VPC) in the runtime subnet, interface
// endpoints with the blueprint's private hosted zones, an IAM guardrail pinning runtimes to the
// approved subnet/security group on the deployer roles, the agent image (an existing ECR image:
// CreateAgentRuntime validates it), the DCF MITM CA in Secrets Manager for the agent's trust
// store, and the vendor's DCF rule table with region-derived domains.
// Facts: docs/research/cloud-stacks.md §2.1, §3.
import { Construct } from "constructs";
import { BedrockagentcoreAgentRuntime } from "@cdktf/provider-aws/lib/bedrockagentcore-agent-runtime";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { DataAviatrixDcfMitmCa } from "../lib/aviatrix/gen/providers/aviatrix/data-aviatrix-dcf-mitm-ca";
import { DcfMitmCa } from "../lib/aviatrix/gen/providers/aviatrix/dcf-mitm-ca";
import { DcfMitmCaSelection } from "../lib/aviatrix/gen/providers/aviatrix/dcf-mitm-ca-selection";
import { dependable, TerraformOutput, TerraformStack, TerraformVariable } from "../lib/core/cdktf";
import { AviatrixProvider } from "../lib/constructs/aviatrix/aviatrix-provider";
import { DcfRenderMode } from "../lib/constructs/dcf/dcf-policy-pack";
import { Cloud } from "../lib/constructs/network/cloud";
import { SpokeGateway } from "../lib/constructs/network/spoke-gateway";
import { TransitGateway } from "../lib/constructs/network/transit-gateway";
import { PolicyMode } from "../lib/dcf/model";
import { addPreflightFacts } from "../lib/preflight/facts";
import { Preflight } from "../lib/preflight/preflight";
import {
  AGENTCORE_REGIONS,
  DEFAULT_AGENT_MODEL_ID,
  DEFAULT_IOC_URL_FILTERS,
  DEFAULT_MCP_SERVER_DOMAINS,
  DEFAULT_TOOL_DOMAINS,
  defaultAwsControlDomains,
  defaultModelDomains,
  RUNTIME_NAME,
} from "./agentcore/agentcore-defaults";
import { AgentCoreIam } from "./agentcore/agentcore-iam";
import { AgentImage, agentImage } from "./agentcore/agentcore-image";
import { awsProviderConfig, AwsProviderOptions } from "./provider-options";
import { addStackOutputs, policySteps } from "./outputs";
import { AgentCoreVpc } from "./agentcore/agentcore-network";
import { AGENTCORE_RULES, AgentCorePolicy } from "./agentcore/agentcore-policy";
import { AgentCorePrivateLink } from "./agentcore/agentcore-privatelink";
import { checkDomains, checkNamePrefix, checkRuleSuffixes, requireText } from "./stack-prop-checks";
import { ConstructPropsError } from "../lib/core/construct-props-error";
import { ControllerOwnershipProps, ownedPolicy } from "./controller-ownership";
import { checkBooleanProps } from "../lib/core/prop-types";

const STACK = "AgentCoreStack";

/** Where the DCF MITM CA comes from; its certificate is stored in Secrets Manager for the agent. */
export type AgentCoreMitmCaOptions =
  /** Upload a CA: key and chain come from sensitive variables `<var prefix>_key` / `_certificate_chain`; it becomes the active DCF CA. */
  | { readonly source: "upload"; readonly name?: string }
  /** Use a CA that already exists on the controller (looked up by name). */
  | { readonly source: "existing"; readonly name: string };

export interface AgentCoreStackProps extends ControllerOwnershipProps {
  /** Aviatrix controller version (pins the provider), ≥ 9.0 for the MITM CA resources. */
  readonly controllerVersion: string;
  /** Aviatrix access-account name of the AWS account. */
  readonly aviatrixAccountName: string;
  /** AWS region with AgentCore PrivateLink. @default "us-east-2" */
  readonly region?: string;
  /** @default "agentcore-vca" */
  readonly namePrefix?: string;
  /** @default "10.40.0.0/23" */
  readonly transitCidr?: string;
  /** AgentCore spoke; runtime subnet = cidrsubnet(cidr, 24-prefix, 10). @default "10.50.0.0/16" */
  readonly agentCoreSpokeCidr?: string;
  /** @default "10.60.0.0/16" */
  readonly clientSpokeCidr?: string;
  /** Zone of every subnet (AgentCore supports specific AZ ids per region). @default "<region>a" */
  readonly availabilityZone?: string;
  /** Gateway instance size. @default "t3.medium" */
  readonly gatewaySize?: string;
  /** Model endpoints the runtime may call (SNI). @default - bedrock-runtime.<region> and bedrock.<region> */
  readonly allowedModelDomains?: string[];
  /** Tool hosts (exact names; TLS-decrypted for the IoC URL filter). @default - api.github.com, github.com, raw.githubusercontent.com */
  readonly allowedToolDomains?: string[];
  /** @default ["mcp.deepwiki.com"] */
  readonly allowedMcpServerDomains?: string[];
  /** AWS APIs of the runtime. @default - STS, logs, monitoring, X-Ray, Secrets Manager, ECR (API, this account's registry, layer bucket) in the region */
  readonly awsControlDomains?: string[];
  /** Supply-chain IoC URL filters (host/path globs) denied on decrypted flows. @default - the blueprint's Shai-Hulud set */
  readonly iocUrlFilters?: string[];
  /**
   * ECR image URI of the agent (`<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>`), pushed
   * before apply: CreateAgentRuntime validates the image. The runtime role may pull from that
   * repository only. @default - the required Terraform variable `agentcore_agent_image_uri`
   */
  readonly agentImageUri?: string;
  /** @default "us.anthropic.claude-haiku-4-5-20251001-v1:0" */
  readonly agentModelId?: string;
  /**
   * TypeScript-only for now: README "jsii".
   * @default { source: "upload", name: "<namePrefix>-mitm-ca" }
   * @jsii ignore
   */
  readonly mitmCa?: AgentCoreMitmCaOptions;
  /**
   * The existing IAM roles that deploy AgentCore runtimes (CI, platform admins): each carries the
   * VPC-mode guardrail (at least one; the invoke-only client role carries it too).
   * @default - the required Terraform variable `agentcore_deployer_role_names`
   */
  readonly guardrailRoleNames?: string[];
  /** @default "enforce" */
  readonly mode?: PolicyMode;
  /** Rule suffixes that act even in discover mode. @default - none */
  readonly promoteRules?: string[];
  /**
   * How the pack is written: "ruleset" at the stack's attachment point (brownfield), or
   * "policyList" (the seed's V1 list, a controller singleton; only with ownController).
   * @default "ruleset"
   */
  readonly renderAs?: DcfRenderMode;
  /** Manage the controller's default action (a controller-wide singleton). @default - ownController */
  readonly manageDefaultAction?: boolean;
  /**
   * AWS provider settings (profile, assume_role, ...).
   * TypeScript-only for now: README "jsii".
   * @default - the environment's credentials
   * @jsii ignore
   */
  readonly awsProvider?: AwsProviderOptions;
  /** Tags on every AWS resource (provider default_tags). @default - none */
  readonly tags?: { readonly [key: string]: string };
}

export class AgentCoreStack extends TerraformStack {
  public readonly region: string;
  public readonly transit: TransitGateway;
  public readonly agentCoreSpoke: SpokeGateway;
  public readonly clientSpoke: SpokeGateway;
  /**
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly agentCoreVpc: AgentCoreVpc;
  /**
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly clientVpc: AgentCoreVpc;
  public readonly runtimeSecurityGroup: SecurityGroup;
  /**
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly privateLink: AgentCorePrivateLink;
  /**
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly iam: AgentCoreIam;
  /**
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly agentImage: AgentImage;
  public readonly caSecret: SecretsmanagerSecret;
  public readonly runtime: BedrockagentcoreAgentRuntime;
  /**
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly policy: AgentCorePolicy;

  constructor(scope: Construct, id: string, props: AgentCoreStackProps) {
    super(scope, id);
    checkBooleanProps(this, props, ["manageDefaultAction"]);
    const prefix = checkNamePrefix(this, `${STACK}.namePrefix`, props.namePrefix ?? "agentcore-vca", 32);
    requireText(this, `${STACK}.aviatrixAccountName`, props.aviatrixAccountName, "pass the Aviatrix access-account name of the AWS account");
    const region = props.region ?? "us-east-2";
    if (!AGENTCORE_REGIONS.includes(region)) {
      throw new ConstructPropsError(this, `${STACK}.region`, region, `one of ${AGENTCORE_REGIONS.join(", ")}`, "pick a region with AgentCore PrivateLink");
    }
    this.region = region;
    const runtimeName = `${prefix}_hello`.replace(/-/g, "_");
    if (!RUNTIME_NAME.test(runtimeName)) {
      throw new ConstructPropsError(this, `${STACK}.namePrefix`, prefix, "a prefix that makes a runtime name of at most 48 characters", "shorten the prefix");
    }
    const toolDomains = checkDomains(this, `${STACK}.allowedToolDomains`, props.allowedToolDomains ?? DEFAULT_TOOL_DOMAINS, false);
    toolDomains.forEach((d, i) => {
      if (d.startsWith("*")) {
        throw new ConstructPropsError(
          this,
          `${STACK}.allowedToolDomains[${i}]`,
          d,
          "an exact host name",
          "tool hosts form the FQDN SmartGroup that scopes TLS decryption; list each host",
        );
      }
    });
    const iocUrlFilters = props.iocUrlFilters ?? [...DEFAULT_IOC_URL_FILTERS];
    iocUrlFilters.forEach((u, i) => {
      if (typeof u !== "string" || !/^[a-z0-9.-]+\.[a-z]{2,}\/\S*$/i.test(u)) {
        throw new ConstructPropsError(
          this,
          `${STACK}.iocUrlFilters[${i}]`,
          u,
          'a host/path glob with an exact host, e.g. "github.com/*evil*"',
          "put the host first: the host scopes decryption",
        );
      }
    });
    checkRuleSuffixes(
      this,
      `${STACK}.promoteRules`,
      props.promoteRules ?? [],
      Object.values(AGENTCORE_RULES).map((r) => r.suffix),
    );
    const az = props.availabilityZone ?? `${region}a`;
    if (props.guardrailRoleNames !== undefined) {
      if (!Array.isArray(props.guardrailRoleNames) || props.guardrailRoleNames.length === 0) {
        throw new ConstructPropsError(
          this,
          `${STACK}.guardrailRoleNames`,
          props.guardrailRoleNames,
          "at least one deployer role name",
          "name the roles that create AgentCore runtimes (the guardrail constrains them), or leave it unset to pass agentcore_deployer_role_names at apply",
        );
      }
      props.guardrailRoleNames.forEach((n, i) => requireText(this, `${STACK}.guardrailRoleNames[${i}]`, n, "name an existing IAM role"));
    }

    new AwsProvider(this, "aws", awsProviderConfig(this, region, props.awsProvider, props.tags));
    new AviatrixProvider(this, "aviatrix", { controllerVersion: props.controllerVersion });
    const caller = new DataAwsCallerIdentity(this, "current");
    const accountId = caller.accountId;

    // Networks: transit /28, spokes with the blueprint's /24 layout.
    const transitVpc = new AgentCoreVpc(this, "TransitVpc", {
      key: "transit",
      name: `${prefix}-transit`,
      cidr: props.transitCidr ?? "10.40.0.0/23",
      privateSubnets: {},
      gatewaySubnetPrefix: 28,
      availabilityZone: az,
      prop: `${STACK}.transitCidr`,
      tags: {},
    });
    this.agentCoreVpc = new AgentCoreVpc(this, "AgentCoreVpc", {
      key: "agentcore",
      name: `${prefix}-agentcore-spoke`,
      cidr: props.agentCoreSpokeCidr ?? "10.50.0.0/16",
      privateSubnets: { runtime: 10, endpoint: 20 },
      gatewaySubnetPrefix: 24,
      availabilityZone: az,
      prop: `${STACK}.agentCoreSpokeCidr`,
      tags: {},
    });
    this.clientVpc = new AgentCoreVpc(this, "ClientVpc", {
      key: "client",
      name: `${prefix}-client-spoke`,
      cidr: props.clientSpokeCidr ?? "10.60.0.0/16",
      privateSubnets: { workload: 10 },
      gatewaySubnetPrefix: 24,
      availabilityZone: az,
      prop: `${STACK}.clientSpokeCidr`,
      tags: {},
    });

    const gatewaySize = props.gatewaySize ?? "t3.medium";
    const common = { cloud: Cloud.AWS, accountName: props.aviatrixAccountName, region, gatewaySize };
    this.transit = new TransitGateway(this, "Transit", {
      ...common,
      name: `${prefix}-transit`,
      vpcId: transitVpc.vpc.id,
      gatewaySubnet: transitVpc.gatewaySubnetCidr,
      // The client spoke reaches the AgentCore spoke's endpoints through the transit; DCF rules 10/11 decide.
      connectedTransit: true,
    });
    dependOn(this.transit.resource, transitVpc.gatewayDependencies);
    const spoke = (sid: string, name: string, vpc: AgentCoreVpc) => {
      const s = new SpokeGateway(this, sid, {
        ...common,
        name,
        vpcId: vpc.vpc.id,
        gatewaySubnet: vpc.gatewaySubnetCidr,
        singleIpSnat: true,
        attachTo: this.transit,
      });
      dependOn(s.resource, vpc.gatewayDependencies);
      return s;
    };
    this.agentCoreSpoke = spoke("AgentCoreSpoke", `${prefix}-agentcore-spoke`, this.agentCoreVpc);
    this.clientSpoke = spoke("ClientSpoke", `${prefix}-client-spoke`, this.clientVpc);

    const runtimeSubnet = this.agentCoreVpc.privateSubnets.runtime;
    this.runtimeSecurityGroup = new SecurityGroup(this, "RuntimeSecurityGroup", {
      name: `${prefix}-runtime`,
      description: "AgentCore runtime ENIs: egress only; DCF at the spoke gateway decides where it goes",
      vpcId: this.agentCoreVpc.vpc.id,
      egress: [{ description: "all egress (enforced by DCF)", fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"] }],
      tags: { Name: `${prefix}-runtime` },
    });
    this.runtimeSecurityGroup.overrideLogicalId("agentcore_runtime");

    this.privateLink = new AgentCorePrivateLink(this, "PrivateLink", {
      namePrefix: prefix,
      region,
      vpcId: this.agentCoreVpc.vpc.id,
      clientVpcId: this.clientVpc.vpc.id,
      endpointSubnetId: this.agentCoreVpc.privateSubnets.endpoint.id,
      allowedCidrs: [props.agentCoreSpokeCidr ?? "10.50.0.0/16", props.clientSpokeCidr ?? "10.60.0.0/16", props.transitCidr ?? "10.40.0.0/23"],
      tags: {},
    });

    this.agentImage = agentImage(this, `${STACK}.agentImageUri`, props.agentImageUri);
    const caPem = this.mitmCaCertificate(prefix, props.mitmCa ?? { source: "upload" });
    this.caSecret = new SecretsmanagerSecret(this, "CaSecret", {
      name: `${prefix}/aviatrix-mitm-ca`,
      description: "Aviatrix DCF MITM CA certificate (PEM) the agent trusts for decrypted tool calls",
      recoveryWindowInDays: 0,
    });
    this.caSecret.overrideLogicalId("avx_mitm_ca");
    const caVersion = new SecretsmanagerSecretVersion(this, "CaSecretVersion", { secretId: this.caSecret.id, secretString: caPem });
    caVersion.overrideLogicalId("avx_mitm_ca");

    this.iam = new AgentCoreIam(this, "Iam", {
      namePrefix: prefix,
      region,
      accountId,
      approvedSubnetIds: [runtimeSubnet.id],
      approvedSecurityGroupIds: [this.runtimeSecurityGroup.id],
      ecrRepositoryArn: this.agentImage.repositoryArn,
      caSecretArn: this.caSecret.arn,
      deployerRoleNames: props.guardrailRoleNames,
      tags: {},
    });

    const ecrHost = this.agentImage.registryHost;
    this.runtime = new BedrockagentcoreAgentRuntime(this, "Runtime", {
      agentRuntimeName: runtimeName,
      roleArn: this.iam.runtimeRole.arn,
      agentRuntimeArtifact: [{ containerConfiguration: [{ containerUri: this.agentImage.uri }] }],
      networkConfiguration: [{ networkMode: "VPC", networkModeConfig: [{ subnets: [runtimeSubnet.id], securityGroups: [this.runtimeSecurityGroup.id] }] }],
      protocolConfiguration: [{ serverProtocol: "HTTP" }],
      environmentVariables: { AGENT_MODEL_ID: props.agentModelId ?? DEFAULT_AGENT_MODEL_ID, AVX_MITM_CA_SECRET_ARN: this.caSecret.arn },
      // The runtime's egress must already be routed through the spoke gateway and its endpoints reachable.
      // ...and its role must already hold the ECR pull permission (CreateAgentRuntime pulls the image).
      dependsOn: [
        this.agentCoreSpoke.resource,
        caVersion,
        this.privateLink.data.endpoint,
        this.privateLink.control.endpoint,
        this.iam.runtimePolicy,
        ...this.iam.guardrailAttachments,
      ],
    });
    this.runtime.overrideLogicalId("hello");

    this.policy = new AgentCorePolicy(this, "Dcf", {
      namePrefix: prefix,
      runtimeSubnetId: runtimeSubnet.id,
      clientVpcId: this.clientVpc.vpc.id,
      dataEndpointDnsName: this.privateLink.data.dnsName,
      controlEndpointDnsName: this.privateLink.control.dnsName,
      modelDomains: checkDomains(this, `${STACK}.allowedModelDomains`, props.allowedModelDomains ?? defaultModelDomains(region), false),
      toolDomains,
      awsControlDomains: checkDomains(this, `${STACK}.awsControlDomains`, props.awsControlDomains ?? [...defaultAwsControlDomains(region), ecrHost], false),
      mcpServerDomains: checkDomains(this, `${STACK}.allowedMcpServerDomains`, props.allowedMcpServerDomains ?? DEFAULT_MCP_SERVER_DOMAINS, false),
      iocUrlFilters,
      mode: props.mode ?? "enforce",
      promoteRules: props.promoteRules ?? [],
      ...ownedPolicy(this, STACK, prefix, props),
      dependsOn: [this.agentCoreSpoke.resource, this.clientSpoke.resource],
    });

    addPreflightFacts(this.runtime, {
      kind: "agentcore-runtime",
      networkMode: "VPC",
      subnets: [runtimeSubnet.id],
      securityGroups: [this.runtimeSecurityGroup.id],
      approvedSubnets: [runtimeSubnet.id],
      approvedSecurityGroups: [this.runtimeSecurityGroup.id],
      // Deployer roles only: the invoke-only client role cannot create runtimes.
      guardrailPolicyAttached: this.iam.deployerAttachments.length > 0,
    });
    Preflight.of(this);

    const out = (name: string, value: string, sensitive = false) => new TerraformOutput(this, name, { value, sensitive });
    out("agentcore_runtime_arn", this.runtime.agentRuntimeArn);
    out("agentcore_runtime_id", this.runtime.agentRuntimeId);
    out("agentcore_runtime_subnet_id", runtimeSubnet.id);
    out("agentcore_runtime_subnet_cidr", this.agentCoreVpc.privateSubnetCidrs.runtime);
    out("agentcore_data_host", this.privateLink.data.host);
    out("agentcore_control_host", this.privateLink.control.host);
    out("agent_image_uri", this.agentImage.uri);
    out("vpc_mode_guardrail_policy_arn", this.iam.guardrail.arn);
    addStackOutputs(this, {
      gateways: [
        { key: "transit", gateway: this.transit },
        { key: "agentcore_spoke", gateway: this.agentCoreSpoke },
        { key: "client_spoke", gateway: this.clientSpoke },
      ],
      pack: this.policy.pack,
      nextSteps: [
        ...(this.agentImage.variable
          ? ["The runtime runs the image named by TF_VAR_agentcore_agent_image_uri: push a new agent version to ECR, set the variable to its URI and redeploy."]
          : []),
        `Invoke the agent from the client spoke (role ${prefix}-client-invoker): its calls reach bedrock-agentcore.${region}.amazonaws.com through the PrivateLink endpoint (rules 10/11).`,
        "The VPC-mode guardrail (output vpc_mode_guardrail_policy_arn) is attached to the deployer roles: runtimes outside the approved subnet and security group are denied.",
        ...policySteps(id, this.policy.pack.mode),
      ],
    });
  }

  /** The CA certificate PEM (a reference, never a literal) for Secrets Manager. */
  private mitmCaCertificate(prefix: string, options: AgentCoreMitmCaOptions): string {
    if (options.source === "existing") {
      const name = requireText(this, `${STACK}.mitmCa.name`, options.name, "name the CA as shown on the controller");
      return new DataAviatrixDcfMitmCa(this, "MitmCaLookup", { name }).certificateChain;
    }
    if (options.source !== "upload") {
      throw new ConstructPropsError(
        this,
        `${STACK}.mitmCa.source`,
        (options as { source?: unknown }).source,
        '"upload" or "existing"',
        "upload a CA from sensitive variables or reference one on the controller",
      );
    }
    const key = new TerraformVariable(this, "agentcore_mitm_ca_key", {
      type: "string",
      sensitive: true,
      description: "PEM private key of the DCF MITM CA (never commit it)",
    });
    const chain = new TerraformVariable(this, "agentcore_mitm_ca_certificate_chain", {
      type: "string",
      sensitive: true,
      description: "PEM certificate chain of the DCF MITM CA (signing CA first)",
    });
    const ca = new DcfMitmCa(this, "MitmCa", { name: options.name ?? `${prefix}-mitm-ca`, key: key.stringValue, certificateChain: chain.stringValue });
    new DcfMitmCaSelection(this, "MitmCaSelection", { caId: ca.caId });
    return ca.certificateChain;
  }
}

function dependOn(resource: { dependsOn?: string[] }, deps: readonly { fqn: string }[]): void {
  resource.dependsOn = [...(resource.dependsOn ?? []), ...deps.map((d) => dependable(d))];
}

// IAM of the AgentCore VCA (docs/research/cloud-stacks.md §2.1 fork iam.tf, §3.3):
//  - the runtime role (trusted by bedrock-agentcore.amazonaws.com for this account's runtimes);
//  - the VPC-mode guardrail: deny CreateAgentRuntime / UpdateAgentRuntime / CreateBrowser /
//    CreateCodeInterpreter when bedrock-agentcore:subnets or :securityGroups are missing or not the
//    approved ones. CreateAgentRuntimeEndpoint is deliberately NOT listed: AWS does not document
//    the keys on it, so a Null-deny would always match and block endpoint creation;
//  - a client invoker role (invoke only) that carries the guardrail;
//  - the guardrail on the DEPLOYER roles: the principals that can call CreateAgentRuntime are the
//    ones it must constrain (an invoke-only role cannot create runtimes, so attaching it there
//    alone proves nothing). Named by the stack's prop, else the required list variable
//    `agentcore_deployer_role_names` (at least one role).
import { Construct } from "constructs";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Fn, ListTerraformIterator, TerraformIterator, TerraformVariable } from "../../lib/core/cdktf";

/** The required variable naming the deployer roles when the stack's prop is unset. */
export const DEPLOYER_ROLES_VARIABLE = "agentcore_deployer_role_names";
import { GUARDRAIL_ACTIONS } from "./agentcore-defaults";

export interface AgentCoreIamProps {
  readonly namePrefix: string;
  readonly region: string;
  readonly accountId: string;
  readonly approvedSubnetIds: readonly string[];
  readonly approvedSecurityGroupIds: readonly string[];
  readonly ecrRepositoryArn: string;
  readonly caSecretArn: string;
  /** Existing deployer roles (by name) the guardrail is attached to; undefined = the required variable. */
  readonly deployerRoleNames?: readonly string[];
  readonly tags: { [k: string]: string };
}

export class AgentCoreIam extends Construct {
  public readonly runtimeRole: IamRole;
  public readonly guardrail: IamPolicy;
  public readonly clientRole: IamRole;
  /** Every attachment of the guardrail (client role first, then the deployer roles). */
  public readonly guardrailAttachments: readonly IamRolePolicyAttachment[];
  /** The guardrail's attachments to deployer roles (never empty). */
  public readonly deployerAttachments: readonly IamRolePolicyAttachment[];
  /** The runtime role's inline policy (ECR pull, models, logs, CA): the runtime waits for it. */
  public readonly runtimePolicy: IamRolePolicy;
  /** The required list variable of deployer role names, when the prop was not given. */
  public readonly deployerRolesVariable?: TerraformVariable;

  constructor(scope: Construct, id: string, props: AgentCoreIamProps) {
    super(scope, id);
    const p = props.namePrefix;
    const arn = (service: string, resource: string) => `arn:aws:${service}:${props.region}:${props.accountId}:${resource}`;

    this.runtimeRole = new IamRole(this, "RuntimeRole", {
      name: `${p}-runtime`,
      assumeRolePolicy: Fn.jsonencode({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "bedrock-agentcore.amazonaws.com" },
            Action: "sts:AssumeRole",
            Condition: {
              StringEquals: { "aws:SourceAccount": props.accountId },
              ArnLike: { "aws:SourceArn": arn("bedrock-agentcore", "*") },
            },
          },
        ],
      }),
      tags: props.tags,
    });
    this.runtimeRole.overrideLogicalId("agentcore_runtime");
    const runtimePolicy = (this.runtimePolicy = new IamRolePolicy(this, "RuntimePolicy", {
      name: `${p}-runtime`,
      role: this.runtimeRole.id,
      policy: Fn.jsonencode({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "InvokeModels",
            Effect: "Allow",
            Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
            // Cross-region inference profiles route to foundation models in other regions.
            Resource: ["arn:aws:bedrock:*::foundation-model/*", arn("bedrock", "inference-profile/*")],
          },
          { Sid: "EcrAuth", Effect: "Allow", Action: ["ecr:GetAuthorizationToken"], Resource: "*" },
          {
            Sid: "EcrPull",
            Effect: "Allow",
            Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            Resource: props.ecrRepositoryArn,
          },
          {
            Sid: "Logs",
            Effect: "Allow",
            Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
            Resource: arn("logs", "log-group:/aws/bedrock-agentcore/*"),
          },
          { Sid: "Traces", Effect: "Allow", Action: ["xray:PutTelemetryRecords", "xray:PutTraceSegments"], Resource: "*" },
          { Sid: "MitmCa", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: props.caSecretArn },
        ],
      }),
    }));
    runtimePolicy.overrideLogicalId("agentcore_runtime");

    this.guardrail = new IamPolicy(this, "Guardrail", {
      name: `${p}-vpc-mode-guardrail`,
      description: "Deny AgentCore runtimes, browsers and code interpreters outside the approved VCA subnets and security groups",
      policy: Fn.jsonencode(guardrailDocument(props.approvedSubnetIds, props.approvedSecurityGroupIds)),
      tags: props.tags,
    });
    this.guardrail.overrideLogicalId("vpc_mode_guardrail");

    this.clientRole = new IamRole(this, "ClientRole", {
      name: `${p}-client-invoker`,
      assumeRolePolicy: Fn.jsonencode({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
      tags: props.tags,
    });
    this.clientRole.overrideLogicalId("client_invoker");
    const clientPolicy = new IamRolePolicy(this, "ClientPolicy", {
      name: `${p}-client-invoker`,
      role: this.clientRole.id,
      policy: Fn.jsonencode({
        Version: "2012-10-17",
        Statement: [{ Sid: "Invoke", Effect: "Allow", Action: ["bedrock-agentcore:InvokeAgentRuntime"], Resource: arn("bedrock-agentcore", "runtime/*") }],
      }),
    });
    clientPolicy.overrideLogicalId("client_invoker");
    const attach = (logical: string, role: string, forEach?: ListTerraformIterator) => {
      const a = new IamRolePolicyAttachment(this, `Guardrail-${logical}`, { role, policyArn: this.guardrail.arn, ...(forEach ? { forEach } : {}) });
      a.overrideLogicalId(`vpc_mode_guardrail_${logical}`);
      return a;
    };
    const client = attach("client_invoker", this.clientRole.name);
    if (props.deployerRoleNames !== undefined) {
      this.deployerAttachments = [...props.deployerRoleNames].sort().map((n) => attach(`guardrail_${n.replace(/\W+/g, "_")}`, n));
    } else {
      this.deployerRolesVariable = new TerraformVariable(this, "DeployerRoles", {
        type: "list(string)",
        nullable: false,
        description: "REQUIRED: names of the IAM roles that deploy AgentCore runtimes (CI, platform admins); each gets the VPC-mode guardrail",
      });
      this.deployerRolesVariable.overrideLogicalId(DEPLOYER_ROLES_VARIABLE);
      // A plain Terraform expression: cdktf's Op.gt drops a literal 0 operand.
      this.deployerRolesVariable.addValidation({
        condition: `\${length(var.${DEPLOYER_ROLES_VARIABLE}) > 0}`,
        errorMessage: `${DEPLOYER_ROLES_VARIABLE} must name at least one deployer role: the guardrail constrains the principals that create runtimes.`,
      });
      const each = TerraformIterator.fromList(this.deployerRolesVariable.listValue);
      this.deployerAttachments = [attach("deployers", each.value as string, each)];
    }
    this.guardrailAttachments = [client, ...this.deployerAttachments];
  }
}

/** The VPC-mode guardrail policy document (also evaluated by the guardrail scenarios). */
export function guardrailDocument(approvedSubnetIds: readonly string[], approvedSecurityGroupIds: readonly string[]) {
  const actions = [...GUARDRAIL_ACTIONS];
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "DenyWithoutVpcSubnets", Effect: "Deny", Action: actions, Resource: "*", Condition: { Null: { "bedrock-agentcore:subnets": "true" } } },
      { Sid: "DenyWithoutSecurityGroups", Effect: "Deny", Action: actions, Resource: "*", Condition: { Null: { "bedrock-agentcore:securityGroups": "true" } } },
      {
        Sid: "DenyUnapprovedSubnets",
        Effect: "Deny",
        Action: actions,
        Resource: "*",
        Condition: { "ForAnyValue:StringNotEquals": { "bedrock-agentcore:subnets": [...approvedSubnetIds] } },
      },
      {
        Sid: "DenyUnapprovedSecurityGroups",
        Effect: "Deny",
        Action: actions,
        Resource: "*",
        Condition: { "ForAnyValue:StringNotEquals": { "bedrock-agentcore:securityGroups": [...approvedSecurityGroupIds] } },
      },
    ],
  };
}

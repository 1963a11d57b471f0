// What a real AgentCore apply needs, one assertion per blocker: the runtime names an image that
// exists before it is created (a supplied URI or the required variable; never an ECR repository
// created empty in the same apply), waits for the role policy that lets it pull that image, and
// the VPC-mode guardrail sits on the roles that DEPLOY runtimes (AVX-AGC2 cannot pass on the
// invoke-only client role alone). The caller sets the provider and tags; none are lab values.
import { Preflight } from "../../../lib/preflight/preflight";
import { AgentCoreStack, AgentCoreStackProps } from "../../../stacks/agentcore-stack";
import { Doc, only, synthDoc, testApp } from "../foundry/helpers";

const BASE: AgentCoreStackProps = { controllerVersion: "9.0.10", aviatrixAccountName: "aws-agentcore" };
const IMAGE = "123456789012.dkr.ecr.us-east-2.amazonaws.com/team/agent:v5";
const build = (p: Partial<AgentCoreStackProps> = {}) => new AgentCoreStack(testApp(), "vca-agentcore", { ...BASE, ...p });
const runtime = (doc: Doc) => only(doc, "aws_bedrockagentcore_agent_runtime") as any;
const ecrPull = (doc: Doc) =>
  /"Sid" = "EcrPull".*?"Resource" = (.*?)\}, \{"Sid" = "Logs"/.exec(String((doc.resource.aws_iam_role_policy as any).agentcore_runtime.policy))![1];

describe("GIVEN no image URI WHEN synthesized", () => {
  const doc = synthDoc(build());

  test("THEN the runtime runs the required variable agentcore_agent_image_uri, validated as an ECR image URI, and no repository is created empty", () => {
    expect(runtime(doc).agent_runtime_artifact[0].container_configuration[0].container_uri).toBe("${var.agentcore_agent_image_uri}");
    const v = (doc.variable as any).agentcore_agent_image_uri;
    expect(v).toMatchObject({ type: "string", nullable: false });
    expect(v.default).toBeUndefined();
    expect(v.validation[0].condition).toMatch(/^\$\{can\(regex\(".*", var\.agentcore_agent_image_uri\)\)\}$/);
    // HCL string escapes: the pattern must carry no backslash (cdktf writes it unescaped).
    expect(v.validation[0].condition).not.toContain("\\");
    expect(doc.resource.aws_ecr_repository).toBeUndefined();
  });

  test("THEN the runtime waits for the runtime role's policy (ECR pull) and the role may pull only from the image's repository", () => {
    expect(runtime(doc).depends_on).toContain("aws_iam_role_policy.agentcore_runtime");
    expect(ecrPull(doc)).toMatch(/^format\("arn:aws:ecr:%s:%s:repository\/%s", element\(regex\(.*var\.agentcore_agent_image_uri\), 1\)/);
  });

  test("THEN the guardrail is attached to every role of the required list variable agentcore_deployer_role_names (at least one)", () => {
    const v = (doc.variable as any).agentcore_deployer_role_names;
    expect(v).toMatchObject({ type: "list(string)", nullable: false });
    expect(v.validation[0].condition).toBe("${length(var.agentcore_deployer_role_names) > 0}");
    const deployers = (doc.resource.aws_iam_role_policy_attachment as any).vpc_mode_guardrail_deployers;
    expect(deployers).toMatchObject({
      for_each: "${toset(var.agentcore_deployer_role_names)}",
      role: "${each.value}",
      policy_arn: "${aws_iam_policy.vpc_mode_guardrail.arn}",
    });
    expect(runtime(doc).depends_on).toContain("aws_iam_role_policy_attachment.vpc_mode_guardrail_deployers");
  });

  test("THEN the AWS provider carries no lab tags (no default_tags unless the caller sets tags)", () => {
    expect((doc as any).provider.aws[0].default_tags).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain('"Environment"');
  });
});

describe("GIVEN a supplied image URI and deployer roles WHEN synthesized", () => {
  const stack = build({ agentImageUri: IMAGE, guardrailRoleNames: ["platform-deployer"], awsProvider: { profile: "agents" }, tags: { CostCenter: "ai" } });
  const doc = synthDoc(stack);

  test("THEN the runtime runs that image and may pull only from its repository", () => {
    expect(runtime(doc).agent_runtime_artifact[0].container_configuration[0].container_uri).toBe(IMAGE);
    expect(ecrPull(doc)).toBe('"arn:aws:ecr:us-east-2:123456789012:repository/team/agent"');
    expect((doc.variable as any)?.agentcore_agent_image_uri).toBeUndefined();
  });

  test("THEN the guardrail is attached to the named deployer role and AVX-AGC2 passes on it", () => {
    expect((doc.resource.aws_iam_role_policy_attachment as any).vpc_mode_guardrail_guardrail_platform_deployer.role).toBe("platform-deployer");
    const agc2 = Preflight.of(stack)
      .evaluate()
      .findings.filter((f) => f.ruleId === "AVX-AGC2");
    expect(agc2.map((f) => f.status)).toEqual(["compliant"]);
  });

  test("THEN the caller's profile and tags configure the provider", () => {
    expect((doc as any).provider.aws[0]).toMatchObject({ profile: "agents", region: "us-east-2", default_tags: [{ tags: { CostCenter: "ai" } }] });
  });
});

describe("GIVEN bad deployability props WHEN built", () => {
  test("THEN an empty deployer list is refused (the guardrail would constrain nobody who can create runtimes)", () => {
    expect(() => build({ guardrailRoleNames: [] })).toThrow(/AgentCoreStack\.guardrailRoleNames: got \[\], want at least one deployer role name/);
  });

  test("THEN an image URI outside ECR is refused with the expected form", () => {
    expect(() => build({ agentImageUri: "docker.io/library/agent:v5" })).toThrow(
      /AgentCoreStack\.agentImageUri: got "docker\.io\/library\/agent:v5", want an ECR image URI/,
    );
  });

  test("THEN a preflight fact whose only guardrail attachment is the invoke-only client role fails AVX-AGC2", () => {
    // The stack never declares that state; the rule must still fail it rather than pass vacuously.
    const stack = build({ guardrailRoleNames: ["x"] });
    const fact = {
      kind: "agentcore-runtime" as const,
      networkMode: "VPC",
      subnets: ["s"],
      securityGroups: ["g"],
      approvedSubnets: ["s"],
      approvedSecurityGroups: ["g"],
      guardrailPolicyAttached: false,
    };
    require("../../../lib/preflight/facts").addPreflightFacts(stack.runtime, fact);
    const agc2 = Preflight.of(stack)
      .evaluate()
      .findings.filter((f) => f.ruleId === "AVX-AGC2");
    expect(agc2.map((f) => f.status)).toContain("non-compliant");
  });
});

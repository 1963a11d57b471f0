// The agent's container image. CreateAgentRuntime validates the image when the runtime is created,
// so the runtime must name an image that already exists: an ECR repository created empty in the
// same apply fails (the vendor's agentcore-aws builds and pushes first, with a local podman
// build, docs/research/cloud-stacks.md §2.1). The stack takes the image URI as a prop, or as the
// required Terraform variable `agentcore_agent_image_uri` (TF_VAR_agentcore_agent_image_uri)
// when the prop is unset; the runtime role may pull from that image's repository only.
import { Construct } from "constructs";
import { Fn, TerraformVariable, Token } from "../../lib/core/cdktf";
import { ConstructPropsError } from "../../lib/core/construct-props-error";

/** `<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>` or `@sha256:<digest>` (AgentCore runs ECR images). */
export const ECR_IMAGE_URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([a-z0-9][a-z0-9._/-]*)(?::[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64})$/;
// The same pattern in RE2 syntax for the variable's validation and the plan-time ARN. No
// backslashes: cdktf writes function arguments into the HCL template unescaped, and `\.` is not
// a valid HCL string escape, so literal dots are `[.]`.
const ECR_IMAGE_URI_RE2 =
  "^([0-9]{12})[.]dkr[.]ecr[.]([a-z0-9-]+)[.]amazonaws[.]com/([a-z0-9][a-z0-9._/-]*)(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})$";

export const AGENT_IMAGE_VARIABLE = "agentcore_agent_image_uri";

export interface AgentImage {
  /** The image URI the runtime runs (a literal, or the variable's reference). */
  readonly uri: string;
  /** ARN of the image's ECR repository (the runtime role's pull permission). */
  readonly repositoryArn: string;
  /** The registry host (`<account>.dkr.ecr.<region>.amazonaws.com`). */
  readonly registryHost: string;
  /** The required variable, when the URI was not given. */
  readonly variable?: TerraformVariable;
}

/** The agent image from the prop, or from the required variable. */
export function agentImage(scope: Construct, prop: string, given: string | undefined): AgentImage {
  if (given !== undefined && !Token.isUnresolved(given)) {
    const m = typeof given === "string" ? ECR_IMAGE_URI.exec(given) : null;
    if (!m) {
      throw new ConstructPropsError(
        scope,
        prop,
        given,
        "an ECR image URI <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> (or @sha256:<digest>)",
        "push the agent image first (AgentCore validates it at CreateAgentRuntime), then pass its URI",
      );
    }
    return { uri: given, repositoryArn: `arn:aws:ecr:${m[2]}:${m[1]}:repository/${m[3]}`, registryHost: given.split("/")[0] };
  }
  let variable: TerraformVariable | undefined;
  let uri = given;
  if (uri === undefined) {
    variable = new TerraformVariable(scope, AGENT_IMAGE_VARIABLE, {
      type: "string",
      description: "REQUIRED: ECR image URI of the agent (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>), pushed before apply",
      nullable: false,
    });
    uri = variable.stringValue;
    variable.addValidation({
      condition: Fn.can(Fn.regex(ECR_IMAGE_URI_RE2, uri)),
      errorMessage: `${AGENT_IMAGE_VARIABLE} must be an ECR image URI <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> (or @sha256:<digest>) that already exists.`,
    });
  }
  const parts = Fn.regex(ECR_IMAGE_URI_RE2, uri);
  return {
    uri,
    repositoryArn: Fn.format("arn:aws:ecr:%s:%s:repository/%s", [Fn.element(parts, 1), Fn.element(parts, 0), Fn.element(parts, 2)]),
    registryHost: Fn.element(Fn.split("/", uri), 0),
    variable,
  };
}

import { Construct } from "constructs";
import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1";
import { ITerraformDependable, TerraformProvider, Token } from "../../core/cdktf";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { compareText } from "../../dcf/builder/canonical";

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Checks that every value of a secret env map is a Terraform token (sensitive variable or
 * reference): a literal would land in cdk.tf.json. Returns the entries sorted by name.
 */
export function requireSecretReferences(scope: Construct, prop: string, env: { readonly [name: string]: string }): [string, string][] {
  const entries = Object.entries(env).sort(([a], [b]) => compareText(a, b));
  for (const [name, value] of entries) {
    if (!ENV_NAME.test(name)) {
      throw new ConstructPropsError(scope, `${prop}.${name}`, name, "an environment variable name ([A-Za-z_][A-Za-z0-9_]*)", "rename the variable");
    }
    if (typeof value !== "string" || !Token.isUnresolved(value)) {
      throw new ConstructPropsError(
        scope,
        `${prop}.${name}`,
        described("a literal string"),
        "a sensitive TerraformVariable or a reference (e.g. random_password.x.result): literals would be written into cdk.tf.json",
      );
    }
  }
  return entries;
}

/** A kubernetes_secret_v1 holding environment variables, for a chart's envFrom/existingSecret. */
export function sensitiveEnvSecret(
  scope: Construct,
  id: string,
  opts: { name: string; namespace: string; entries: [string, string][]; provider?: TerraformProvider; dependsOn?: ITerraformDependable[] },
): SecretV1 {
  return new SecretV1(scope, id, {
    metadata: { name: opts.name, namespace: opts.namespace, labels: { "app.kubernetes.io/managed-by": "vca-cdktf" } },
    data: Object.fromEntries(opts.entries),
    type: "Opaque",
    provider: opts.provider,
    dependsOn: opts.dependsOn,
  });
}

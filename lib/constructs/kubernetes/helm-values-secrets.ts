// Helm values go into cdk.tf.json: the final tree of every release passes the one secret detector.
import { Construct } from "constructs";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { findSecrets, formatSecretFindings } from "../../secrets/find-secrets";

/**
 * The final Helm values (the construct's own deep-merged over `values`: configEnv,
 * configYamlContent, mongodb.auth.rootPassword…) through the one secret detector: every path
 * into cdk.tf.json is checked, not only the props this construct reads.
 */
export function checkValuesSecrets(scope: Construct, values: unknown, prop = "values"): void {
  const found = findSecrets(values);
  if (found.length === 0) return;
  throw new ConstructPropsError(
    scope,
    found.length === 1 ? `${prop}.${found[0].path}` : prop,
    described(found.length === 1 ? `a literal secret (${found[0].reason})` : `${found.length} literal secrets (${formatSecretFindings(found, 10).join("; ")})`),
    "no literal credentials: Helm values are written into cdk.tf.json",
    "pass credentials through secretEnv (sensitive variables or references) or existingSecretName",
  );
}

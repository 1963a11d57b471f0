// Secrets of the workloads as sensitive Terraform variables (never literals in cdk.tf.json):
// one `<prefix>_<name lower-case>` variable per env name, values set with TF_VAR_… at apply.
import { IConstruct } from "constructs";
import { TerraformStack, TerraformVariable } from "../../lib/core/cdktf";
import { ConstructLocation, ConstructPropsError } from "../../lib/core/construct-props-error";

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

/** env name → `${var.<prefix>_<name>}` for each name (sorted, de-duplicated). */
export function sensitiveEnvVariables(scope: IConstruct, prop: string, prefix: string, names: readonly string[]): Record<string, string> {
  const stack = TerraformStack.of(scope);
  const out: Record<string, string> = {};
  checkEnvNames(scope, prop, names);
  for (const name of [...new Set(names)].sort()) {
    const id = `${prefix}_${name.toLowerCase()}`;
    const existing = stack.node.tryFindChild(id) as TerraformVariable | undefined;
    out[name] = (existing ?? new TerraformVariable(stack, id, { type: "string", sensitive: true, description: `${name} for ${prefix} (secret)` })).stringValue;
  }
  return out;
}

/** Every name is an environment variable name; errors name the index in `prop`. */
export function checkEnvNames(scope: IConstruct | ConstructLocation, prop: string, names: readonly string[]): void {
  for (const [i, name] of names.entries()) {
    if (typeof name !== "string" || !ENV_NAME.test(name)) {
      throw new ConstructPropsError(scope, `${prop}[${i}]`, name, "an environment variable name (A-Z, 0-9, _)", "e.g. OPENAI_API_KEY");
    }
  }
}

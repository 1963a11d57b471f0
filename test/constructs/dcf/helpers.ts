// Shared GIVEN helpers for the DCF construct tests.
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { TerraformStack, Testing } from "../../../lib/core/cdktf";
import { AviatrixProvider } from "../../../lib/constructs/aviatrix";
import { validateTerraformJson } from "../../../lib/validate";

/** A stack with the Aviatrix (and Kubernetes) providers, as the blueprints build it. */
export function givenStack(controllerVersion = "9.0.10"): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "stack");
  new AviatrixProvider(stack, "aviatrix", { controllerVersion, credentials: "env" });
  new KubernetesProvider(stack, "kubernetes", {});
  return stack;
}

/** Synthesizes with validations on and returns the parsed cdk.tf.json. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The resource and data sub-trees: what snapshots compare (provider bumps do not churn them). */
export function resourcesOf(doc: any): unknown {
  return { data: doc.data, resource: doc.resource };
}

/** Schema + constraint findings of `vca validate` at error level. */
export function validationErrors(doc: unknown, controllerVersion = "9.0.10"): string[] {
  return validateTerraformJson(doc, { controllerVersion })
    .filter((f) => f.severity === "error")
    .map((f) => JSON.stringify(f));
}

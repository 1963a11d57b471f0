import { App, TerraformStack, Testing } from "../../../lib/core/cdktf";
import { validateTerraformJson } from "../../../lib/validate";

export interface Synthesized {
  readonly json: any;
  readonly text: string;
}

/** GIVEN helper: builds constructs in a fresh stack and returns the synthesized Terraform JSON. */
export function synthStack(build: (stack: TerraformStack, app: App) => void): Synthesized {
  const app = Testing.app();
  const stack = new TerraformStack(app, "stack");
  build(stack, app);
  const text = Testing.synth(stack);
  return { json: JSON.parse(text), text };
}

/** Only the resources of one type, by their Terraform name. */
export function resourcesOf(json: any, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

export function onlyResource(json: any, type: string): any {
  const all = Object.values(resourcesOf(json, type));
  if (all.length !== 1) throw new Error(`want exactly one ${type}, got ${all.length}`);
  return all[0];
}

/** Error-level findings of the offline schema/constraint validator. */
export function validationErrors(json: any): string[] {
  return validateTerraformJson(json)
    .filter((f) => f.severity === "error")
    .map((f) => `${f.address} ${f.path}: ${f.message}`);
}

/** Sample secret material: none of it may appear in synthesized output. */
export const SECRET_SAMPLES = ["-----BEGIN PRIVATE KEY-----", "-----BEGIN CERTIFICATE-----", "apiVersion: v1\nkind: Config", "super-secret-password"];

export function expectNoSecretLiterals(text: string): void {
  for (const sample of SECRET_SAMPLES) expect(text).not.toContain(sample);
}

/** Warning annotations recorded on a construct (cdktf prints them at synth). */
export function warningsOf(construct: { node: { metadata: { type: string; data: unknown }[] } }): unknown[] {
  return construct.node.metadata.filter((m) => /warn/i.test(m.type)).map((m) => m.data);
}

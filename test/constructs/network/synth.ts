// Test helpers: build constructs in a fresh stack and read back the synthesized resources.
import { Construct } from "constructs";
import { TerraformOutput, TerraformStack, Testing } from "../../../lib/core/cdktf";

export type Resources = Record<string, Record<string, Record<string, any>>>;

export function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), "test");
}

export function synth(build: (scope: Construct) => void): { json: any; resources: Resources; stack: TerraformStack } {
  const stack = newStack();
  build(stack);
  const json = JSON.parse(Testing.synth(stack));
  return { json, resources: json.resource ?? {}, stack };
}

/** The only resource of a type (fails the test when there are zero or several). */
export function only(resources: Resources, type: string): Record<string, any> {
  const all = Object.values(resources[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

export function warnings(scope: Construct): string[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === "@cdktf/warn")
    .map((m) => String(m.data));
}

/** How values render in the synthesized JSON (attribute tokens become "${type.name.attr}"). */
export function rendered(stack: TerraformStack, values: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(values)) new TerraformOutput(stack, `out_${key}`, { value, staticId: true });
  const out = JSON.parse(Testing.synth(stack)).output ?? {};
  return Object.fromEntries(Object.keys(values).map((k) => [k, out[`out_${k}`]?.value]));
}

/** How many resources of each type: the inventory a construct creates, independent of logical ids. */
export function inventory(resources: Resources): Record<string, number> {
  return Object.fromEntries(Object.entries(resources).map(([type, byId]) => [type, Object.keys(byId).length]));
}

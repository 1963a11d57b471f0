// How an immutable binding's values are recorded and compared (AVX-IMM1, `vca preflight lock`).
// A literal is kept as is. A Terraform reference (the spoke gateway's private_ip, a variable) is
// kept as its resolved expression text, e.g. "${aviatrix_spoke_gateway.foundry_spoke.private_ip}":
// stable across synths, and re-wiring the binding to another resource changes it — exactly the
// change to catch. The value behind a reference is Terraform's to track at plan
// (replace_triggered_by on the binding's fingerprint).
import type { TerraformStack } from "../core/cdktf";
import { resolvedText } from "./context";

export type BindingValueKind = "literal" | "reference";

export interface BindingValues {
  /** Name → literal value or Terraform expression text; names sorted. */
  readonly values: Readonly<Record<string, string>>;
  /** Names whose value is a Terraform expression (sorted). */
  readonly references: readonly string[];
}

/** Resolves every value of a binding at synth; names sorted so records and messages are deterministic. */
export function resolveBindingValues(stack: TerraformStack, raw: Readonly<Record<string, string>>): BindingValues {
  const values: Record<string, string> = {};
  const references: string[] = [];
  for (const name of Object.keys(raw).sort()) {
    const text = resolvedText(stack, raw[name]);
    values[name] = text;
    if (bindingValueKind(text) === "reference") references.push(name);
  }
  return { values, references };
}

/** "reference" when the text carries a Terraform expression; recorded literals never do (JSON would interpolate them). */
export function bindingValueKind(text: string): BindingValueKind {
  return text.includes("${") ? "reference" : "literal";
}

/** `name=value (literal|reference)` lines for messages and the lock command's output. */
export function describeBindingValues(values: Readonly<Record<string, string>>): string {
  return Object.keys(values)
    .sort()
    .map((n) => `${n}=${values[n]} (${bindingValueKind(values[n])})`)
    .join(", ");
}

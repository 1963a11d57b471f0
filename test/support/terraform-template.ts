// Tests read synthesized values the way Terraform hands them on: a JSON string in cdk.tf.json is
// a template, and a literal one evaluates to its text with the escapes applied ($${ → ${,
// %%{ → %{). This simulates that evaluation for strings that must be literal.
import { hasTemplateSequence } from "../../lib/terraform/hcl-syntax";

/** The text Terraform passes on for a literal JSON string; throws when it holds a real `${…}`/`%{…}`. */
export function terraformEvaluatedLiteral(text: string): string {
  if (hasTemplateSequence(text)) throw new Error(`not a literal: Terraform would evaluate a template sequence in ${JSON.stringify(text.slice(0, 80))}`);
  return text.replace(/([$%])\1\{/g, "$1{");
}

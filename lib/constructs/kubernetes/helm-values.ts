// Helm values for helm_release, rendered deterministically.
// Literal values become one YAML document with sorted keys (readable in cdk.tf.json, so
// preflight and reviewers can see them). Values that hold Terraform tokens (references,
// variables, functions) cannot be written into a YAML string safely (a multi-line PEM in a
// quoted scalar would be folded), so they go into a second document built by Terraform's own
// yamlencode(), which quotes correctly and sorts keys too. Helm deep-merges the documents in
// order; arrays are replaced whole, so an array that holds any token moves whole.
import * as yaml from "js-yaml";
import { Fn, Token } from "../../core/cdktf";
import { terraformLiteral, terraformLiteralTree } from "../../core/terraform-literal";

export type HelmValueTree = { readonly [key: string]: unknown };

/** True when `value` contains an unresolved Terraform token anywhere inside it. */
export function containsToken(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string" || typeof value === "number") return Token.isUnresolved(value);
  if (Array.isArray(value)) return Token.isUnresolved(value) || value.some(containsToken);
  if (typeof value === "object") {
    if (Token.isUnresolved(value)) return true;
    return Object.values(value as Record<string, unknown>).some(containsToken);
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !Token.isUnresolved(value);
}

/** Drops undefined leaves and sorts keys so that equal input gives equal output. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value) && !Token.isUnresolved(value)) return value.map(normalise);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (value[key] !== undefined) out[key] = normalise(value[key]);
    }
    return out;
  }
  return value;
}

/** Splits a tree into the part without tokens and the part with tokens (same paths). */
export function splitTokens(tree: HelmValueTree): { literal: Record<string, unknown>; tokens: Record<string, unknown> } {
  const literal: Record<string, unknown> = {};
  const tokens: Record<string, unknown> = {};
  for (const key of Object.keys(tree).sort()) {
    const value = tree[key];
    if (value === undefined) continue;
    if (isPlainObject(value)) {
      const inner = splitTokens(value);
      if (Object.keys(inner.literal).length > 0 || Object.keys(inner.tokens).length === 0) literal[key] = inner.literal;
      if (Object.keys(inner.tokens).length > 0) tokens[key] = inner.tokens;
    } else if (containsToken(value)) {
      tokens[key] = normalise(value);
    } else {
      literal[key] = normalise(value);
    }
  }
  return { literal, tokens };
}

/**
 * `values` for helm_release: [literal YAML] plus [yamlencode(token part)] when tokens exist.
 * Values are user text (librechat.yaml's `${MISTRAL_API_KEY}` placeholders, env maps): both
 * documents go through terraformLiteral so Terraform hands them to Helm verbatim.
 */
export function renderHelmValues(tree: HelmValueTree): string[] {
  const { literal, tokens } = splitTokens(tree);
  // `literal` is already normalised (sorted keys, no undefined): no line folding, no anchors.
  const docs = [terraformLiteral(yaml.dump(literal, { lineWidth: -1, noRefs: true }))];
  if (Object.keys(tokens).length > 0) docs.push(Fn.yamlencode(terraformLiteralTree(tokens, "expression")));
  return docs;
}

/** Deep merge for values trees: objects merge key by key, everything else is replaced by `over`. */
export function mergeValues(base: HelmValueTree, over: HelmValueTree | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  if (!over) return out;
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeValues(current, value) : value;
  }
  return out;
}

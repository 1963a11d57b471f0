// One way for user text into Terraform JSON. In Terraform JSON every string is a template, so a
// literal "${X}" or "%{ if }" from librechat.yaml, Helm values, env maps, ConfigMaps or any prop
// would be evaluated ("Invalid reference"). `terraformLiteral(text)` wraps the text in a cdktf
// token that renders it escaped exactly once for where it lands:
//   - a JSON string value:            ${ → $${, %{ → %%{   (Terraform's template escapes)
//   - inside an expression (Fn.* args, e.g. yamlencode): an HCL quoted string "…" with \ " and
//     control characters escaped too — cdktf's own escaping there covers only ${ and newlines.
// Terraform evaluates the escapes away, so the pod/file receives the text verbatim.
// docs/research/terraform-language.md has the rules and the experiments.
import { IResolvable, IResolveContext, Token } from "./cdktf";

/** Terraform's template escapes for a JSON string: the result evaluates to `text`. */
export function escapeTemplateSequences(text: string): string {
  return text.replace(/([$%])\{/g, (_m, c: string) => `${c}${c}{`);
}

/** `text` as an HCL quoted string literal ("…") that evaluates to `text`. */
export function hclQuotedString(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `"${escapeTemplateSequences(out)}"`;
}

class LiteralText implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(private readonly text: string) {}

  public resolve(context: IResolveContext): string {
    // cdktf sets suppressBraces while it renders an expression (function call, operator).
    return context.suppressBraces ? hclQuotedString(this.text) : escapeTemplateSequences(this.text);
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/** User text as a string token that reaches Terraform's consumer verbatim (see the file comment). */
export function terraformLiteral(text: string): string {
  if (Token.isUnresolved(text)) return text; // already an expression: not literal text
  return Token.asString(new LiteralText(text));
}

/** Characters that need escaping in a JSON template or an HCL quoted string. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /[$%]\{|["\\\u0000-\u001f\u007f]/;
/** cdktf's encoding of a string token inside a string (lib: cdktf tokens/private/encoding). */
const STRING_TOKEN = /\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g;

/**
 * `value` with every piece of literal text wrapped by `terraformLiteral`: strings (the literal
 * parts of strings that mix text and tokens), and object keys. Tokens stay as they are. `keys`
 * says where the object keys land: "attribute" (a JSON object in cdk.tf.json) or "expression"
 * (inside an Fn.* call such as yamlencode, where cdktf writes a key verbatim between quotes).
 */
export function terraformLiteralTree<T>(value: T, keys: "attribute" | "expression" = "attribute"): T {
  return literalTree(value, keys) as T;
}

function literalTree(value: unknown, keys: "attribute" | "expression"): unknown {
  if (typeof value === "string") return literalString(value);
  if (value === null || typeof value !== "object" || Token.isUnresolved(value)) return value;
  if (Array.isArray(value)) return value.map((v) => literalTree(v, keys));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    out[literalKey(key, keys)] = literalTree(v, keys);
  }
  return out;
}

function literalString(text: string): string {
  if (!NEEDS_ESCAPE.test(text.replace(STRING_TOKEN, ""))) return text;
  if (!Token.isUnresolved(text)) return terraformLiteral(text);
  // Text mixed with tokens: wrap the literal parts only.
  let out = "";
  let last = 0;
  for (const m of text.matchAll(STRING_TOKEN)) {
    const index = m.index as number;
    if (index > last) out += terraformLiteral(text.slice(last, index));
    out += m[0];
    last = index + m[0].length;
  }
  if (last < text.length) out += terraformLiteral(text.slice(last));
  return out;
}

function literalKey(key: string, keys: "attribute" | "expression"): string {
  if (Token.isUnresolved(key) || !NEEDS_ESCAPE.test(key)) return key;
  return keys === "attribute" ? terraformLiteral(key) : hclQuotedString(key).slice(1, -1);
}

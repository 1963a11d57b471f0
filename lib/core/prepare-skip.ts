// Skipping token-free values in cdktf's preparing pass. `app.synth()` resolves every element twice
// before writing: `TerraformStack.prepareStack` resolves it with `preparing: true` only so that
// tokens can register cross-stack references, then throws that result away. For large token-free
// values (20k DCF rules, 10k+ group selectors) that discarded pass costs as much as the real one
// (DESIGN §7 policy scale). Values that hold no token have nothing to register, so the preparing
// pass may skip them; the final output is the same value, resolved as before.
import { IResolvable, IResolveContext, Token, Tokenization } from "./cdktf";

// Every string, list and map token encoding contains this marker ("${TfToken[…]}", "#{…}", "&{…}").
const TOKEN_MARKER = "TfToken[";
// cdktf also replaces number tokens written into strings ("-1.8881545897087626e+289"); text that
// looks like one (the same pattern cdktf scans for) is treated as a possible token.
const NUMBER_TOKEN_TEXT = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/;

/**
 * True when `value` may hold a cdktf token anywhere (strings, numbers, number lists, map keys,
 * resolvables). Errs on the side of true: a false positive only costs the skip.
 */
export function mayContainTokens(value: unknown): boolean {
  if (typeof value === "string") return value.includes(TOKEN_MARKER) || NUMBER_TOKEN_TEXT.test(value);
  if (typeof value === "number") return Token.isUnresolved(value);
  if (value === null || typeof value !== "object") return false;
  if (Tokenization.isResolvable(value)) return true;
  if (Array.isArray(value)) return (value.length === 1 && Token.isUnresolved(value)) || value.some(mayContainTokens);
  for (const key in value) if (mayContainTokens(key) || mayContainTokens((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * Marks a token-free element fragment (the result of `toTerraform()`) so that the preparing pass
 * skips it. The object stays the same plain data for every reader (e.g. preflight walks
 * `toTerraform()`); only cdktf's resolver sees the non-enumerable `resolve` and, when rendering
 * the final output, resolves a copy of the data exactly as it would have resolved the object.
 * Fragments that may hold tokens are returned untouched.
 */
export function skipWhilePreparing<T extends object>(fragment: T): T {
  if (mayContainTokens(fragment)) return fragment;
  const data = { ...fragment };
  const resolve: IResolvable["resolve"] = (context: IResolveContext) => (context.preparing ? undefined : data);
  Object.defineProperty(fragment, "resolve", { value: resolve, enumerable: false });
  Object.defineProperty(fragment, "creationStack", { value: [], enumerable: false });
  return fragment;
}

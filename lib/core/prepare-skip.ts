// Skipping token-free values in cdktf's preparing pass. `app.synth()` resolves every element three
// times: twice to render the output, and first in `TerraformStack.prepareStack` with
// `preparing: true`, only so that tokens can register cross-stack references; that result is
// thrown away. For large token-free
// values (20k DCF rules, 10k+ group selectors) that discarded pass costs as much as the real one
// (docs/ARCHITECTURE.md §7 policy scale). Values that hold no token have nothing to register, so the preparing
// pass may skip them; the final output is the same value, resolved as before.
import { IResolvable, IResolveContext, Token, Tokenization } from "./cdktf";

// Every string, list and map token encoding contains this marker ("${TfToken[…]}", "#{…}", "&{…}").
export const TOKEN_MARKER = "TfToken[";
// cdktf also replaces number tokens written into strings ("-1.8881545897087626e+289"); text that
// looks like one (the same pattern cdktf scans for, NUMBER_TOKEN_REGEX in cdktf/lib/tokens/private/
// encoding.js; test/core/prepare-skip.test.ts fails when the installed cdktf changes it) is treated as a possible token.
export const NUMBER_TOKEN_TEXT = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/;

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
 * Marks an element fragment (the result of `toTerraform()`) so that the preparing pass skips it
 * when it holds no tokens. The object stays the same plain data for every reader (e.g. preflight
 * walks `toTerraform()`); only cdktf's resolver sees the non-enumerable `resolve`, which hands
 * back a copy of the data to be resolved exactly as the object itself would have been. The token
 * check runs in the preparing pass only, so the final render pays nothing for it.
 */
export function skipWhilePreparing<T extends object>(fragment: T): T {
  // Unset entries (`moved`, `import`, …) render as nothing; leaving them out spares two resolves each.
  const data = Object.fromEntries(Object.entries(fragment).filter(([, v]) => v !== undefined));
  const resolve: IResolvable["resolve"] = (context: IResolveContext) => (context.preparing && !mayContainTokens(data) ? undefined : data);
  Object.defineProperty(fragment, "resolve", { value: resolve, enumerable: false });
  Object.defineProperty(fragment, "creationStack", { value: [], enumerable: false });
  return fragment;
}

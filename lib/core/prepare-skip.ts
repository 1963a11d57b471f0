// Skipping token-free values in cdktf's preparing pass. `app.synth()` resolves every element twice
// before writing: `TerraformStack.prepareStack` resolves it with `preparing: true` only so that
// tokens can register cross-stack references, then throws that result away. For large token-free
// values (20k DCF rules, 10k+ group selectors) that discarded pass costs as much as the real one
// (DESIGN §7 policy scale). Values that hold no token have nothing to register, so the preparing
// pass may skip them; the final output is the same value, resolved as before.
import { IResolvable, IResolveContext, Token } from "./cdktf";

// cdktf also replaces number tokens written into strings ("-1.8881545897087626e+289"); text that
// looks like one (the same pattern cdktf scans for) is treated as a possible token.
const NUMBER_TOKEN_TEXT = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/;

/** True when `value` may hold a cdktf token anywhere (strings, numbers, lists, maps, keys, resolvables). */
export function mayContainTokens(value: unknown): boolean {
  if (typeof value === "string") return Token.isUnresolved(value) || NUMBER_TOKEN_TEXT.test(value);
  if (typeof value === "number") return Token.isUnresolved(value);
  if (value === null || typeof value !== "object") return false;
  if (Token.isUnresolved(value)) return true; // resolvables, list/number-list tokens, map-token keys
  if (Array.isArray(value)) return value.some(mayContainTokens);
  for (const [k, v] of Object.entries(value)) if (mayContainTokens(k) || mayContainTokens(v)) return true;
  return false;
}

/**
 * A token-free value that the final resolve renders as-is and the preparing pass skips. Only
 * wrap values for which `mayContainTokens` is false (use `skipWhilePreparing`).
 */
class TokenFreeValue implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(private readonly value: unknown) {}

  public resolve(context: IResolveContext): unknown {
    return context.preparing ? undefined : this.value;
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/** `value` wrapped so the preparing pass skips it, or `value` itself when it may hold tokens. */
export function skipWhilePreparing<T>(value: T): T | IResolvable {
  return mayContainTokens(value) ? value : new TokenFreeValue(value);
}

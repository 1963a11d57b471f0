// Values as the synthesized JSON will contain them: tokens resolved to `${…}` text (DCF model
// getters, preflight binding values).
import { IConstruct } from "constructs";
import { DefaultTokenResolver, StringConcat, Token, Tokenization } from "./cdktf";

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** Resolves cdktf tokens inside `value` as synth would (cheap no-op when there are none). */
export function resolveTokens<T>(scope: IConstruct, value: T): T {
  if (!Token.isUnresolved(JSON.stringify(value) ?? "")) return value;
  return Tokenization.resolve(value, { scope, preparing: false, resolver: RESOLVER }) as T;
}

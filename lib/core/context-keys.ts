// The library's app-context keys: one prefix, `vca:`. 0.1 read two of them as `avx:`; those still
// work (users may set them in cdktf.json or on the App) but print a one-line deprecation note.
import type { IConstruct } from "constructs";
import { LocatedInputError } from "../util/errors";

/** `vca:controllerVersion` and `vca:preflightBaseline`; `vca:config`, `vca:stacks`, `vca:mode` are the blueprints'. */
export const CONTEXT_KEYS = {
  controllerVersion: "vca:controllerVersion",
  preflightBaseline: "vca:preflightBaseline",
} as const;

const warned = new Set<string>();

/** The context value under `vca:<name>`, else under the deprecated `avx:<name>` (with a note on stderr, once per key); both, with different values, is an error. */
export function contextValue(scope: IConstruct, key: (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS]): unknown {
  const value = scope.node.tryGetContext(key);
  const legacy = key.replace(/^vca:/, "avx:");
  const old = scope.node.tryGetContext(legacy);
  // Two spellings with two values: which one the user meant is unknowable, so neither is picked.
  if (value !== undefined && old !== undefined && JSON.stringify(value) !== JSON.stringify(old)) {
    throw new LocatedInputError(
      `app context "${key}"`,
      `got ${JSON.stringify(value)} and the deprecated "${legacy}" ${JSON.stringify(old)}; remove "${legacy}"`,
    );
  }
  if (old !== undefined && !warned.has(legacy)) {
    warned.add(legacy);
    process.stderr.write(`vca: context key "${legacy}" is deprecated; use "${key}"\n`);
  }
  return value ?? old;
}

// The one switch between discover (default PERMIT + log, rules watched) and enforce for every
// example blueprint: context `vca:mode`, or env VCA_MODE (`cdktf synth` 0.21 has no --context
// flag), e.g. `VCA_MODE=discover npx cdktf synth`. When set it overrides each stack's `mode` in
// the config (VCA_CONFIG); when neither is set: enforce.
import type { App } from "../../lib/core/cdktf";
import type { PolicyMode } from "../../lib/dcf/model";
import { UserInputError } from "../../lib/util/errors";

export const MODE_CONTEXT_KEY = "vca:mode";
export const MODE_ENV = "VCA_MODE";

/** The mode set by `vca:mode` / VCA_MODE, or undefined when neither is set. */
export function modeOverride(app: App): PolicyMode | undefined {
  const fromContext = app.node.tryGetContext(MODE_CONTEXT_KEY) as unknown;
  const [value, source] = fromContext !== undefined ? [fromContext, MODE_CONTEXT_KEY] : [process.env[MODE_ENV], MODE_ENV];
  if (value === undefined || value === "") return undefined;
  if (value === "discover" || value === "enforce") return value;
  throw new UserInputError(`${source}: got ${JSON.stringify(value)}, want "discover" or "enforce"`);
}

/** The mode of a blueprint without a config value: the override, else enforce. */
export function blueprintMode(app: App): PolicyMode {
  return modeOverride(app) ?? "enforce";
}

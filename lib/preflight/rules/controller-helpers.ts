// The declared controller release as a Version, or the reason it is not available.
import type { IConstruct } from "constructs";
import { type RuleContext } from "../context";
import { isUnresolved } from "../../core/construct-props-error";
import { unknown, type RuleCheck } from "../rule";
import { ControllerVersion } from "../../core/controller-version";

export type ControllerLookup = { readonly version: ControllerVersion; readonly node: IConstruct } | { readonly unavailable: RuleCheck };

export function declaredController(ctx: RuleContext, ruleCause: string): ControllerLookup {
  const src = ctx.controllerVersion();
  const version = src && typeof src.value === "string" && !isUnresolved(src.value) ? ControllerVersion.tryParse(src.value) : undefined;
  if (src && version) return { version, node: src.node };
  return {
    unavailable: unknown(src?.node ?? ctx.stack, {
      cause: `${ruleCause}: the controller version is not known (see AVX-CTRL1)`,
      want: "a declared controllerVersion",
    }),
  };
}

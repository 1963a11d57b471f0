// The declared controller release as a Version, or the reason it is not available.
import type { IConstruct } from "constructs";
import { isToken, type RuleContext } from "../context";
import { unknown, type RuleCheck } from "../rule";
import { parseVersion, type Version } from "../version";

export type ControllerLookup = { readonly version: Version; readonly node: IConstruct } | { readonly unavailable: RuleCheck };

export function declaredController(ctx: RuleContext, ruleCause: string): ControllerLookup {
  const src = ctx.controllerVersion();
  const version = src && typeof src.value === "string" && !isToken(src.value) ? parseVersion(src.value) : undefined;
  if (src && version) return { version, node: src.node };
  return {
    unavailable: unknown(src?.node ?? ctx.stack, {
      cause: `${ruleCause}: the controller version is not known (see AVX-CTRL1)`,
      want: "a declared controllerVersion",
    }),
  };
}

export function vText(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

import { show } from "../context";
import { isUnresolved } from "../../core/construct-props-error";
import { fail, pass, type PreflightRule, type RuleCheck, unknown } from "../rule";
import { ControllerVersion } from "../../core/controller-version";

/** AVX-CTRL1: every stack with Aviatrix resources declares the controller release it targets. */
export const controllerVersionDeclared: PreflightRule = {
  id: "AVX-CTRL1",
  area: "CTRL",
  name: "controller-version-declared",
  severity: "error",
  cause: "the stack does not declare a valid Aviatrix controller version",
  explanation:
    "Feature checks (AVX-CTRL2..6) compare what the stack uses with the controller release it targets. " +
    "Without a declared version nothing can be checked, and the provider pin cannot follow the controller.",
  fix: 'set controllerVersion on the AviatrixProvider (or Preflight.of(stack, { controllerVersion }) / context vca:controllerVersion), e.g. "9.0"',
  suppressible: false,
  reads:
    "aviatrix-provider fact, Preflight option controllerVersion, context vca:controllerVersion; applies when the stack has aviatrix_* elements or DCF facts",
  check(ctx): readonly RuleCheck[] {
    const usesAviatrix =
      ctx.aviatrixElements().length > 0 ||
      ctx.aviatrixProviders().length > 0 ||
      ctx.facts("aviatrix-provider").length > 0 ||
      ctx.facts("dcf-policy").length > 0;
    if (!usesAviatrix) return [];
    const src = ctx.controllerVersion();
    if (!src) return [fail(ctx.stack, { got: "<unset>", want: "a controller release such as 9.0" })];
    if (isUnresolved(src.value)) return [unknown(src.node, { got: show(src.value), want: "a literal controller release" })];
    const v = ControllerVersion.tryParse(src.value);
    if (!v) return [fail(src.node, { got: show(src.value), want: "MAJOR.MINOR[.PATCH], e.g. 9.0.10" })];
    if (v.major < 8) return [fail(src.node, { got: show(src.value), want: ">= 8.0 (provider version == controller version since 8.0)" })];
    return [pass(src.node)];
  },
};

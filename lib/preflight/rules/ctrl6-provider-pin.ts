import type { TerraformProvider } from "../../core/cdktf";
import { show } from "../context";
import { isUnresolved } from "../../core/construct-props-error";
import { fail, pass, type PreflightRule, type RuleCheck, unknown } from "../rule";
import { pinnedMajorMinor } from "../../core/controller-version";
import { declaredController } from "./controller-helpers";

/** AVX-CTRL6: the aviatrix provider pin follows the controller's major.minor. */
export const providerPinFollowsController: PreflightRule = {
  id: "AVX-CTRL6",
  area: "CTRL",
  name: "provider-pin-follows-controller",
  severity: "error",
  cause: "the aviatrix provider version constraint does not pin the controller's major.minor",
  explanation:
    "At configure time the provider requires MajorMinor(controller) == MajorMinor(provider) (provider.go → " +
    "ControllerVersionValidation); a provider of another major.minor fails every plan against this controller.",
  fix: 'pin the provider to the controller\'s major.minor, e.g. "~> 9.0.0" for controller 9.0',
  suppressible: false,
  reads: "aviatrix-provider fact providerVersion, else the stack override terraform.required_providers.aviatrix.version, else the provider binding's version",
  check(ctx): readonly RuleCheck[] {
    const providers = ctx.aviatrixProviders();
    if (!providers.length) return [];
    const lookup = declaredController(ctx, this.cause);
    if ("unavailable" in lookup) return [lookup.unavailable];
    const want = lookup.version.majorMinor;
    const factPin = ctx.facts("aviatrix-provider").find((f) => f.fact.providerVersion !== undefined)?.fact.providerVersion;
    const stackPin = (ctx.stack as unknown as { rawOverrides?: { terraform?: { required_providers?: { aviatrix?: { version?: string } } } } }).rawOverrides
      ?.terraform?.required_providers?.aviatrix?.version;
    return providers.map((p: TerraformProvider) => {
      const constraint = factPin ?? stackPin ?? p.terraformGeneratorMetadata?.providerVersion ?? p.terraformGeneratorMetadata?.providerVersionConstraint;
      if (constraint === undefined) return fail(p, { got: "<no version constraint>", want: `~> ${want}.0` });
      if (isUnresolved(constraint)) return unknown(p, { got: show(constraint), want: `~> ${want}.0` });
      const pinned = pinnedMajorMinor(constraint);
      return pinned === want ? pass(p) : fail(p, { got: constraint, want: `~> ${want}.0 (controller ${want})` });
    });
  },
};

import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";

/** AVX-APP2: a stack with Aviatrix resources configures the Aviatrix provider. */
export const aviatrixProviderPresent: PreflightRule = {
  id: "AVX-APP2",
  area: "APP",
  name: "aviatrix-provider-present",
  severity: "error",
  cause: "the stack has Aviatrix resources but no Aviatrix provider",
  explanation:
    "Every stack needs its own provider block; without it Terraform cannot reach the controller, and the stack has no declared " +
    "controller version or provider pin to check (AVX-CTRL1, AVX-CTRL6).",
  fix: "add an AviatrixProvider (with controllerVersion) to the stack",
  suppressible: false,
  reads: "aviatrix_* elements and aviatrix provider constructs of the stack",
  check(ctx): readonly RuleCheck[] {
    if (!ctx.aviatrixElements().length) return [];
    const providers = ctx.aviatrixProviders();
    return providers.length ? [pass(providers[0])] : [fail(ctx.stack, { got: 'no provider "aviatrix"', want: "an AviatrixProvider" })];
  },
};

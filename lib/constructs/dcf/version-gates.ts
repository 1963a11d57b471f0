// Controller-version gates for DCF resources (introduced_in, docs/research/aviatrix-provider-schema.md
// §7). Checked lazily at synth (node.addValidation) because the AviatrixProvider may be created
// after the construct that needs it; without a provider in the stack nothing is checked.
import { IConstruct } from "constructs";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { AviatrixProvider } from "../aviatrix/aviatrix-provider";

/** First controller versions that support what the DCF constructs render. */
export const DCF_MIN_VERSIONS = {
  defaultActionRule: "8.1.0",
  logProfile: "8.2.0",
  ruleset: "8.2.0",
  configFeature: "8.2.10",
} as const;

/**
 * Adds a synth-time validation: `what` needs controller ≥ `min`. `applies` is evaluated at synth
 * so gates can depend on rules added after construction.
 */
export function requireControllerVersion(scope: IConstruct, what: string, min: string, applies: () => boolean = () => true): void {
  scope.node.addValidation({
    validate: () => {
      if (!applies()) return [];
      const provider = AviatrixProvider.of(scope);
      if (provider === undefined || provider.controllerVersion.atLeast(min)) return [];
      return [
        ConstructPropsError.validationMessage(
          scope,
          "controllerVersion",
          described(String(provider.controllerVersion)),
          `≥ ${min} for ${what}`,
          `upgrade the controller (and controllerVersion) or stop using ${what}`,
        ),
      ];
    },
  });
}

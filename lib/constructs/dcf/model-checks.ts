// Bridges the pure model validators (lib/dcf/builder) to construct errors that carry the
// construct path, so a bad selector reads `[stack/runtime] matchExpressions[1]: …`.
import { IConstruct } from "constructs";
import { DcfModelError } from "../../dcf/errors";
import { ConstructPropsError } from "../../core/construct-props-error";

/** Runs `check`; a DcfModelError becomes a ConstructPropsError on `scope` naming `prop`. */
export function withConstructPath<T>(scope: IConstruct, prop: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof DcfModelError || (err as Error)?.name === "DcfModelError") {
      const reason = (err as DcfModelError).reason ?? (err as Error).message;
      throw ConstructPropsError.because(scope, prop, reason);
    }
    throw err;
  }
}

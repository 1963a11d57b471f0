import { LocatedInputError } from "../util/errors";

/**
 * A DCF model value that cannot be right (bad port, unknown group, conflicting selector
 * fields…), before any construct is involved. `path` locates the offending value — a builder
 * path such as `rules[web-egress].portRanges[0]`, a Terraform address or a file + YAML path — so
 * the CLI can print it and exit 2; a construct rethrows it as a ConstructPropsError with its own
 * construct path in front (lib/constructs/dcf/model-checks.ts). Message: `<path>: <reason>`.
 */
export class DcfModelError extends LocatedInputError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(path, reason);
    this.name = "DcfModelError";
  }
}

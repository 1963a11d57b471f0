import { UserInputError } from "../util/errors";

/**
 * A DCF model value that cannot be right (bad port, unknown group, conflicting selector
 * fields…). Carries the path of the offending value — a builder path such as
 * `rules[web-egress].portRanges[0]`, a Terraform address or a file + YAML path — so the CLI can
 * print it and exit 2.
 */
export class DcfModelError extends UserInputError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = "DcfModelError";
  }
}

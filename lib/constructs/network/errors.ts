import { UserInputError } from "../../util/errors";

/**
 * A construct prop that cannot work: carries the construct path, the prop and the value received,
 * and says what is allowed and how to fix it. Bad input, so the CLI exits 2.
 */
export class NetworkPropError extends UserInputError {
  constructor(
    /** Construct path of the construct that rejected the prop. */
    public readonly constructPath: string,
    /** `<Construct>.<prop>`, e.g. `SpokeGateway.name`. */
    public readonly prop: string,
    /** The rejected value as shown in the message. */
    public readonly received: string,
    want: string,
    fix: string,
    area = "spoke",
  ) {
    super(`[vca/${area}] ${prop}: got ${received}, want ${want}; ${fix} (at ${constructPath})`);
    this.name = "NetworkPropError";
  }
}

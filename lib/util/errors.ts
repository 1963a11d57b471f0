/** Bad input or usage: the CLI prints the message (no stack) and exits 2. */
export class UserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserInputError";
  }
}

/**
 * Bad input at a known place, in the library's one error grammar: `<where>: <reason>`.
 * `where` is a construct prop (`[stack/pack] DcfPolicyPack.rules[2].ports`), a model path
 * (`rules[web-egress].portRanges[0]`), a Terraform address or a file + YAML path; `reason` says
 * what was received and what is allowed (`got 70000, want an integer 1..65535`), then how to fix
 * it. ConstructPropsError and DcfModelError are the two kinds (docs/ARCHITECTURE.md §8).
 */
export class LocatedInputError extends UserInputError {
  constructor(
    public readonly where: string,
    public readonly reason: string,
  ) {
    super(`${where}: ${reason}`);
    this.name = "LocatedInputError";
  }
}

/** A check that ran and failed (gate, expectation, validation finding): exit 1. */
export class CheckFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckFailedError";
  }
}

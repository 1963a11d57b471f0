/** Bad input or usage: the CLI prints the message (no stack) and exits 2. */
export class UserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserInputError";
  }
}

/** A check that ran and failed (gate, expectation, validation finding): exit 1. */
export class CheckFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckFailedError";
  }
}

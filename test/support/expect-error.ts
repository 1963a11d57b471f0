// What an input-validation test asserts: the call throws the CLI's bad-input error (exit 2) and the
// message names what to fix (construct and prop, model path, file...). Wording may change; these
// facts may not. Returns the message so a test can keep a snapshot as a secondary check.
import { UserInputError } from "../../lib/util/errors";

/** Runs `fn`, which must throw; returns what it threw. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw, it returned");
}

/** `fn` throws a UserInputError whose message contains every `names` entry. */
export function expectInputError(fn: () => unknown, ...names: (string | RegExp)[]): string {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(UserInputError);
  const message = (error as Error).message;
  for (const name of names) {
    if (typeof name === "string") expect(message).toContain(name);
    else expect(message).toMatch(name);
  }
  return message;
}

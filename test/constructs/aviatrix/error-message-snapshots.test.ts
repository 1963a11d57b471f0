// The second literal-password case of aviatrix-provider.test.ts checks only the class; here the
// full message (with the aliased construct's own path) is snapshotted (docs/ARCHITECTURE.md §8).
import { TerraformStack, Testing } from "../../../lib/core/cdktf";
import { AviatrixProvider } from "../../../lib/constructs/aviatrix";
import { ConstructPropsError } from "../../../lib/core/construct-props-error";
import { UserInputError } from "../../../lib/util/errors";

test("GIVEN a second provider with a literal password WHEN constructed THEN a UserInputError naming that provider's path", () => {
  // A fresh stack per attempt: the provider registers its id before the password check throws.
  const build = () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    new AviatrixProvider(stack, "aviatrix", { controllerVersion: "9.0.10", credentials: "env" });
    return new AviatrixProvider(stack, "aviatrix2", { controllerVersion: "9.0.10", alias: "two", password: "hunter2" });
  };
  expect(build).toThrow(UserInputError);
  expect(build).toThrow(ConstructPropsError);
  expect(build).toThrowErrorMatchingSnapshot();
});

import { ControllerVersion, compareControllerVersions, parseControllerVersion, providerConstraint } from "../../lib/core/controller-version";
import { UserInputError } from "../../lib/util/errors";
import { expectInputError } from "../support/expect-error";

describe("ControllerVersion", () => {
  test("GIVEN X.Y.Z WHEN parsed THEN fields and constraint follow the controller", () => {
    const v = parseControllerVersion("9.0.10");
    expect([v.major, v.minor, v.patch]).toEqual([9, 0, 10]);
    expect(v.providerConstraint()).toBe("~> 9.0.10");
    expect(providerConstraint("8.2")).toBe("~> 8.2.0");
    expect(providerConstraint(" v10.0.1 ")).toBe("~> 10.0.1");
    expect(v.majorMinor).toBe("9.0");
  });

  test("GIVEN versions WHEN compared THEN numeric (not lexical) order is used", () => {
    expect(compareControllerVersions("8.2.10", "8.2.9")).toBeGreaterThan(0);
    expect(compareControllerVersions("8.10.0", "8.2.99")).toBeGreaterThan(0);
    expect(compareControllerVersions("9.0", "9.0.0")).toBe(0);
    const v = ControllerVersion.parse("8.2.10");
    expect(v.atLeast("8.2.10")).toBe(true);
    expect(v.atLeast("8.2.11")).toBe(false);
    expect(v.before("9.0.0")).toBe(true);
    expect(v.sameMajorMinor("8.2.0")).toBe(true);
    expect(v.sameMajorMinor("8.1.0")).toBe(false);
  });

  test.each(["", "9", "9.x", "9.0.10.1", "latest", "~> 9.0", "9.0.-1"])("GIVEN garbage %j WHEN parsed THEN a UserInputError names the input", (bad) => {
    expect(() => parseControllerVersion(bad, "stack.controllerVersion")).toThrow(UserInputError);
    expect(() => parseControllerVersion(bad, "stack.controllerVersion")).toThrow(/^stack\.controllerVersion: got /);
    expect(ControllerVersion.isValid(bad)).toBe(false);
  });

  test("GIVEN garbage WHEN parsed THEN the message says what is wanted", () => {
    expect(expectInputError(() => parseControllerVersion("latest"), "controllerVersion")).toMatchInlineSnapshot(
      `"controllerVersion: got "latest", want an Aviatrix controller version "X.Y" or "X.Y.Z" (e.g. "9.0.10"); use the version shown in CoPilot/Controller settings"`,
    );
  });
});

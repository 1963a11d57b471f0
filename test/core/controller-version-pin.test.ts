// ControllerVersion.tryParse and pinnedMajorMinor: the non-throwing helpers preflight uses
// (preflight had its own version parser before; these keep one parser for controller versions).
import { ControllerVersion, constraintFloor, parseVersionConstraint, pinnedMajorMinor } from "../../lib/core/controller-version";

describe("ControllerVersion.tryParse", () => {
  test.each([
    ["9.0", "9.0.0"],
    ["v10.0.1", "10.0.1"],
    [" UserConnect-8.2.10 ", "8.2.10"],
  ])("GIVEN %j WHEN tried THEN it parses like parse()", (text, want) => {
    expect(ControllerVersion.tryParse(text)?.toString()).toBe(want);
    expect(ControllerVersion.parse(text).toString()).toBe(want);
  });

  test.each([undefined, 9, "", "9", "latest", "9.0.1-beta", "~> 9.0"])("GIVEN %j WHEN tried THEN undefined, no throw", (bad) => {
    expect(ControllerVersion.tryParse(bad)).toBeUndefined();
  });
});

describe("pinnedMajorMinor", () => {
  test.each([
    ["~> 9.0.0", "9.0"],
    ["~> 8.2.10", "8.2"],
    ["9.0.1", "9.0"],
    ["= 10.0.1", "10.0"],
    [">= 9.0.0, < 9.1.0", "9.0"],
    [ControllerVersion.parse("9.0.10").providerConstraint(), "9.0"],
  ])("GIVEN constraint %j WHEN read THEN it pins %s", (constraint, want) => {
    expect(pinnedMajorMinor(constraint)).toBe(want);
  });

  test.each(["~> 9.0", ">= 8.0", ">= 9.0.0, < 10.0.0", "< 9.1.0", "latest", "", "~> 9"])(
    "GIVEN %j WHEN read THEN no single major.minor is pinned",
    (constraint) => {
      expect(pinnedMajorMinor(constraint)).toBeUndefined();
    },
  );
});

describe("parseVersionConstraint (the one constraint grammar for preflight and validate)", () => {
  test("GIVEN a two-part constraint WHEN parsed THEN each part keeps its operator, version and written segments", () => {
    const parts = parseVersionConstraint(">= 9.0, < 10");
    expect(parts?.map((p) => [p.op, p.version.toString(), p.segments])).toEqual([
      [">=", "9.0.0", 2],
      ["<", "10.0.0", 1],
    ]);
  });

  test.each(["", "latest", "~> 9.0.1-beta", "9.0.1, junk", "=> 9.0"])("GIVEN %j WHEN parsed THEN undefined (no half constraints)", (bad) => {
    expect(parseVersionConstraint(bad)).toBeUndefined();
  });

  test.each([
    ["~> 10.0.1", "10.0.1"],
    ["~> 8.2", "8.2.0"],
    ["9.0.10", "9.0.10"],
    [">= 9.0.0, < 10.0.0", "9.0.0"],
    ["< 10, >= 8.1", "8.1.0"],
    ["< 10", undefined],
    ["9.0.1, junk", undefined],
  ])("GIVEN %j WHEN its floor is read THEN %p", (constraint, floor) => {
    expect(constraintFloor(constraint)?.toString()).toBe(floor);
  });
});

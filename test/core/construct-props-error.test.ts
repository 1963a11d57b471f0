// The one construct/stack prop error and its value rendering (docs/ARCHITECTURE.md §8):
// `[<construct path>] <Construct>.<prop>: got <received>, want <allowed>; <fix>`, exit 2.
import { Construct } from "constructs";
import { Fn, Testing, TerraformStack, TerraformVariable } from "../../lib/core/cdktf";
import {
  ConstructPropsError,
  DcfValidationError,
  NetworkPropError,
  StackPropsError,
  described,
  describeValue,
  isUnresolved,
} from "../../lib/core/construct-props-error";
import { UserInputError } from "../../lib/util/errors";

class Widget extends Construct {}

const givenWidget = () => new Widget(new TerraformStack(Testing.app(), "stack"), "w");

describe("ConstructPropsError", () => {
  test("GIVEN a construct WHEN a prop is rejected THEN the message has path, Construct.prop, received, allowed and fix", () => {
    const err = new ConstructPropsError(givenWidget(), "mode", "audit", '"discover" or "enforce"', 'start with "discover"');
    expect(err.message).toBe('[stack/w] Widget.mode: got "audit", want "discover" or "enforce"; start with "discover"');
    expect(err).toBeInstanceOf(UserInputError);
    expect(err).toMatchObject({
      name: "ConstructPropsError",
      constructPath: "stack/w",
      construct: "Widget",
      prop: "mode",
      received: '"audit"',
      allowed: '"discover" or "enforce"',
      fix: 'start with "discover"',
    });
  });

  test("GIVEN a prop already qualified by its class WHEN rejected THEN the class is not repeated", () => {
    expect(new ConstructPropsError(givenWidget(), "Outer.name", 1, "a string").message).toBe("[stack/w] Outer.name: got 1, want a string");
  });

  test("GIVEN a location instead of a construct WHEN rejected THEN its path and class name are used", () => {
    const err = new ConstructPropsError({ path: "stack/gw", construct: "SpokeGateway" }, "name", undefined, "a non-empty string", "set name");
    expect(err.message).toBe("[stack/gw] SpokeGateway.name: got nothing, want a non-empty string; set name");
  });

  test("GIVEN described text WHEN rejected THEN it is shown unquoted", () => {
    expect(new ConstructPropsError(givenWidget(), "credentials", described("both a and b"), "exactly one").message).toBe(
      "[stack/w] Widget.credentials: got both a and b, want exactly one",
    );
  });

  test("GIVEN a reason phrased by a model validator WHEN wrapped THEN path and Construct.prop lead it", () => {
    const err = ConstructPropsError.because(givenWidget(), "matchExpressions[0]", 'k8sNamespace need type "k8s" (got type "vm")');
    expect(err.message).toBe('[stack/w] Widget.matchExpressions[0]: k8sNamespace need type "k8s" (got type "vm")');
  });

  test("GIVEN the pre-unification names WHEN used THEN they are the same class", () => {
    expect(DcfValidationError).toBe(ConstructPropsError);
    expect(NetworkPropError).toBe(ConstructPropsError);
    expect(StackPropsError).toBe(ConstructPropsError);
  });
});

describe("describeValue", () => {
  test.each<[string, unknown, string]>([
    ["undefined", undefined, "nothing"],
    ["null", null, "null"],
    ["Infinity", Infinity, "Infinity"],
    ["-Infinity", -Infinity, "-Infinity"],
    ["NaN", NaN, "NaN"],
    ["-0", -0, "-0"],
    ["a bigint", BigInt(10), "10n"],
    ["a string", 'a"b', '"a\\"b"'],
    ["a boolean", false, "false"],
    ["a list", [443, "8080"], '[443,"8080"]'],
    ["non-finite numbers inside a structure", { lo: Infinity, hi: NaN }, '{"lo":"Infinity","hi":"NaN"}'],
  ])("GIVEN %s WHEN described THEN %s", (_name, value, want) => {
    expect(describeValue(value)).toBe(want);
  });

  test("GIVEN a long string WHEN described THEN it is cut to 120 characters with an ellipsis", () => {
    const text = describeValue("x".repeat(500));
    expect(text).toBe(JSON.stringify(`${"x".repeat(117)}...`));
  });

  test("GIVEN a long structure WHEN described THEN it is cut to 120 characters", () => {
    const text = describeValue(Array.from({ length: 100 }, (_, i) => i));
    expect(text).toHaveLength(120);
    expect(text.endsWith("...")).toBe(true);
  });

  test("GIVEN tokens alone or inside structures WHEN described THEN they print as <unresolved token>", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const v = new TerraformVariable(stack, "v", { type: "string" });
    expect(describeValue(v.stringValue)).toBe("<unresolved token>");
    expect(describeValue(v.numberValue)).toBe("<unresolved token>");
    expect(describeValue(Fn.lower(v.stringValue))).toBe("<unresolved token>");
    expect(describeValue({ name: v.stringValue })).toBe('{"name":"<unresolved token>"}');
  });

  test("GIVEN a construct or a cycle WHEN described THEN it is named, never walked", () => {
    const w = givenWidget();
    expect(describeValue({ group: w })).toBe('{"group":"<Widget stack/w>"}');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('{"a":1,"self":"<circular>"}');
  });
});

describe("isUnresolved", () => {
  test("GIVEN literals and tokens WHEN checked THEN only tokens are unresolved", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const v = new TerraformVariable(stack, "v", { type: "list(string)" });
    expect([undefined, null, "", "x", 0, [], {}].map(isUnresolved)).toEqual([false, false, false, false, false, false, false]);
    expect([v.stringValue, v.numberValue, v.listValue].map(isUnresolved)).toEqual([true, true, true]);
  });
});

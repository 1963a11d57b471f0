import { DefaultTokenResolver, Fn, Lazy, StringConcat, TerraformOutput, TerraformStack, TerraformVariable, Testing, Token, Tokenization } from "../../lib/core/cdktf";
import { mayContainTokens, skipWhilePreparing } from "../../lib/core/prepare-skip";

const resolver = new DefaultTokenResolver(new StringConcat());
const resolveIn = (stack: TerraformStack, value: unknown, preparing: boolean) => Tokenization.resolve(value, { scope: stack, preparing, resolver });

describe("mayContainTokens", () => {
  const stack = new TerraformStack(Testing.app(), "stack");
  const variable = new TerraformVariable(stack, "v", { type: "string" });

  test("GIVEN plain data THEN no tokens", () => {
    expect(mayContainTokens({ name: "mcp-1", ports: [{ lo: 443 }], logging: true, watch: false, tags: { app: "x" }, none: undefined, nil: null })).toBe(false);
    expect(mayContainTokens(["${aviatrix_smart_group.a.uuid}", "api.mcp-1.example.com", "*.example.net"])).toBe(false);
  });

  test.each([
    ["a string token", () => ({ src: [variable.stringValue] })],
    ["a token inside text", () => ({ name: `rule-${variable.stringValue}` })],
    ["a number token", () => ({ priority: variable.numberValue })],
    ["a list token", () => ({ list: variable.listValue })],
    ["a map token key", () => ({ tags: Token.asStringMap(Fn.tomap(variable.value)) })],
    ["a resolvable", () => [{ deep: { value: Lazy.stringValue({ produce: () => "x" }) } }]],
    ["a token in a key", () => ({ [variable.stringValue]: "x" })],
    ["a number token written into text", () => ({ text: `${variable.numberValue}` })],
  ])("GIVEN %s THEN it may contain tokens", (_what, value) => {
    expect(mayContainTokens(value())).toBe(true);
  });
});

describe("skipWhilePreparing", () => {
  test("GIVEN a token-free value THEN the final resolve renders it and the preparing pass skips it", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const value = { match_expressions: [{ snifilter: "api.openai.com" }] };
    const wrapped = skipWhilePreparing(value);
    expect(Tokenization.isResolvable(wrapped)).toBe(true);
    expect(resolveIn(stack, { selector: wrapped }, false)).toEqual({ selector: value });
    expect(resolveIn(stack, { selector: wrapped }, true)).toEqual({});
  });

  test("GIVEN a value with a token THEN it is returned unwrapped (the preparing pass must see the token)", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const value = { name: new TerraformVariable(stack, "v", { type: "string" }).stringValue };
    expect(skipWhilePreparing(value)).toBe(value);
  });

  test("GIVEN an app THEN synth output is the same with the wrapper as without", () => {
    const synth = (wrap: boolean) => {
      const stack = new TerraformStack(Testing.app(), "stack");
      const value = { a: ["x", 1, true], b: { c: "d" } };
      new TerraformOutput(stack, "o", { value: wrap ? skipWhilePreparing(value) : value });
      return Testing.synth(stack);
    };
    expect(synth(true)).toEqual(synth(false));
  });
});

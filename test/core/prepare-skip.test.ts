import { DefaultTokenResolver, Fn, Lazy, StringConcat, TerraformStack, TerraformVariable, Testing, Token, Tokenization } from "../../lib/core/cdktf";
import { mayContainTokens, NUMBER_TOKEN_TEXT, skipWhilePreparing, TOKEN_MARKER } from "../../lib/core/prepare-skip";

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
  const fragment = () => ({
    resource: { aviatrix_web_group: { egress: { name: "egress", selector: { match_expressions: [{ snifilter: "api.openai.com" }] } } } },
    moved: undefined,
  });

  test("GIVEN a token-free fragment THEN readers see the same plain data, the final resolve renders it and the preparing pass skips it", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const marked = skipWhilePreparing(fragment());
    expect(marked).toEqual(fragment());
    expect(Object.keys(marked)).toEqual(["resource", "moved"]);
    expect(Tokenization.isResolvable(marked)).toBe(true);
    expect(resolveIn(stack, marked, false)).toEqual(resolveIn(stack, fragment(), false));
    expect(resolveIn(stack, marked, true)).toBeUndefined();
  });

  test("GIVEN a fragment with a token THEN the preparing pass resolves it (and so registers the token)", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    const seen: boolean[] = [];
    const token = Lazy.stringValue({ produce: (context) => (seen.push(context.preparing), "x") });
    const withToken = { resource: { t: { id: { name: token } } } };
    expect(resolveIn(stack, skipWhilePreparing(withToken), true)).toEqual({ resource: { t: { id: { name: "x" } } } });
    expect(seen).toEqual([true]);
  });
});

describe("the copies of cdktf internals match the installed cdktf (a cdktf upgrade that changes them fails here)", () => {
  test.each(["cdktf", "cdktn"])("GIVEN the installed %s THEN its number-token pattern and string-token marker are ours", (pkg) => {
    let file: string;
    try {
      file = require.resolve(`${pkg}/lib/tokens/private/encoding.js`);
    } catch {
      return; // cdktn is an optional peer
    }
    const source = require("fs").readFileSync(file, "utf8") as string;
    const m = /const NUMBER_TOKEN_REGEX = new RegExp\("((?:[^"\\]|\\.)*)", "g"\)/.exec(source);
    expect(m).not.toBeNull();
    // `\+` and `+` are the same inside a character class.
    const plus = (src: string) => src.replace(/\\\+/g, "+");
    expect(plus(new RegExp(JSON.parse(`"${m![1]}"`)).source)).toBe(plus(NUMBER_TOKEN_TEXT.source));
    for (const kind of ["STRING", "LIST", "MAP"]) expect(source).toMatch(new RegExp(`BEGIN_${kind}_TOKEN_MARKER = "..${TOKEN_MARKER.replace("[", "\\[")}"`));
  });
});

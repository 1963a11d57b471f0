// The one bounded reader/loader for user files (lib/util/input-file): every problem is an
// InputFileError (a UserInputError → exit 2) naming the file, line and what was read.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { UserInputError } from "../../lib/util/errors";
import { checkInputText, InputFileError, loadAllYamlBounded, loadYamlBounded, readInputText, YamlSyntaxError } from "../../lib/util/input-file";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "vca-input-file-"));
const catchErr = (fn: () => unknown): InputFileError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputFileError);
    expect(e).toBeInstanceOf(UserInputError);
    return e as InputFileError;
  }
  throw new Error("expected an InputFileError");
};
const bomb = (levels: number) => {
  const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  return lines.join("\n") + "\n";
};

describe("GIVEN readInputText", () => {
  test("WHEN the file is missing, a directory or over the limit THEN an error names the file and cause", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "big.yaml"), "x".repeat(101));
    expect(catchErr(() => readInputText(path.join(dir, "nope.yaml"), "servers file", 100)).message).toBe(
      `${path.join(dir, "nope.yaml")}: cannot read servers file (ENOENT)`,
    );
    expect(catchErr(() => readInputText(dir, "servers file", 100)).message).toBe(`${dir}: servers file is not a regular file`);
    expect(catchErr(() => readInputText(path.join(dir, "big.yaml"), "servers file", 100)).message).toBe(
      `${path.join(dir, "big.yaml")}: servers file is 101 bytes, over the 100-byte limit`,
    );
  });

  test("WHEN bytes are not UTF-8 THEN the error names the line; a BOM is dropped", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "bad.yaml"), Buffer.concat([Buffer.from("a: 1\nb: "), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]));
    fs.writeFileSync(path.join(dir, "bom.yaml"), "\ufeffa: 1\n");
    const e = catchErr(() => readInputText(path.join(dir, "bad.yaml"), "config", 1000));
    expect(e.message).toBe(`${path.join(dir, "bad.yaml")}:2: config is not valid UTF-8 text`);
    expect(e.line).toBe(2);
    expect(readInputText(path.join(dir, "bom.yaml"), "config", 1000)).toBe("a: 1\n");
  });
});

describe("GIVEN checkInputText (text handed over in-process)", () => {
  test("THEN the same size and NUL limits apply as for files", () => {
    expect(catchErr(() => checkInputText("é".repeat(60), "values.yaml", "Helm values", 100)).message).toBe(
      "values.yaml: Helm values is 120 bytes, over the 100-byte limit",
    );
    expect(catchErr(() => checkInputText("a: 1\nb: \u0000\n", "values.yaml", "Helm values", 100)).message).toBe(
      "values.yaml:2: Helm values contains a NUL byte (binary file?)",
    );
    expect(checkInputText("\ufeffa: 1\n", "v", "Helm values", 100)).toBe("a: 1\n");
  });
});

describe("GIVEN loadYamlBounded", () => {
  test("WHEN the YAML is invalid THEN a YamlSyntaxError carries file, line, column and reason", () => {
    const e = catchErr(() => loadYamlBounded("a: [\n", "c.yaml", "config"));
    expect(e).toBeInstanceOf(YamlSyntaxError);
    expect(e.message).toMatch(/^c\.yaml:2:1: config is not valid YAML: unexpected end of the stream within a flow collection$/);
    expect((e as YamlSyntaxError).reason).toBe("unexpected end of the stream within a flow collection");
  });

  test("WHEN keys are duplicated THEN it is an error by default and last-wins only when the caller asks", () => {
    expect(catchErr(() => loadYamlBounded("a: 1\na: 2\n", "c.yaml", "config")).message).toMatch(
      /^c\.yaml:2:\d+: config is not valid YAML: duplicated mapping key/,
    );
    expect(loadYamlBounded("a: 1\na: 2\n", "c.yaml", "config", { duplicateKeys: "last-wins" })).toEqual({ a: 2 });
  });

  test("WHEN the text holds several documents THEN loadYamlBounded refuses and loadAllYamlBounded reads them all", () => {
    expect(catchErr(() => loadYamlBounded("a: 1\n---\nb: 2\n", "c.yaml", "config")).message).toMatch(
      /^c\.yaml: config is not valid YAML: expected a single document in the stream/,
    );
    expect(loadAllYamlBounded("a: 1\n---\nb: 2\n", "m.yaml", "manifest")).toEqual([{ a: 1 }, { b: 2 }]);
  });

  test("WHEN limits are passed THEN bytes, expanded nodes and depth are bounded by them", () => {
    expect(catchErr(() => loadYamlBounded("a: 12345\n", "c.yaml", "config", { maxBytes: 4 })).message).toBe("c.yaml: config is 9 bytes, over the 4-byte limit");
    expect(catchErr(() => loadYamlBounded(bomb(3), "c.yaml", "config", { maxNodes: 500 })).message).toBe(
      "c.yaml: config expands to more than 500 nodes (YAML alias bomb?) near a2[4][4][8]",
    );
    expect(loadYamlBounded(bomb(3), "c.yaml", "config", { maxNodes: 5000 })).toHaveProperty("a2");
    expect(catchErr(() => loadYamlBounded("a: [[[1]]]\n", "c.yaml", "config", { maxDepth: 3 })).message).toBe(
      "c.yaml: config nests deeper than 3 levels (recursive alias?) at a[0][0]",
    );
  });

  test("WHEN the default limits meet a billion-laughs document THEN it fails fast", () => {
    const start = Date.now();
    expect(catchErr(() => loadYamlBounded(bomb(10), "c.yaml", "config")).message).toMatch(
      /^c\.yaml: config expands to more than 2000000 nodes \(YAML alias bomb\?\)/,
    );
    expect(Date.now() - start).toBeLessThan(5000);
  });

  test("WHEN nesting is too deep for the recursive parser THEN the error says so (no RangeError escapes)", () => {
    const deep = "a: " + "[".repeat(20000) + "]".repeat(20000) + "\n";
    expect(catchErr(() => loadYamlBounded(deep, "c.yaml", "config")).message).toBe("c.yaml: config nests too deeply to parse (deeper than 64 levels)");
  });
});

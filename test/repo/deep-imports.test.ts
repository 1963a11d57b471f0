import * as fs from "fs";
import * as path from "path";

// Provider package roots load every resource class (aws alone ≈ 2 s and 550 MB per process),
// so lib/, stacks/ and examples/ must use deep imports such as "@cdktf/provider-aws/lib/vpc".
const ROOT = path.resolve(__dirname, "../..");
const PROVIDERS = ["aws", "azurerm", "google", "helm", "kubernetes"];
const ROOT_IMPORT = new RegExp(String.raw`(?:from\s+|require\(\s*|import\(\s*)["']@cdktf/provider-(?:${PROVIDERS.join("|")})["']`);

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "gen" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|js)$/.test(entry.name) ? [full] : [];
  });
}

export function rootImportOffenders(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(file, "utf8")
      .split("\n")
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => ROOT_IMPORT.test(line))
      .map(({ i }) => `${path.relative(ROOT, file)}:${i + 1}`),
  );
}

describe("deep imports only", () => {
  test("GIVEN lib/, stacks/ and examples/ WHEN scanned THEN no provider package root is imported", () => {
    const files = ["lib", "stacks", "examples"].flatMap((d) => sourceFiles(path.join(ROOT, d)));
    expect(files.length).toBeGreaterThan(0);
    expect(rootImportOffenders(files)).toEqual([]);
  });

  test("GIVEN a file importing a package root WHEN scanned THEN it is reported with its line", () => {
    const tmp = fs.mkdtempSync(path.join(require("os").tmpdir(), "vca-deep-"));
    const bad = path.join(tmp, "bad.ts");
    fs.writeFileSync(bad, 'import { Vpc } from "@cdktf/provider-aws/lib/vpc";\nimport * as aws from "@cdktf/provider-aws";\n');
    expect(rootImportOffenders([bad])).toEqual([expect.stringMatching(/bad\.ts:2$/)]);
  });
});

describe("cdktf seam", () => {
  test("GIVEN lib/ and stacks/ WHEN scanned THEN only lib/core/cdktf.ts imports the cdktf package", () => {
    const files = ["lib", "stacks"].flatMap((d) => sourceFiles(path.join(ROOT, d)));
    const offenders = files
      .filter((f) => !f.endsWith(path.join("lib", "core", "cdktf.ts")))
      .filter((f) => /(?:from\s+|require\(\s*)["']cdktf(?:\/[^"']*)?["']/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});

describe("layering", () => {
  test("GIVEN lib/ WHEN scanned THEN nothing in the library imports from stacks/ or examples/", () => {
    // lib/index.ts re-exports the stacks as part of the public API; nothing else may depend on them.
    const offenders = sourceFiles(path.join(ROOT, "lib"))
      .filter((f) => f !== path.join(ROOT, "lib/index.ts"))
      .filter((f) => /from\s+["'](?:\.\.\/)+(?:stacks|examples)(?:\/[^"']*)?["']/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  test("GIVEN lib/dcf WHEN scanned THEN the pure model imports no cdktf and no constructs", () => {
    const offenders = sourceFiles(path.join(ROOT, "lib/dcf"))
      .filter((f) => /from\s+["'](?:cdktf|constructs|(?:\.\.\/)+core\/cdktf)["']/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});

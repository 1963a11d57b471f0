import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// Comments cite the design and the research notes by path ("docs/research/cloud-stacks.md §2.1").
// The next engineer must be able to open every one of them, so each cited file must exist in the
// repository, and nothing may cite the workplace's shared folder or the old "DESIGN §" page.
const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["lib", "stacks", "examples", "scripts", "bin", "test"];
const CITATION = /\bdocs\/[A-Za-z0-9_./-]+\.md\b/g;
const STALE = /\.\.\/shared\b|\bDESIGN §|\bresearch [a-z-]+\.md\b/;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return ["gen", "node_modules", "__snapshots__", "fixtures"].includes(entry.name) ? [] : sourceFiles(full);
    }
    return /\.(ts|js)$/.test(entry.name) ? [full] : [];
  });
}

export function brokenCitations(files: readonly string[], root: string): string[] {
  const broken: string[] = [];
  for (const file of files) {
    fs.readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        const where = `${path.relative(root, file)}:${i + 1}`;
        for (const cited of line.match(CITATION) ?? []) {
          if (!fs.existsSync(path.join(root, cited))) broken.push(`${where} cites ${cited}, which does not exist`);
        }
        if (STALE.test(line)) broken.push(`${where} cites a document outside the repository`);
      });
  }
  return broken;
}

describe("comment citations resolve to files in the repository", () => {
  test("GIVEN the source tree WHEN every docs/… citation is checked THEN each cited file exists", () => {
    // This file quotes broken citations on purpose.
    const files = SCANNED.flatMap((d) => sourceFiles(path.join(ROOT, d))).filter((f) => f !== __filename);
    expect(files.length).toBeGreaterThan(100);
    expect(brokenCitations(files, ROOT)).toEqual([]);
  });

  test("GIVEN a file citing a missing note and the old design page WHEN checked THEN both lines are reported", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vca-cite-"));
    const file = path.join(tmp, "a.ts");
    fs.writeFileSync(file, "// see docs/research/nowhere.md §1\n// (DESIGN §7)\n// fine\n");
    expect(brokenCitations([file], tmp)).toEqual([
      "a.ts:1 cites docs/research/nowhere.md, which does not exist",
      "a.ts:2 cites a document outside the repository",
    ]);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});

// Every test asserts behaviour: none rests on a snapshot alone (`jest -u` would accept any change),
// on `not.toThrow` alone, or on nothing; and no snapshot records a value that says nothing.
import * as fs from "fs";
import * as path from "path";

const { weakTests } = require("../../scripts/lint/weak-tests.js") as { weakTests: () => Array<{ file: string; line: number; kind: string; title: string }> };

const ROOT = path.join(__dirname, "../..");

function snapshotFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? snapshotFiles(p) : e.name.endsWith(".snap") ? [p] : [];
  });
}

test("GIVEN the test suites THEN no test's only assertion is a snapshot or not.toThrow (list them: node scripts/lint/weak-tests.js)", () => {
  expect(weakTests().map((w) => `${w.file}:${w.line} ${w.kind}: ${w.title}`)).toEqual([]);
});

test("GIVEN the committed snapshots THEN none records undefined, null or an empty value", () => {
  const empty = snapshotFiles(path.join(ROOT, "test")).flatMap((file) =>
    [...fs.readFileSync(file, "utf8").matchAll(/^exports\[`(.*)`\] = `(undefined|null|\[\]|\{\}|"")`;$/gm)].map(
      (m) => `${path.relative(ROOT, file)}: ${m[1]} = ${m[2]}`,
    ),
  );
  expect(empty).toEqual([]);
});

// All-or-nothing output (docs/ARCHITECTURE.md §6, review item 2): staged first, outDir created only after
// staging, every replaced file backed up, and any failure mid-way rolled back completely.
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeFilesAtomically } from "../../lib/util/atomic-write";
import { UserInputError } from "../../lib/util/errors";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "vca-atomic-"));

/** path → sha256 (or "<dir>") of everything below root, so a test can prove nothing changed. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        out[path.relative(root, p)] = "<dir>";
        walk(p);
      } else out[path.relative(root, p)] = crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");
    }
  };
  walk(root);
  return out;
}

function thrown(fn: () => void): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a throw");
}

describe("GIVEN an output dir that does not exist yet", () => {
  test("WHEN writing THEN missing parents are created, files land and no staging dir is left anywhere", () => {
    const root = tmp();
    const out = path.join(root, "a", "b", "out");
    writeFilesAtomically(
      out,
      new Map([
        ["x.yaml", "x\n"],
        ["sub/y.json", "{}\n"],
      ]),
    );
    expect(tree(root)).toEqual({
      a: "<dir>",
      "a/b": "<dir>",
      "a/b/out": "<dir>",
      "a/b/out/sub": "<dir>",
      "a/b/out/sub/y.json": expect.any(String),
      "a/b/out/x.yaml": expect.any(String),
    });
    expect(fs.readFileSync(path.join(out, "x.yaml"), "utf8")).toBe("x\n");
  });

  test("WHEN a write fails mid-way THEN the new output dir and its parents are gone again", () => {
    const root = tmp();
    const out = path.join(root, "new", "out");
    // "a.txt" is installed first; "a.txt/b" then needs a.txt to be a directory → ENOTDIR mid-way.
    const err = thrown(() =>
      writeFilesAtomically(
        out,
        new Map([
          ["a.txt", "1"],
          ["a.txt/b", "2"],
        ]),
      ),
    );
    expect(err).toBeInstanceOf(UserInputError);
    expect(err.message).toMatch(/cannot write output \(ENOTDIR\); nothing was changed$/);
    expect(tree(root)).toEqual({});
  });
});

describe("GIVEN an output dir with committed files", () => {
  function committed(): { out: string; before: Record<string, string> } {
    const out = tmp();
    fs.writeFileSync(path.join(out, "a.yaml"), "old a\n");
    fs.writeFileSync(path.join(out, "keep.txt"), "not ours\n");
    fs.writeFileSync(path.join(out, "stale.yaml"), "old stale\n");
    return { out, before: tree(out) };
  }

  test("WHEN writing THEN targets are replaced, other files untouched, `remove` deletes stale outputs", () => {
    const { out } = committed();
    writeFilesAtomically(
      out,
      new Map([
        ["a.yaml", "new a\n"],
        ["b.yaml", "new b\n"],
      ]),
      { remove: ["stale.yaml", "never-existed.yaml"] },
    );
    expect(fs.readdirSync(out).sort()).toEqual(["a.yaml", "b.yaml", "keep.txt"]);
    expect(fs.readFileSync(path.join(out, "a.yaml"), "utf8")).toBe("new a\n");
    expect(fs.readFileSync(path.join(out, "keep.txt"), "utf8")).toBe("not ours\n");
  });

  test("WHEN the last target is a directory (injected failure after two renames) THEN everything is rolled back byte for byte", () => {
    const { out } = committed();
    fs.mkdirSync(path.join(out, "z.yaml"));
    const before = tree(out);
    const err = thrown(() =>
      writeFilesAtomically(
        out,
        new Map([
          ["a.yaml", "new a\n"],
          ["b.yaml", "new b\n"],
          ["z.yaml", "z\n"],
        ]),
        { remove: ["stale.yaml"] },
      ),
    );
    expect(err).toBeInstanceOf(UserInputError);
    expect(err.message).toBe(`${path.join(out, "z.yaml")}: is a directory, cannot write a file there; nothing was changed`);
    expect(tree(out)).toEqual(before);
    expect(fs.readFileSync(path.join(out, "a.yaml"), "utf8")).toBe("old a\n");
  });

  test("WHEN a removal target is a directory THEN the already installed files are rolled back too", () => {
    const { out } = committed();
    fs.mkdirSync(path.join(out, "gone.yaml"));
    const before = tree(out);
    expect(() => writeFilesAtomically(out, new Map([["a.yaml", "new a\n"]]), { remove: ["gone.yaml"] })).toThrow(/gone\.yaml: is a directory/);
    expect(tree(out)).toEqual(before);
  });
});

describe("GIVEN bad output locations", () => {
  test("WHEN outDir is a file THEN bad input and nothing written", () => {
    const root = tmp();
    const file = path.join(root, "out");
    fs.writeFileSync(file, "x");
    expect(() => writeFilesAtomically(file, new Map([["a", "1"]]))).toThrow(new UserInputError(`${file}: exists and is not a directory`));
    expect(tree(root)).toEqual({ out: expect.any(String) });
  });

  test("WHEN a name escapes outDir THEN it is refused before anything is staged", () => {
    const root = tmp();
    expect(() => writeFilesAtomically(path.join(root, "out"), new Map([["../evil", "1"]]))).toThrow(/refusing to write outside/);
    expect(tree(root)).toEqual({});
  });
});

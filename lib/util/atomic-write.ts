import * as fs from "fs";
import * as path from "path";

/**
 * Writes a set of files all-or-nothing: everything goes to a temp folder beside the target
 * first, then each file is renamed into place. Callers compute every output before calling,
 * so a failure earlier leaves no file created or changed (DESIGN §6).
 */
export function writeFilesAtomically(outDir: string, files: ReadonlyMap<string, string>): void {
  fs.mkdirSync(outDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(outDir, ".vca-tmp-"));
  try {
    const staged: Array<[string, string]> = [];
    for (const [rel, content] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (path.isAbsolute(rel) || rel.split(/[\\/]/).includes("..")) {
        throw new Error(`refusing to write outside ${outDir}: ${rel}`);
      }
      const tmp = path.join(staging, rel.split(/[\\/]/).join("__"));
      fs.writeFileSync(tmp, content);
      staged.push([tmp, path.join(outDir, rel)]);
    }
    for (const [tmp, target] of staged) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(tmp, target);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

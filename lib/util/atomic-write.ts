import * as fs from "fs";
import * as path from "path";
import { UserInputError } from "./errors";
import { withOutputLock } from "./output-lock";

export interface AtomicWriteOptions {
  /**
   * Files (relative to outDir) to delete in the same transaction — outputs a previous run wrote
   * that this run no longer produces. Missing files are ignored.
   * @default - delete nothing
   */
  readonly remove?: readonly string[] | ((outDir: string) => readonly string[]);
  /**
   * The command's input files: writing or removing any of them is refused (exit 2), so `--out`
   * may point at the inputs' folder only when no output has an input's name.
   * @default - none
   */
  readonly inputs?: readonly string[];
}

/**
 * Writes a set of files all-or-nothing (docs/ARCHITECTURE.md §6: on failure no output file is created or
 * changed, and no empty output dir is left behind):
 * 1. every file is staged in a temp dir first — inside outDir when it exists (same file system,
 *    so renames cannot fail with EXDEV, e.g. when --out is a mount point), else beside the
 *    directories that must be created; outDir is only created once staging succeeded;
 * 2. each existing target is moved into the staging dir as a backup, then the staged file is
 *    renamed into place;
 * 3. any error rolls every step back (new files removed, backups restored, created dirs removed).
 * Callers compute every output before calling, so an earlier failure writes nothing at all.
 */
export function writeFilesAtomically(outDir: string, files: ReadonlyMap<string, string>, opts: AtomicWriteOptions = {}): void {
  // Under the output lock, so a concurrent run into the same directory cannot interleave.
  withOutputLock(outDir, () => writeLocked(outDir, files, opts));
}

function writeLocked(outDir: string, files: ReadonlyMap<string, string>, opts: AtomicWriteOptions): void {
  const out = path.resolve(outDir);
  const remove = typeof opts.remove === "function" ? opts.remove(outDir) : opts.remove;
  const writes = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rel, content]) => ({ rel: checkRelative(outDir, rel), content }));
  const removals = [...new Set(remove ?? [])]
    .filter((rel) => !files.has(rel))
    .sort()
    .map((rel) => checkRelative(outDir, rel));
  refuseInputs(outDir, [...writes.map((w) => w.rel), ...removals], opts.inputs ?? []);
  const outExists = isDirectory(out, outDir);
  const stagingRoot = outExists ? out : nearestExistingAncestor(out);
  let staging: string;
  try {
    staging = fs.mkdtempSync(path.join(stagingRoot, ".vca-tmp-"));
  } catch (err) {
    throw new UserInputError(`${outDir}: cannot write output (${(err as NodeJS.ErrnoException).code ?? String(err)} in ${stagingRoot})`);
  }
  const tx = new Transaction(staging);
  let committed = false;
  try {
    const staged = writes.map(({ rel, content }, i) => {
      const tmp = path.join(staging, `new-${i}`);
      fs.writeFileSync(tmp, content);
      return { tmp, target: path.join(out, rel), rel };
    });
    for (const { tmp, target, rel } of staged) {
      tx.mkdirs(path.dirname(target));
      tx.backup(target, rel, outDir);
      tx.install(tmp, target);
    }
    for (const rel of removals) tx.backup(path.join(out, rel), rel, outDir);
    committed = true;
  } catch (err) {
    const failed = tx.rollback();
    if (failed.length > 0) {
      // Keep the staging dir: it holds the backups the user needs to restore by hand.
      throw new UserInputError(`${outDir}: write failed (${describe(err)}) and rollback is incomplete — restore by hand from ${staging}: ${failed.join("; ")}`);
    }
    fs.rmSync(staging, { recursive: true, force: true });
    if (err instanceof UserInputError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (typeof e?.code === "string") throw new UserInputError(`${e.path ?? outDir}: cannot write output (${e.code}); nothing was changed`);
    throw err;
  } finally {
    if (committed) fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The steps done so far, undone in reverse on failure. */
class Transaction {
  private readonly undo: Array<{ readonly what: string; readonly run: () => void }> = [];
  private backups = 0;

  constructor(private readonly staging: string) {}

  /** Creates missing directories (outermost first), remembering each for rollback. */
  mkdirs(dir: string): void {
    const missing: string[] = [];
    for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) {
      missing.unshift(d);
      if (path.dirname(d) === d) break;
    }
    for (const d of missing) {
      fs.mkdirSync(d);
      this.undo.push({ what: `remove directory ${d}`, run: () => fs.rmdirSync(d) });
    }
  }

  /** Moves an existing file out of the way (into staging); a directory in its place is an error. */
  backup(target: string, rel: string, outDir: string): void {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      throw err;
    }
    if (st.isDirectory()) throw new UserInputError(`${path.join(outDir, rel)}: is a directory, cannot write a file there; nothing was changed`);
    const saved = path.join(this.staging, `old-${this.backups++}`);
    fs.renameSync(target, saved);
    this.undo.push({ what: `restore ${target} from ${saved}`, run: () => fs.renameSync(saved, target) });
  }

  install(tmp: string, target: string): void {
    fs.renameSync(tmp, target);
    this.undo.push({ what: `remove new ${target}`, run: () => fs.rmSync(target, { force: true }) });
  }

  /** Undoes every step; returns the steps that failed (empty = fully rolled back). */
  rollback(): string[] {
    const failed: string[] = [];
    for (const step of this.undo.reverse()) {
      try {
        step.run();
      } catch (err) {
        failed.push(`${step.what}: ${describe(err)}`);
      }
    }
    this.undo.length = 0;
    return failed;
  }
}

function checkRelative(outDir: string, rel: string): string {
  const parts = rel.split(/[\\/]/);
  if (rel === "" || path.isAbsolute(rel) || parts.includes("..") || parts.includes("")) {
    throw new Error(`refusing to write outside ${outDir}: ${JSON.stringify(rel)}`);
  }
  return parts.join(path.sep);
}

/** True when `dir` is a directory, false when it does not exist; anything else is bad input. */
function isDirectory(dir: string, shown: string): boolean {
  try {
    if (fs.statSync(dir).isDirectory()) return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw new UserInputError(`${shown}: cannot use as output directory (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  throw new UserInputError(`${shown}: exists and is not a directory`);
}

function nearestExistingAncestor(dir: string): string {
  let d = path.dirname(dir);
  while (!fs.existsSync(d) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
}

function describe(err: unknown): string {
  if (err instanceof UserInputError) return err.message;
  const e = err as NodeJS.ErrnoException;
  return typeof e?.code === "string" ? `${e.code}${e.path ? ` ${e.path}` : ""}` : String(err);
}

/** Exit 2 when an output (or a removal) would replace one of the command's input files. */
function refuseInputs(outDir: string, rels: readonly string[], inputs: readonly string[]): void {
  const ids = new Map<string, string>();
  for (const input of inputs) {
    const id = fileIdentity(input);
    if (id !== undefined) ids.set(id, input);
  }
  if (ids.size === 0) return;
  for (const rel of rels) {
    const id = fileIdentity(path.join(outDir, rel));
    const input = id === undefined ? undefined : ids.get(id);
    if (input !== undefined) {
      throw new UserInputError(
        `${path.join(outDir, rel)}: is the input file ${input}; --out must not overwrite the inputs (choose another directory); nothing was changed`,
      );
    }
  }
}

/** device:inode of an existing file (symlinks followed, hard links equal), else undefined. */
function fileIdentity(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

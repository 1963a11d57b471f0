// One writer per output directory at a time: two `vca shim` runs into the same --out must never
// interleave their renames (files from both). The lock is a directory in the OS temp dir named by
// the output path (mkdir is atomic), holding the owner's pid so a crashed run's lock is taken over.
// It never appears in the user's tree.
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { UserInputError } from "./errors";
import { PROGRAM_NAME } from "./program-name";

/** How long a second writer waits for the first before giving up with exit 2. */
export const OUTPUT_LOCK_WAIT_MS = 30_000;
const POLL_MS = 25;

export function withOutputLock<T>(outDir: string, run: () => T, waitMs = OUTPUT_LOCK_WAIT_MS): T {
  const resolved = path.resolve(outDir);
  const lock = path.join(os.tmpdir(), `vca-out-${createHash("sha256").update(resolved).digest("hex").slice(0, 24)}.lock`);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST")
        throw new UserInputError(`${outDir}: cannot lock the output directory (${(err as NodeJS.ErrnoException).code ?? String(err)} at ${lock})`);
      if (ownerIsGone(lock)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() >= deadline)
        throw new UserInputError(
          `${outDir}: another ${PROGRAM_NAME} run is writing this output directory (lock ${lock}); nothing was changed — retry when it has finished`,
        );
      sleep(POLL_MS);
    }
  }
  try {
    return run();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The lock's owner process no longer runs (or the lock has no owner after a grace period). */
function ownerIsGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lock, "pid"), "utf8"));
  } catch {
    // Created but pid not written yet, or written by a run that died in between: give it a moment.
    try {
      return Date.now() - fs.statSync(lock).mtimeMs > 5_000;
    } catch {
      return true;
    }
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

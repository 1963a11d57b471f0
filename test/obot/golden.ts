import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const GOLDEN_DIR = path.join(__dirname, "..", "fixtures", "obot", "golden");
/** Where a mismatching output is left for review; tests never write into the repository. */
const ACTUAL_DIR = path.join(os.tmpdir(), `vca-obot-golden-${process.pid}`);

/**
 * Compares text to a committed golden file. On a mismatch the actual text is written under a temp
 * directory and the failure says how to review and accept it.
 */
export function expectGolden(rel: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, rel);
  const golden = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  if (golden === actual) return;
  const out = path.join(ACTUAL_DIR, rel);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, actual);
  const committed = path.relative(process.cwd(), file);
  try {
    expect(actual).toBe(golden ?? "(no golden file)");
  } catch (e) {
    (e as Error).message =
      `${committed} differs from the output (left in ${out}); if the change is intended: cp ${out} ${committed}\n\n${(e as Error).message}`;
    throw e;
  }
}

import * as fs from "fs";
import * as path from "path";

/** Compares text to a committed golden file; UPDATE_GOLDEN=1 rewrites it. */
export function expectGolden(rel: string, actual: string): void {
  const file = path.join(__dirname, "..", "fixtures", "obot", "golden", rel);
  if (process.env.UPDATE_GOLDEN === "1") {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  expect(actual).toBe(fs.readFileSync(file, "utf8"));
}

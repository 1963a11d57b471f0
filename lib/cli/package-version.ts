// `--version`: read from the package's own package.json, found by walking up from this module
// (dist/lib/cli in the tarball, lib/cli under ts-jest), so the version has one source of truth.
import * as fs from "fs";
import * as path from "path";
import { PROGRAM_NAME } from "../util/program-name";

export function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === PROGRAM_NAME && typeof pkg.version === "string") return pkg.version;
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
}

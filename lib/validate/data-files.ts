import * as fs from "fs";
import * as path from "path";

// Vendored data files live in lib/ (shipped as-is, see package.json "files"); compiled code
// runs from dist/lib/validate, sources (jest) from lib/validate. Try both layouts.
// dist/cdktn/lib/validate: the CDK Terrain build (scripts/build/cdktn-flavor.js) is one level deeper.
const CANDIDATE_ROOTS = [path.join(__dirname, ".."), path.join(__dirname, "..", "..", "..", "lib"), path.join(__dirname, "..", "..", "..", "..", "lib")];

/** Absolute path of a data file given relative to lib/ (e.g. `aviatrix/schema/provider-schema.json`). */
export function libDataFile(relative: string): string {
  for (const root of CANDIDATE_ROOTS) {
    const candidate = path.join(root, relative);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`vendored data file lib/${relative} not found (looked in ${CANDIDATE_ROOTS.join(", ")})`);
}

/** Absolute path of an optional data file given relative to lib/ (build output such as lib/config/gen/), or undefined. */
export function optionalLibDataFile(relative: string): string | undefined {
  return CANDIDATE_ROOTS.map((root) => path.join(root, relative)).find((candidate) => fs.existsSync(candidate));
}

const parsed = new Map<string, unknown>();

/** A vendored JSON file, parsed once per process (shared by its readers; treat it as read-only). */
export function readJsonDataFile<T>(relative: string): T {
  if (!parsed.has(relative)) parsed.set(relative, JSON.parse(fs.readFileSync(libDataFile(relative), "utf8")));
  return parsed.get(relative) as T;
}

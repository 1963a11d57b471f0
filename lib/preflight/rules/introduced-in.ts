// introduced_in of lib/aviatrix/schema/provider-constraints.json, loaded once on first use
// (the file is 200 KB; stacks without Aviatrix resources never read it).
import * as fs from "fs";
import * as path from "path";

type Table = Readonly<Record<string, Readonly<Record<string, string>>>>;
let cached: Table | undefined;

export function introducedIn(): Table {
  if (!cached) {
    const file = constraintsFile();
    const raw = JSON.parse(fs.readFileSync(file, "utf8")) as { introduced_in: Record<string, unknown> };
    cached = Object.fromEntries(
      Object.entries(raw.introduced_in).filter(([k, v]) => !k.startsWith("_") && k !== "removed_or_gap" && v && typeof v === "object"),
    ) as Table;
  }
  return cached;
}

/** The constraints file ships under lib/aviatrix/schema (also in the npm package: package.json "files"). */
function constraintsFile(): string {
  const candidates = [
    path.resolve(__dirname, "../../aviatrix/schema/provider-constraints.json"),
    path.resolve(__dirname, "../../../../lib/aviatrix/schema/provider-constraints.json"),
  ];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`provider-constraints.json not found (looked in ${candidates.join(", ")})`);
  return found;
}

// introduced_in of lib/aviatrix/schema/provider-constraints.json, loaded once on first use
// (the file is 200 KB; stacks without Aviatrix resources never read it).
import { readJsonDataFile } from "../../validate/data-files";

type Table = Readonly<Record<string, Readonly<Record<string, string>>>>;
let cached: Table | undefined;

export function introducedIn(): Table {
  if (!cached) {
    const raw = readJsonDataFile<{ introduced_in: Record<string, unknown> }>("aviatrix/schema/provider-constraints.json");
    cached = Object.fromEntries(
      Object.entries(raw.introduced_in).filter(([k, v]) => !k.startsWith("_") && k !== "removed_or_gap" && v && typeof v === "object"),
    ) as Table;
  }
  return cached;
}

import * as fs from "fs";
import * as path from "path";
import { Preflight } from "../../lib/preflight/preflight";
import { renderRulesMarkdown } from "../../lib/preflight/rules-md";

const RULES_MD = path.join(__dirname, "../../RULES.md");

describe("RULES.md", () => {
  test("GIVEN the rule metadata WHEN RULES.md is rendered THEN the committed file is up to date", () => {
    // Checked, never written here: `npm run rules-md` regenerates the file.
    const stale = fs.readFileSync(RULES_MD, "utf8") !== renderRulesMarkdown(Preflight.rules());
    if (stale) throw new Error("RULES.md is stale: run `npm run rules-md` and commit the result");
  });

  test("GIVEN every rule THEN RULES.md lists it with severity, cause and whether it can be acknowledged", () => {
    const md = renderRulesMarkdown(Preflight.rules());
    for (const r of Preflight.rules()) {
      expect(md).toContain(`| [${r.id}](#${r.id.toLowerCase()}) | ${r.severity} | ${r.suppressible ? "yes" : "no"} |`);
      expect(md).toContain(`### ${r.id}\n`);
    }
  });

  test("GIVEN the catalogue THEN ids are unique and follow AVX-<AREA><N>", () => {
    const ids = Preflight.rules().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of Preflight.rules()) expect(r.id).toMatch(new RegExp(`^AVX-${r.area}\\d+$`));
  });
});

import * as fs from "fs";
import * as path from "path";
import { Preflight } from "../../lib/preflight/preflight";
import { renderRulesMarkdown } from "../../lib/preflight/rules-md";

const RULES_MD = path.join(__dirname, "../../RULES.md");

describe("RULES.md", () => {
  test("GIVEN the rule metadata WHEN RULES.md is rendered THEN the committed file is up to date", () => {
    const expected = renderRulesMarkdown(Preflight.rules());
    if (process.env.UPDATE_RULES_MD === "1") fs.writeFileSync(RULES_MD, expected);
    // Stale? Run: UPDATE_RULES_MD=1 npx jest test/preflight/rules-md
    expect(fs.readFileSync(RULES_MD, "utf8")).toBe(expected);
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

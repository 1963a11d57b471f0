// The README's pictures (docs/diagrams, one per blueprint) are what the blueprints draw today, and
// every rendered SVG names every rule and group of its policy.
import * as fs from "fs";
import * as path from "path";
import { blueprintDiagrams, blueprintPolicies, BlueprintPolicy, DIAGRAMS_DIR, REGENERATE } from "../../examples/blueprints/diagrams";
import { BLUEPRINT_STACK_IDS } from "../../examples/blueprints/app";
import { sharedBlueprintsOut } from "../support/shared-blueprints";

const ROOT = path.join(__dirname, "../..");
let policies: BlueprintPolicy[];
let files: Map<string, string>;

beforeAll(async () => {
  // The shared synth (test/support/shared-blueprints.ts) is in enforce mode, the mode the pictures show.
  policies = await blueprintPolicies(path.join(ROOT, "examples/blueprints"), sharedBlueprintsOut());
  files = await blueprintDiagrams(policies);
}, 120_000);

/** The text the SVG shows: every <text> element, XML entities decoded, one per line. */
function svgText(svg: string): string {
  const decode = (s: string) =>
    s
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1])).join("\n");
}

test(`GIVEN the blueprints WHEN drawn THEN ${DIAGRAMS_DIR} holds exactly those pictures (else: ${REGENERATE})`, () => {
  const dir = path.join(ROOT, DIAGRAMS_DIR);
  const committed = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => /\.(svg|mmd)$/.test(f))
        .sort()
    : [];
  const stale = [...files]
    .filter(([name, content]) => !committed.includes(name) || fs.readFileSync(path.join(dir, name), "utf8") !== content)
    .map(([name]) => name);
  const extra = committed.filter((name) => !files.has(name));
  if (stale.length + extra.length > 0) {
    throw new Error(
      `${DIAGRAMS_DIR} is stale (${[...stale, ...extra.map((e) => `${e} (no longer drawn)`)].join(", ")}): run \`${REGENERATE}\` and commit the result`,
    );
  }
});

test("GIVEN the README WHEN read THEN it shows one committed picture per blueprint", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  for (const id of BLUEPRINT_STACK_IDS) expect(readme).toContain(`](${DIAGRAMS_DIR}/${id}.svg)`);
});

test("GIVEN each blueprint's SVG WHEN read THEN it is an SVG document naming every rule, group and WebGroup its rules use", () => {
  for (const { id, model } of policies) {
    const svg = files.get(`${id}.svg`) as string;
    expect(svg).toMatch(/^<\?xml [^>]*\?>\s*<!DOCTYPE svg[\s\S]*<svg [\s\S]*<\/svg>\s*$/);
    const names = new Set<string>();
    for (const r of model.rules) {
      names.add(r.name);
      for (const k of r.dstGroups) names.add(model.smartGroups[k].name);
      for (const k of r.webGroups) names.add(`WebGroup ${model.webGroups[k].name}`);
      for (const k of r.srcGroups) {
        // A FirewallPolicy rule's own selector is drawn as "<namespace>/<policy> pods".
        const crd = /^k8s:(.+)\/src\//.exec(k);
        names.add(crd ? `${crd[1]} pods` : model.smartGroups[k].name);
      }
    }
    expect(model.rules.length).toBeGreaterThan(0);
    const text = svgText(svg);
    const absent = [...names].filter((n) => !text.includes(n));
    expect({ id, absent }).toEqual({ id, absent: [] });
    expect(text).toContain("default action");
  }
});

// The package root's API is an explicit list: this snapshot makes every addition, removal or
// rename a deliberate, reviewed change (update with `npx jest test/repo/public-api -u`).
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const INDEX = path.join(__dirname, "../../lib/index.ts");

interface ExportedName {
  readonly name: string;
  readonly kind: "value" | "type";
  readonly from: string;
}

/** Reads lib/index.ts syntactically: the names it exports, whether each is a value or type-only, and from where. */
function declaredExports(): { names: ExportedName[]; starExports: string[] } {
  const source = ts.createSourceFile(INDEX, fs.readFileSync(INDEX, "utf8"), ts.ScriptTarget.Latest, true);
  const names: ExportedName[] = [];
  const starExports: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier) continue;
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    if (!statement.exportClause) {
      starExports.push(from);
      continue;
    }
    if (!ts.isNamedExports(statement.exportClause)) {
      starExports.push(from);
      continue;
    }
    for (const element of statement.exportClause.elements) {
      names.push({ name: element.name.text, kind: statement.isTypeOnly || element.isTypeOnly ? "type" : "value", from });
    }
  }
  return { names, starExports };
}

describe("public API (lib/index.ts)", () => {
  const { names, starExports } = declaredExports();

  test("GIVEN the package root WHEN read THEN it has no `export *` (every name is listed)", () => {
    expect(starExports).toEqual([]);
  });

  test("GIVEN the listed names WHEN sorted THEN they match the reviewed snapshot", () => {
    const listed = names.map((n) => `${n.name}${n.kind === "type" ? " (type)" : ""}`).sort((a, b) => a.localeCompare(b, "en"));
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toMatchSnapshot();
  });

  test("GIVEN the built module WHEN required THEN its runtime exports are exactly the listed values", () => {
    const runtime = Object.keys(require("../../lib") as Record<string, unknown>).sort();
    const values = names
      .filter((n) => n.kind === "value")
      .map((n) => n.name)
      .sort();
    expect(runtime).toEqual(values);
  });

  test("GIVEN internals the review named WHEN the root is read THEN none of them is exported", () => {
    const exported = new Set(names.map((n) => n.name));
    const internals = [
      "pass",
      "fail",
      "unknown",
      "show",
      "isToken",
      "addressOf",
      "referenceText",
      "formatMessage",
      "sniIndexKey",
      "globMatches",
      "parentDomains",
      "BUILT_IN_SMART_GROUPS",
      "BUILT_IN_WEB_GROUPS",
      "validateRule",
      "isCidrOrIp",
      "MAX_PORT_RANGES",
      "fetchMitmCa",
      "credentialsFromEnv",
      "firewallPolicies",
    ];
    expect(internals.filter((n) => exported.has(n))).toEqual([]);
    expect(exported.has("librechatFirewallPolicies")).toBe(true);
    expect(exported.has("firewallPoliciesFromYaml")).toBe(true);
  });
});

// `npm run build` compiles the construct API under jsii (scripts/build/jsii-assembly.js). These
// tests read the assembly it leaves: the classes other languages need are in it, the L1 bindings
// live in their own namespace, and no construct or stack of the root index is missing from it.
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const ASSEMBLY = path.join(ROOT, "build/jsii/.jsii");

interface JsiiType {
  readonly kind: "class" | "interface" | "enum";
  readonly fqn: string;
  readonly base?: string;
  readonly namespace?: string;
}

function readAssembly(): { name: string; types: Record<string, JsiiType>; submodules?: Record<string, unknown> } {
  if (!fs.existsSync(ASSEMBLY)) throw new Error(`${ASSEMBLY}: missing; run \`npm run build\` first`);
  return JSON.parse(fs.readFileSync(ASSEMBLY, "utf8"));
}

/** Value exports of lib/index.ts that name construct or stack classes (not constants or functions). */
function rootConstructClasses(): string[] {
  const file = path.join(ROOT, "lib/index.ts");
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const st of source.statements) {
    if (!ts.isExportDeclaration(st) || st.isTypeOnly || !st.moduleSpecifier || !st.exportClause || !ts.isNamedExports(st.exportClause)) continue;
    const from = (st.moduleSpecifier as ts.StringLiteral).text;
    if (!from.startsWith("./constructs/") && !from.startsWith("../stacks/")) continue;
    for (const el of st.exportClause.elements) {
      const name = el.name.text;
      if (/^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/.test(name)) names.push(name);
    }
  }
  return names;
}

describe("jsii assembly (build/jsii/.jsii)", () => {
  const assembly = readAssembly();
  const kindOf = (fqn: string) => assembly.types[fqn]?.kind;

  test("GIVEN the assembly WHEN read THEN it is the vca-cdktf package", () => {
    expect(assembly.name).toBe("vca-cdktf");
  });

  test.each([
    "SpokeGateway",
    "TransitGateway",
    "SpokeTransitAttachment",
    "SmartGroup",
    "WebGroup",
    "DcfPolicyPack",
    "FirewallPolicy",
    "AviatrixProvider",
    "EksVcaStack",
    "AksVcaStack",
    "GkeVcaStack",
    "AgentCoreStack",
    "FoundryByoVnetStack",
    "ControllerBaselineStack",
  ])("GIVEN the construct API WHEN compiled by jsii THEN class %s is in the assembly", (name) => {
    expect(kindOf(`vca-cdktf.${name}`)).toBe("class");
  });

  test.each([
    "SpokeGatewayProps",
    "SmartGroupProps",
    "WebGroupProps",
    "DcfPolicyPackProps",
    "DcfRuleProps",
    "EksVcaStackProps",
    "AgentCoreStackProps",
    "FoundryByoVnetStackProps",
  ])("GIVEN the construct API WHEN compiled THEN props %s is a jsii struct", (name) => {
    expect(kindOf(`vca-cdktf.${name}`)).toBe("interface");
  });

  test.each([
    ["Select", ["cidr", "k8s", "subnet", "geo", "azureIps", "feed"]],
    ["Web", ["sni", "url", "domains"]],
    ["WellKnownSmartGroups", ["publicInternet", "anywhere", "threatIq", "fromUuid"]],
    ["WellKnownWebGroups", ["allWeb", "fromUuid"]],
    ["VcaMatchers", ["register"]],
  ])("GIVEN the helper class %s WHEN compiled THEN its helpers are static methods other languages can call", (name, methods) => {
    const type = assembly.types[`vca-cdktf.${name}`] as JsiiType & { methods?: { name: string; static?: boolean }[] };
    expect(type?.kind).toBe("class");
    const statics = (type.methods ?? []).filter((m) => m.static).map((m) => m.name);
    expect(statics).toEqual(expect.arrayContaining(methods));
  });

  test("GIVEN the generated L1 bindings WHEN compiled THEN they live in the aviatrix namespace, apart from the L2 names", () => {
    expect(Object.keys(assembly.submodules ?? {})).toEqual(expect.arrayContaining(["vca-cdktf.aviatrix", "vca-cdktf.azapi"]));
    for (const name of ["AviatrixProvider", "SpokeGateway", "TransitGateway", "SpokeTransitAttachment", "SmartGroup", "WebGroup"]) {
      expect(kindOf(`vca-cdktf.aviatrix.${name}`)).toBe("class");
      expect(kindOf(`vca-cdktf.${name}`)).toBe("class");
    }
    // The L2 provider extends the L1 one: the base resolves into the namespace.
    expect(assembly.types["vca-cdktf.AviatrixProvider"].base).toBe("vca-cdktf.aviatrix.AviatrixProvider");
  });

  test("GIVEN every construct and stack class the root index exports WHEN looked up THEN each is in the assembly", () => {
    const names = rootConstructClasses();
    expect(names.length).toBeGreaterThan(30);
    const missing = names.filter((name) => kindOf(`vca-cdktf.${name}`) === undefined);
    expect(missing).toEqual([]);
  });
});

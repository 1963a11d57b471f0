// Every type a public member of the package root names is itself reachable from the root: a user
// who can call `stack.containment` can also write its type down. The L1 bindings count as
// reachable through the `aviatrix` / `azapi` namespaces the root exports.
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const INDEX = path.join(ROOT, "lib/index.ts");

function program(): ts.Program {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config;
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  return ts.createProgram([INDEX], { ...parsed.options, noEmit: true, incremental: false });
}

/** `Class.member -> Type (file)` for each public member typed with a type the root cannot reach. */
function leaks(): string[] {
  const prog = program();
  const checker = prog.getTypeChecker();
  const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const exportSymbols = checker.getExportsOfModule(checker.getSymbolAtLocation(prog.getSourceFile(INDEX)!)!);
  const rootExports = exportSymbols.map(resolve);
  // Classes exported as types only cannot be constructed from the root: their constructors do not count.
  const typeOnly = new Set(
    exportSymbols.filter((s) => s.declarations?.some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly))).map(resolve),
  );
  const reachable = new Set<ts.Symbol>(rootExports);
  for (const s of rootExports) {
    if (s.flags & ts.SymbolFlags.ValueModule) checker.getExportsOfModule(s).forEach((e) => reachable.add(resolve(e)));
  }
  const found = new Set<string>();
  const visitType = (node: ts.Node | undefined, where: string) => {
    if (!node) return;
    const visit = (n: ts.Node): void => {
      if (ts.isTypeReferenceNode(n) || ts.isExpressionWithTypeArguments(n)) {
        const target = ts.isTypeReferenceNode(n) ? n.typeName : n.expression;
        const symbol = checker.getSymbolAtLocation(target);
        if (symbol) {
          const s = resolve(symbol);
          const file = s.declarations?.[0]?.getSourceFile().fileName ?? "";
          if (!file.includes("node_modules") && !(s.flags & ts.SymbolFlags.TypeParameter) && !reachable.has(s)) {
            found.add(`${where} -> ${s.name} (${path.relative(ROOT, file)})`);
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
  };
  for (const s of rootExports) {
    for (const decl of s.declarations ?? []) {
      if (!ts.isClassDeclaration(decl) && !ts.isInterfaceDeclaration(decl)) continue;
      for (const clause of decl.heritageClauses ?? []) clause.types.forEach((t) => visitType(t, `${s.name} (heritage)`));
      for (const member of decl.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
        if (ts.getCombinedModifierFlags(member as ts.Declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
        if (member.name && ts.isPrivateIdentifier(member.name)) continue;
        if (ts.isConstructorDeclaration(member) && typeOnly.has(s)) continue;
        const where = `${s.name}.${member.name ? member.name.getText() : "constructor"}`;
        const typed = member as { type?: ts.TypeNode; parameters?: ts.NodeArray<ts.ParameterDeclaration> };
        visitType(typed.type, where);
        typed.parameters?.forEach((p) => visitType(p.type, where));
      }
    }
  }
  return [...found].sort();
}

describe("public surface (lib/index.ts)", () => {
  test("GIVEN every exported class and interface WHEN its public members' types are resolved THEN each type is reachable from the root", () => {
    expect(leaks()).toEqual([]);
  });
});

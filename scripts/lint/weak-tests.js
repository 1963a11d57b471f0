#!/usr/bin/env node
// Lists jest tests that cannot catch a regression: tests whose only assertions are snapshots
// (`jest -u` accepts any change), tests whose only assertion is `not.toThrow`, and tests with no
// assertion at all. Assertions inside functions declared in the same file and called by the test
// count as the test's own. Usage: node scripts/lint/weak-tests.js [--json] [files...]
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const SNAPSHOT = new Set(["toMatchSnapshot", "toMatchInlineSnapshot", "toThrowErrorMatchingSnapshot", "toThrowErrorMatchingInlineSnapshot"]);
const TEST_FNS = new Set(["it", "test"]);

/** `it`, `test`, `it.each(...)`, `test.only`, ... → true */
function isTestCallee(expr) {
  if (ts.isIdentifier(expr)) return TEST_FNS.has(expr.text);
  if (ts.isPropertyAccessExpression(expr)) return isTestCallee(expr.expression);
  if (ts.isCallExpression(expr)) return isTestCallee(expr.expression); // it.each(table)
  return false;
}

/** For `expect(x).not.toBe(y)` returns { matcher: "toBe", not: true }; otherwise undefined. */
function expectMatcher(call) {
  let e = call.expression;
  if (!ts.isPropertyAccessExpression(e)) return undefined;
  const matcher = e.name.text;
  let not = false;
  e = e.expression;
  while (ts.isPropertyAccessExpression(e)) {
    if (e.name.text === "not") not = true;
    e = e.expression; // .resolves / .rejects / .not
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "expect") return { matcher, not };
  return undefined;
}

function calleeName(call) {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  return undefined;
}

function analyzeFile(file) {
  const src = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  // Local functions (declarations and const arrows) whose assertions count when a test calls them.
  const locals = new Map();
  const visitDecls = (n) => {
    if (ts.isFunctionDeclaration(n) && n.name && n.body) locals.set(n.name.text, n.body);
    if (
      ts.isVariableDeclaration(n) &&
      ts.isIdentifier(n.name) &&
      n.initializer &&
      (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))
    ) {
      locals.set(n.name.text, n.initializer.body);
    }
    ts.forEachChild(n, visitDecls);
  };
  visitDecls(src);

  const summarize = (body, seen = new Set()) => {
    const out = { matchers: [], other: 0 };
    const walk = (n) => {
      if (ts.isThrowStatement(n)) out.other++; // a test that throws its own failure message
      if (ts.isCallExpression(n)) {
        const m = expectMatcher(n);
        if (m) out.matchers.push((m.not ? "not." : "") + m.matcher);
        else if (
          ts.isPropertyAccessExpression(n.expression) &&
          ts.isIdentifier(n.expression.expression) &&
          ["assert", "fc"].includes(n.expression.expression.text)
        )
          out.other++;
        else {
          const name = calleeName(n);
          if (name && locals.has(name) && !seen.has(name)) {
            seen.add(name);
            const inner = summarize(locals.get(name), seen);
            out.matchers.push(...inner.matchers);
            out.other += inner.other;
          } else if (name && /^(expect|assert|check)[A-Z]/.test(name)) out.other++; // imported assertion helpers
        }
      }
      ts.forEachChild(n, walk);
    };
    walk(body);
    return out;
  };

  const findings = [];
  const visit = (n, titles) => {
    if (ts.isCallExpression(n) && n.arguments.length >= 2) {
      const title = ts.isStringLiteralLike(n.arguments[0]) ? n.arguments[0].text : n.arguments[0].getText(src);
      if ((ts.isIdentifier(n.expression) && n.expression.text === "describe") || (ts.isPropertyAccessExpression(n.expression) && isDescribe(n.expression))) {
        ts.forEachChild(n, (c) => visit(c, [...titles, title]));
        return;
      }
      if (isTestCallee(n.expression) && !/\.(skip|todo)\b/.test(n.expression.getText(src))) {
        const fn = n.arguments.find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
        if (fn) {
          const s = summarize(fn.body);
          let kind;
          if (s.matchers.length === 0 && s.other === 0) kind = "no-assertion";
          else if (s.other === 0 && s.matchers.every((m) => SNAPSHOT.has(m))) kind = "snapshot-only";
          else if (s.other === 0 && s.matchers.every((m) => m === "not.toThrow")) kind = "not-toThrow-only";
          if (kind) {
            const line = src.getLineAndCharacterOfPosition(n.getStart(src)).line + 1;
            findings.push({ file, line, kind, title: [...titles, title].join(" > ") });
          }
          return;
        }
      }
    }
    ts.forEachChild(n, (c) => visit(c, titles));
  };
  const isDescribe = (e) => {
    while (ts.isPropertyAccessExpression(e) || ts.isCallExpression(e)) e = e.expression;
    return ts.isIdentifier(e) && e.text === "describe";
  };
  visit(src, []);
  return findings;
}

function testFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testFiles(p));
    else if (entry.name.endsWith(".test.ts")) out.push(p);
  }
  return out.sort();
}

function weakTests(root = path.join(__dirname, "..", "..")) {
  return testFiles(path.join(root, "test")).flatMap((f) => analyzeFile(f).map((x) => ({ ...x, file: path.relative(root, x.file) })));
}

module.exports = { weakTests, analyzeFile };

if (require.main === module) {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const files = args.filter((a) => a !== "--json");
  const found = files.length ? files.flatMap((f) => analyzeFile(f)) : weakTests();
  if (json) console.log(JSON.stringify(found, null, 2));
  else {
    for (const f of found) console.log(`${f.file}:${f.line}  ${f.kind}  ${f.title}`);
    const counts = {};
    for (const f of found) counts[f.kind] = (counts[f.kind] || 0) + 1;
    console.log(`${found.length} weak tests`, JSON.stringify(counts));
  }
  process.exitCode = found.length ? 1 : 0;
}

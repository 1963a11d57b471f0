// The synth-time scan judges the evaluated document only where evaluation changed it
// (lib/secrets/terraform-scan.ts). Its findings must be exactly those of judging the whole raw
// document and then the whole evaluated one (deduplicated by path, raw first): checked here
// against that direct reading, on the example app's stacks and on documents built to hit every
// case (templates in names, `{name, value}` pairs, keys under secret-named parents, lists).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildBlueprints } from "../../examples/blueprints/app";
import { TerraformStack } from "../../lib/core/cdktf";
import { documentScope } from "../../lib/dcf/terraform/document";
import { evaluateJson, isUnknown, Value } from "../../lib/dcf/terraform/expression";
import { findSecrets, SecretFinding } from "../../lib/secrets/find-secrets";
import { scanTerraformJson } from "../../lib/secrets/terraform-scan";

const SECTIONS = ["resource", "data", "provider", "output", "locals", "module", "terraform"];
const KEY = "sk-proj-Q7d9Xk2mP4vL8nR3tW6yZ1aB5cE0fG";

function strip(v: Value): unknown {
  if (isUnknown(v)) return v.text;
  if (Array.isArray(v)) return v.map(strip);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)]));
  return v;
}

/** The direct reading: every section raw, then every section fully evaluated. */
function directScan(doc: Record<string, unknown>): SecretFinding[] {
  const out = new Map<string, SecretFinding>();
  const add = (fs: readonly SecretFinding[]) => fs.forEach((f) => out.has(f.path) || out.set(f.path, f));
  const scope = documentScope(doc as never);
  for (const [name, body] of Object.entries((doc.variable ?? {}) as Record<string, Record<string, unknown>>)) {
    if (Object.hasOwn(body, "default")) add(findSecrets({ [name]: body.default }, "variable"));
  }
  for (const section of SECTIONS) {
    if (doc[section] === undefined) continue;
    add(findSecrets(doc[section], section));
    add(findSecrets(strip(evaluateJson(doc[section], scope)), section));
  }
  return [...out.values()];
}

const crafted: Array<[string, Record<string, unknown>]> = [
  ["a joined key", { variable: { p: { default: "sk-proj-" } }, resource: { x: { y: { note: '${join("", [var.p, "Q7d9Xk2mP4vL8nR3tW6yZ1aB5cE0fG"])}' } } } }],
  [
    "an env pair whose value evaluates to a key",
    {
      locals: [{ k: KEY }],
      resource: {
        h: {
          r: {
            env: [
              { name: "OPENAI_API_KEY", value: "${local.k}", other: "${local.k}" },
              { name: "PLAIN", value: "x" },
            ],
          },
        },
      },
    },
  ],
  [
    "an env pair whose name evaluates to a secret name",
    { variable: { n: { default: "GITHUB_TOKEN" } }, resource: { h: { r: { env: [{ name: "${var.n}", value: "Xk9mP2vL8qR4tZ7wQ1" }] } } } },
  ],
  [
    "a named item whose other key changes",
    {
      variable: { t: { default: "Xk9mP2vL8qR4tZ7wQ1" } },
      resource: { h: { r: { set: [{ name: "api_token", token: "${var.t}", plain: "same" }, "${var.t}", ["${var.t}"]] } } },
    },
  ],
  [
    "a value under a secret-named parent",
    { variable: { t: { default: "Xk9mP2vL8qR4tZ7wQ1" } }, resource: { k: { s: { apiKey: { value: "${var.t}" }, data: { password: "${var.t}" } } } } },
  ],
  ["escapes only", { resource: { a: { b: { note: "$${not.a.ref}", n: 3, t: true, z: null } } } }],
  ["an unknown reference", { resource: { a: { b: { note: "${aws_vpc.x.id}", list: ["${aws_vpc.x.id}", "x"] } } } }],
  [
    "a key in an output",
    { variable: { a: { default: "sk-proj-Q7d9Xk2m" }, b: { default: "P4vL8nR3tW6yZ1aB5cE0fG" } }, output: { o: { value: "${var.a}${var.b}" } } },
  ],
  [
    "an embedded YAML document built by a template",
    { variable: { k: { default: KEY } }, resource: { helm_release: { r: { values: ["endpoints:\n  custom:\n    - name: g\n      apiKey: ${var.k}\n"] } } } },
  ],
];

describe("the synth-time scan reads only what evaluation changed", () => {
  test.each(crafted)("GIVEN %s THEN its findings are those of the direct reading", (_, doc) => {
    const expected = directScan(doc);
    expect(scanTerraformJson(doc)).toEqual(expected);
  });

  test("GIVEN the crafted documents THEN most have findings (the comparison is not vacuous)", () => {
    expect(crafted.filter(([, doc]) => directScan(doc).length > 0).length).toBeGreaterThanOrEqual(6);
  });

  test("GIVEN every stack of the example app THEN its findings are those of the direct reading", () => {
    const { app } = buildBlueprints(fs.mkdtempSync(path.join(os.tmpdir(), "vca-scan-")), { "vca:preflightBaseline": path.join(os.tmpdir(), "vca-none.json") });
    const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
    expect(stacks.length).toBeGreaterThanOrEqual(8);
    for (const stack of stacks) {
      const doc = stack.toTerraform() as Record<string, unknown>;
      expect(scanTerraformJson(doc)).toEqual(directScan(doc));
    }
  });
});

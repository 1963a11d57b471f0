// The blueprint config schema is compiled by ajv at build time (lib/validate/precompiled-schema.ts):
// the shipped validator must be current, judge exactly like a validator compiled at runtime, and be
// ignored (not trusted) when it was made for another schema text or other options.
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import Ajv from "ajv";
import { VCA_CONFIG_VALIDATOR } from "../../lib/config/vca-config";
import { precompiledSource, precompiledValidator, schemaValidator } from "../../lib/validate/precompiled-schema";

const ROOT = path.resolve(__dirname, "../..");
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, "lib", VCA_CONFIG_VALIDATOR.schema), "utf8"));
const EXAMPLE = yaml.load(fs.readFileSync(path.join(ROOT, "examples/blueprints/vca.config.example.yaml"), "utf8")) as {
  stacks: Record<string, Record<string, unknown>>;
};

/** Good and bad documents: unknown keys, wrong types, a missing required key, enum and oneOf misses. */
function documents(): unknown[] {
  const clone = () => JSON.parse(JSON.stringify(EXAMPLE)) as { stacks: Record<string, Record<string, unknown>> };
  const docs: unknown[] = [EXAMPLE, {}, [], "stacks", { stacks: {} }, { stacks: { "vca-unknown": {} } }];
  for (const id of Object.keys(EXAMPLE.stacks)) {
    const stack = EXAMPLE.stacks[id];
    for (const key of Object.keys(stack)) {
      for (const bad of [42, "x", true, null, [], { nope: 1 }]) {
        const doc = clone();
        doc.stacks[id][key] = bad;
        docs.push(doc);
      }
      const missing = clone();
      delete missing.stacks[id][key];
      docs.push(missing);
    }
    const extra = clone();
    extra.stacks[id].acountName = "x";
    docs.push(extra);
  }
  return docs;
}

describe("the precompiled blueprint config validator", () => {
  test("GIVEN the build THEN the shipped validator was made from the current schema, options and ajv", () => {
    expect(fs.existsSync(path.join(ROOT, "lib", VCA_CONFIG_VALIDATOR.precompiled))).toBe(true);
    expect(precompiledValidator(VCA_CONFIG_VALIDATOR)).toBeInstanceOf(Function);
    expect(schemaValidator(VCA_CONFIG_VALIDATOR)).toBe(precompiledValidator(VCA_CONFIG_VALIDATOR));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { files: string[]; scripts: Record<string, string> };
    expect(pkg.files).toContain(path.dirname(`lib/${VCA_CONFIG_VALIDATOR.precompiled}`));
    expect(pkg.scripts.build).toContain("scripts/build/precompile-schemas.js");
  });

  test("GIVEN good and bad documents THEN it gives the verdicts and error objects of ajv.compile at runtime", () => {
    const precompiled = precompiledValidator(VCA_CONFIG_VALIDATOR)!;
    const runtime = new Ajv({ ...VCA_CONFIG_VALIDATOR.options }).compile(SCHEMA);
    const docs = documents();
    expect(docs.length).toBeGreaterThan(100);
    let rejected = 0;
    for (const doc of docs) {
      const verdict = precompiled(doc);
      expect(verdict).toBe(runtime(doc));
      // The precompiled schema objects in errors are copies: compare by value.
      expect(JSON.parse(JSON.stringify(precompiled.errors ?? null))).toEqual(JSON.parse(JSON.stringify(runtime.errors ?? null)));
      if (!verdict) rejected++;
    }
    expect(rejected).toBeGreaterThan(docs.length / 2);
  });

  test("GIVEN other options than the build's THEN the shipped validator is not used and the schema is compiled now", () => {
    const other = { ...VCA_CONFIG_VALIDATOR, options: { ...VCA_CONFIG_VALIDATOR.options, allErrors: false } };
    expect(precompiledValidator(other)).toBeUndefined();
    const validate = schemaValidator(other);
    expect(validate).not.toBe(precompiledValidator(VCA_CONFIG_VALIDATOR));
    expect(validate({ stacks: { "vca-agentcore": { nope: 1, nope2: 2 } } })).toBe(false);
    expect(validate.errors).toHaveLength(1); // allErrors: false, so this really is another compile
  });

  test("GIVEN a validator file made for another schema text THEN it is not used", () => {
    const source = precompiledSource(VCA_CONFIG_VALIDATOR);
    const key = /module\.exports\.precompileKey = "([0-9a-f]{64})";/.exec(source)?.[1];
    expect(key).toHaveLength(64);
    expect(fs.readFileSync(path.join(ROOT, "lib", VCA_CONFIG_VALIDATOR.precompiled), "utf8")).toBe(source);
    // Point a spec at a copy of the validator next to another schema file (a different text).
    // Inside the checkout (gitignored .tmp-*) so the generated code resolves ajv/dist/runtime/* as it does in lib/.
    const dir = fs.mkdtempSync(path.join(ROOT, ".tmp-precompiled-"));
    try {
      const rel = (f: string) => path.relative(path.join(ROOT, "lib"), path.join(dir, f));
      fs.writeFileSync(path.join(dir, "schema.json"), JSON.stringify({ ...SCHEMA, description: "edited after the build" }));
      fs.writeFileSync(path.join(dir, "validate.js"), source);
      const edited = { ...VCA_CONFIG_VALIDATOR, schema: rel("schema.json"), precompiled: rel("validate.js") };
      expect(precompiledValidator(edited)).toBeUndefined();
      fs.writeFileSync(path.join(dir, "schema.json"), fs.readFileSync(path.join(ROOT, "lib", VCA_CONFIG_VALIDATOR.schema)));
      expect(precompiledValidator(edited)).toBeInstanceOf(Function);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

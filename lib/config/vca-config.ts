// The blueprints' YAML config (VCA_CONFIG): which stacks to build and each stack's site values,
// checked against lib/config/vca-config.schema.json — the JSON Schema that ships with the
// package, so editors complete and check the file (`# yaml-language-server: $schema=...`).
// Every problem is a UserInputError (exit 2) naming the file and the key path:
//   vca.config.yaml: stacks.vca-librechat-eks.acountName: unknown key (did you mean accountName?)
// The schema's validator is precompiled at build time and loads only when a config is read
// (lib/validate/precompiled-schema.ts; docs/ARCHITECTURE.md §7 cold synth).
import * as path from "path";
import type { ErrorObject } from "ajv";
import { loadYamlBounded, readInputText } from "../util/input-file";
import { UserInputError } from "../util/errors";
import { editDistance } from "../util/edit-distance";
import { PrecompiledSchemaSpec, schemaValidator } from "../validate/precompiled-schema";

/** Path of the schema inside the package (relative to lib/). */
export const VCA_CONFIG_SCHEMA = "config/vca-config.schema.json";

/** The schema, where the build writes its validator, and the ajv options both use. */
export const VCA_CONFIG_VALIDATOR: PrecompiledSchemaSpec = {
  schema: VCA_CONFIG_SCHEMA,
  precompiled: "config/gen/vca-config.validate.js",
  // inlineRefs: false compiles each shared definition once instead of into every stack kind: a
  // smaller validator that V8 compiles faster on first use. Problems read the same (the messages
  // use the instance path; test/examples/vca-config.test.ts).
  options: { allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, inlineRefs: false },
};
const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_LISTED_PROBLEMS = 20;

/** A parsed, schema-valid config: stack id → that stack's values (the stack props, see the schema). */
export interface VcaConfig {
  readonly stacks: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface LoadedVcaConfig {
  /** The file as given (messages name it so). */
  readonly file: string;
  /** Directory files named in the config (librechat.configFile, ...) are relative to. */
  readonly dir: string;
  readonly config: VcaConfig;
}

/** A config that cannot be used: exit 2, the message names the file and each key path. */
export class VcaConfigError extends UserInputError {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(problems.length === 1 ? `${file}: ${problems[0]}` : `${file}: ${problems.length} problems\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "VcaConfigError";
  }
}

/** Reads, parses and validates a config file. */
export function readVcaConfig(file: string): LoadedVcaConfig {
  const text = readInputText(file, "config", MAX_CONFIG_BYTES);
  const doc = loadYamlBounded(text, file, "config");
  return { file, dir: path.dirname(path.resolve(file)), config: checkVcaConfig(doc, file) };
}

/** Validates a parsed document against the shipped schema. */
export function checkVcaConfig(doc: unknown, file: string): VcaConfig {
  const validate = schemaValidator(VCA_CONFIG_VALIDATOR);
  if (!validate(doc)) throw new VcaConfigError(file, describeErrors(validate.errors ?? []));
  return doc as VcaConfig;
}

/** Key path of an instance location: `/stacks/vca-x/newNetwork/cidr` → `stacks.vca-x.newNetwork.cidr`. */
function keyPath(instancePath: string, child?: string | number): string {
  const parts = instancePath
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (child !== undefined) parts.push(String(child));
  return parts.length === 0 ? "(top level)" : parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : `${i === 0 ? "" : "."}${p}`)).join("");
}

/** The keys a `oneOf`/`anyOf` of `{required: [k]}` branches chooses between, else undefined. */
function alternativeKeys(branches: unknown): string[] | undefined {
  if (!Array.isArray(branches)) return undefined;
  const keys = branches.map((b) =>
    b && typeof b === "object" && Array.isArray((b as { required?: unknown }).required) && Object.keys(b).length === 1
      ? (b as { required: string[] }).required
      : undefined,
  );
  return keys.every((k) => k !== undefined && k.length === 1) ? keys.map((k) => k![0]) : undefined;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** One readable line per problem, sorted by key path; wrapper errors of oneOf/anyOf/allOf dropped when a nested one says more. */
function describeErrors(errors: readonly ErrorObject[]): string[] {
  const lines = new Map<string, string>();
  const hasNested = (e: ErrorObject) =>
    errors.some((o) => o !== e && o.schemaPath.startsWith(`${e.schemaPath}/`) && !["oneOf", "anyOf", "const", "type"].includes(o.keyword));
  for (const e of errors) {
    let line: string | undefined;
    switch (e.keyword) {
      case "additionalProperties": {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        const known = Object.keys(((e.parentSchema as { properties?: object }) ?? {}).properties ?? {});
        const near = closest(key, known);
        line = `${keyPath(e.instancePath, key)}: unknown key${near ? ` (did you mean ${near}?)` : known.length > 0 && known.length <= 12 ? ` (known: ${known.join(", ")})` : ""}`;
        break;
      }
      case "required":
        // A branch of "one of these keys" alternatives: the oneOf/anyOf line names them all.
        if (/\/(oneOf|anyOf)\/\d+\/required$/.test(e.schemaPath)) continue;
        line = `${keyPath(e.instancePath, (e.params as { missingProperty: string }).missingProperty)}: missing (required)`;
        break;
      case "type": {
        const want = (e.params as { type: string }).type;
        // YAML reads 9.0 or true unquoted as a number or boolean.
        const hint = want === "string" && (typeof e.data === "number" || typeof e.data === "boolean") ? " (quote it in YAML)" : "";
        line = `${keyPath(e.instancePath)}: got ${shown(e.data)}, want ${want}${hint}`;
        break;
      }
      case "enum":
        line = `${keyPath(e.instancePath)}: got ${shown(e.data)}, want one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map(shown).join(", ")}`;
        break;
      case "const":
        // Inside oneOf (e.g. `false` or an object), the oneOf line says it better.
        if (e.schemaPath.includes("/oneOf/")) continue;
        line = `${keyPath(e.instancePath)}: got ${shown(e.data)}, want ${shown((e.params as { allowedValue: unknown }).allowedValue)}`;
        break;
      case "oneOf":
      case "anyOf": {
        const keys = alternativeKeys(e.schema);
        if (keys) {
          const given = keys.filter((k) => e.data && typeof e.data === "object" && k in (e.data as object));
          const want = e.keyword === "anyOf" ? `at least one of ${keys.join(", ")}` : `exactly one of ${keys.join(" or ")}`;
          line = `${keyPath(e.instancePath)}: ${given.length === 0 ? "none" : given.join(" and ")} given, want ${want}`;
        } else if (!hasNested(e)) {
          line = `${keyPath(e.instancePath)}: got ${shown(e.data)}, want ${describeBranches(e.schema)}`;
        }
        break;
      }
      default: {
        const described = (e.parentSchema as { description?: string } | undefined)?.description;
        line = `${keyPath(e.instancePath)}: got ${shown(e.data)}, ${e.message ?? "invalid"}${described ? ` (${described})` : ""}`;
      }
    }
    if (line !== undefined && !lines.has(line)) lines.set(line, line);
  }
  const sorted = [...lines.values()].sort();
  return sorted.length > MAX_LISTED_PROBLEMS ? [...sorted.slice(0, MAX_LISTED_PROBLEMS), `... and ${sorted.length - MAX_LISTED_PROBLEMS} more`] : sorted;
}

function describeBranches(branches: unknown): string {
  if (!Array.isArray(branches)) return "a valid value";
  return branches.map((b: { const?: unknown; type?: string }) => ("const" in b ? shown(b.const) : (b.type ?? "a value"))).join(" or ");
}

/** The known key nearest to a typo (edit distance ≤ 2, or a case-insensitive match). */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: [string, number] | undefined;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, k);
    if (d <= 2 && (best === undefined || d < best[1])) best = [k, d];
  }
  return best?.[0];
}

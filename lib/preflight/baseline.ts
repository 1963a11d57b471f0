// The committed baseline of immutable bindings (AVX-IMM1). Written only by `vca preflight lock`
// from the reports of a synth; read at every synth. Plain sorted JSON so diffs review well.
import * as fs from "fs";
import { UserInputError } from "../util/errors";
import { readInputJson } from "../util/input-file";
import { cliCommand } from "../util/program-name";

export const DEFAULT_BASELINE_FILE = "vca-preflight.lock.json";
export const BASELINE_FORMAT_VERSION = 1;

export interface BaselineEntry {
  readonly constructPath: string;
  readonly address?: string;
  readonly description: string;
  /** Literal values as is; references as their Terraform expression text ("${type.name.attr}"). */
  readonly values: Readonly<Record<string, string>>;
  /** Names of values that are references (for reviewers; comparison uses the text). @default - none */
  readonly references?: readonly string[];
}

export interface Baseline {
  readonly version: typeof BASELINE_FORMAT_VERSION;
  /** stack name → binding key → recorded values. */
  readonly stacks: Readonly<Record<string, Readonly<Record<string, BaselineEntry>>>>;
}

/** Reads a baseline; undefined when the file does not exist; UserInputError when it is malformed. */
export function readBaseline(file: string): Baseline | undefined {
  if (!fs.existsSync(file)) return undefined;
  return checkBaseline(readInputJson(file, "preflight baseline", { fix: `regenerate it with \`${cliCommand("preflight lock")}\`` }), file);
}

export function checkBaseline(parsed: unknown, file: string): Baseline {
  const obj = parsed as { version?: unknown; stacks?: unknown };
  if (!obj || typeof obj !== "object" || obj.version !== BASELINE_FORMAT_VERSION) {
    throw new UserInputError(`${file}: "version" must be ${BASELINE_FORMAT_VERSION} (got ${JSON.stringify(obj?.version)})`);
  }
  if (!obj.stacks || typeof obj.stacks !== "object") throw new UserInputError(`${file}: "stacks" must be an object`);
  for (const [stack, entries] of Object.entries(obj.stacks as Record<string, unknown>)) {
    if (entries === null || typeof entries !== "object" || Array.isArray(entries))
      throw new UserInputError(`${file}: stacks.${stack} must be an object of bindings`);
    for (const [key, entry] of Object.entries(entries as Record<string, unknown>)) {
      const e = entry as Partial<BaselineEntry>;
      const values = e?.values as Record<string, unknown> | undefined;
      if (!values || typeof values !== "object" || Array.isArray(values) || Object.values(values).some((v) => typeof v !== "string")) {
        throw new UserInputError(`${file}: stacks.${stack}.${key}.values must map names to strings`);
      }
      if (e.references !== undefined && (!Array.isArray(e.references) || e.references.some((n) => typeof n !== "string" || !Object.hasOwn(values, n)))) {
        throw new UserInputError(`${file}: stacks.${stack}.${key}.references must list names of its values`);
      }
    }
  }
  // Prototype-free copies: stack names and binding keys are looked up by input ("__proto__", "constructor").
  const stacks: Record<string, Record<string, BaselineEntry>> = Object.create(null);
  for (const [stack, entries] of Object.entries(obj.stacks as Record<string, Record<string, BaselineEntry>>)) {
    stacks[stack] = Object.assign(Object.create(null), entries) as Record<string, BaselineEntry>;
  }
  return { version: BASELINE_FORMAT_VERSION, stacks };
}

/** Deterministic rendering: keys sorted at every level, two-space indent, trailing newline. */
export function renderBaseline(baseline: Baseline): string {
  return JSON.stringify(sortKeys(baseline), null, 2) + "\n";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

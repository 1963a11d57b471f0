// What a Terraform JSON document declares, for reference checks: resources, data sources,
// variables, locals, modules and provider configurations (with aliases). Reads both cdktf's
// cdk.tf.json (bodies as objects) and @cdktf/hcl2json output (bodies wrapped in arrays).
import { isObject, JsonObject } from "./terraform-values";

export interface Declarations {
  /** `type.name` of managed resources. */
  readonly resources: ReadonlySet<string>;
  readonly resourceTypes: ReadonlySet<string>;
  /** `type.name` of data sources (top level and inside check blocks). */
  readonly dataSources: ReadonlySet<string>;
  readonly variables: ReadonlySet<string>;
  readonly locals: ReadonlySet<string>;
  readonly modules: ReadonlySet<string>;
  /** Provider local name → declared aliases ("" for a configuration without alias). */
  readonly providers: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Bodies of a block value: an object, or a list of objects (hcl2json, repeated blocks). */
export function bodiesOf(value: unknown): JsonObject[] {
  if (isObject(value)) return [value];
  if (Array.isArray(value)) return value.filter(isObject);
  return [];
}

/** `section.type.name` → bodies, in document order. */
export function typedBlocks(section: unknown): Array<{ type: string; name: string; body: JsonObject }> {
  const out: Array<{ type: string; name: string; body: JsonObject }> = [];
  for (const byType of bodiesOf(section)) {
    for (const [type, byName] of Object.entries(byType)) {
      if (type === "//") continue;
      for (const names of bodiesOf(byName)) {
        for (const [name, value] of Object.entries(names)) {
          if (name === "//") continue;
          for (const body of bodiesOf(value)) out.push({ type, name, body });
        }
      }
    }
  }
  return out;
}

/** `section.name` → bodies (variable, output, module, check, provider). */
export function namedBlocks(section: unknown): Array<{ name: string; body: JsonObject }> {
  const out: Array<{ name: string; body: JsonObject }> = [];
  for (const byName of bodiesOf(section)) {
    for (const [name, value] of Object.entries(byName)) {
      if (name === "//") continue;
      for (const body of bodiesOf(value)) out.push({ name, body });
    }
  }
  return out;
}

/** Every `locals` entry (a document may have several locals blocks). */
export function localEntries(section: unknown): Array<[string, unknown]> {
  return bodiesOf(section).flatMap((b) => Object.entries(b).filter(([k]) => k !== "//"));
}

export function declarationsOf(doc: JsonObject): Declarations {
  const resources = new Set<string>();
  const resourceTypes = new Set<string>();
  for (const { type, name } of typedBlocks(doc.resource)) {
    resources.add(`${type}.${name}`);
    resourceTypes.add(type);
  }
  const dataSources = new Set(typedBlocks(doc.data).map(({ type, name }) => `${type}.${name}`));
  for (const { body } of namedBlocks(doc.check)) {
    for (const { type, name } of typedBlocks(body.data)) dataSources.add(`${type}.${name}`);
  }
  const providers = new Map<string, Set<string>>();
  for (const { name, body } of namedBlocks(doc.provider)) {
    const aliases = providers.get(name) ?? new Set<string>();
    aliases.add(typeof body.alias === "string" ? body.alias : "");
    providers.set(name, aliases);
  }
  return {
    resources,
    resourceTypes,
    dataSources,
    variables: new Set(namedBlocks(doc.variable).map((b) => b.name)),
    locals: new Set(localEntries(doc.locals).map(([k]) => k)),
    modules: new Set(namedBlocks(doc.module).map((b) => b.name)),
    providers,
  };
}

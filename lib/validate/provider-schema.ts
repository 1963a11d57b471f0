// The vendored Aviatrix provider schema (terraform providers schema -json, provider 10.0.1) and
// its constraints file, compiled on first use into per-resource lookup trees. Loaded lazily so
// importing the library (and synth) never pays for parsing ~650 KB of JSON.
import { readJsonDataFile } from "./data-files";

export interface SchemaAttribute {
  readonly type?: unknown;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly deprecated?: boolean;
  readonly sensitive?: boolean;
}

interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, SchemaBlockType>;
  readonly deprecated?: boolean;
}

interface SchemaBlockType {
  readonly nesting_mode: string;
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

/** Per-value checks from provider-constraints.json (see its `_legend`). */
export interface ValueConstraint {
  readonly enum?: ReadonlyArray<string | number>;
  readonly enum_ignore_case?: boolean;
  readonly range?: { readonly min?: number; readonly max?: number };
  readonly pattern?: { readonly regex: string; readonly message?: string };
  readonly validators?: readonly string[];
  readonly any_of?: ReadonlyArray<{ readonly validators?: readonly string[] }>;
  readonly string_length?: { readonly min?: number; readonly max?: number };
}

export interface AttributeConstraint extends ValueConstraint {
  readonly sdk_type?: string;
  readonly conflicts_with?: readonly string[];
  readonly required_with?: readonly string[];
  readonly at_least_one_of?: readonly string[];
  readonly deprecated?: string;
  readonly min_items?: number;
  readonly max_items?: number;
  readonly elem?: ValueConstraint;
}

interface ResourceConstraints {
  readonly attributes?: Record<string, AttributeConstraint>;
  readonly deprecation_message?: string;
}

interface GapEntry {
  readonly absent_in: readonly string[];
  readonly present_in: readonly string[];
}

interface ConstraintsFile {
  readonly resource_schemas: Record<string, ResourceConstraints>;
  readonly data_source_schemas: Record<string, ResourceConstraints>;
  readonly introduced_in: Record<string, Record<string, string>> & {
    readonly removed_or_gap?: Record<string, Record<string, GapEntry>>;
  };
  readonly name_notes?: Record<string, string>;
}

interface SchemaFile {
  readonly provider_schemas: Record<
    string,
    {
      readonly provider: { readonly block: SchemaBlock };
      readonly resource_schemas: Record<string, { readonly block: SchemaBlock }>;
      readonly data_source_schemas: Record<string, { readonly block: SchemaBlock }>;
    }
  >;
}

export type ResourceKind = "resource" | "data" | "provider";

/** Version facts for one resource, attribute or block (tags without the leading `v`). */
export interface VersionFacts {
  readonly introducedIn?: string;
  readonly gap?: GapEntry;
}

export interface CompiledAttribute extends VersionFacts {
  readonly name: string;
  /** Dotted path from the resource root without indices (constraints-file key). */
  readonly dotted: string;
  readonly schema: SchemaAttribute;
  readonly constraint?: AttributeConstraint;
}

export interface CompiledBlockType extends VersionFacts {
  readonly name: string;
  readonly dotted: string;
  readonly nesting: string;
  readonly minItems: number;
  readonly maxItems?: number;
  readonly block: CompiledBlock;
}

export interface CompiledBlock {
  readonly attributes: ReadonlyMap<string, CompiledAttribute>;
  readonly blocks: ReadonlyMap<string, CompiledBlockType>;
  readonly requiredAttributes: readonly string[];
  readonly requiredBlocks: readonly string[];
}

export interface CompiledResource extends VersionFacts {
  readonly type: string;
  readonly kind: ResourceKind;
  readonly root: CompiledBlock;
  readonly deprecationMessage?: string;
  /** The resource to use instead, when the deprecation message names one. */
  readonly replacement?: string;
}

const PROVIDER_KEY = "registry.terraform.io/aviatrixsystems/aviatrix";

let loaded: { schema: SchemaFile["provider_schemas"][string]; constraints: ConstraintsFile } | undefined;
const compiled = new Map<string, CompiledResource | null>();

function data(): { schema: SchemaFile["provider_schemas"][string]; constraints: ConstraintsFile } {
  if (!loaded) {
    const schemaFile = readJsonDataFile<SchemaFile>("aviatrix/schema/provider-schema.json");
    const constraints = readJsonDataFile<ConstraintsFile>("aviatrix/schema/provider-constraints.json");
    const schema = schemaFile.provider_schemas[PROVIDER_KEY];
    if (!schema) throw new Error(`provider-schema.json has no ${PROVIDER_KEY}`);
    loaded = { schema, constraints };
  }
  return loaded;
}

/** The compiled schema of an Aviatrix resource / data source, or undefined if the type does not exist. */
export function aviatrixSchema(kind: ResourceKind, type: string): CompiledResource | undefined {
  const key = `${kind}:${type}`;
  const cached = compiled.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const result = compileResource(kind, type);
  compiled.set(key, result ?? null);
  return result;
}

/** All type names of a kind (for "did you mean" hints). */
export function aviatrixTypeNames(kind: "resource" | "data"): string[] {
  const { schema } = data();
  return Object.keys(kind === "resource" ? schema.resource_schemas : schema.data_source_schemas);
}

/** Provider notes about confusing names, e.g. `data.aviatrix_web_group`. */
export function aviatrixNameNotes(): Readonly<Record<string, string>> {
  return data().constraints.name_notes ?? {};
}

function compileResource(kind: ResourceKind, type: string): CompiledResource | undefined {
  const { schema, constraints } = data();
  let block: SchemaBlock | undefined;
  let resourceConstraints: ResourceConstraints | undefined;
  let versionKey = type;
  if (kind === "provider") {
    block = schema.provider.block;
  } else if (kind === "resource") {
    block = schema.resource_schemas[type]?.block;
    resourceConstraints = constraints.resource_schemas[type];
  } else {
    block = schema.data_source_schemas[type]?.block;
    resourceConstraints = constraints.data_source_schemas[type];
    versionKey = `data.${type}`;
  }
  if (!block) return undefined;
  const introduced = kind === "provider" ? {} : (constraints.introduced_in[versionKey] ?? {});
  const gaps = kind === "provider" ? {} : (constraints.introduced_in.removed_or_gap?.[versionKey] ?? {});
  const facts = (dotted: string): VersionFacts => ({
    introducedIn: stripV(introduced[dotted]),
    gap: gaps[dotted],
  });
  const attrConstraints = resourceConstraints?.attributes ?? {};
  const root = compileBlock(block, "", attrConstraints, facts);
  const deprecationMessage = resourceConstraints?.deprecation_message ?? (block.deprecated ? `${type} is deprecated` : undefined);
  return {
    type,
    kind,
    root,
    ...facts(""),
    deprecationMessage,
    replacement: deprecationMessage ? /\buse (?:resource )?(aviatrix_[a-z0-9_]+)/i.exec(deprecationMessage)?.[1] : undefined,
  };
}

function compileBlock(
  block: SchemaBlock,
  prefix: string,
  attrConstraints: Record<string, AttributeConstraint>,
  facts: (dotted: string) => VersionFacts,
): CompiledBlock {
  const attributes = new Map<string, CompiledAttribute>();
  const requiredAttributes: string[] = [];
  for (const [name, schema] of Object.entries(block.attributes ?? {})) {
    const dotted = prefix ? `${prefix}.${name}` : name;
    attributes.set(name, { name, dotted, schema, constraint: attrConstraints[dotted], ...facts(dotted) });
    if (schema.required) requiredAttributes.push(name);
  }
  const blocks = new Map<string, CompiledBlockType>();
  const requiredBlocks: string[] = [];
  for (const [name, bt] of Object.entries(block.block_types ?? {})) {
    const dotted = prefix ? `${prefix}.${name}` : name;
    const minItems = bt.min_items ?? 0;
    blocks.set(name, {
      name,
      dotted,
      nesting: bt.nesting_mode,
      minItems,
      maxItems: bt.max_items,
      block: compileBlock(bt.block, dotted, attrConstraints, facts),
      ...facts(dotted),
    });
    if (minItems > 0) requiredBlocks.push(name);
  }
  return { attributes, blocks, requiredAttributes, requiredBlocks };
}

function stripV(tag: string | undefined): string | undefined {
  return tag === undefined ? undefined : tag.replace(/^v/, "");
}

// Walks one resource body against its compiled provider schema: unknown attributes/blocks,
// missing required, computed-only set, block counts, types, constraint-file value checks,
// cross-attribute rules, deprecations and introduced_in per attribute.
import { ControllerVersion } from "../core/controller-version";
import { FindingSink } from "./finding";
import { CompiledAttribute, CompiledBlock, CompiledBlockType, CompiledResource, VersionFacts } from "./provider-schema";
import { blockInstances, closest, describe, isExpression, isNonZero, isObject, isSet, joinPath, JsonObject } from "./terraform-values";
import { constraintProblems, typeProblems } from "./value-checks";

/** Terraform meta-arguments (resource/data/provider level), and cdktf's `//` metadata key. */
const META_ARGUMENTS = new Set(["count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection", "alias", "//"]);

export interface WalkContext {
  readonly sink: FindingSink;
  readonly address: string;
  readonly resource: CompiledResource;
  readonly root: JsonObject;
  readonly version?: ControllerVersion;
  readonly versionSource: string;
  /** Providers may take required attributes from env vars (AVIATRIX_*): skip missing-required. */
  readonly skipRequired?: boolean;
}

export function walkResource(ctx: WalkContext): void {
  walkBody(ctx, ctx.root, ctx.resource.root, "", true);
}

function walkBody(ctx: WalkContext, body: JsonObject, block: CompiledBlock, path: string, isRoot: boolean): void {
  let dynamicNames: Set<string> | undefined; // only bodies with `dynamic` blocks need one
  for (const key of Object.keys(body)) {
    if (key === "//" || (isRoot && META_ARGUMENTS.has(key))) continue;
    const value = body[key];
    if (value === undefined) continue;
    if (key === "dynamic") {
      walkDynamic(ctx, value, block, joinPath(path, "dynamic"), (dynamicNames ??= new Set()));
      continue;
    }
    const attribute = block.attributes.get(key);
    if (attribute) {
      checkAttribute(ctx, attribute, value, joinPath(path, key));
      continue;
    }
    const blockType = block.blocks.get(key);
    if (blockType) {
      walkBlockType(ctx, blockType, value, joinPath(path, key));
      continue;
    }
    const hint = closest(key, [...block.attributes.keys(), ...block.blocks.keys()]);
    ctx.sink.error(
      ctx.address,
      joinPath(path, key),
      "unknown-attribute",
      `${ctx.resource.type} has no attribute or block "${key}" here${hint ? ` (did you mean "${hint}"?)` : ""}`,
    );
  }
  if (!ctx.skipRequired) {
    for (const name of block.requiredAttributes) {
      if (!isSet(body[name])) {
        ctx.sink.error(ctx.address, joinPath(path, name), "missing-required", `required attribute "${name}" is not set`);
      }
    }
  }
  for (const name of block.requiredBlocks) {
    if (!isSet(body[name]) && !dynamicNames?.has(name)) {
      const bt = block.blocks.get(name) as CompiledBlockType;
      ctx.sink.error(ctx.address, joinPath(path, name), "min-items", `required block "${name}" is missing (want at least ${bt.minItems})`);
    }
  }
}

/** `dynamic "<name>" { for_each, content {...} }`: validate `content` as one instance of the block. */
function walkDynamic(ctx: WalkContext, value: unknown, block: CompiledBlock, path: string, seen: Set<string>): void {
  if (!isObject(value)) {
    if (!isExpression(value)) ctx.sink.error(ctx.address, path, "type", `got ${describe(value)}, want dynamic blocks by name`);
    return;
  }
  for (const [name, specs] of Object.entries(value)) {
    const blockType = block.blocks.get(name);
    const namePath = joinPath(path, name);
    if (!blockType) {
      const hint = closest(name, block.blocks.keys());
      ctx.sink.error(ctx.address, namePath, "unknown-attribute", `${ctx.resource.type} has no block "${name}" here${hint ? ` (did you mean "${hint}"?)` : ""}`);
      continue;
    }
    seen.add(name);
    checkVersionFacts(ctx, blockType, namePath, `block "${blockType.dotted}"`);
    const { instances } = blockInstances(specs, namePath);
    for (const spec of instances) {
      if (!isSet(spec.body.content)) {
        ctx.sink.error(ctx.address, spec.path, "missing-required", `dynamic "${name}" has no content block`);
        continue;
      }
      const content = blockInstances(spec.body.content, joinPath(spec.path, "content"));
      for (const inst of content.instances) walkBody(ctx, inst.body, blockType.block, inst.path, false);
    }
  }
}

function walkBlockType(ctx: WalkContext, blockType: CompiledBlockType, value: unknown, path: string): void {
  if (!isSet(value)) return;
  checkVersionFacts(ctx, blockType, path, `block "${blockType.dotted}"`);
  const { instances, unknown, shapeError } = blockInstances(value, path);
  if (shapeError) {
    ctx.sink.error(ctx.address, path, "type", shapeError);
    return;
  }
  if (!unknown) {
    if (instances.length < blockType.minItems) {
      ctx.sink.error(ctx.address, path, "min-items", `has ${instances.length} block(s), want at least ${blockType.minItems}`);
    }
    if (blockType.maxItems !== undefined && instances.length > blockType.maxItems) {
      ctx.sink.error(ctx.address, path, "max-items", `has ${instances.length} block(s), want at most ${blockType.maxItems}`);
    }
  }
  for (const inst of instances) walkBody(ctx, inst.body, blockType.block, inst.path, false);
}

function checkAttribute(ctx: WalkContext, attribute: CompiledAttribute, value: unknown, path: string): void {
  const { schema, constraint } = attribute;
  if (!isSet(value)) return;
  if (schema.computed && !schema.optional && !schema.required) {
    ctx.sink.error(ctx.address, path, "computed-only", `"${attribute.name}" is computed by the provider and cannot be set`);
    return;
  }
  checkVersionFacts(ctx, attribute, path, `attribute "${attribute.dotted}"`);
  if (schema.deprecated || constraint?.deprecated) {
    ctx.sink.warning(
      ctx.address,
      path,
      "deprecated-attribute",
      `"${attribute.name}" is deprecated${constraint?.deprecated ? `: ${constraint.deprecated}` : ""}`,
    );
  }
  if (schema.sensitive && typeof value === "string" && value !== "" && !isExpression(value)) {
    ctx.sink.warning(
      ctx.address,
      path,
      "sensitive-literal",
      `"${attribute.name}" is sensitive but set to a literal; pass it as a sensitive variable or reference`,
    );
  }
  const typeIssues = typeProblems(value, schema.type);
  for (const p of typeIssues) ctx.sink.error(ctx.address, path + p.at, p.code, p.message);
  if (constraint && typeIssues.length === 0) {
    for (const p of constraintProblems(value, constraint)) ctx.sink.error(ctx.address, path + p.at, p.code, p.message);
    checkCrossAttribute(ctx, attribute, path);
  }
}

/** conflicts_with / required_with / at_least_one_of: paths are relative to the resource root. */
function checkCrossAttribute(ctx: WalkContext, attribute: CompiledAttribute, path: string): void {
  const c = attribute.constraint;
  if (!c) return;
  for (const other of c.conflicts_with ?? []) {
    if (isSet(lookupRootPath(ctx.root, other))) {
      ctx.sink.error(ctx.address, path, "conflicts-with", `"${attribute.dotted}" cannot be set together with "${other}"`);
    }
  }
  const missing = (c.required_with ?? []).filter((other) => !isSet(lookupRootPath(ctx.root, other)));
  if (missing.length > 0) {
    ctx.sink.error(ctx.address, path, "required-with", `"${attribute.dotted}" also needs ${missing.map((m) => `"${m}"`).join(", ")} to be set`);
  }
}

/** at_least_one_of is a resource-level rule: checked once per resource (not per attribute). */
export function checkAtLeastOneOf(ctx: WalkContext): void {
  const seen = new Set<string>();
  for (const attribute of ctx.resource.root.attributes.values()) {
    const group = attribute.constraint?.at_least_one_of;
    if (!group || seen.has(group.join(","))) continue;
    seen.add(group.join(","));
    if (!group.some((name) => isNonZero(lookupRootPath(ctx.root, name)))) {
      ctx.sink.error(ctx.address, "", "at-least-one-of", `one of ${group.map((g) => `"${g}"`).join(", ")} must be set`);
    }
  }
}

/** Resolves `a`, `a.0.b` (SDK path syntax) against a body in either block shape. */
function lookupRootPath(root: JsonObject, dotted: string): unknown {
  let current: unknown = root;
  for (const segment of dotted.split(".")) {
    if (/^\d+$/.test(segment)) {
      current = Array.isArray(current) ? current[Number(segment)] : Number(segment) === 0 ? current : undefined;
      continue;
    }
    if (Array.isArray(current) && current.length === 1) current = current[0];
    if (!isObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

/** introduced_in (and release gaps) against the declared controller version; true when a problem was reported. */
export function checkVersionFacts(ctx: WalkContext, facts: VersionFacts, path: string, what: string): boolean {
  const version = ctx.version;
  if (!version) return false;
  if (facts.introducedIn && version.before(facts.introducedIn)) {
    ctx.sink.error(
      ctx.address,
      path,
      "introduced-in",
      `${what} needs controller/provider ${facts.introducedIn} or newer; the document targets ${version} (${ctx.versionSource})`,
    );
    return true;
  }
  if (facts.gap) {
    const tags = [...facts.gap.present_in, ...facts.gap.absent_in]
      .map((t) => t.replace(/^v/, ""))
      .filter((t) => !version.before(t))
      .sort((a, b) => ControllerVersion.compare(b, a));
    const nearest = tags[0];
    if (nearest && facts.gap.absent_in.some((t) => t.replace(/^v/, "") === nearest)) {
      ctx.sink.error(
        ctx.address,
        path,
        "introduced-in",
        `${what} is not in release ${nearest}, which the document targets (${version}, ${ctx.versionSource}); ` +
          `it exists in ${facts.gap.present_in.join(", ")}`,
      );
      return true;
    }
  }
  return false;
}

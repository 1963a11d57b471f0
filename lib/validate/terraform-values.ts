// Reading values from Terraform JSON as cdktf and @cdktf/hcl2json write it.
// cdktf renders max_items=1 blocks as objects, hcl2json wraps every block (and every resource
// body) in an array; `${...}` strings are expressions whose value is unknown until plan.
import { editDistance } from "../util/edit-distance";

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True for a string holding a Terraform template/expression (`${...}` or `%{...}`). */
export function isExpression(value: unknown): value is string {
  return typeof value === "string" && (value.includes("${") || value.includes("%{"));
}

/** A value the user actually set: present, not null. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * A value that is set to something meaningful (the SDK's "non-zero" test for cross-field
 * rules): not empty string, not false, not an empty list/map. Expressions count as set.
 */
export function isNonZero(value: unknown): boolean {
  if (!isSet(value)) return false;
  if (value === "" || value === false || value === 0) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** One block instance with the path segment that locates it (`policies[2]` or `selector`). */
export interface BlockInstance {
  readonly body: JsonObject;
  readonly path: string;
}

/**
 * The instances of a block value: an object (one instance, no index) or an array of objects
 * (indexed). Expressions and other shapes give no instances (`shapeError` says why).
 */
export function blockInstances(value: unknown, path: string): { instances: BlockInstance[]; unknown: boolean; shapeError?: string } {
  if (isExpression(value)) return { instances: [], unknown: true };
  if (isObject(value)) return { instances: [{ body: value, path }], unknown: false };
  if (Array.isArray(value)) {
    const instances: BlockInstance[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (isObject(item)) instances.push({ body: item, path: `${path}[${i}]` });
      else if (isExpression(item)) return { instances, unknown: true };
      else return { instances, unknown: false, shapeError: `${path}[${i}]: got ${describe(item)}, want a block (object)` };
    }
    return { instances, unknown: false };
  }
  return { instances: [], unknown: false, shapeError: `got ${describe(value)}, want a block (object or list of objects)` };
}

/** hcl2json wraps resource bodies in a one-element array; cdktf writes the object. */
export function resourceBodies(value: unknown): JsonObject[] {
  if (isObject(value)) return [value];
  if (Array.isArray(value)) return value.filter(isObject);
  return [];
}

export function joinPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

/** Short, safe rendering of a value for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Closest candidate by edit distance, for "did you mean" hints (only for near misses). */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

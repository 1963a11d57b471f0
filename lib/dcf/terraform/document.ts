// Reading Terraform JSON in both shapes this project meets: cdktf's cdk.tf.json (max-1 blocks
// as objects, `dynamic` as objects) and @cdktf/hcl2json output (every block, resource body and
// dynamic wrapped in arrays). Blocks are read through a Node that carries its evaluation scope,
// so `dynamic` blocks expand over literal lists/maps or var./local. values from the document.
import { DcfModelError } from "../errors";
import { evaluateJson, isUnknown, Scope, Unknown, Value } from "./expression";

export type Raw = Record<string, unknown>;

export interface Node {
  readonly raw: Raw;
  readonly scope: Scope;
  /** Address for error messages, e.g. `aviatrix_web_group.tools.selector[0]`. */
  readonly path: string;
}

function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function isRaw(v: unknown): v is Raw {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** The document-wide scope: variable defaults and locals (hcl2json: arrays; cdktf: objects). */
export function documentScope(doc: Raw): Scope {
  const vars: Record<string, Value> = {};
  for (const [name, body] of Object.entries((doc.variable as Raw | undefined) ?? {})) {
    const b = asArray(body)[0];
    if (isRaw(b) && "default" in b) vars[name] = evaluateJson(b.default, { vars: {}, locals: {} });
  }
  const locals: Record<string, unknown> = {};
  for (const block of asArray(doc.locals)) if (isRaw(block)) Object.assign(locals, block);
  return { vars, locals };
}

/** Every `resource`/`data` body of one type: [name, body] sorted by name. */
export function bodiesOfType(doc: Raw, section: "resource" | "data", type: string): Array<[string, Raw]> {
  const byName = ((doc[section] as Raw | undefined) ?? {})[type];
  if (!isRaw(byName)) return [];
  const out: Array<[string, Raw]> = [];
  for (const name of Object.keys(byName).sort()) {
    const bodies = asArray(byName[name]);
    const address = `${section === "data" ? "data." : ""}${type}.${name}`;
    if (bodies.length !== 1 || !isRaw(bodies[0])) throw new DcfModelError(address, `expected one body, got ${bodies.length}`);
    const body = bodies[0];
    if (body.count !== undefined || body.for_each !== undefined) {
      throw new DcfModelError(address, "resource-level count/for_each is not supported by the simulator; expand the instances or give each its own resource");
    }
    out.push([name, body]);
  }
  return out;
}

export function attr(n: Node, name: string): Value | undefined {
  if (!(name in n.raw)) return undefined;
  return evaluateJson(n.raw[name], n.scope);
}

/** Static and dynamic blocks named `name`, in document order (static first, as Terraform does). */
export function blocks(n: Node, name: string): Node[] {
  const out: Node[] = asArray(n.raw[name]).map((b, i) => {
    if (!isRaw(b)) throw new DcfModelError(`${n.path}.${name}[${i}]`, "expected a block object");
    return { raw: b, scope: n.scope, path: `${n.path}.${name}[${i}]` };
  });
  for (const dynWrapper of asArray(n.raw.dynamic)) {
    if (!isRaw(dynWrapper)) continue;
    asArray(dynWrapper[name]).forEach((dyn, di) => {
      if (!isRaw(dyn)) return;
      const dpath = `${n.path}.dynamic.${name}[${di}]`;
      const iterator = typeof dyn.iterator === "string" ? dyn.iterator : name;
      const coll = evaluateJson(dyn.for_each, n.scope);
      const items = collectionItems(coll, dpath, dyn.for_each);
      const content = asArray(dyn.content)[0];
      if (!isRaw(content)) throw new DcfModelError(dpath, "dynamic block without content");
      items.forEach(({ key, value }, i) => {
        out.push({
          raw: content,
          scope: { ...n.scope, iterators: { ...(n.scope.iterators ?? {}), [iterator]: { key, value } } },
          path: `${dpath}[${i}]`,
        });
      });
    });
  }
  return out;
}

function collectionItems(coll: Value, path: string, expr: unknown): Array<{ key: Value; value: Value }> {
  if (isUnknown(coll)) {
    throw new DcfModelError(
      path,
      `cannot expand dynamic block: for_each ${JSON.stringify(expr)} is not known offline (want a literal list/map or var./local. with a default in the same document)`,
    );
  }
  if (Array.isArray(coll)) return coll.map((value, i) => ({ key: i, value }));
  if (isRaw(coll))
    return Object.keys(coll)
      .sort()
      .map((key) => ({ key, value: (coll as Record<string, Value>)[key] }));
  throw new DcfModelError(path, `dynamic for_each is not a collection (got ${JSON.stringify(coll)})`);
}

/** One optional max-1 block (cdktf object or hcl2json single-item array). */
export function block(n: Node, name: string): Node | undefined {
  const all = blocks(n, name);
  if (all.length > 1) throw new DcfModelError(`${n.path}.${name}`, `expected at most one ${name} block, got ${all.length}`);
  return all[0];
}

/** Text of a value for the model: strings as is, unknowns as their expression text. */
export function text(v: Value | undefined): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v.text;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

export function toNumber(v: Value | undefined, path: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v);
  throw new DcfModelError(path, `expected a number known offline (got ${JSON.stringify(isUnknown(v) ? v.text : v)})`);
}

export function toBool(v: Value | undefined, path: string): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw new DcfModelError(path, `expected a boolean known offline (got ${JSON.stringify(isUnknown(v) ? v.text : v)})`);
}

/** A list attribute as element values (an unknown whole list stays one Unknown element). */
export function list(v: Value | undefined): Value[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  return [v];
}

export function stringMap(v: Value | undefined, path: string): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isRaw(v) || v instanceof Unknown)
    throw new DcfModelError(path, `expected a map of strings known offline (got ${JSON.stringify(isUnknown(v) ? v.text : v)})`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) out[k] = text(x as Value) ?? "";
  return out;
}

// A small evaluator for the Terraform expressions that appear in DCF resources: templates,
// literals, lists/maps, var./local. references (defaults and locals from the same document),
// dynamic-block iterators and a few collection functions. Anything it cannot know offline
// (resource attributes, data sources, unsupported syntax) evaluates to an Unknown that keeps the
// expression text, so the model can carry it as an unresolved reference. Parsing is the shared
// Terraform-language parser (lib/terraform/hcl-syntax.ts); this file only evaluates its syntax tree.
import { Expr, hasTemplateSequence, parseJsonTemplate } from "../../terraform/hcl-syntax";
import { own } from "../../util/own";

export class Unknown {
  constructor(readonly text: string) {}
}

export type Value = string | number | boolean | null | Unknown | Value[] | { [k: string]: Value };

export interface Scope {
  /** var.<name> → value (variable defaults). */
  readonly vars: Readonly<Record<string, Value>>;
  /** local.<name> → raw expression (evaluated lazily, cycles → Unknown). */
  readonly locals: Readonly<Record<string, unknown>>;
  /** Dynamic-block iterators: <name>.value / <name>.key. */
  readonly iterators?: Readonly<Record<string, { key: Value; value: Value }>>;
}

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

/** Evaluates a JSON value from the document: strings are templates, arrays/objects recurse. */
export function evaluateJson(raw: unknown, scope: Scope, depth = 0): Value {
  if (typeof raw === "string") return evaluateTemplate(raw, scope, depth);
  if (Array.isArray(raw)) return raw.map((r) => evaluateJson(r, scope, depth));
  if (raw !== null && typeof raw === "object") {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out[k] = evaluateJson(v, scope, depth);
    return out;
  }
  return raw as Value;
}

function evaluateTemplate(s: string, scope: Scope, depth = 0): Value {
  if (!hasTemplateSequence(s)) return s.includes("$${") || s.includes("%%{") ? s.replace(/([$%])\1\{/g, "$1{") : s;
  const parsed = parseJsonTemplate(s);
  if (parsed.expr === undefined) return new Unknown(s);
  return evaluate(parsed.expr, scope, depth, s);
}

/** The text an unknown sub-expression is carried as: `${<expression>}`. */
function unknownOf(e: Expr): Unknown {
  return new Unknown(`\${${e.text}}`);
}

function evaluate(e: Expr, scope: Scope, depth: number, whole: string): Value {
  if (depth > 50) return new Unknown(whole);
  switch (e.kind) {
    case "literal":
      return e.value;
    case "template": {
      let out = "";
      for (const p of e.parts) {
        if (p.kind === "text") out += p.value;
        else if (p.kind === "interpolation") {
          const v = evaluate(p.expr, scope, depth, whole);
          if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out += String(v);
          else return new Unknown(whole);
        } else return new Unknown(whole); // directives are not evaluated offline
      }
      return out;
    }
    case "ref":
      return evaluateReference(e, scope, depth);
    case "call":
      return evaluateCall(e, scope, depth, whole);
    case "getattr":
      return index(evaluate(e.target, scope, depth, whole), e.name);
    case "index": {
      const target = evaluate(e.target, scope, depth, whole);
      const key = evaluate(e.key, scope, depth, whole);
      return isUnknown(target) || isUnknown(key) ? unknownOf(e) : index(target, key);
    }
    case "unary": {
      const v = evaluate(e.operand, scope, depth, whole);
      if (e.op === "!") return typeof v === "boolean" ? !v : unknownOf(e);
      return typeof v === "number" ? -v : unknownOf(e);
    }
    case "binary":
      return evaluateBinary(e, scope, depth, whole);
    case "conditional": {
      const c = evaluate(e.cond, scope, depth, whole);
      if (typeof c !== "boolean") return unknownOf(e);
      return evaluate(c ? e.yes : e.no, scope, depth, whole);
    }
    case "tuple":
      return e.items.map((i) => evaluate(i, scope, depth, whole));
    case "object": {
      const out: Record<string, Value> = {};
      for (const { key, value } of e.items) {
        const k = evaluate(key, scope, depth, whole);
        if (typeof k !== "string" && typeof k !== "number" && typeof k !== "boolean") return unknownOf(e);
        out[String(k)] = evaluate(value, scope, depth, whole);
      }
      return out;
    }
    default:
      // for expressions, splats: not evaluated offline.
      return unknownOf(e);
  }
}

function evaluateBinary(e: Extract<Expr, { kind: "binary" }>, scope: Scope, depth: number, whole: string): Value {
  const l = evaluate(e.left, scope, depth, whole);
  const r = evaluate(e.right, scope, depth, whole);
  if (e.op === "==" || e.op === "!=") {
    if (isUnknown(l) || isUnknown(r)) return unknownOf(e);
    const eq = JSON.stringify(l) === JSON.stringify(r);
    return e.op === "==" ? eq : !eq;
  }
  if (e.op === "&&" || e.op === "||") {
    if (typeof l !== "boolean" || typeof r !== "boolean") return unknownOf(e);
    return e.op === "&&" ? l && r : l || r;
  }
  if (typeof l !== "number" || typeof r !== "number") return unknownOf(e);
  switch (e.op) {
    case "+":
      return l + r;
    case "-":
      return l - r;
    case "*":
      return l * r;
    case "/":
      return l / r;
    case "%":
      return l % r;
    case "<":
      return l < r;
    case "<=":
      return l <= r;
    case ">":
      return l > r;
    default:
      return l >= r;
  }
}

const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  toset: (a) => (Array.isArray(a[0]) ? dedupe(a[0]) : a[0]),
  tolist: (a) => a[0],
  distinct: (a) => (Array.isArray(a[0]) ? dedupe(a[0]) : a[0]),
  concat: (a) => ([] as Value[]).concat(...a.map((x) => x as Value[])),
  flatten: (a) => flattenDeep(a[0] as Value[]),
  compact: (a) => (a[0] as Value[]).filter((x) => x !== "" && x !== null),
  sort: (a) => [...(a[0] as Value[])].sort((x, y) => (String(x) < String(y) ? -1 : 1)),
  lower: (a) => (a[0] as string).toLowerCase(),
  upper: (a) => (a[0] as string).toUpperCase(),
  trimspace: (a) => (a[0] as string).trim(),
  keys: (a) => Object.keys(a[0] as Record<string, Value>).sort(),
  values: (a) =>
    Object.keys(a[0] as Record<string, Value>)
      .sort()
      .map((k) => (a[0] as Record<string, Value>)[k]),
  replace: (a) => (a[0] as string).split(a[1] as string).join(a[2] as string),
  // JSON is valid YAML: enough for the secret scan to see inside Helm values built with yamlencode.
  jsonencode: (a) => JSON.stringify(a[0]),
  yamlencode: (a) => JSON.stringify(a[0]),
  join: (a) => (a[1] as Value[]).map((x) => String(x)).join(a[0] as string),
  format: (a) => {
    let i = 1;
    return (a[0] as string).replace(/%[sdv%]/g, (m) => (m === "%%" ? "%" : String(a[i++])));
  },
};

function dedupe(list: Value[]): Value[] {
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const v of list) {
    const k = isUnknown(v) ? `?${v.text}` : JSON.stringify(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  // Terraform sets of strings iterate in lexical order.
  return out.every((v) => typeof v === "string") ? (out as string[]).sort() : out;
}

function flattenDeep(list: Value[]): Value[] {
  return list.flatMap((v) => (Array.isArray(v) ? flattenDeep(v) : [v]));
}

const LIST_BUILDERS = new Set(["concat", "toset", "tolist", "distinct", "flatten", "compact"]);

function evaluateCall(e: Extract<Expr, { kind: "call" }>, scope: Scope, depth: number, whole: string): Value {
  const fn = own(FUNCTIONS, e.name);
  if (fn === undefined || e.expandLast) return unknownOf(e);
  const args = e.args.map((a) => evaluate(a, scope, depth, whole));
  // A function over unknown inputs is unknown, except list builders which keep unknown elements.
  if (args.some(isUnknown)) return unknownOf(e);
  if (LIST_BUILDERS.has(e.name)) {
    if (!args.every((a) => Array.isArray(a))) return unknownOf(e);
  } else if (args.some((a) => Array.isArray(a) && a.some(isUnknown))) return unknownOf(e);
  try {
    return fn(args);
  } catch {
    return unknownOf(e);
  }
}

function evaluateReference(e: Extract<Expr, { kind: "ref" }>, scope: Scope, depth: number): Value {
  const segs = [...e.path];
  const head = segs[0];
  let v: Value;
  // Own entries only: `var.constructor` must not find Object.prototype members.
  if (e.root === "var" && typeof head === "string" && Object.hasOwn(scope.vars, head)) {
    v = scope.vars[head];
  } else if (e.root === "local" && typeof head === "string" && Object.hasOwn(scope.locals, head)) {
    // Locals see no iterators; depth bounds self-referencing locals.
    v = evaluateJson(scope.locals[head], { vars: scope.vars, locals: scope.locals }, depth + 1);
    if (isUnknown(v)) return new Unknown(`\${local.${head}}`);
  } else if (scope.iterators && Object.hasOwn(scope.iterators, e.root) && (head === "value" || head === "key")) {
    v = scope.iterators[e.root][head];
  } else {
    return unknownOf(e);
  }
  for (const s of segs.slice(1)) {
    v = index(v, s);
    if (isUnknown(v)) return unknownOf(e);
  }
  return v;
}

function index(v: Value, key: Value): Value {
  if (isUnknown(v)) return v;
  if (Array.isArray(v) && typeof key === "number") return key < v.length ? v[key] : new Unknown(`[${key}]`);
  if (v !== null && typeof v === "object" && !Array.isArray(v) && typeof key === "string" && Object.hasOwn(v, key)) return v[key];
  return new Unknown(`.${String(key)}`);
}

// A small evaluator for the Terraform expressions that appear in DCF resources: templates,
// literals, lists/maps, var./local. references (defaults and locals from the same document),
// dynamic-block iterators and a few collection functions. Anything it cannot know offline
// (resource attributes, data sources, unsupported syntax) evaluates to an Unknown that keeps the
// expression text, so the model can carry it as an unresolved reference.
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

/** Splits "a${x}b" into literal and interpolation parts (nested braces and strings aware). */
function splitTemplate(s: string): Array<{ lit: string } | { expr: string }> | undefined {
  const parts: Array<{ lit: string } | { expr: string }> = [];
  let i = 0;
  let lit = "";
  while (i < s.length) {
    if (s.startsWith("$${", i)) {
      lit += "${";
      i += 3;
      continue;
    }
    if (s.startsWith("${", i)) {
      let depth = 1;
      let j = i + 2;
      let inStr = false;
      while (j < s.length && depth > 0) {
        const ch = s[j];
        if (inStr) {
          if (ch === "\\") j++;
          else if (ch === '"') inStr = false;
        } else if (ch === '"') inStr = true;
        else if (ch === "{") depth++;
        else if (ch === "}") depth--;
        j++;
      }
      if (depth !== 0) return undefined;
      if (lit !== "") parts.push({ lit });
      lit = "";
      parts.push({ expr: s.slice(i + 2, j - 1) });
      i = j;
      continue;
    }
    lit += s[i++];
  }
  if (lit !== "") parts.push({ lit });
  return parts;
}

function evaluateTemplate(s: string, scope: Scope, depth = 0): Value {
  if (!s.includes("${")) return s;
  const parts = splitTemplate(s);
  if (parts === undefined) return new Unknown(s);
  if (parts.length === 1 && "expr" in parts[0]) return evaluateExpression(parts[0].expr, scope, depth);
  let out = "";
  for (const p of parts) {
    if ("lit" in p) out += p.lit;
    else {
      const v = evaluateExpression(p.expr, scope, depth);
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out += String(v);
      else return new Unknown(s);
    }
  }
  return out;
}

function evaluateExpression(src: string, scope: Scope, depth = 0): Value {
  if (depth > 50) return new Unknown(`\${${src}}`);
  try {
    const p = new Parser(src, scope, depth);
    const v = p.parseExpr();
    p.skipWs();
    if (p.pos !== src.length) return new Unknown(`\${${src}}`);
    return v;
  } catch {
    return new Unknown(`\${${src}}`);
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
  values: (a) => Object.keys(a[0] as Record<string, Value>).sort().map((k) => (a[0] as Record<string, Value>)[k]),
  replace: (a) => (a[0] as string).split(a[1] as string).join(a[2] as string),
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

class Parser {
  pos = 0;
  constructor(
    private readonly s: string,
    private readonly scope: Scope,
    private readonly depth: number,
  ) {}

  skipWs(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos])) this.pos++;
  }

  private peek(t: string): boolean {
    this.skipWs();
    return this.s.startsWith(t, this.pos);
  }

  private eat(t: string): void {
    if (!this.peek(t)) throw new Error(`expected ${t}`);
    this.pos += t.length;
  }

  parseExpr(): Value {
    const start = this.pos;
    const cond = this.parseOr();
    if (this.peek("?")) {
      this.eat("?");
      const a = this.parseExpr();
      this.eat(":");
      const b = this.parseExpr();
      if (typeof cond === "boolean") return cond ? a : b;
      return new Unknown(`\${${this.s.slice(start, this.pos).trim()}}`);
    }
    return cond;
  }

  private parseOr(): Value {
    let l = this.parseAnd();
    while (this.peek("||")) {
      this.eat("||");
      const r = this.parseAnd();
      l = typeof l === "boolean" && typeof r === "boolean" ? l || r : new Unknown("||");
    }
    return l;
  }

  private parseAnd(): Value {
    let l = this.parseEq();
    while (this.peek("&&")) {
      this.eat("&&");
      const r = this.parseEq();
      l = typeof l === "boolean" && typeof r === "boolean" ? l && r : new Unknown("&&");
    }
    return l;
  }

  private parseEq(): Value {
    const l = this.parseUnary();
    for (const op of ["==", "!="]) {
      if (this.peek(op)) {
        this.eat(op);
        const r = this.parseUnary();
        if (isUnknown(l) || isUnknown(r)) return new Unknown(op);
        const eq = JSON.stringify(l) === JSON.stringify(r);
        return op === "==" ? eq : !eq;
      }
    }
    return l;
  }

  private parseUnary(): Value {
    if (this.peek("!") && !this.peek("!=")) {
      this.eat("!");
      const v = this.parseUnary();
      return typeof v === "boolean" ? !v : new Unknown("!");
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(base: Value): Value {
    let v = base;
    for (;;) {
      if (this.peek("[")) {
        this.eat("[");
        const idx = this.parseExpr();
        this.eat("]");
        v = index(v, idx);
      } else if (this.peek(".") && !this.peek("...")) {
        this.eat(".");
        const name = this.ident();
        v = index(v, /^\d+$/.test(name) ? Number(name) : name);
      } else return v;
    }
  }

  private ident(): string {
    this.skipWs();
    const m = /^[A-Za-z_][\w-]*/.exec(this.s.slice(this.pos));
    if (!m) throw new Error("identifier expected");
    this.pos += m[0].length;
    return m[0];
  }

  private parsePrimary(): Value {
    this.skipWs();
    const ch = this.s[this.pos];
    if (ch === '"') return this.parseString();
    if (ch === "(") {
      this.eat("(");
      const v = this.parseExpr();
      this.eat(")");
      return v;
    }
    if (ch === "[") return this.parseList();
    if (ch === "{") return this.parseObject();
    const num = /^-?\d+(\.\d+)?/.exec(this.s.slice(this.pos));
    if (num) {
      this.pos += num[0].length;
      return Number(num[0]);
    }
    const start = this.pos;
    const id = this.ident();
    if (id === "true") return true;
    if (id === "false") return false;
    if (id === "null") return null;
    if (this.peek("(")) return this.parseCall(id, start);
    return this.parseReference(id, start);
  }

  private parseCall(name: string, start: number): Value {
    this.eat("(");
    const args: Value[] = [];
    while (!this.peek(")")) {
      args.push(this.parseExpr());
      if (this.peek("...")) this.eat("...");
      if (this.peek(",")) this.eat(",");
      else break;
    }
    this.eat(")");
    const text = () => `\${${this.s.slice(start, this.pos).trim()}}`;
    const fn = own(FUNCTIONS, name);
    if (fn === undefined) return new Unknown(text());
    // A function over unknown inputs is unknown, except list builders which keep unknown elements.
    if (args.some(isUnknown)) return new Unknown(text());
    if (["concat", "toset", "tolist", "distinct", "flatten", "compact"].includes(name)) {
      if (!args.every((a) => Array.isArray(a))) return new Unknown(text());
    } else if (args.some((a) => Array.isArray(a) && a.some(isUnknown))) return new Unknown(text());
    try {
      return fn(args);
    } catch {
      return new Unknown(text());
    }
  }

  private parseReference(root: string, start: number): Value {
    // Consume the static traversal first so the text of the reference is known.
    const segs: Array<string | number> = [];
    for (;;) {
      if (this.peek(".") && !this.peek("...")) {
        const save = this.pos;
        this.eat(".");
        if (this.peek("*")) {
          this.pos = save;
          break;
        }
        const name = this.ident();
        segs.push(/^\d+$/.test(name) ? Number(name) : name);
      } else if (this.peek("[")) {
        const save = this.pos;
        this.eat("[");
        this.skipWs();
        const lit = /^(\d+|"[^"]*")\s*\]/.exec(this.s.slice(this.pos));
        if (!lit) {
          this.pos = save;
          break;
        }
        this.pos += lit[0].length;
        segs.push(lit[1].startsWith('"') ? lit[1].slice(1, -1) : Number(lit[1]));
      } else break;
    }
    const text = `\${${this.s.slice(start, this.pos).trim()}}`;
    let v: Value;
    if (root === "var" && typeof segs[0] === "string" && segs[0] in this.scope.vars) {
      v = this.scope.vars[segs[0]];
      segs.shift();
    } else if (root === "local" && typeof segs[0] === "string" && segs[0] in this.scope.locals) {
      const raw = this.scope.locals[segs[0]];
      // Locals see no iterators; depth bounds self-referencing locals.
      v = evaluateJson(raw, { vars: this.scope.vars, locals: this.scope.locals }, this.depth + 1);
      segs.shift();
      if (isUnknown(v)) return new Unknown(`\${local.${String(segsHead(text))}}`);
    } else if (this.scope.iterators && root in this.scope.iterators && (segs[0] === "value" || segs[0] === "key")) {
      v = this.scope.iterators[root][segs[0] as "value" | "key"];
      segs.shift();
    } else {
      return new Unknown(text);
    }
    for (const s of segs) {
      v = index(v, s);
      if (isUnknown(v)) return new Unknown(text);
    }
    return v;
  }

  private parseString(): Value {
    // Find the closing quote, honouring escapes and nested ${ } templates.
    const start = this.pos;
    let j = start + 1;
    let depth = 0;
    while (j < this.s.length) {
      const ch = this.s[j];
      if (ch === "\\") j += 2;
      else if (depth === 0 && ch === '"') break;
      else if (this.s.startsWith("${", j)) {
        depth++;
        j += 2;
      } else if (depth > 0 && ch === "}") {
        depth--;
        j++;
      } else j++;
    }
    if (j >= this.s.length) throw new Error("unterminated string");
    const body = this.s.slice(start + 1, j).replace(/\\(["\\nrt])/g, (_m, c: string) => ({ n: "\n", r: "\r", t: "\t" })[c] ?? c);
    this.pos = j + 1;
    return evaluateTemplate(body, this.scope, this.depth + 1);
  }

  private parseList(): Value {
    this.eat("[");
    if (this.peek("for ") || this.peek("for\t")) throw new Error("for expressions are not evaluated");
    const out: Value[] = [];
    while (!this.peek("]")) {
      out.push(this.parseExpr());
      if (this.peek(",")) this.eat(",");
      else break;
    }
    this.eat("]");
    return out;
  }

  private parseObject(): Value {
    this.eat("{");
    if (this.peek("for ")) throw new Error("for expressions are not evaluated");
    const out: Record<string, Value> = {};
    while (!this.peek("}")) {
      this.skipWs();
      const key = this.s[this.pos] === '"' ? this.parseString() : this.ident();
      if (this.peek("=")) this.eat("=");
      else this.eat(":");
      out[String(key)] = this.parseExpr();
      if (this.peek(",")) this.eat(",");
    }
    this.eat("}");
    return out;
  }
}

function segsHead(text: string): string {
  const m = /^\$\{local\.([A-Za-z_][\w-]*)/.exec(text);
  return m ? m[1] : text;
}

function index(v: Value, key: Value): Value {
  if (isUnknown(v)) return v;
  if (Array.isArray(v) && typeof key === "number") return key < v.length ? v[key] : new Unknown(`[${key}]`);
  if (v !== null && typeof v === "object" && !Array.isArray(v) && typeof key === "string" && key in v) return v[key];
  return new Unknown(`.${String(key)}`);
}

// The one parser for Terraform's expression language (HCL native syntax) as it appears in
// Terraform JSON: every JSON string in an expression position is a template ("a ${x} %{ if c }…"),
// and each `${…}` holds an expression. Used by the DCF parse-back evaluator
// (lib/dcf/terraform/expression.ts) and by `vca validate`'s language checks
// (lib/validate/terraform-language.ts). Grammar: HCL native syntax spec (operators, for
// expressions, splats, templates, strip markers) — docs/research/terraform-language.md.
//
// Parsing never throws: syntax problems come back as `SyntaxProblem`s with an offset, the way
// Terraform reports them ("Unclosed template interpolation sequence", "Missing expression"...).

export type Expr =
  | { readonly kind: "literal"; readonly value: string | number | boolean | null; readonly text: string }
  | { readonly kind: "template"; readonly parts: readonly TemplatePart[]; readonly text: string }
  /** A root name and its static traversal: `var.x`, `aws_vpc.main.id`, `each.value[0]`. */
  | { readonly kind: "ref"; readonly root: string; readonly path: ReadonlyArray<string | number>; readonly text: string }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly Expr[]; readonly expandLast: boolean; readonly text: string }
  | { readonly kind: "getattr"; readonly target: Expr; readonly name: string; readonly text: string }
  | { readonly kind: "index"; readonly target: Expr; readonly key: Expr; readonly text: string }
  /** `target[*].rest` / `target.*.rest`: `each` is evaluated per element, with `splat-item` standing for it. */
  | { readonly kind: "splat"; readonly target: Expr; readonly each: Expr; readonly text: string }
  | { readonly kind: "splat-item"; readonly text: string }
  | { readonly kind: "unary"; readonly op: "!" | "-"; readonly operand: Expr; readonly text: string }
  | { readonly kind: "binary"; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly text: string }
  | { readonly kind: "conditional"; readonly cond: Expr; readonly yes: Expr; readonly no: Expr; readonly text: string }
  | { readonly kind: "tuple"; readonly items: readonly Expr[]; readonly text: string }
  | { readonly kind: "object"; readonly items: ReadonlyArray<{ readonly key: Expr; readonly value: Expr }>; readonly text: string }
  | {
      readonly kind: "for";
      readonly keyVar?: string;
      readonly valueVar: string;
      readonly collection: Expr;
      readonly keyExpr?: Expr;
      readonly valueExpr: Expr;
      readonly cond?: Expr;
      readonly grouping: boolean;
      readonly text: string;
    };

export type TemplatePart =
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "interpolation"; readonly expr: Expr }
  | { readonly kind: "if"; readonly cond: Expr; readonly then: readonly TemplatePart[]; readonly else: readonly TemplatePart[] }
  | { readonly kind: "for"; readonly keyVar?: string; readonly valueVar: string; readonly collection: Expr; readonly body: readonly TemplatePart[] };

export type BinaryOp = "||" | "&&" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/" | "%";

export interface SyntaxProblem {
  /** Terraform's summary for the same mistake, e.g. "Unclosed template interpolation sequence". */
  readonly summary: string;
  readonly detail: string;
  /** Offset in the parsed text. */
  readonly offset: number;
}

export interface ParseResult {
  readonly expr?: Expr;
  readonly problems: readonly SyntaxProblem[];
}

/** A Terraform JSON string (already JSON-decoded) as a template. */
export function parseJsonTemplate(text: string): ParseResult {
  const p = new Parser(text, "json");
  try {
    const parts = p.templateParts(text.length, []);
    return { expr: templateOrSingle(parts, text), problems: [] };
  } catch (err) {
    if (err instanceof ParseStop) return { problems: [err.problem] };
    throw err;
  }
}

/** A bare expression (depends_on, replace_triggered_by and provider entries are written bare in JSON). */
export function parseBareExpression(text: string): ParseResult {
  const p = new Parser(text, "json");
  try {
    const expr = p.expression();
    p.ws();
    if (p.pos < text.length) p.fail("Extra characters after expression", `unexpected ${JSON.stringify(text.slice(p.pos, p.pos + 10))}`);
    return { expr, problems: [] };
  } catch (err) {
    if (err instanceof ParseStop) return { problems: [err.problem] };
    throw err;
  }
}

/** True when the JSON string holds a template sequence at all (`${` or `%{` not escaped). */
export function hasTemplateSequence(text: string): boolean {
  // Most strings (names, YAML documents, policy text) hold neither opener: the native search spares them the loop.
  if (!text.includes("${") && !text.includes("%{")) return false;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text[i];
    if ((c === "$" || c === "%") && text[i + 1] === c && text[i + 2] === "{") {
      i += 2;
      continue;
    }
    if ((c === "$" || c === "%") && text[i + 1] === "{") return true;
  }
  return false;
}

/** A template with only one interpolation and no text evaluates to that expression's value (any type). */
function templateOrSingle(parts: readonly TemplatePart[], text: string): Expr {
  if (parts.length === 1 && parts[0].kind === "interpolation") return parts[0].expr;
  if (parts.length === 0) return { kind: "literal", value: "", text };
  if (parts.every((p) => p.kind === "text")) return { kind: "literal", value: parts.map((p) => (p as { value: string }).value).join(""), text };
  return { kind: "template", parts, text };
}

class ParseStop extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.summary);
  }
}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const BINARY_LEVELS: ReadonlyArray<readonly BinaryOp[]> = [["||"], ["&&"], ["==", "!="], ["<=", ">=", "<", ">"], ["+", "-"], ["*", "/", "%"]];
const KEYWORD_END = /[A-Za-z0-9_-]/;

class Parser {
  pos = 0;

  constructor(
    private readonly s: string,
    /** "json": a JSON-decoded string (no backslash escapes); "quoted": inside "…" in an expression. */
    private readonly mode: "json" | "quoted",
  ) {}

  fail(summary: string, detail: string, at = this.pos): never {
    throw new ParseStop({ summary, detail, offset: at });
  }

  /** Skips whitespace (newlines too: JSON templates are one token stream) and comments. */
  ws(): void {
    for (;;) {
      while (this.pos < this.s.length && /\s/.test(this.s[this.pos])) this.pos++;
      if (this.s.startsWith("#", this.pos) || this.s.startsWith("//", this.pos)) {
        while (this.pos < this.s.length && this.s[this.pos] !== "\n") this.pos++;
      } else if (this.s.startsWith("/*", this.pos)) {
        const end = this.s.indexOf("*/", this.pos + 2);
        if (end < 0) this.fail("Unterminated comment", "a /* comment has no closing */");
        this.pos = end + 2;
      } else return;
    }
  }

  private at(t: string): boolean {
    this.ws();
    return this.s.startsWith(t, this.pos);
  }

  private eat(t: string, what = `"${t}"`): void {
    if (!this.at(t)) {
      if (this.pos >= this.s.length) this.fail("Missing expression", `expected ${what}, found the end of the template`);
      this.fail("Invalid expression", `expected ${what}, found ${JSON.stringify(this.s.slice(this.pos, this.pos + 12))}`);
    }
    this.pos += t.length;
  }

  private keyword(word: string): boolean {
    this.ws();
    return this.s.startsWith(word, this.pos) && !KEYWORD_END.test(this.s[this.pos + word.length] ?? "");
  }

  private ident(): string {
    this.ws();
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.s);
    if (!m) {
      if (this.pos >= this.s.length) this.fail("Missing expression", "expected a name, found the end of the template");
      this.fail("Invalid expression", `expected a name, found ${JSON.stringify(this.s.slice(this.pos, this.pos + 12))}`);
    }
    this.pos += m[0].length;
    return m[0];
  }

  private textFrom(start: number): string {
    return this.s.slice(start, this.pos).trim();
  }

  // ---- templates ----------------------------------------------------------------------------

  /**
   * Template parts up to `end` (exclusive), or up to a closing directive named in `closers`
   * (returned to the caller un-consumed, the caller re-reads it).
   */
  templateParts(end: number, closers: readonly string[]): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let text = "";
    // Strip markers act on the adjacent line of literal text (a line keeps its "\n"), as Terraform
    // 1.11 does: `${~` trims the end of the line before it, `~}` the start of the line after it
    // (up to and including its newline) — experiments in docs/research/terraform-language.md.
    let stripLeading = false;
    const flush = () => {
      if (text !== "") parts.push({ kind: "text", value: text });
      text = "";
    };
    while (this.pos < end) {
      const c = this.s[this.pos];
      if (stripLeading && /\s/.test(c)) {
        this.pos++;
        if (c === "\n") stripLeading = false;
        continue;
      }
      stripLeading = false;
      if ((c === "$" || c === "%") && this.s.startsWith(`${c}${c}{`, this.pos)) {
        text += `${c}{`;
        this.pos += 3;
        continue;
      }
      if (c === "$" && this.s[this.pos + 1] === "{") {
        flush();
        const start = this.pos;
        this.pos += 2;
        if (this.s[this.pos] === "~") {
          this.pos++;
          const last = parts[parts.length - 1];
          if (last?.kind === "text") parts[parts.length - 1] = { kind: "text", value: trimLastLine(last.value) };
        }
        this.ws();
        if (this.pos >= end) this.fail("Unclosed template interpolation sequence", "a ${ sequence is not closed by }", start);
        const expr = this.expression();
        this.ws();
        if (this.s[this.pos] === "~") {
          this.pos++;
          stripLeading = true;
        }
        if (this.pos >= end || this.s[this.pos] !== "}") {
          if (this.pos >= end) this.fail("Unclosed template interpolation sequence", "a ${ sequence is not closed by }", start);
          this.fail(
            "Extra characters after interpolation expression",
            `expected "}" after the expression, found ${JSON.stringify(this.s.slice(this.pos, this.pos + 12))}`,
          );
        }
        this.pos++;
        parts.push({ kind: "interpolation", expr });
        continue;
      }
      if (c === "%" && this.s[this.pos + 1] === "{") {
        const save = this.pos;
        const name = this.peekDirective();
        if (closers.includes(name)) {
          flush();
          this.pos = save;
          return parts;
        }
        flush();
        parts.push(this.directive(end));
        continue;
      }
      if (c === "\\" && this.mode === "quoted") {
        text += this.escape();
        continue;
      }
      if (c === '"' && this.mode === "quoted") break;
      text += c;
      this.pos++;
    }
    if (closers.length > 0) this.fail("Unexpected end of template", `the template ends before %{ ${closers[closers.length - 1]} }`);
    flush();
    return parts;
  }

  /** Name of the directive at pos (`if`, `else`, `endif`, `for`, `endfor`), pos unchanged. */
  private peekDirective(): string {
    const save = this.pos;
    this.pos += 2;
    if (this.s[this.pos] === "~") this.pos++;
    this.ws();
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.s);
    this.pos = save;
    return m ? m[0] : "";
  }

  private closeDirective(start: number): void {
    this.ws();
    if (this.s[this.pos] === "~") this.pos++;
    if (this.s[this.pos] !== "}") {
      if (this.pos >= this.s.length) this.fail("Unclosed template directive", "a %{ sequence is not closed by }", start);
      this.fail("Invalid template directive", `expected "}", found ${JSON.stringify(this.s.slice(this.pos, this.pos + 12))}`);
    }
    this.pos++;
  }

  private openDirective(): number {
    const start = this.pos;
    this.pos += 2;
    if (this.s[this.pos] === "~") this.pos++;
    return start;
  }

  private directive(end: number): TemplatePart {
    const start = this.openDirective();
    const name = this.ident();
    if (name === "if") {
      const cond = this.expression();
      this.closeDirective(start);
      const then = this.templateParts(end, ["else", "endif"]);
      let otherwise: TemplatePart[] = [];
      if (this.peekDirective() === "else") {
        const s2 = this.openDirective();
        this.ident();
        this.closeDirective(s2);
        otherwise = this.templateParts(end, ["endif"]);
      }
      const s3 = this.openDirective();
      this.ident();
      this.closeDirective(s3);
      return { kind: "if", cond, then, else: otherwise };
    }
    if (name === "for") {
      const first = this.ident();
      let keyVar: string | undefined;
      let valueVar = first;
      if (this.at(",")) {
        this.eat(",");
        keyVar = first;
        valueVar = this.ident();
      }
      if (!this.keyword("in")) this.fail("Invalid 'for' directive", 'expected "in" after the for variable names');
      this.pos += 2;
      const collection = this.expression();
      this.closeDirective(start);
      const body = this.templateParts(end, ["endfor"]);
      const s2 = this.openDirective();
      this.ident();
      this.closeDirective(s2);
      return { kind: "for", keyVar, valueVar, collection, body };
    }
    this.fail(
      "Invalid template control keyword",
      `%{ ${name} } is not a template directive (want if/else/endif, for/endfor; write %%{ for a literal %{)`,
      start,
    );
  }

  private escape(): string {
    const next = this.s[this.pos + 1];
    const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };
    if (next !== undefined && Object.hasOwn(simple, next)) {
      this.pos += 2;
      return simple[next];
    }
    const hex = next === "u" ? 4 : next === "U" ? 8 : 0;
    if (hex && /^[0-9A-Fa-f]+$/.test(this.s.slice(this.pos + 2, this.pos + 2 + hex)) && this.pos + 2 + hex <= this.s.length) {
      const code = parseInt(this.s.slice(this.pos + 2, this.pos + 2 + hex), 16);
      this.pos += 2 + hex;
      return String.fromCodePoint(code);
    }
    this.fail("Invalid escape sequence", `\\${next ?? ""} is not a valid escape in a quoted string`);
  }

  // ---- expressions --------------------------------------------------------------------------

  expression(): Expr {
    const start = this.pos;
    const cond = this.binary(0);
    if (this.at("?")) {
      this.eat("?");
      const yes = this.expression();
      this.eat(":", '":" of the conditional');
      const no = this.expression();
      return { kind: "conditional", cond, yes, no, text: this.textFrom(start) };
    }
    return cond;
  }

  private binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    const start = this.pos;
    let left = this.binary(level + 1);
    for (;;) {
      this.ws();
      const op = BINARY_LEVELS[level].find((o) => this.s.startsWith(o, this.pos));
      if (!op) return left;
      this.pos += op.length;
      const right = this.binary(level + 1);
      left = { kind: "binary", op, left, right, text: this.textFrom(start) };
    }
  }

  private unary(): Expr {
    this.ws();
    const start = this.pos;
    const c = this.s[this.pos];
    if ((c === "!" && this.s[this.pos + 1] !== "=") || c === "-") {
      this.pos++;
      const operand = this.unary();
      return { kind: "unary", op: c as "!" | "-", operand, text: this.textFrom(start) };
    }
    return this.postfix(this.primary(), start);
  }

  private postfix(base: Expr, start: number): Expr {
    let target = base;
    for (;;) {
      this.ws();
      if (this.s.startsWith(".*", this.pos) || this.s.startsWith("[*]", this.pos)) {
        const full = this.s[this.pos] === "[";
        this.pos += full ? 3 : 2;
        // Attribute-only splat (`.*`) applies the following .attr steps; a full splat also indexes.
        let each: Expr = { kind: "splat-item", text: "" };
        for (;;) {
          this.ws();
          if (this.s[this.pos] === "." && this.s[this.pos + 1] !== "*") {
            this.pos++;
            const name = this.attrName();
            each = typeof name === "number" ? indexOf(each, name) : { kind: "getattr", target: each, name, text: "" };
          } else if (full && this.s[this.pos] === "[" && !this.s.startsWith("[*]", this.pos)) {
            this.pos++;
            const key = this.expression();
            this.eat("]");
            each = { kind: "index", target: each, key, text: "" };
          } else break;
        }
        target = { kind: "splat", target, each, text: this.textFrom(start) };
      } else if (this.s[this.pos] === "." && /[A-Za-z_0-9]/.test(this.s[this.pos + 1] ?? "")) {
        this.pos++;
        const name = this.attrName();
        target =
          typeof name === "number" ? { ...indexOf(target, name), text: this.textFrom(start) } : { kind: "getattr", target, name, text: this.textFrom(start) };
      } else if (this.s[this.pos] === "[") {
        this.pos++;
        const key = this.expression();
        this.eat("]");
        target = { kind: "index", target, key, text: this.textFrom(start) };
      } else return target;
    }
  }

  /** `.name` or legacy `.0` index. */
  private attrName(): string | number {
    if (/[0-9]/.test(this.s[this.pos] ?? "")) {
      const m = /[0-9]+/y;
      m.lastIndex = this.pos;
      const d = m.exec(this.s) as RegExpExecArray;
      this.pos += d[0].length;
      return Number(d[0]);
    }
    return this.ident();
  }

  private primary(): Expr {
    this.ws();
    const start = this.pos;
    const c = this.s[this.pos];
    if (c === undefined) this.fail("Missing expression", "expected an expression, found the end of the template");
    if (c === '"') return this.quoted();
    if (c === "(") {
      this.pos++;
      const inner = this.expression();
      this.eat(")");
      return inner;
    }
    if (c === "[") return this.tupleOrFor();
    if (c === "{") return this.objectOrFor();
    if (this.s.startsWith("<<", this.pos)) return this.heredoc();
    NUMBER.lastIndex = this.pos;
    const num = NUMBER.exec(this.s);
    if (num) {
      this.pos += num[0].length;
      return { kind: "literal", value: Number(num[0]), text: num[0] };
    }
    if (!/[A-Za-z_]/.test(c))
      this.fail("Invalid expression", `expected the start of an expression, found ${JSON.stringify(this.s.slice(this.pos, this.pos + 12))}`);
    let name = this.ident();
    if (name === "true" || name === "false") return { kind: "literal", value: name === "true", text: name };
    if (name === "null") return { kind: "literal", value: null, text: name };
    while (this.s.startsWith("::", this.pos)) {
      this.pos += 2;
      name += `::${this.ident()}`;
    }
    if (this.at("(")) return this.call(name, start);
    return this.reference(name, start);
  }

  private call(name: string, start: number): Expr {
    this.eat("(");
    const args: Expr[] = [];
    let expandLast = false;
    while (!this.at(")")) {
      args.push(this.expression());
      if (this.at("...")) {
        this.eat("...");
        expandLast = true;
      }
      if (this.at(",")) this.eat(",");
      else break;
    }
    this.eat(")", `")" closing the call to ${name}`);
    return { kind: "call", name, args, expandLast, text: this.textFrom(start) };
  }

  /** A root name with its static traversal (`.name`, `.0`, `[0]`, `["key"]`). */
  private reference(root: string, start: number): Expr {
    const path: Array<string | number> = [];
    for (;;) {
      const save = this.pos;
      this.ws();
      if (this.s[this.pos] === "." && /[A-Za-z_0-9]/.test(this.s[this.pos + 1] ?? "")) {
        this.pos++;
        path.push(this.attrName());
        continue;
      }
      if (this.s[this.pos] === "[") {
        const lit = /\[\s*([0-9]+|"(?:[^"\\$%]|\\.)*")\s*\]/y;
        lit.lastIndex = this.pos;
        const m = lit.exec(this.s);
        if (m) {
          this.pos += m[0].length;
          path.push(m[1].startsWith('"') ? (JSON.parse(m[1]) as string) : Number(m[1]));
          continue;
        }
      }
      this.pos = save;
      return { kind: "ref", root, path, text: this.textFrom(start) };
    }
  }

  private quoted(): Expr {
    const start = this.pos;
    this.pos++;
    const inner = new Parser(this.s, "quoted");
    inner.pos = this.pos;
    const parts = inner.templateParts(this.s.length, []);
    if (inner.s[inner.pos] !== '"') this.fail("Unterminated template string", "a quoted string has no closing quote", start);
    this.pos = inner.pos + 1;
    return templateOrSingle(parts, this.textFrom(start));
  }

  private heredoc(): Expr {
    const start = this.pos;
    const m = /<<(-?)([A-Za-z_][A-Za-z0-9_-]*)\r?\n/y;
    m.lastIndex = this.pos;
    const head = m.exec(this.s);
    if (!head) this.fail("Invalid heredoc", "expected <<MARKER followed by a newline");
    const bodyStart = this.pos + head[0].length;
    const close = new RegExp(`^[ \\t]*${head[2]}[ \\t]*$`, "m");
    const rest = this.s.slice(bodyStart);
    const found = close.exec(rest);
    if (!found) this.fail("Unterminated template string", `heredoc <<${head[2]} has no closing ${head[2]} line`, start);
    const bodyEnd = bodyStart + found.index;
    const inner = new Parser(this.s, "json");
    inner.pos = bodyStart;
    const parts = inner.templateParts(bodyEnd, []);
    this.pos = bodyEnd + found[0].length;
    return templateOrSingle(parts, this.textFrom(start));
  }

  private isForStart(): boolean {
    const save = this.pos;
    this.pos++;
    const yes = this.keyword("for") && /\s/.test(this.s[this.pos + 3] ?? "");
    this.pos = save;
    return yes;
  }

  private forHead(): { keyVar?: string; valueVar: string; collection: Expr } {
    this.ident(); // "for"
    const first = this.ident();
    let keyVar: string | undefined;
    let valueVar = first;
    if (this.at(",")) {
      this.eat(",");
      keyVar = first;
      valueVar = this.ident();
    }
    if (!this.keyword("in")) this.fail("Invalid 'for' expression", 'expected "in" after the for variable names');
    this.pos += 2;
    const collection = this.expression();
    this.eat(":", '":" after the for collection');
    return { keyVar, valueVar, collection };
  }

  private tupleOrFor(): Expr {
    const start = this.pos;
    if (this.isForStart()) {
      this.pos++;
      const head = this.forHead();
      const valueExpr = this.expression();
      const cond = this.keyword("if") ? (this.ident(), this.expression()) : undefined;
      this.eat("]");
      return { kind: "for", ...head, valueExpr, cond, grouping: false, text: this.textFrom(start) };
    }
    this.pos++;
    const items: Expr[] = [];
    while (!this.at("]")) {
      items.push(this.expression());
      if (this.at(",")) this.eat(",");
      else break;
    }
    this.eat("]", '"]" closing the list');
    return { kind: "tuple", items, text: this.textFrom(start) };
  }

  private objectOrFor(): Expr {
    const start = this.pos;
    if (this.isForStart()) {
      this.pos++;
      const head = this.forHead();
      const keyExpr = this.expression();
      this.eat("=>", '"=>" in the object for expression');
      const valueExpr = this.expression();
      let grouping = false;
      if (this.at("...")) {
        this.eat("...");
        grouping = true;
      }
      const cond = this.keyword("if") ? (this.ident(), this.expression()) : undefined;
      this.eat("}");
      return { kind: "for", ...head, keyExpr, valueExpr, cond, grouping, text: this.textFrom(start) };
    }
    this.pos++;
    const items: Array<{ key: Expr; value: Expr }> = [];
    while (!this.at("}")) {
      const key = this.objectKey();
      this.ws();
      if (this.s[this.pos] === "=" && this.s[this.pos + 1] !== "=") this.pos++;
      else this.eat(":", '"=" or ":" after the object key');
      items.push({ key, value: this.expression() });
      if (this.at(",")) this.eat(",");
    }
    this.eat("}", '"}" closing the object');
    return { kind: "object", items, text: this.textFrom(start) };
  }

  /** A bare name before `=`/`:` is a literal key, not a reference. */
  private objectKey(): Expr {
    this.ws();
    const save = this.pos;
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.s);
    if (m) {
      this.pos += m[0].length;
      this.ws();
      const c = this.s[this.pos];
      if ((c === "=" && this.s[this.pos + 1] !== "=") || c === ":") return { kind: "literal", value: m[0], text: m[0] };
      this.pos = save;
    }
    return this.expression();
  }
}

/** `text` with the trailing whitespace of its last line (newline included) removed. */
function trimLastLine(text: string): string {
  const from = text.lastIndexOf("\n", text.endsWith("\n") ? text.length - 2 : text.length - 1) + 1;
  return text.slice(0, from) + text.slice(from).replace(/\s+$/, "");
}

function indexOf(target: Expr, n: number): Expr {
  return { kind: "index", target, key: { kind: "literal", value: n, text: String(n) }, text: "" };
}

/** Every sub-expression, depth first (for-bound names are reported by `visitReferences`). */
export function childExpressions(e: Expr): Expr[] {
  switch (e.kind) {
    case "template":
      return e.parts.flatMap(partExpressions);
    case "call":
      return [...e.args];
    case "getattr":
      return [e.target];
    case "index":
      return [e.target, e.key];
    case "splat":
      return [e.target, e.each];
    case "unary":
      return [e.operand];
    case "binary":
      return [e.left, e.right];
    case "conditional":
      return [e.cond, e.yes, e.no];
    case "tuple":
      return [...e.items];
    case "object":
      return e.items.flatMap((i) => [i.key, i.value]);
    case "for":
      return [e.collection, ...(e.keyExpr ? [e.keyExpr] : []), e.valueExpr, ...(e.cond ? [e.cond] : [])];
    default:
      return [];
  }
}

function partExpressions(p: TemplatePart): Expr[] {
  if (p.kind === "text") return [];
  if (p.kind === "interpolation") return [p.expr];
  if (p.kind === "if") return [p.cond, ...p.then.flatMap(partExpressions), ...p.else.flatMap(partExpressions)];
  return [p.collection, ...p.body.flatMap(partExpressions)];
}

export interface ReferenceVisit {
  readonly ref: Extract<Expr, { kind: "ref" }>;
  /** Names bound by enclosing `for` expressions/directives at this point. */
  readonly bound: ReadonlySet<string>;
}

/** Calls `visit` for every reference (root name + static path) and every function call. */
export function visitExpression(
  e: Expr,
  visit: { ref?(r: ReferenceVisit): void; call?(c: Extract<Expr, { kind: "call" }>): void },
  bound: ReadonlySet<string> = new Set(),
): void {
  if (e.kind === "ref") {
    visit.ref?.({ ref: e, bound });
    return;
  }
  if (e.kind === "call") visit.call?.(e);
  if (e.kind === "for") {
    visitExpression(e.collection, visit, bound);
    const inner = new Set([...bound, e.valueVar, ...(e.keyVar ? [e.keyVar] : [])]);
    for (const x of [e.keyExpr, e.valueExpr, e.cond]) if (x) visitExpression(x, visit, inner);
    return;
  }
  if (e.kind === "template") {
    for (const p of e.parts) visitPart(p, visit, bound);
    return;
  }
  for (const c of childExpressions(e)) visitExpression(c, visit, bound);
}

function visitPart(p: TemplatePart, visit: Parameters<typeof visitExpression>[1], bound: ReadonlySet<string>): void {
  if (p.kind === "text") return;
  if (p.kind === "interpolation") return visitExpression(p.expr, visit, bound);
  if (p.kind === "if") {
    visitExpression(p.cond, visit, bound);
    for (const x of [...p.then, ...p.else]) visitPart(x, visit, bound);
    return;
  }
  visitExpression(p.collection, visit, bound);
  const inner = new Set([...bound, p.valueVar, ...(p.keyVar ? [p.keyVar] : [])]);
  for (const x of p.body) visitPart(x, visit, inner);
}

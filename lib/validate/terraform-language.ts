// `vca validate`'s Terraform-language checks, for any provider: every template parses, every
// reference resolves to something declared (or to count/each/self/path/terraform/for symbols
// where Terraform allows them), a literal `${X}` gets the `$${` fix, depends_on /
// replace_triggered_by / provider are bare addresses of declared objects, and every pre/post
// condition refers to at least one object. Each rule mirrors an error Terraform itself reports
// at `init` or `validate` (its summary is quoted in the message); test/terraform runs the real
// binary on the same fixtures to keep the two in agreement. Sources and experiments:
// docs/research/terraform-language.md.
import { Expr, hasTemplateSequence, parseBareExpression, parseJsonTemplate, ParseResult, visitExpression } from "../terraform/hcl-syntax";
import { isKnownFunction } from "../terraform/functions";
import { FindingSink } from "./finding";
import { bodiesOf, Declarations, declarationsOf, localEntries, namedBlocks, typedBlocks } from "./terraform-declarations";
import { isObject, joinPath, JsonObject } from "./terraform-values";

type Ref = Extract<Expr, { kind: "ref" }>;

/** Where an expression sits: which special symbols Terraform lets it use. */
interface Context {
  readonly sink: FindingSink;
  readonly decl: Declarations;
  readonly address: string;
  readonly count?: boolean;
  readonly each?: boolean;
  readonly self?: boolean;
  /** Dynamic-block iterator names in scope. */
  readonly iterators?: ReadonlySet<string>;
  /** The resource's own address: referring to it from its own body is a cycle. */
  readonly ownAddress?: string;
  /**
   * @cdktf/hcl2json output writes bare expressions (depends_on, provider, replace_triggered_by)
   * as "${…}"; Terraform JSON and cdktf's cdk.tf.json must not.
   */
  readonly hcl2json?: boolean;
  /** Parsed templates of this document by text (policy lists repeat the same references). */
  readonly parsed: Map<string, ParseResult>;
}

const PATH_ATTRIBUTES = new Set(["module", "root", "cwd"]);
const TERRAFORM_ATTRIBUTES = new Set(["workspace", "applying"]);
const NOTHING: ReadonlySet<string> = new Set();
const RESERVED_ROOTS = new Set(["var", "local", "module", "data", "count", "each", "self", "path", "terraform"]);

/** Adds the language findings of one parsed Terraform JSON document to `sink`. */
export function checkTerraformLanguage(doc: JsonObject, sink: FindingSink): void {
  const decl = declarationsOf(doc);
  const base = { sink, decl, hcl2json: isHcl2JsonOutput(doc), parsed: new Map<string, ParseResult>() };
  for (const { type, name, body } of typedBlocks(doc.resource)) checkResource({ ...base, address: `${type}.${name}` }, body);
  for (const { type, name, body } of typedBlocks(doc.data)) checkResource({ ...base, address: `data.${type}.${name}` }, body);
  for (const [name, value] of localEntries(doc.locals)) checkValue({ ...base, address: `local.${name}` }, value, "");
  for (const { name, body } of namedBlocks(doc.variable)) {
    // default/type/description are read without evaluation: "${x}" there is plain text.
    checkConditions({ ...base, address: `var.${name}` }, body.validation, "validation", "validation");
  }
  for (const { name, body } of namedBlocks(doc.output)) {
    const ctx = { ...base, address: `output.${name}` };
    checkValue(ctx, body.value, "value");
    checkDependsOn(ctx, body.depends_on);
    checkConditions(ctx, body.precondition, "precondition", "precondition");
  }
  for (const { name, body } of namedBlocks(doc.provider)) {
    const ctx = { ...base, address: `provider.${name}${typeof body.alias === "string" ? `.${body.alias}` : ""}` };
    checkBody(ctx, body, "", new Set(["alias", "version"]));
  }
  for (const { name, body } of namedBlocks(doc.module)) {
    const ctx = { ...base, address: `module.${name}`, count: body.count !== undefined, each: body.for_each !== undefined };
    checkValue({ ...ctx, count: false, each: false }, body.count, "count");
    checkValue({ ...ctx, count: false, each: false }, body.for_each, "for_each");
    checkDependsOn(ctx, body.depends_on);
    checkBody(ctx, body, "", new Set(["source", "version", "providers", "count", "for_each", "depends_on"]));
  }
  for (const { name, body } of namedBlocks(doc.check)) {
    const ctx = { ...base, address: `check.${name}` };
    for (const { type, name: dataName, body: dataBody } of typedBlocks(body.data)) {
      checkResource({ ...base, address: `check.${name}.data.${type}.${dataName}` }, dataBody);
    }
    checkConditions(ctx, body.assert, "assert", "assert");
  }
}

function checkResource(ctx: Context, body: JsonObject): void {
  const own = { ...ctx, count: body.count !== undefined, each: body.for_each !== undefined, ownAddress: ctx.address };
  // count/for_each are evaluated before the instances exist.
  checkValue({ ...ctx, ownAddress: ctx.address }, body.count, "count");
  checkValue({ ...ctx, ownAddress: ctx.address }, body.for_each, "for_each");
  checkProvider(ctx, body.provider);
  checkDependsOn(ctx, body.depends_on);
  bodiesOf(body.lifecycle).forEach((lc, i) => {
    const at = Array.isArray(body.lifecycle) ? `lifecycle[${i}]` : "lifecycle";
    checkReplaceTriggeredBy(own, lc.replace_triggered_by, joinPath(at, "replace_triggered_by"));
    checkIgnoreChanges(own, lc.ignore_changes, joinPath(at, "ignore_changes"));
    checkConditions(own, lc.precondition, joinPath(at, "precondition"), "precondition");
    checkConditions({ ...own, self: true }, lc.postcondition, joinPath(at, "postcondition"), "postcondition");
  });
  bodiesOf(body.provisioner).forEach((p, i) => {
    for (const [type, spec] of Object.entries(p)) {
      bodiesOf(spec).forEach((b) => checkBody({ ...own, self: true }, b, `provisioner[${i}].${type}`, new Set(["when", "on_failure"])));
    }
  });
  bodiesOf(body.connection).forEach((c) => checkBody({ ...own, self: true }, c, "connection", NOTHING));
  checkBody(own, body, "", new Set(["count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection"]));
}

/** Attributes and nested blocks of a body (`dynamic` blocks bind their iterator in `content`). */
function checkBody(ctx: Context, body: JsonObject, path: string, skip: ReadonlySet<string>): void {
  for (const [key, value] of Object.entries(body)) {
    if (key === "//" || skip.has(key)) continue;
    if (key === "dynamic" && isDynamicBlocks(value)) {
      checkDynamic(ctx, value, joinPath(path, "dynamic"));
      continue;
    }
    checkValue(ctx, value, joinPath(path, key), true);
  }
}

function isDynamicBlocks(value: unknown): boolean {
  return bodiesOf(value).every((byName) =>
    Object.entries(byName).every(([k, specs]) => k === "//" || bodiesOf(specs).every((s) => "content" in s || "for_each" in s)),
  );
}

function checkDynamic(ctx: Context, value: unknown, path: string): void {
  for (const byName of bodiesOf(value)) {
    for (const [name, specs] of Object.entries(byName)) {
      if (name === "//") continue;
      bodiesOf(specs).forEach((spec, i) => {
        const at = Array.isArray(specs) ? `${joinPath(path, name)}[${i}]` : joinPath(path, name);
        checkValue(ctx, spec.for_each, joinPath(at, "for_each"));
        const iterator = typeof spec.iterator === "string" ? spec.iterator : name;
        const inner = { ...ctx, iterators: new Set([...(ctx.iterators ?? []), iterator]) };
        checkValue(inner, spec.labels, joinPath(at, "labels"));
        bodiesOf(spec.content).forEach((c) => checkBody(inner, c, joinPath(at, "content"), NOTHING));
      });
    }
  }
}

/**
 * Every string in `value` is a template; object keys too (when they hold a template sequence).
 * `body` marks a block body, whose nested objects may themselves hold `dynamic` blocks.
 */
function checkValue(ctx: Context, value: unknown, path: string, body = false): void {
  if (typeof value === "string") {
    checkTemplate(ctx, value, path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkValue(ctx, v, `${path}[${i}]`, body));
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      if (key !== "//" && hasTemplateSequence(key)) checkTemplate(ctx, key, `${path}{${JSON.stringify(key)}}`);
    }
    if (body) checkBody(ctx, value, path, NOTHING);
    else for (const [key, v] of Object.entries(value)) if (key !== "//") checkValue(ctx, v, joinPath(path, key));
  }
}

/**
 * Parses one JSON string as a template and checks its references. Returns how many references
 * it has, or undefined when it does not parse (already reported).
 */
function checkTemplate(ctx: Context, text: string, path: string): number | undefined {
  if (!hasTemplateSequence(text)) return 0;
  let parsed = ctx.parsed.get(text);
  if (!parsed) ctx.parsed.set(text, (parsed = parseJsonTemplate(text)));
  if (!parsed.expr) {
    const p = parsed.problems[0];
    ctx.sink.error(
      ctx.address,
      path,
      "template-syntax",
      `${p.summary}: ${p.detail} at \`${snippet(text, p.offset)}\` (if the \${ or %{ is meant literally, escape it as $\${ or %%{)`,
    );
    return undefined;
  }
  return checkExpression(ctx, parsed.expr, path);
}

function checkExpression(ctx: Context, expr: Expr, path: string): number {
  let refs = 0;
  // A reference that is a whole interpolation (`${X}`) may be text meant literally: suggest `$${X}`.
  const lone = new Set<Expr>(expr.kind === "template" ? expr.parts.flatMap((p) => (p.kind === "interpolation" ? [p.expr] : [])) : [expr]);
  visitExpression(expr, {
    ref: ({ ref, bound }) => {
      if (bound.has(ref.root)) return;
      refs++;
      checkReference(ctx, ref, path, lone.has(ref));
    },
    call: (call) => {
      if (!isKnownFunction(call.name)) {
        ctx.sink.error(
          ctx.address,
          path,
          "unknown-function",
          `\`${call.name}(…)\`: Terraform has no function "${call.name}" (Terraform: "Call to unknown function")`,
        );
      }
    },
  });
  return refs;
}

function checkReference(ctx: Context, ref: Ref, path: string, lone = false): void {
  const [first, second] = ref.path;
  const token = `\`${ref.text}\``;
  const bad = (code: string, message: string) => ctx.sink.error(ctx.address, path, code, `${token}: ${message}`);
  if (ctx.iterators?.has(ref.root)) {
    if (first !== "key" && first !== "value") bad("invalid-reference", `a dynamic-block iterator has only .key and .value`);
    return;
  }
  switch (ref.root) {
    case "var":
      if (typeof first !== "string") return bad("invalid-reference", `want var.<name>`);
      if (!ctx.decl.variables.has(first))
        bad("undeclared-variable", `no variable "${first}" is declared (Terraform: "Reference to undeclared input variable")`);
      return;
    case "local":
      if (typeof first !== "string") return bad("invalid-reference", `want local.<name>`);
      if (!ctx.decl.locals.has(first)) bad("undeclared-local", `no local value "${first}" is declared (Terraform: "Reference to undeclared local value")`);
      return;
    case "module":
      if (typeof first !== "string") return bad("invalid-reference", `want module.<name>`);
      if (!ctx.decl.modules.has(first)) bad("undeclared-module", `no module "${first}" is declared (Terraform: "Reference to undeclared module")`);
      return;
    case "data":
      if (typeof first !== "string" || typeof second !== "string") return bad("invalid-reference", `want data.<type>.<name>`);
      if (!ctx.decl.dataSources.has(`${first}.${second}`)) {
        bad("undeclared-data-source", `no data source "${first}" "${second}" is declared (Terraform: "Reference to undeclared resource")`);
      }
      return;
    case "count":
      if (first !== "index") return bad("invalid-reference", `"count" has only the attribute "index"`);
      if (!ctx.count)
        bad(
          "count-context",
          `count.index is only valid in a resource, data source or module with count (Terraform: "Reference to "count" in non-counted context")`,
        );
      return;
    case "each":
      if (first !== "key" && first !== "value") return bad("invalid-reference", `"each" has only the attributes "key" and "value"`);
      if (!ctx.each)
        bad(
          "each-context",
          `each.${first} is only valid in a resource, data source or module with for_each (Terraform: "Reference to "each" in context without for_each")`,
        );
      return;
    case "self":
      if (!ctx.self) bad("self-context", `self is only valid in provisioner, connection and postcondition blocks (Terraform: "Invalid "self" reference")`);
      return;
    case "path":
      if (typeof first !== "string" || !PATH_ATTRIBUTES.has(first))
        bad("invalid-reference", `path has only .module, .root and .cwd (Terraform: "Invalid "path" attribute")`);
      return;
    case "terraform":
      if (typeof first !== "string" || !TERRAFORM_ATTRIBUTES.has(first))
        bad("invalid-reference", `terraform has only .workspace and .applying (Terraform: "Invalid "terraform" attribute")`);
      return;
    default:
      checkResourceReference(ctx, ref, path, lone);
  }
}

function checkResourceReference(ctx: Context, ref: Ref, path: string, lone: boolean): void {
  const name = ref.path[0];
  if (typeof name !== "string" && !lone) {
    ctx.sink.error(ctx.address, path, "invalid-reference", `\`${ref.text}\` is not a reference to anything declared (Terraform: "Invalid reference")`);
    return;
  }
  if (typeof name !== "string") {
    ctx.sink.error(
      ctx.address,
      path,
      "unescaped-template",
      `\`\${${ref.text}}\` is not a reference to anything (Terraform: "Invalid reference"); if it is meant literally (e.g. a placeholder for the application), escape it as \`$\${${ref.text}}\``,
    );
    return;
  }
  const address = `${ref.root}.${name}`;
  if (!ctx.decl.resources.has(address)) {
    const literal =
      lone && !ctx.decl.resourceTypes.has(ref.root) && /^[A-Z0-9_]+$/.test(ref.root) ? `; if it is meant literally, escape it as \`$\${${ref.text}}\`` : "";
    ctx.sink.error(
      ctx.address,
      path,
      "undeclared-resource",
      `\`${ref.text}\`: no resource "${ref.root}" "${name}" is declared (Terraform: "Reference to undeclared resource")${literal}`,
    );
  } else if (address === ctx.ownAddress) {
    ctx.sink.error(
      ctx.address,
      path,
      "self-referential",
      `\`${ref.text}\`: a resource cannot refer to itself (Terraform: "Self-referential block"; use self in provisioners/postconditions)`,
    );
  }
}

/** Pre/postconditions, check asserts and variable validations must test something. */
function checkConditions(ctx: Context, value: unknown, path: string, what: string): void {
  bodiesOf(value).forEach((c, i) => {
    const at = `${path}[${i}]`;
    const cond = c.condition;
    const refs = typeof cond === "string" ? checkTemplate(ctx, cond, joinPath(at, "condition")) : 0;
    if (refs === 0) {
      ctx.sink.error(
        ctx.address,
        joinPath(at, "condition"),
        "condition-without-reference",
        `\`${typeof cond === "string" ? cond : JSON.stringify(cond)}\` refers to no object, so it checks nothing (Terraform: "Invalid ${what} expression"); compare a resource attribute, variable or local instead`,
      );
    }
    checkValue(ctx, c.error_message, joinPath(at, "error_message"));
  });
}

/** hcl2json wraps every block in a list, the `terraform` block included; cdktf never does. */
function isHcl2JsonOutput(doc: JsonObject): boolean {
  return Array.isArray(doc.terraform);
}

/** A JSON string that must be a bare address (no `${…}`), parsed as an expression. */
function bareExpression(ctx: Context, value: unknown, path: string, what: string, terraformSummary = "Invalid expression"): Expr | undefined {
  if (typeof value !== "string") {
    ctx.sink.error(ctx.address, path, "invalid-address", `${what} must be a string holding a bare address, got ${JSON.stringify(value)}`);
    return undefined;
  }
  const bare = /^\$\{([^{}]*)\}$/.exec(value.trim());
  if (bare && ctx.hcl2json) return bareExpression({ ...ctx, hcl2json: false }, bare[1].trim(), path, what, terraformSummary);
  if (value.includes("${") || value.includes("%{")) {
    ctx.sink.error(
      ctx.address,
      path,
      "interpolated-address",
      `\`${value}\`: ${what} takes a bare address, not a template (Terraform: "${terraformSummary}")${bare ? `; write \`${bare[1].trim()}\`` : ""}`,
    );
    return undefined;
  }
  const parsed = parseBareExpression(value);
  if (!parsed.expr) {
    ctx.sink.error(ctx.address, path, "invalid-address", `\`${value}\`: ${parsed.problems[0].summary} (${parsed.problems[0].detail})`);
    return undefined;
  }
  return parsed.expr;
}

function checkDependsOn(ctx: Context, value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    ctx.sink.error(ctx.address, "depends_on", "invalid-address", `depends_on must be a list of bare addresses, got ${JSON.stringify(value)}`);
    return;
  }
  value.forEach((entry, i) => {
    const path = `depends_on[${i}]`;
    const expr = bareExpression(ctx, entry, path, "depends_on");
    if (!expr) return;
    if (expr.kind !== "ref" || expr.path.some((p, j) => typeof p !== "string" || j >= wholeObjectLength(expr.root))) {
      ctx.sink.error(
        ctx.address,
        path,
        "invalid-address",
        `\`${String(entry)}\`: depends_on entries name whole objects (a resource, data source or module), not attributes (Terraform: "Invalid depends_on reference")`,
      );
      return;
    }
    checkReference({ ...ctx, count: true, each: true }, expr, path);
  });
}

/** How many static steps name a whole object: `type.name`, `data.type.name`, `module.name`, `var.name`. */
function wholeObjectLength(root: string): number {
  return root === "data" ? 2 : 1;
}

function checkReplaceTriggeredBy(ctx: Context, value: unknown, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    ctx.sink.error(ctx.address, path, "invalid-address", `replace_triggered_by must be a list of bare resource addresses, got ${JSON.stringify(value)}`);
    return;
  }
  value.forEach((entry, i) => {
    const at = `${path}[${i}]`;
    const expr = bareExpression(ctx, entry, at, "replace_triggered_by");
    if (!expr) return;
    const root = rootReference(expr);
    if (!root || RESERVED_ROOTS.has(root.root)) {
      ctx.sink.error(
        ctx.address,
        at,
        "invalid-address",
        `\`${String(entry)}\`: replace_triggered_by entries name managed resources (or their attributes) in this module (Terraform: "Invalid reference in replace_triggered_by expression")`,
      );
      return;
    }
    checkExpression(ctx, expr, at);
  });
}

/** The reference an address expression starts from (`aws_x.y[count.index].id` → aws_x.y…). */
function rootReference(e: Expr): Ref | undefined {
  if (e.kind === "ref") return e;
  if (e.kind === "index" || e.kind === "getattr") return rootReference(e.target);
  return undefined;
}

function checkIgnoreChanges(ctx: Context, value: unknown, path: string): void {
  if (value === undefined || value === "all") return;
  if (!Array.isArray(value)) return;
  value.forEach((entry, i) => {
    if (typeof entry === "string" && (entry.includes("${") || entry.includes("%{"))) bareExpression(ctx, entry, `${path}[${i}]`, "ignore_changes");
  });
}

function checkProvider(ctx: Context, value: unknown): void {
  if (value === undefined) return;
  const expr = bareExpression(ctx, value, "provider", "provider", "Invalid provider configuration reference");
  if (!expr) return;
  if (expr.kind !== "ref" || expr.path.length > 1 || (expr.path.length === 1 && typeof expr.path[0] !== "string")) {
    ctx.sink.error(
      ctx.address,
      "provider",
      "invalid-address",
      `\`${String(value)}\`: want <provider> or <provider>.<alias> (Terraform: "Invalid provider configuration reference")`,
    );
    return;
  }
  const alias = expr.path[0] as string | undefined;
  if (alias === undefined) return; // a default configuration may be implicit (empty)
  const declared = ctx.decl.providers.get(expr.root);
  if (!declared?.has(alias)) {
    const known = [...(declared ?? [])].filter((a) => a !== "").map((a) => `${expr.root}.${a}`);
    ctx.sink.error(
      ctx.address,
      "provider",
      "undeclared-provider",
      `\`${String(value)}\`: no provider "${expr.root}" block has alias "${alias}"${known.length ? ` (declared: ${known.join(", ")})` : ""} (Terraform: "Provider configuration not present")`,
    );
  }
}

/** The text around a syntax problem, from the `${`/`%{` it belongs to when that is close. */
function snippet(text: string, offset: number): string {
  const open = Math.max(text.lastIndexOf("${", offset), text.lastIndexOf("%{", offset));
  const from = open >= 0 && offset - open <= 40 ? open : Math.max(0, offset - 20);
  return text.slice(from, Math.min(text.length, Math.max(offset, from) + 20)).replace(/\n/g, "\\n");
}

// The synth-time secret scan: the stack's Terraform JSON with every cdktf token resolved (Lazy
// values produced), Terraform expressions evaluated where they are literal (join, format, var
// defaults, locals: lib/dcf/terraform/expression), then the one detector (./find-secrets) over
// raw and evaluated values. A secret that reaches cdk.tf.json through any path — a construct
// prop, Helm values deep-merged from `values`, `Lazy.stringValue(() => "sk-…")`,
// `Fn.join("", ["sk-", …])`, a variable default — fails synth naming its path.
import { IConstruct } from "constructs";
import { TerraformStack } from "../core/cdktf";
import { renderForCheck, shareRenderAtSynth } from "../core/synth-render";
import { documentScope } from "../dcf/terraform/document";
import { evaluateJson, isUnknown, Scope, Value } from "../dcf/terraform/expression";
import { findSecrets, SecretFinding } from "./find-secrets";

const SECTIONS = ["resource", "data", "provider", "output", "locals", "module", "terraform"];

/** Every secret in a Terraform JSON document (raw and evaluated), deduplicated by path. */
export function scanTerraformJson(doc: Record<string, unknown>): SecretFinding[] {
  const out = new Map<string, SecretFinding>();
  const add = (fs: readonly SecretFinding[]) => fs.forEach((f) => out.has(f.path) || out.set(f.path, f));
  let scope;
  try {
    scope = documentScope(doc as never);
  } catch {
    scope = { vars: {}, locals: {} };
  }
  const variables = (doc.variable ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, body] of Object.entries(variables)) {
    // A default is written into cdk.tf.json, sensitive or not: judge it under the variable's name.
    if (body && typeof body === "object" && Object.hasOwn(body, "default")) add(findSecrets({ [name]: body.default }, "variable"));
  }
  for (const section of SECTIONS) {
    const raw = doc[section];
    if (raw === undefined) continue;
    add(findSecrets(raw, section));
    let changes: unknown;
    try {
      changes = evaluatedChanges(raw, scope);
    } catch {
      continue;
    }
    if (changes !== SAME) add(findSecrets(changes, section));
  }
  return [...out.values()];
}

const SAME = Symbol("same as raw");

/**
 * The evaluated document where it differs from the raw one, in the raw one's shape: equal values
 * are left out (array holes keep the indices), so the second detector pass walks only what
 * evaluation changed. Where a value is equal, so are its findings (same value, same path, same key)
 * and the raw pass already has them; every changed value is judged at the path and under the key
 * it has in the full evaluated document. Only template strings are evaluated.
 */
function evaluatedChanges(raw: unknown, scope: Scope): unknown {
  if (typeof raw === "string") {
    const value = stripUnknown(evaluateJson(raw, scope));
    return value === raw ? SAME : value;
  }
  if (Array.isArray(raw)) {
    let out: unknown[] | undefined;
    raw.forEach((item, i) => {
      const changed = itemChanges(item, scope);
      if (changed !== SAME) (out ??= new Array<unknown>(raw.length))[i] = changed;
    });
    return out ?? SAME;
  }
  if (raw !== null && typeof raw === "object") {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      const changed = evaluatedChanges(v, scope);
      if (changed !== SAME) (out ??= {})[k] = changed;
    }
    return out ?? SAME;
  }
  return SAME; // numbers, booleans, null: evaluation keeps them
}

/**
 * A list item, as the detector reads it (./find-secrets): an item with a string `name` is addressed
 * by that name, and a `{ name, value }` pair has only its value judged, under the name.
 */
function itemChanges(item: unknown, scope: Scope): unknown {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return evaluatedChanges(item, scope);
  const rec = item as Record<string, unknown>;
  if (typeof rec.name !== "string") return evaluatedChanges(rec, scope);
  // A name that evaluates to another text moves every path below it: the whole item is new.
  if (evaluatedChanges(rec.name, scope) !== SAME) return stripUnknown(evaluateJson(rec, scope));
  if (Object.hasOwn(rec, "value")) {
    const value = evaluatedChanges(rec.value, scope);
    return value === SAME ? SAME : { name: rec.name, value };
  }
  const changed = evaluatedChanges(rec, scope);
  return changed === SAME ? SAME : { name: rec.name, ...(changed as Record<string, unknown>) };
}

function stripUnknown(v: Value): unknown {
  if (isUnknown(v)) return v.text;
  if (Array.isArray(v)) return v.map(stripUnknown);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stripUnknown(x)]));
  return v;
}

const scanned = new WeakSet<TerraformStack>();

/** Adds the scan to the stack of `scope` once (a node validation: synth fails on a finding). At synth it reads the render cdktf then writes (lib/core/synth-render). */
export function ensureSecretScan(scope: IConstruct): void {
  let stack: TerraformStack;
  try {
    stack = TerraformStack.of(scope);
  } catch {
    return; // not in a stack (unit use of a construct): nothing is synthesized
  }
  if (scanned.has(stack)) return;
  scanned.add(stack);
  shareRenderAtSynth(stack);
  stack.node.addValidation({
    validate: () =>
      scanTerraformJson(renderForCheck(stack)).map(
        (f) =>
          `literal secret in the synthesized Terraform JSON at ${f.path}: ${f.reason}; pass it as a sensitive TerraformVariable without a default, or a reference (e.g. a secret manager data source)`,
      ),
  });
}

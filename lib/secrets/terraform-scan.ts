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
import { evaluateJson, isUnknown, Value } from "../dcf/terraform/expression";
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
    let evaluated: Value;
    try {
      evaluated = evaluateJson(raw, scope);
    } catch {
      continue;
    }
    add(findSecrets(stripUnknown(evaluated), section));
  }
  return [...out.values()];
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
        (f) => `literal secret in the synthesized Terraform JSON at ${f.path}: ${f.reason}; pass it as a sensitive TerraformVariable without a default, or a reference (e.g. a secret manager data source)`,
      ),
  });
}

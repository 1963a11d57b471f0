// Shared helpers for the Kubernetes VCA stack tests: synth a stack (validations on), write its
// cdk.tf.json to a temp dir, run the CLI in-process, and summarise the resource tree.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing, TerraformStack } from "../../../lib/core/cdktf";

export { runCli as vca, testApp, type CliRun } from "../helpers";

/** Synthesizes with validations (preflight errors fail) and returns the parsed cdk.tf.json. */
export function synthJson(stack: TerraformStack): Record<string, any> {
  return JSON.parse(Testing.synth(stack, true));
}

/** Writes the synthesized JSON to a temp file and returns its path. */
export function writeSynth(json: unknown, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-k8s-"));
  const file = path.join(dir, `${name}.cdk.tf.json`);
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

/** `type.address` of every resource and data source, sorted: the stack's resource tree. */
export function resourceTree(json: Record<string, any>): string[] {
  const out: string[] = [];
  for (const kind of ["data", "resource"] as const) {
    for (const [type, byName] of Object.entries(json[kind] ?? {})) {
      for (const name of Object.keys(byName as object)) out.push(`${kind === "data" ? "data." : ""}${type}.${name}`);
    }
  }
  return out.sort();
}

/** Rules of the stack's ruleset named `<prefix>-<suffix>`, by name. */
function rulesetRules(json: Record<string, any>, suffix: string): Record<string, any> {
  const rulesets = (Object.values(json.resource.aviatrix_dcf_ruleset ?? {}) as any[]).filter((r) => r.name.endsWith(`-${suffix}`));
  expect(rulesets).toHaveLength(1);
  return Object.fromEntries(rulesets[0].rules.map((p: any) => [p.name, p]));
}

/** The rules evaluated before the K8S block (the `<prefix>-policy` ruleset), by name. */
export function v1Rules(json: Record<string, any>): Record<string, any> {
  return rulesetRules(json, "policy");
}

/** The stack's closing denies, evaluated after the K8S block (the `<prefix>-containment` ruleset), by name. */
export function containmentRules(json: Record<string, any>): Record<string, any> {
  return rulesetRules(json, "containment");
}

export const BLUEPRINTS_DIR = path.join(__dirname, "..", "..", "..", "examples", "blueprints");

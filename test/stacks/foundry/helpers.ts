// Shared helpers for the Foundry stack tests: synth once, read resources, run the analyzer and the CLI.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Testing, TerraformStack } from "../../../lib/core/cdktf";
import { policyModelFromTerraform } from "../../../lib/dcf";
import { PolicyModel } from "../../../lib/dcf/model";
import { main } from "../../../lib/cli/main";

export type Doc = { resource: Record<string, Record<string, Record<string, unknown>>>; variable?: Record<string, Record<string, unknown>>; data?: Record<string, Record<string, unknown>> };

const NO_BASELINE = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vca-foundry-test-")), "no.lock.json");

/**
 * A test app whose preflight reads the given baseline, by default none: stack tests never
 * depend on the repo's vca-preflight.lock.json (it records the blueprint, not test variants).
 */
export function testApp(context: Record<string, unknown> = {}, baselineFile: string = NO_BASELINE): App {
  return Testing.app({ context: { "avx:preflightBaseline": baselineFile, ...context } });
}

export function synthDoc(stack: TerraformStack): Doc {
  return JSON.parse(Testing.synth(stack, true)) as Doc;
}

/** `{ type: [logical ids…] }`, sorted: the resource tree snapshot. */
export function resourceTree(doc: Doc): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const type of Object.keys(doc.resource).sort()) out[type] = Object.keys(doc.resource[type]).sort();
  for (const type of Object.keys(doc.data ?? {}).sort()) out[`data.${type}`] = Object.keys(doc.data![type]).sort();
  return out;
}

export function only(doc: Doc, type: string): Record<string, unknown> {
  const all = Object.values(doc.resource[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, got ${all.length}`);
  return all[0];
}

export function policies(doc: Doc): Array<Record<string, unknown>> {
  return only(doc, "aviatrix_distributed_firewalling_policy_list").policies as Array<Record<string, unknown>>;
}

export function modelOf(doc: Doc): PolicyModel {
  return policyModelFromTerraform(doc as never);
}

export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main([process.execPath, "vca", ...args]);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** The message of the error `fn` throws. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("expected an error");
}

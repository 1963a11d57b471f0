// Shared helpers for the Foundry stack tests: synth once, read resources, run the analyzer and the CLI.
import { Testing, TerraformStack } from "../../../lib/core/cdktf";
import { policyModelFromTerraform } from "../../../lib/dcf";
import { PolicyModel } from "../../../lib/dcf/model";
export { runCli, testApp } from "../helpers";

export type Doc = {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  variable?: Record<string, Record<string, unknown>>;
  data?: Record<string, Record<string, unknown>>;
};

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

/** The stack's rules: its one ruleset (brownfield default) or, on an owned controller, its V1 list. */
export function policies(doc: Doc): Array<Record<string, unknown>> {
  if (doc.resource.aviatrix_distributed_firewalling_policy_list !== undefined) {
    return only(doc, "aviatrix_distributed_firewalling_policy_list").policies as Array<Record<string, unknown>>;
  }
  return only(doc, "aviatrix_dcf_ruleset").rules as Array<Record<string, unknown>>;
}

export function modelOf(doc: Doc): PolicyModel {
  return policyModelFromTerraform(doc as never);
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

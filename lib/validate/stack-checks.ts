// The checks `cdktf synth` runs, for one stack, without writing anything: what the jest matchers
// use. `Testing.synth(stack)` alone skips validations (construct prop checks, preflight ERRORs), so
// a stack that synth rejects would pass; here every check runs:
//  - synth: Aspects, then every construct's validations (as `cdktf synth` / Testing.synth(stack, true));
//  - validation: the synthesized JSON against the Aviatrix provider schema and apply-time rules;
//  - preflight: every rule (Preflight.check), installed with Preflight.of or not;
//  - analysis: the DCF policy analyzer on the synthesized policy (shadowed denies, …).
// cdktf/cdktn load only here (lazily), so importing the matchers costs nothing until a stack is checked.
import type { IConstruct } from "constructs";
import type { PolicyFinding } from "../dcf/analyze/finding";
import type { PreflightFinding } from "../preflight/finding";
import type { ValidationFinding } from "./finding";

export interface StackCheckOptions {
  /** @default - the document's aviatrix provider pin */
  readonly controllerVersion?: string;
}

export interface StackCheckResult {
  readonly stack: string;
  /** Messages of failed construct validations (what makes `cdktf synth` fail), `[path] message`. */
  readonly validationErrors: readonly string[];
  /** The synthesized Terraform JSON (parsed). */
  readonly document: unknown;
}

interface StackLike extends IConstruct {
  toTerraform(): unknown;
}

/** True for a TerraformStack of either core (duck-typed: the matchers must not load a core to ask). */
export function isStackLike(value: unknown): value is StackLike {
  const v = value as Partial<StackLike> | null;
  return typeof v === "object" && v !== null && typeof v.toTerraform === "function" && typeof (v as IConstruct).node?.findAll === "function";
}

/** Synthesizes the stack (Aspects included) and runs every construct validation, collecting failures. */
export function synthStack(stack: IConstruct): StackCheckResult {
  const { Testing } = require("../core/cdktf") as typeof import("../core/cdktf");
  const document: unknown = JSON.parse(Testing.synth(stack as never));
  const validationErrors = stack.node.findAll().flatMap((c) => c.node.validate().map((m) => `[${c.node.path}] ${m}`));
  return { stack: stack.node.id, validationErrors, document };
}

export function schemaFindings(document: unknown, options: StackCheckOptions = {}): ValidationFinding[] {
  const { validateTerraformJson } = require("./validate-terraform-json") as typeof import("./validate-terraform-json");
  return validateTerraformJson(document, { controllerVersion: options.controllerVersion });
}

export function preflightFindings(stack: IConstruct, options: StackCheckOptions = {}): readonly PreflightFinding[] {
  const { Preflight } = require("../preflight/preflight") as typeof import("../preflight/preflight");
  return Preflight.check(stack, options.controllerVersion !== undefined ? { controllerVersion: options.controllerVersion } : {}).findings;
}

export function analysisFindings(document: unknown, source: string): PolicyFinding[] {
  const { policyModelFromTerraform } = require("../dcf/terraform/from-terraform") as typeof import("../dcf/terraform/from-terraform");
  const { analyze } = require("../dcf/analyze/analyze") as typeof import("../dcf/analyze/analyze");
  return analyze(policyModelFromTerraform(document, source));
}

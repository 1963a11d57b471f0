import { Op, TerraformResource } from "../../core/cdktf";
import { bindingValueKind, resolveBindingValues } from "../binding-values";
import type { ImmutableBindingFact } from "../facts";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";

/** AVX-IMM1: values bound into resources that cannot be updated in place did not change since `npx vca-cdktf preflight lock`. */
export const immutableBindingChanged: PreflightRule = {
  id: "AVX-IMM1",
  area: "IMM",
  name: "immutable-binding-changed",
  severity: "error",
  cause: "a value bound into a resource that cannot be updated in place differs from the locked baseline",
  explanation:
    "The Foundry capability host is bound to the agent subnet CIDR, its UDR next hop and the spoke gateway IP and cannot be " +
    "updated in place; a change half-applies (new subnet/route, old capability host) and breaks hosted agents. " +
    "The baseline (vca-preflight.lock.json) is written only by `npx vca-cdktf preflight lock`: literals are compared as values, Terraform " +
    "references by their expression (re-wiring to another gateway or subnet is a change). A lifecycle precondition with the " +
    "same id re-checks the literals at plan, so JSON synthesized past a failed check cannot apply either.",
  fix: "revert the value, or plan a full teardown: acknowledge AVX-IMM1[<key>] with the change ticket, destroy, deploy, then run `npx vca-cdktf preflight lock`",
  suppressible: true,
  reads: "immutable-binding facts (key, values, guard resource) and the baseline file",
  check(ctx): readonly RuleCheck[] {
    const recorded = ctx.baseline?.stacks[ctx.stackName] ?? {};
    const checks: RuleCheck[] = [];
    for (const { node, fact } of ctx.facts("immutable-binding")) {
      const entry = recorded[fact.key];
      if (!entry) continue; // AVX-IMM2 reports unrecorded bindings
      const current = resolveBindingValues(ctx.stack, fact.values).values;
      const names = [...new Set([...Object.keys(current), ...Object.keys(entry.values)])].sort();
      const changed = names.filter((n) => current[n] !== entry.values[n]);
      const common = { findingId: fact.key, ...planTimeCheck(fact, entry.values) };
      if (!changed.length) {
        checks.push(pass(node, common));
        continue;
      }
      checks.push(
        fail(node, {
          ...common,
          cause: `${fact.description} changed (${changed.join(", ")}) and cannot be updated in place`,
          got: changed.map((n) => `${n}=${current[n] ?? "<unset>"}`).join(", "),
          want: changed.map((n) => `${n}=${entry.values[n] ?? "<unset>"}`).join(", "),
        }),
      );
    }
    return checks;
  },
};

/**
 * The precondition on the guard resource: every locked literal equals the value the guard is
 * bound through (`<boundThrough>.input.<name>`, the terraform_data its replace_triggered_by
 * names). Terraform requires a condition to refer to an object ("Invalid precondition
 * expression"), so a bare literal comparison is not an option. References are left to Terraform
 * (their value is only known at plan; replace_triggered_by handles a changed value), and their
 * `${…}` text must never reach the error message, where Terraform would interpolate it.
 */
function planTimeCheck(fact: ImmutableBindingFact, locked: Readonly<Record<string, string>>): Pick<RuleCheck, "planTimeCheck"> {
  if (!fact.guard || !TerraformResource.isTerraformResource(fact.boundThrough)) return {};
  const bound = fact.boundThrough as TerraformResource;
  const names = Object.keys(locked)
    .sort()
    .filter((n) => bindingValueKind(locked[n]) === "literal" && fact.values[n] !== undefined);
  if (!names.length) return {};
  const boundValue = (n: string) => bound.getStringAttribute(/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? `input.${n}` : `input[${JSON.stringify(n)}]`);
  return {
    planTimeCheck: {
      resource: fact.guard,
      condition: names.map((n) => Op.eq(boundValue(n), locked[n])).reduce((a, b) => Op.and(a, b)),
      errorMessage:
        `AVX-IMM1: ${fact.description} (${fact.key}) differs from the locked baseline (${names.map((n) => `${n}=${locked[n]}`).join(", ")}); ` +
        "this cannot be updated in place — revert, or plan a full teardown and re-run npx vca-cdktf preflight lock",
    },
  };
}

import { Op } from "../../core/cdktf";
import { isToken, show } from "../context";
import { fail, pass, type PreflightRule, type RuleCheck, unknown } from "../rule";

/** AVX-IMM1: values bound into resources that cannot be updated in place did not change since `vca preflight lock`. */
export const immutableBindingChanged: PreflightRule = {
  id: "AVX-IMM1",
  area: "IMM",
  name: "immutable-binding-changed",
  level: "ERROR",
  cause: "a value bound into a resource that cannot be updated in place differs from the locked baseline",
  explanation:
    "The Foundry capability host is bound to the agent subnet CIDR, its UDR next hop and the spoke gateway IP and cannot be " +
    "updated in place; a change half-applies (new subnet/route, old capability host) and breaks hosted agents. " +
    "The baseline (vca-preflight.lock.json) is written only by `vca preflight lock`; a plan-time precondition with the same id " +
    "re-checks values that are only known at plan.",
  fix: "revert the value, or plan a full teardown: acknowledge AVX-IMM1[<key>] with the change ticket, destroy, deploy, then run `vca preflight lock`",
  suppressible: true,
  reads: "immutable-binding facts (key, values, guard resource) and the baseline file",
  check(ctx): readonly RuleCheck[] {
    const recorded = ctx.baseline?.stacks[ctx.stackName] ?? {};
    const checks: RuleCheck[] = [];
    for (const { node, fact } of ctx.facts("immutable-binding")) {
      const entry = recorded[fact.key];
      if (!entry) continue; // AVX-IMM2 reports unrecorded bindings
      const names = [...new Set([...Object.keys(fact.values), ...Object.keys(entry.values)])].sort();
      const changed = names.filter((n) => !isToken(fact.values[n]) && fact.values[n] !== entry.values[n]);
      const tokens = names.filter((n) => isToken(fact.values[n]));
      const conditions = names.filter((n) => fact.values[n] !== undefined && entry.values[n] !== undefined).map((n) => Op.eq(fact.values[n], entry.values[n]));
      const planTimeCheck = fact.guard && conditions.length
        ? {
            resource: fact.guard,
            condition: conditions.reduce((a, b) => Op.and(a, b)),
            errorMessage: `AVX-IMM1: ${fact.description} (${fact.key}) differs from the locked baseline ${JSON.stringify(entry.values)}; this cannot be updated in place — revert, or plan a full teardown and re-run vca preflight lock`,
          }
        : undefined;
      const common = { findingId: fact.key, ...(planTimeCheck ? { planTimeCheck } : {}) };
      if (changed.length) {
        checks.push(
          fail(node, {
            ...common,
            cause: `${fact.description} changed (${changed.join(", ")}) and cannot be updated in place`,
            got: changed.map((n) => `${n}=${show(fact.values[n])}`).join(", "),
            want: changed.map((n) => `${n}=${show(entry.values[n])}`).join(", "),
          }),
        );
      } else if (tokens.length) {
        checks.push(unknown(node, { ...common, cause: `${fact.description}: ${tokens.join(", ")} known only at plan (a lifecycle precondition re-checks it)`, got: "<unknown until plan>", want: tokens.map((n) => `${n}=${show(entry.values[n])}`).join(", ") }));
      } else {
        checks.push(pass(node, common));
      }
    }
    return checks;
  },
};

import * as path from "path";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";

/** AVX-IMM2: immutable bindings are recorded in the baseline so AVX-IMM1 can protect them. */
export const immutableBindingUnrecorded: PreflightRule = {
  id: "AVX-IMM2",
  area: "IMM",
  name: "immutable-binding-unrecorded",
  severity: "warning",
  cause: "an immutable binding is not recorded in the preflight baseline, so later changes cannot be detected",
  explanation:
    "AVX-IMM1 compares immutable values against the committed baseline. Until the first `npx vca-cdktf preflight lock`, a change to the " +
    "agent subnet, UDR next hop or gateway IP would not be caught before apply.",
  fix: "after the first successful synth run `npx vca-cdktf preflight lock <cdktf.out>` and commit vca-preflight.lock.json",
  suppressible: true,
  reads: "immutable-binding facts and the baseline file",
  check(ctx): readonly RuleCheck[] {
    const recorded = ctx.baseline?.stacks[ctx.stackName] ?? {};
    return ctx.facts("immutable-binding").map(({ node, fact }) =>
      recorded[fact.key]
        ? pass(node, { findingId: fact.key })
        : fail(node, {
            findingId: fact.key,
            got: ctx.baseline
              ? `no entry ${ctx.stackName}/${fact.key}`
              : `no baseline file ${ctx.baselineFile === undefined ? "" : path.relative(process.cwd(), ctx.baselineFile) || ctx.baselineFile}`.trim(),
            want: "a recorded baseline",
          }),
    );
  },
};

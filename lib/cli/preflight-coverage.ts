// `vca-cdktf preflight report` names every synthesized stack that has no preflight report, and
// why, instead of skipping it silently. A stack holding aviatrix_* resources without a report was
// never checked (no Preflight.of(stack), or reports: false): that fails the report (exit 1).
import * as path from "path";
import { REPORT_DIR } from "../preflight/report";
import { readInputJson } from "../util/input-file";
import { synthesizedStacks } from "./synth-input";

export interface UnreportedStack {
  readonly stack: string;
  readonly hasAviatrixResources: boolean;
  readonly why: string;
}

/** The synthesized stacks without a report among `reported` (stack names of the reports read). */
export function unreportedStacks(outdir: string, reported: ReadonlySet<string>): UnreportedStack[] {
  return synthesizedStacks(outdir)
    .filter((stack) => !reported.has(stack))
    .map((stack) => {
      const file = path.join(outdir, "stacks", stack, "cdk.tf.json");
      const doc = readInputJson(file, "synthesized stack", { fix: "re-run `cdktf synth`" }) as { resource?: Record<string, unknown> } | null;
      const hasAviatrixResources = Object.keys(doc?.resource ?? {}).some((type) => type.startsWith("aviatrix_"));
      const why = hasAviatrixResources
        ? `no ${REPORT_DIR}/${stack}.json, although the stack has aviatrix_* resources: add Preflight.of(stack) (and keep reports on), then synthesize again`
        : `no ${REPORT_DIR}/${stack}.json: the stack has no aviatrix_* resources and no Preflight.of(stack), so there is nothing to check`;
      return { stack, hasAviatrixResources, why };
    });
}

// `vca-cdktf preflight report` names every synthesized stack without a report and says why; a
// stack with Aviatrix resources and no report fails the report (it was never checked).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runVca } from "../support/run-cli";

function outdirWith(stacks: Record<string, { aviatrix: boolean; report?: { errors: number } }>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-report-coverage-"));
  for (const [id, s] of Object.entries(stacks)) {
    fs.mkdirSync(path.join(dir, "stacks", id), { recursive: true });
    const resource = s.aviatrix ? { aviatrix_smart_group: { g: { name: "g" } } } : { aws_vpc: { v: { cidr_block: "10.0.0.0/16" } } };
    fs.writeFileSync(path.join(dir, "stacks", id, "cdk.tf.json"), JSON.stringify({ resource }));
    if (s.report) {
      fs.mkdirSync(path.join(dir, "preflight"), { recursive: true });
      const summary = {
        rules: 1,
        applicableRules: 1,
        checks: 1,
        passed: 1 - s.report.errors,
        errors: s.report.errors,
        warnings: 0,
        infos: 0,
        unknown: 0,
        acknowledged: 0,
      };
      fs.writeFileSync(
        path.join(dir, "preflight", `${id}.json`),
        JSON.stringify({ formatVersion: 1, stack: id, summary, summaryLine: `preflight ${id}: ok`, findings: [], rules: [], immutable: [] }),
      );
    }
  }
  return dir;
}

describe("GIVEN a synth where some stacks have no preflight report", () => {
  test("WHEN an Aviatrix stack has none THEN it is named with the reason and the report exits 1", async () => {
    const dir = outdirWith({ checked: { aviatrix: true, report: { errors: 0 } }, unchecked: { aviatrix: true }, plain: { aviatrix: false } });
    const r = await runVca("preflight", "report", dir);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n")).toEqual([
      "preflight checked: ok",
      "preflight plain: not checked — no preflight/plain.json: the stack has no aviatrix_* resources and no Preflight.of(stack), so there is nothing to check",
      "preflight unchecked: not checked — no preflight/unchecked.json, although the stack has aviatrix_* resources: add Preflight.of(stack) (and keep reports on), then synthesize again",
      "",
    ]);
    expect(r.stderr).toBe("vca-cdktf: 1 stack with Aviatrix resources and no preflight report\n");
  });

  test("WHEN only stacks without Aviatrix resources lack a report THEN they are named and the report passes", async () => {
    const dir = outdirWith({ checked: { aviatrix: true, report: { errors: 0 } }, plain: { aviatrix: false } });
    const r = await runVca("preflight", "report", dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("preflight plain: not checked");
  });

  test("WHEN no stack has a report THEN every stack is named (no 'no reports' input error)", async () => {
    const dir = outdirWith({ a: { aviatrix: true }, b: { aviatrix: false } });
    const r = await runVca("preflight", "report", dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("preflight a: not checked");
    expect(r.stdout).toContain("preflight b: not checked");
  });
});

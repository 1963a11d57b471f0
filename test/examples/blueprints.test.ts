// The main job end to end, in CI: every example blueprint synthesizes, passes offline schema
// validation, its attack-simulation scenarios, the analyzer (no error finding) and preflight
// (no error finding) — and `npx cdktf synth` itself works from cdktf.json.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { APP_STACK_IDS, BASELINE_STACK_ID, BLUEPRINT_STACK_IDS } from "../../examples/blueprints/app";
import { analyze } from "../../lib/dcf/analyze";
import { loadPolicyModel } from "../../lib/cli/load-policy";
import { parseScenarios, runScenarios } from "../../lib/dcf/simulate/scenarios";
import { validateTerraformJson } from "../../lib/validate";
import { runCli } from "../stacks/helpers";
import { sharedBlueprintsOut } from "../support/shared-blueprints";

const ROOT = path.resolve(__dirname, "../..");
// The committed baseline of the Foundry capability host binding (`npx vca-cdktf preflight lock cdktf.out`).
const LOCK_FILE = path.join(ROOT, "vca-preflight.lock.json");
// The shared synth (test/support/shared-blueprints.ts) is this app: every stack, the committed baseline.
const outdir = sharedBlueprintsOut();

function exampleDir(stackId: string): string {
  return path.join(ROOT, "examples/blueprints", stackId.replace(/^vca-/, ""));
}

function manifestsOf(stackId: string): string[] {
  const dir = path.join(exampleDir(stackId), "firewall-policies");
  return fs.existsSync(dir) ? [dir] : [];
}

describe.each(BLUEPRINT_STACK_IDS)("blueprint %s", (stackId) => {
  const synthFile = path.join(outdir, "stacks", stackId, "cdk.tf.json");

  test("GIVEN the synthesized stack WHEN validated offline THEN there are no findings", () => {
    const doc = JSON.parse(fs.readFileSync(synthFile, "utf8"));
    expect(validateTerraformJson(doc, { file: synthFile })).toEqual([]);
  });

  test.each(["PERMIT", "DENY"] as const)(
    "GIVEN its scenarios.yaml WHEN simulated under a controller default of %s THEN every expectation holds and every kill chain is denied by the blueprint's own rules",
    async (controllerDefault) => {
      const scenariosFile = path.join(exampleDir(stackId), "scenarios.yaml");
      const scenarios = parseScenarios(fs.readFileSync(scenariosFile, "utf8"), scenariosFile);
      const model = await loadPolicyModel(synthFile, manifestsOf(stackId));
      // Brownfield: the blueprint never owns the controller's default action.
      expect(model.defaultAction).toBeUndefined();
      const results = runScenarios(model, scenarios, { controllerDefault, file: scenariosFile });
      expect(results.length).toBeGreaterThan(3);
      expect(results.filter((r) => r.pass !== true)).toEqual([]);
      // A kill chain has both sides: approved destinations permitted and attacks denied.
      expect(results.some((r) => r.verdict === "PERMIT")).toBe(true);
      expect(results.some((r) => r.verdict === "DENY")).toBe(true);
      // No DENY rests on the controller's default: each is one of the blueprint's own rules.
      expect(results.filter((r) => r.verdict === "DENY" && r.rule === "default-action").map((r) => r.name)).toEqual([]);
    },
  );

  test("GIVEN the synthesized policy WHEN analyzed THEN there is no error-level finding", async () => {
    const findings = analyze(await loadPolicyModel(synthFile, manifestsOf(stackId)));
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("GIVEN the synth WHEN preflight ran THEN its report has zero errors", () => {
    const report = JSON.parse(fs.readFileSync(path.join(outdir, "preflight", `${stackId}.json`), "utf8"));
    expect(report.summary.errors).toBe(0);
    expect(fs.existsSync(path.join(outdir, "preflight", `${stackId}.sarif`))).toBe(true);
  });
});

describe(`the controller baseline ${BASELINE_STACK_ID}`, () => {
  const baselineFile = path.join(outdir, "stacks", BASELINE_STACK_ID, "cdk.tf.json");
  type Doc = {
    data?: Record<string, Record<string, { name: string }>>;
    resource?: Record<string, Record<string, { name: string; attachment_point: { name: string }[] }>>;
  };
  const read = (id: string): Doc => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", id, "cdk.tf.json"), "utf8"));
  const ROOT_POINTS = new Set(["TERRAFORM_BEFORE_UI_MANAGED", "TERRAFORM_AFTER_UI_MANAGED", "TERRAFORM_AFTER_K8S_MANAGED"]);

  test("GIVEN the default synth WHEN the blueprints' rulesets look up their named attachment points THEN the baseline declares exactly those points, each once", () => {
    const lookedUp = BLUEPRINT_STACK_IDS.flatMap((id) => Object.values(read(id).data?.aviatrix_dcf_attachment_point ?? {}).map((d) => d.name)).filter(
      (n) => !ROOT_POINTS.has(n),
    );
    // Every blueprint looks up its before-K8S point; the Kubernetes ones also their after-K8S point.
    expect(lookedUp.length).toBeGreaterThanOrEqual(BLUEPRINT_STACK_IDS.length);
    const groups = Object.values(read(BASELINE_STACK_ID).resource?.aviatrix_dcf_policy_group ?? {});
    const declared = groups.flatMap((g) => g.attachment_point.map((p) => p.name));
    expect(new Set(declared).size).toBe(declared.length);
    expect(lookedUp.filter((n) => !declared.includes(n))).toEqual([]);
    // …and nothing for a consumer that is not in the app (both points per consumer).
    const prefixOf = (n: string): string => n.replace(/-(before|after)-k8s$/, "");
    expect([...new Set(declared.map(prefixOf))].sort()).toEqual([...new Set(lookedUp.map(prefixOf))].sort());
    expect(declared).toHaveLength(2 * BLUEPRINT_STACK_IDS.length);
    // The baseline is a parent object only: no ruleset, no V1 list, no default action, no feature flag.
    expect(Object.keys(read(BASELINE_STACK_ID).resource ?? {})).toEqual(["aviatrix_dcf_policy_group"]);
  });

  test("GIVEN the manifest WHEN cdktf deploys THEN every blueprint depends on the baseline, which is the app's first stack", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
    for (const id of BLUEPRINT_STACK_IDS) expect(manifest.stacks[id].dependencies).toEqual([BASELINE_STACK_ID]);
    expect(manifest.stacks[BASELINE_STACK_ID].dependencies).toEqual([]);
    expect(APP_STACK_IDS[0]).toBe(BASELINE_STACK_ID);
  });

  test("GIVEN the baseline WHEN validated offline and preflighted THEN there are no findings and no preflight error", () => {
    expect(validateTerraformJson(JSON.parse(fs.readFileSync(baselineFile, "utf8")), { file: baselineFile })).toEqual([]);
    const report = JSON.parse(fs.readFileSync(path.join(outdir, "preflight", `${BASELINE_STACK_ID}.json`), "utf8"));
    expect(report.summary.errors).toBe(0);
  });
});

describe("the committed vca-preflight.lock.json", () => {
  test("GIVEN the blueprints synthesized WHEN preflight compares the immutable bindings THEN AVX-IMM1 and AVX-IMM2 pass", () => {
    const report = JSON.parse(fs.readFileSync(path.join(outdir, "preflight", "vca-foundry-byovnet.json"), "utf8"));
    const imm = report.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith("AVX-IMM")).map((f: { id: string; status: string }) => [f.id, f.status]);
    expect(imm).toEqual([
      ["AVX-IMM1[foundry/network-injection]", "compliant"],
      ["AVX-IMM2[foundry/network-injection]", "compliant"],
    ]);
  });

  test("GIVEN the same synth WHEN `npx vca-cdktf preflight lock` runs again THEN it writes the committed bytes (in sync, deterministic)", async () => {
    const again = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vca-relock-")), "vca-preflight.lock.json");
    const { code } = await runCli("preflight", "lock", outdir, "--baseline", again);
    expect(code).toBe(0);
    // If this fails after an intended change of the Foundry blueprint: `npx tsc -p tsconfig.json && npx cdktf synth && node bin/vca-cdktf.js preflight lock cdktf.out`.
    expect(fs.readFileSync(again, "utf8")).toBe(fs.readFileSync(LOCK_FILE, "utf8"));
  });
});

describe("npx cdktf synth (the main command)", () => {
  test("GIVEN a build WHEN `npx cdktf synth` runs through cdktf.json THEN every stack's cdk.tf.json is written", () => {
    const cliOut = fs.mkdtempSync(path.join(os.tmpdir(), "vca-cdktf-cli-"));
    execFileSync("npx", ["cdktf", "synth", "--output", cliOut], {
      cwd: ROOT,
      env: { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1" },
      stdio: "pipe",
    });
    for (const id of APP_STACK_IDS) {
      expect(fs.existsSync(path.join(cliOut, "stacks", id, "cdk.tf.json"))).toBe(true);
    }
    // Same app, same bytes: the CLI's output equals the in-process synth.
    const a = fs.readFileSync(path.join(cliOut, "stacks/vca-agentcore/cdk.tf.json"), "utf8");
    expect(a).toBe(fs.readFileSync(path.join(outdir, "stacks/vca-agentcore/cdk.tf.json"), "utf8"));
  });
});

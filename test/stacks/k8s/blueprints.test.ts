// GIVEN the five Kubernetes blueprints (examples/blueprints) WHEN synthesized THEN each passes
// preflight, `vca validate`, `vca analyze` (no error finding) and its scenarios file, and its
// resource tree matches the snapshot.
import * as path from "path";
import { TerraformStack } from "../../../lib/core/cdktf";
import { Preflight } from "../../../lib/preflight/preflight";
import { addLibreChatAks } from "../../../examples/blueprints/librechat-aks/stack";
import { addLibreChatEks } from "../../../examples/blueprints/librechat-eks/stack";
import { addLibreChatGke } from "../../../examples/blueprints/librechat-gke/stack";
import { addObotAks } from "../../../examples/blueprints/obot-aks/stack";
import { addObotEks } from "../../../examples/blueprints/obot-eks/stack";
import { BLUEPRINTS_DIR, resourceTree, synthJson, testApp, vca, writeSynth } from "./helpers";

const BLUEPRINTS: ReadonlyArray<[string, string, (app: ReturnType<typeof testApp>) => TerraformStack, boolean]> = [
  ["vca-librechat-eks", "librechat-eks", addLibreChatEks, false],
  ["vca-librechat-aks", "librechat-aks", addLibreChatAks, false],
  ["vca-librechat-gke", "librechat-gke", addLibreChatGke, false],
  ["vca-obot-aks", "obot-aks", addObotAks, true],
  ["vca-obot-eks", "obot-eks", addObotEks, true],
];

describe.each(BLUEPRINTS)("%s", (id, dir, add, obot) => {
  const app = testApp();
  const stack = add(app);
  const json = synthJson(stack);
  const file = writeSynth(json, id);

  test("has the stack id the CI pipeline expects", () => {
    expect(stack.node.id).toBe(id);
  });

  test("preflight reports zero error findings", () => {
    const result = Preflight.of(stack).evaluate();
    expect(result.findings.filter((f) => f.status === "non-compliant" && f.severity === "error").map((f) => f.message)).toEqual([]);
    expect(result.findings.some((f) => f.ruleId === "AVX-K8S1" && f.status === "compliant")).toBe(true);
  });

  test("the constructs' own preflight facts apply every Kubernetes check to one cluster, all compliant", () => {
    const result = Preflight.of(stack).evaluate();
    const k8s = ["AVX-K8S1", "AVX-K8S2", "AVX-K8S4", ...(obot ? ["AVX-K8S3", "AVX-CTRL5"] : [])];
    expect(k8s.filter((id) => !result.applicableRuleIds.includes(id))).toEqual([]);
    expect(result.findings.filter((f) => k8s.includes(f.ruleId) && f.status !== "compliant").map((f) => f.message)).toEqual([]);
    // Chart, onboarding, pod SNAT (and Obot) correlate through the KubernetesProviders' path.
    const clusters = result.findings.filter((f) => f.ruleId === "AVX-K8S1" || f.ruleId === "AVX-K8S2").map((f) => f.id.replace(/^AVX-K8S\d/, ""));
    expect(new Set(clusters)).toEqual(new Set([`[${id}/kubernetes]`]));
  });

  test("vca validate exits 0", async () => {
    const run = await vca("validate", file);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  test("vca analyze reports no error-level finding", async () => {
    const args = ["analyze", "--synth", file, ...(obot ? ["--manifests", path.join(BLUEPRINTS_DIR, dir, "firewall-policies")] : [])];
    const run = await vca(...args);
    expect(run.stdout).not.toMatch(/\berror\b/i);
    expect(run.code).toBe(0);
  });

  test("every scenario passes", async () => {
    const args = [
      "simulate",
      "--synth",
      file,
      ...(obot ? ["--manifests", path.join(BLUEPRINTS_DIR, dir, "firewall-policies")] : []),
      "--scenarios",
      path.join(BLUEPRINTS_DIR, dir, "scenarios.yaml"),
    ];
    const run = await vca(...args);
    const failed = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .filter((r) => r.pass !== true);
    expect(failed).toEqual([]);
    expect(run.code).toBe(0);
  });

  test("resource tree", () => {
    // The containment core: one spoke gateway, the onboarded cluster, the stack's two DCF rulesets
    // (containment + workload), its groups, and two charts (the k8s-firewall CRDs and the workload).
    const count = (type: string) => Object.keys(json.resource[type] ?? {}).length;
    expect(["aviatrix_spoke_gateway", "aviatrix_kubernetes_cluster", "aviatrix_dcf_ruleset"].map(count)).toEqual([1, 1, 2]);
    expect(count("aviatrix_smart_group")).toBeGreaterThanOrEqual(4);
    expect(count("aviatrix_web_group")).toBeGreaterThanOrEqual(3);
    expect(
      Object.values(json.resource.helm_release)
        .map((r: any) => r.chart)
        .sort(),
    ).toEqual(obot ? ["k8s-firewall", "obot"] : ["k8s-firewall", "librechat"]);
    expect(resourceTree(json)).toMatchSnapshot();
  });
});

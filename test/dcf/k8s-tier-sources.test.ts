// The K8S tier is built once from every FirewallPolicy, wherever it came from (kubernetes_manifest
// in the synth JSON, or --manifests YAML): order by namespace/name, duplicates once, conflicts and
// unreadable manifests are errors.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadPolicyModel } from "../../lib/cli/load-policy";
import { mergeModels } from "../../lib/dcf/merge";
import { evaluate } from "../../lib/dcf/simulate/evaluate";
import { policyModelFromTerraform } from "../../lib/dcf/terraform/from-terraform";
import { PolicyModel } from "../../lib/dcf/model";
import { expectInputError } from "../support/expect-error";

function policy(name: string, action: "permit" | "deny", over: Record<string, unknown> = {}) {
  return {
    apiVersion: "networking.aviatrix.com/v1alpha1",
    kind: "FirewallPolicy",
    metadata: { name, namespace: "mcp" },
    spec: {
      smartGroups: [{ name: "anywhere", selectors: [{ cidr: "0.0.0.0/0" }] }],
      rules: [
        { name: `${name}-rule`, action, selector: { matchLabels: { app: "x" } }, destinationSmartGroups: [{ name: "anywhere" }], protocol: "tcp", port: 443 },
      ],
      ...over,
    },
  };
}

function synthWith(manifests: Record<string, unknown>): object {
  return {
    resource: {
      kubernetes_manifest: Object.fromEntries(Object.entries(manifests).map(([k, m]) => [k, { manifest: m }])),
      aviatrix_distributed_firewalling_default_action_rule: { d: { action: "DENY", logging: true } },
    },
  };
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "vca-k8s-tier-"));
}

async function load(synth: object, yamlDocs: object[]): Promise<PolicyModel> {
  const dir = tmpDir();
  const synthFile = path.join(dir, "cdk.tf.json");
  fs.writeFileSync(synthFile, JSON.stringify(synth));
  const manifests: string[] = [];
  if (yamlDocs.length > 0) {
    const m = path.join(dir, "policies.yaml");
    fs.writeFileSync(m, yamlDocs.map((d) => JSON.stringify(d)).join("\n---\n"));
    manifests.push(m);
  }
  return loadPolicyModel(synthFile, manifests);
}

const pod = { from: { k8s: { namespace: "mcp", labels: { app: "x" } } }, to: { host: "a.io", ip: "8.8.8.8", port: 443, protocol: "TCP" as const } };

describe("one K8S tier from synth JSON and --manifests", () => {
  test("GIVEN policy mcp/b in the synth and mcp/a in --manifests WHEN loaded THEN a's rules come first (namespace/name order, not input order)", async () => {
    const m = await load(synthWith({ b: policy("b", "permit") }), [policy("a", "deny")]);
    const k8s = m.rules.filter((r) => r.tier === "K8S").sort((x, y) => x.priority - y.priority);
    expect(k8s.map((r) => [r.origin, r.name, r.priority])).toEqual([
      ["mcp/a", "a-rule", 0],
      ["mcp/b", "b-rule", 1],
    ]);
    expect(evaluate(m, pod)).toMatchObject({ verdict: "DENY", rule: "a-rule", tier: "K8S" });
  });

  test("GIVEN the same policy in both inputs, keys in another order WHEN loaded THEN it counts once", async () => {
    const p = policy("a", "permit");
    const reordered = JSON.parse(
      JSON.stringify({
        spec: { rules: p.spec.rules.map((r) => Object.fromEntries(Object.entries(r).reverse())), smartGroups: p.spec.smartGroups },
        metadata: p.metadata,
        kind: p.kind,
        apiVersion: p.apiVersion,
      }),
    );
    const m = await load(synthWith({ a: p }), [reordered]);
    expect(m.rules.filter((r) => r.tier === "K8S").map((r) => r.name)).toEqual(["a-rule"]);
  });

  test("GIVEN one policy defined differently in the two inputs WHEN loaded THEN the error names both places", async () => {
    await expect(load(synthWith({ a: policy("a", "permit") }), [policy("a", "deny")])).rejects.toThrow(
      /policies\.yaml: documents\[0\]: FirewallPolicy mcp\/a is also defined at .*cdk\.tf\.json: kubernetes_manifest\.a\.manifest with different contents; keep one definition|cdk\.tf\.json: kubernetes_manifest\.a\.manifest: FirewallPolicy mcp\/a is also defined at .*policies\.yaml: documents\[0\] with different contents; keep one definition/,
    );
  });
});

describe("kubernetes_manifest that cannot be read offline", () => {
  test("GIVEN manifest = yamldecode(file(...)) WHEN read THEN a DcfModelError names the address", () => {
    expect(
      expectInputError(
        () => policyModelFromTerraform(synthWith({ deny: '${yamldecode(file("deny.yaml"))}' }), "cdk.tf.json"),
        "cdk.tf.json: kubernetes_manifest.deny.manifest",
      ),
    ).toMatchInlineSnapshot(
      `"cdk.tf.json: kubernetes_manifest.deny.manifest: cannot read the manifest offline (got "\${yamldecode(file(\\"deny.yaml\\"))}"); if it is a FirewallPolicy, its rules would be missing from the K8S tier — write the manifest as an object in the configuration, or pass the FirewallPolicy YAML with --manifests and drop it from the Terraform input"`,
    );
  });

  test("GIVEN a kind that is an unknown expression WHEN read THEN a DcfModelError names the address", () => {
    const m = { ...policy("a", "permit"), kind: "${var.kind}" };
    expect(() => policyModelFromTerraform(synthWith({ p: m }), "cdk.tf.json")).toThrow(
      /^cdk\.tf\.json: kubernetes_manifest\.p\.manifest: kind "\$\{var\.kind\}" is not known offline/,
    );
  });

  test("GIVEN a ConfigMap, a Deployment with unknown fields and another API group's FirewallPolicy WHEN read THEN they are skipped", () => {
    const m = policyModelFromTerraform(
      synthWith({
        cm: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" }, data: { a: "${var.x}" } },
        dep: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "${var.name}" } },
        other: { ...policy("o", "deny"), apiVersion: "example.com/v1" },
        unknownKindOtherGroup: { apiVersion: "example.com/v1", kind: "${var.kind}" },
      }),
    );
    expect(m.rules).toEqual([]);
  });

  test("GIVEN a FirewallPolicy manifest with a bad rule field WHEN read THEN the shape check names the manifest path", () => {
    const bad = policy("a", "permit", { rules: [{ name: "r", action: "permit", port: 70000, destinationSmartGroups: [{ name: "anywhere" }] }] });
    expect(
      expectInputError(() => policyModelFromTerraform(synthWith({ a: bad }), "cdk.tf.json"), "cdk.tf.json: kubernetes_manifest.a.manifest.spec.rules[0].port"),
    ).toMatchInlineSnapshot(`"cdk.tf.json: kubernetes_manifest.a.manifest.spec.rules[0].port: got 70000, want at most 65535"`);
  });
});

describe("mergeModels", () => {
  const group = (expr: object) => ({ key: "g", name: "g", kind: "selector" as const, expressions: [expr] });
  const only = (g: ReturnType<typeof group>): PolicyModel => ({ smartGroups: { g }, webGroups: {}, rules: [] });

  test("GIVEN the same group with keys in another order WHEN merged THEN it is one group", () => {
    const a = only(group({ type: "k8s", k8sNamespace: "mcp", tags: { a: "1", b: "2" } }));
    const b = only({ name: "g", expressions: [{ tags: { b: "2", a: "1" }, k8sNamespace: "mcp", type: "k8s" }], kind: "selector", key: "g" } as ReturnType<
      typeof group
    >);
    expect(Object.keys(mergeModels(a, b).smartGroups)).toEqual(["g"]);
  });

  test("GIVEN two groups under one key with different contents WHEN merged THEN the error names the key", () => {
    expect(
      expectInputError(() => mergeModels(only(group({ cidr: "10.0.0.0/8" })), only(group({ cidr: "10.0.0.0/16" }))), "smartGroups[g]"),
    ).toMatchInlineSnapshot(`"smartGroups[g]: defined twice with different contents"`);
  });
});

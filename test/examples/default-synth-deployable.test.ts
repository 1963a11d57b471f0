// Issue "Deployable blueprints", Done when: every check below holds on the DEFAULT synth (no
// VCA_CONFIG: the example config's lab values), one assertion per check, read from the
// synthesized cdk.tf.json of every blueprint. (The default action's order after its rules is
// pinned with the policy pack's rendering, which owns it.)
import * as fs from "fs";
import * as path from "path";
import { BASELINE_STACK_ID, BLUEPRINT_STACK_IDS } from "../../examples/blueprints/app";
import { exampleConfigFile } from "../../examples/blueprints/config/config-source";
import { readVcaConfig } from "../../lib/config/vca-config";
import { sharedBlueprintsOut } from "../support/shared-blueprints";
import { isPublishedVersion, PUBLISHED_CHARTS, PublishedChartName } from "../../lib/constructs/kubernetes/published-charts";

// The shared synth (test/support/shared-blueprints.ts): no VCA_* environment, the committed baseline.
const outdir = sharedBlueprintsOut();
const exampleStacks = Object.keys(readVcaConfig(exampleConfigFile()).config.stacks);
const doc = (id: string) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", id, "cdk.tf.json"), "utf8"));
const K8S = BLUEPRINT_STACK_IDS.filter((id) => /librechat-|obot-/.test(id));
const EKS = K8S.filter((id) => id.endsWith("-eks"));
const CHART_BY_REPO: Record<string, PublishedChartName> = Object.fromEntries(Object.values(PUBLISHED_CHARTS).map((c) => [`${c.repository} ${c.name}`, c.name]));

test("GIVEN no VCA_CONFIG THEN the app synthesized the example config, every blueprint, and the controller baseline they attach to", () => {
  expect([...exampleStacks].sort()).toEqual([...BLUEPRINT_STACK_IDS].sort());
  expect(fs.readdirSync(path.join(outdir, "stacks")).sort()).toEqual([BASELINE_STACK_ID, ...BLUEPRINT_STACK_IDS].sort());
});

test.each(K8S)("%s pins published chart versions only", (id) => {
  const releases = Object.values(doc(id).resource.helm_release) as Array<{ repository: string; chart: string; version: string }>;
  expect(releases.length).toBeGreaterThan(0);
  for (const r of releases) {
    const chart = CHART_BY_REPO[`${r.repository} ${r.chart}`];
    expect([r.chart, chart]).toEqual([r.chart, expect.any(String)]);
    expect([r.chart, r.version, isPublishedVersion(chart, r.version)]).toEqual([r.chart, r.version, true]);
  }
  // Obot installs the NPC chart itself: its version is in Obot's values.
  for (const r of releases.filter((x) => x.chart === "obot")) {
    const npc = /OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_CHART_VERSION: "?(v[\d.]+)/.exec(JSON.stringify(r))![1];
    expect(isPublishedVersion("aviatrix-network-policy-controller", npc)).toBe(true);
  }
});

test.each(BLUEPRINT_STACK_IDS)("%s has no placeholder GUID and outputs gateway, policy objects and next steps", (id) => {
  const text = fs.readFileSync(path.join(outdir, "stacks", id, "cdk.tf.json"), "utf8");
  expect(text).not.toMatch(/\b0{8}-0{4}-0{4}-0{4}-0{12}\b/);
  const outputs = doc(id).output;
  expect(Object.keys(outputs).filter((k) => /_gateway_name$/.test(k)).length).toBeGreaterThan(0);
  expect(Object.keys(outputs).filter((k) => /_gateway_private_ip$/.test(k)).length).toBeGreaterThan(0);
  expect(outputs.policy_objects.value.rules.length).toBeGreaterThan(0);
  expect(outputs.next_steps.value).toMatch(/^1\. /);
});

test.each(K8S)("%s outputs the cluster name and the kubeconfig command", (id) => {
  const outputs = doc(id).output;
  expect(outputs.cluster_name.value).toBeTruthy();
  expect(outputs.kubeconfig_command.value).toMatch(/^(aws eks update-kubeconfig|az aks get-credentials|gcloud container clusters get-credentials) /);
});

test.each(EKS)("%s: exec auth, controller access entry + policy association, EBS CSI and a default StorageClass", (id) => {
  const json = doc(id);
  expect(json.provider.kubernetes[0].exec[0]).toMatchObject({ command: "aws", args: expect.arrayContaining(["eks", "get-token"]) });
  expect(json.provider.helm[0].kubernetes.exec).toMatchObject({ command: "aws" });
  expect(json.data?.aws_eks_cluster_auth).toBeUndefined();
  expect(Object.values(json.resource.aws_eks_access_entry)).toHaveLength(1);
  expect(Object.values(json.resource.aws_eks_access_policy_association)).toHaveLength(1);
  expect(Object.values(json.resource.aviatrix_kubernetes_cluster)).toHaveLength(1);
  expect((Object.values(json.resource.aws_eks_addon) as Array<{ addon_name: string }>).map((a) => a.addon_name)).toContain("aws-ebs-csi-driver");
  const sc = Object.values(json.resource.kubernetes_storage_class_v1) as Array<{ metadata: { annotations: Record<string, string> } }>;
  expect(sc.map((s) => s.metadata.annotations["storageclass.kubernetes.io/is-default-class"])).toEqual(["true"]);
});

test("vca-agentcore: the image is supplied (required variable, no empty repository) and the runtime waits for its ECR-pull policy", () => {
  const json = doc("vca-agentcore");
  const runtime = Object.values(json.resource.aws_bedrockagentcore_agent_runtime)[0] as any;
  expect(runtime.agent_runtime_artifact[0].container_configuration[0].container_uri).toBe("${var.agentcore_agent_image_uri}");
  expect(json.resource.aws_ecr_repository).toBeUndefined();
  expect(runtime.depends_on).toContain("aws_iam_role_policy.agentcore_runtime");
  expect(json.resource.aws_iam_role_policy.agentcore_runtime.policy).toContain('"Sid" = "EcrPull"');
});

test("vca-foundry-byovnet: Microsoft.App registered, a unique subdomain", () => {
  const json = doc("vca-foundry-byovnet");
  expect(json.provider.azurerm[0].resource_providers_to_register).toContain("Microsoft.App");
  const account = json.resource.azurerm_cognitive_account.foundry_account;
  expect(account.custom_subdomain_name).toMatch(/^foundry-vca-\$\{substr\(sha1\(/);
});

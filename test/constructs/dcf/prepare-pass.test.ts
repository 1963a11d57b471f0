// The pack and the lean group resources let cdktf's preparing pass skip token-free values
// (lib/core/prepare-skip). Values with tokens must still reach it: cross-stack references are
// registered there, and a skipped reference would leave the consuming stack without its input.
import * as fs from "fs";
import * as path from "path";
import { App, Lazy, TerraformStack, TerraformVariable, Testing } from "../../../lib/core/cdktf";
import { AviatrixProvider } from "../../../lib/constructs/aviatrix";
import { DcfPolicyPack, ManagedSmartGroup, SmartGroup, WebGroup } from "../../../lib/constructs/dcf";

// The seed lab on a dedicated controller: the V1 list and the default action (both opt-in).
const V1_OWNED = { renderAs: "policyList", manageDefaultAction: true } as const;

function givenStack(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AviatrixProvider(stack, "aviatrix", { controllerVersion: "9.0.10", credentials: "env" });
  return stack;
}

function synthStacks(app: App): Record<string, any> {
  app.synth();
  const read = (id: string) => JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", id, "cdk.tf.json"), "utf8"));
  return { groups: read("groups"), policy: read("policy") };
}

describe("preparing pass", () => {
  test("GIVEN groups in another stack WHEN a pack's rule uses them THEN the cross-stack references are registered and rendered", () => {
    const app = Testing.app();
    const groupsStack = givenStack(app, "groups");
    const pods = new SmartGroup(groupsStack, "pods", { matchExpressions: [{ type: "k8s", k8sNamespace: "mcp" }] });
    const egress = new WebGroup(groupsStack, "egress", { domains: ["api.example.com"] });
    const policy = givenStack(app, "policy");
    const local = new SmartGroup(policy, "local_pods", { matchExpressions: [{ type: "k8s", k8sNamespace: "local" }] });
    new DcfPolicyPack(policy, "dcf", {
      ...V1_OWNED,
      manageDefaultAction: false,
      rules: [
        { name: "local", priority: 1, action: "DENY", protocol: "ANY", src: [local], dst: [ManagedSmartGroup.publicInternet()] },
        {
          name: "remote",
          priority: 2,
          action: "PERMIT",
          protocol: "TCP",
          ports: [443],
          src: [pods],
          dst: [ManagedSmartGroup.publicInternet()],
          webGroups: [egress],
        },
      ],
    });

    const out = synthStacks(app);

    const outputs = Object.keys(out.groups.output ?? {});
    expect(outputs).toHaveLength(2);
    expect(Object.keys(out.policy.data.terraform_remote_state)).toEqual(["cross-stack-reference-input-groups"]);
    const [localRule, remoteRule] = out.policy.resource.aviatrix_distributed_firewalling_policy_list.dcf.policies;
    expect(localRule.src_smart_groups).toEqual(["${aviatrix_smart_group.local_pods.uuid}"]);
    for (const uuid of [...remoteRule.src_smart_groups, ...remoteRule.web_groups]) {
      expect(uuid).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-groups\.outputs\.cross-stack-output-/);
    }
  });

  test("GIVEN a group selector with a token from another stack THEN that reference is registered too", () => {
    const app = Testing.app();
    const groupsStack = givenStack(app, "groups");
    const cluster = new TerraformVariable(groupsStack, "cluster_id", { type: "string" });
    const policy = givenStack(app, "policy");
    new SmartGroup(policy, "pods", { matchExpressions: [{ type: "k8s", k8sClusterId: cluster.stringValue, k8sNamespace: "mcp" }] });

    const out = synthStacks(app);

    expect(Object.keys(out.groups.output ?? {})).toHaveLength(1);
    const expression = out.policy.resource.aviatrix_smart_group.pods.selector.match_expressions[0];
    expect(expression.k8s_cluster_id).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-groups\.outputs\.cross-stack-output-/);
    expect(expression.k8s_namespace).toBe("mcp");
  });

  test("GIVEN a rule field holding a token THEN the preparing pass resolves it, and the output is unchanged", () => {
    const app = Testing.app();
    const policy = givenStack(app, "policy");
    const passes: boolean[] = [];
    const tlsProfile = Lazy.stringValue({ produce: (context) => (passes.push(context.preparing), "tls-profile-uuid") });
    const pods = new SmartGroup(policy, "pods", { matchExpressions: [{ type: "k8s", k8sNamespace: "mcp" }] });
    const egress = new WebGroup(policy, "egress", { domains: ["api.example.com"] });
    new DcfPolicyPack(policy, "dcf", {
      ...V1_OWNED,
      manageDefaultAction: false,
      rules: [
        { name: "plain", priority: 1, action: "DENY", protocol: "ANY", src: [pods], dst: [ManagedSmartGroup.publicInternet()] },
        {
          name: "decrypt",
          priority: 2,
          action: "PERMIT",
          protocol: "TCP",
          src: [pods],
          dst: [ManagedSmartGroup.publicInternet()],
          webGroups: [egress],
          decryptPolicy: "DECRYPT_ALLOWED",
          tlsProfile,
        },
      ],
    });

    app.synth();

    expect(passes).toContain(true);
    const doc = JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", "policy", "cdk.tf.json"), "utf8"));
    const rules = doc.resource.aviatrix_distributed_firewalling_policy_list.dcf.policies;
    expect(rules.map((r: { name: string; tls_profile?: string }) => [r.name, r.tls_profile])).toEqual([
      ["plain", undefined],
      ["decrypt", "tls-profile-uuid"],
    ]);
  });
});

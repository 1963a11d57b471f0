// The controller baseline (one owner per controller) and the app-wide controller-name check.
import { Testing, TerraformStack } from "../../../lib/core/cdktf";
import { DcfControllerBaseline, DcfPolicyPack, SmartGroup, WebGroup, WellKnownSmartGroups } from "../../../lib";
import { ControllerBaselineStack } from "../../../stacks/controller-baseline-stack";
import { consumerAttachmentPoints } from "../../../stacks/controller-ownership";
import { policyModelFromTerraform } from "../../../lib/dcf/terraform/from-terraform";
import { givenStack, synthJson, validationErrors } from "./helpers";

describe("DcfControllerBaseline", () => {
  test("GIVEN two consumers WHEN synthesized THEN one policy group per side of the K8S block declares each consumer's named points", () => {
    const stack = givenStack();
    const baseline = new DcfControllerBaseline(stack, "baseline", { consumers: ["librechat-eks", "obot-aks"] });
    const doc = synthJson(stack);
    expect(
      Object.values(doc.data.aviatrix_dcf_attachment_point)
        .map((d: any) => d.name)
        .sort(),
    ).toEqual(["TERRAFORM_AFTER_K8S_MANAGED", "TERRAFORM_BEFORE_UI_MANAGED"]);
    const groups = Object.values(doc.resource.aviatrix_dcf_policy_group) as any[];
    expect(groups.map((g) => [g.name, g.attachment_point])).toEqual([
      [
        "vca-baseline-after-k8s",
        [
          { name: "librechat-eks-after-k8s", priority: 100 },
          { name: "obot-aks-after-k8s", priority: 200 },
        ],
      ],
      [
        "vca-baseline-before-k8s",
        [
          { name: "librechat-eks-before-k8s", priority: 100 },
          { name: "obot-aks-before-k8s", priority: 200 },
        ],
      ],
    ]);
    // The names blueprints attach to by default are the ones the baseline declares.
    expect(baseline.points["obot-aks"]).toEqual(consumerAttachmentPoints("obot-aks"));
    expect(doc.resource.aviatrix_distributed_firewalling_default_action_rule).toBeUndefined();
    expect(doc.resource.aviatrix_config_feature).toBeUndefined();
    expect(validationErrors(doc)).toEqual([]);
  });

  test("GIVEN a blueprint ruleset at a consumer's after-k8s point WHEN parsed back THEN it is evaluated after the K8S block", () => {
    const stack = givenStack();
    const pods = new SmartGroup(stack, "pods", { matchExpressions: [{ type: "k8s", k8sNamespace: "obot-mcp" }] });
    new DcfPolicyPack(stack, "closing", {
      attachmentPoint: consumerAttachmentPoints("obot-aks").afterK8s,
      rules: [{ name: "contain", priority: 100, action: "DENY", protocol: "ANY", src: [pods], dst: [WellKnownSmartGroups.anywhere()] }],
    });
    expect(policyModelFromTerraform(synthJson(stack)).rules.map((r) => [r.name, r.tier])).toEqual([["contain", "AFTER_K8S"]]);
  });

  test("GIVEN bad consumers THEN the prop is named", () => {
    expect(() => new DcfControllerBaseline(givenStack(), "b", { consumers: [] })).toThrow(
      /DcfControllerBaseline\.consumers: got \[\], want at least one consumer prefix/,
    );
    expect(() => new DcfControllerBaseline(givenStack(), "b", { consumers: ["a", "a"] })).toThrow(/consumers\[1\]: got "a" twice, want each consumer once/);
    expect(() => new DcfControllerBaseline(givenStack(), "b", { consumers: ["Bad Name"] })).toThrow(/consumers\[0\]: got "Bad Name"/);
  });

  test("GIVEN the stack WHEN synthesized THEN it holds only the provider and the two groups", () => {
    const stack = new ControllerBaselineStack(Testing.app(), "baseline", { controllerVersion: "9.0", consumers: ["a"] });
    const doc = JSON.parse(Testing.synth(stack, true));
    expect(Object.keys(doc.resource)).toEqual(["aviatrix_dcf_policy_group"]);
  });
});

describe("controller object names (synth-time duplicate check)", () => {
  test("GIVEN two stacks in one app that name a WebGroup the same WHEN synthesized THEN synth fails naming both constructs", () => {
    const app = Testing.app();
    const a = new TerraformStack(app, "a");
    const b = new TerraformStack(app, "b");
    new WebGroup(a, "llm", { name: "librechat-llm", domains: ["api.openai.com"] });
    new WebGroup(b, "llm", { name: "librechat-llm", domains: ["api.openai.com"] });
    new WebGroup(b, "other", { name: "b-llm", domains: ["api.openai.com"] });
    expect(() => Testing.synth(a, true)).toThrow(
      /\[a\/llm\] aviatrix_web_group\.name: got "librechat-llm", also used by b\/llm, want a name no other object of the app uses/,
    );
    expect(() => Testing.synth(b, true)).toThrow(/\[b\/llm\] aviatrix_web_group\.name: got "librechat-llm", also used by a\/llm/);
  });

  test("GIVEN a SmartGroup and a WebGroup with one name THEN no clash (different object kinds)", () => {
    const stack = givenStack();
    new WebGroup(stack, "w", { name: "same", domains: ["a.example.com"] });
    new SmartGroup(stack, "g", { name: "same", matchExpressions: [{ cidr: "10.0.0.0/8" }] });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(Object.values(json.resource.aviatrix_web_group).map((w: any) => w.name)).toEqual(["same"]);
    expect(Object.values(json.resource.aviatrix_smart_group).map((g: any) => g.name)).toEqual(["same"]);
  });
});

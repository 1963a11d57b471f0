// Negative tests whose sibling tests match the message by regex: here the full messages are
// snapshotted (docs/ARCHITECTURE.md §8), so any wording or path change is reviewed.
import { DcfFeature, DcfPolicyPack, DcfRuleProps, FirewallPolicy, ManagedSmartGroup, SmartGroup, WebGroup } from "../../../lib/constructs/dcf";
import { TerraformStack } from "../../../lib/core/cdktf";
import { Select } from "../../../lib/dcf/builder/selectors";
import { givenStack, synthJson } from "./helpers";

// The seed lab on a dedicated controller: the V1 list and the default action (both opt-in).
const V1_OWNED = { renderAs: "policyList", manageDefaultAction: true } as const;

function llmRule(stack: TerraformStack, extra: Partial<DcfRuleProps> = {}): DcfRuleProps {
  const pods = new SmartGroup(stack, "pods", {
    name: "pods",
    matchExpressions: [Select.k8s({ cluster: "eks-lab", namespace: "chat", labels: { app: "chat" } })],
  });
  const llm = new WebGroup(stack, "llm", { name: "llm", domains: ["api.openai.com"] });
  return {
    name: "llm-egress",
    priority: 10,
    action: "PERMIT",
    src: [pods],
    dst: [ManagedSmartGroup.publicInternet()],
    webGroups: [llm],
    protocol: "TCP",
    ports: [443],
    ...extra,
  };
}

const synthError = (stack: TerraformStack): string => {
  try {
    synthJson(stack);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("synth did not fail");
};

/** `[construct path] Construct.prop` of each validation error in a synth failure, in order. */
const reported = (message: string): string[] =>
  message
    .split("\n")
    .map((line) => /^\s*(\[[^\]]+\] [A-Za-z0-9]+\.[^:\s]+):/.exec(line)?.[1])
    .filter((x): x is string => x !== undefined);

describe("DcfPolicyPack synth-time errors", () => {
  test("GIVEN controller 8.1.0 WHEN a ruleset pack with a log profile is synthesized THEN both version gates are reported", () => {
    const stack = givenStack("8.1.0");
    new DcfPolicyPack(stack, "dcf", { ...V1_OWNED, renderAs: "ruleset", rules: [llmRule(stack, { logProfile: "start" })] });
    const message = synthError(stack);
    expect(reported(message)).toEqual(["[stack/dcf] DcfPolicyPack.controllerVersion", "[stack/dcf] DcfPolicyPack.controllerVersion"]);
    expect(message).toMatch(/got 8\.1\.0, want ≥ 8\.2\.0 for renderAs: "ruleset"/);
    expect(message).toMatch(/got 8\.1\.0, want ≥ 8\.2\.0 for rule logProfile/);
    expect(message).toMatchSnapshot();
  });

  test("GIVEN two policy-list packs WHEN synthesized THEN the second pack is rejected twice (list and default action)", () => {
    const stack = givenStack();
    const rule = llmRule(stack);
    new DcfPolicyPack(stack, "one", { ...V1_OWNED, rules: [rule] });
    new DcfPolicyPack(stack, "two", { ...V1_OWNED, rules: [rule] });
    const message = synthError(stack);
    expect(reported(message)).toEqual(["[stack/two] DcfPolicyPack.renderAs", "[stack/two] DcfPolicyPack.manageDefaultAction"]);
    expect(message).toContain("first: stack/one");
    expect(message).toMatchSnapshot();
  });

  test("GIVEN an empty policy-list pack WHEN synthesized THEN no-rules error", () => {
    const stack = givenStack();
    new DcfPolicyPack(stack, "dcf", V1_OWNED);
    const message = synthError(stack);
    expect(reported(message)).toEqual(["[stack/dcf] DcfPolicyPack.rules"]);
    expect(message).toMatchSnapshot();
  });
});

test("GIVEN DcfFeature on controller 8.2.9 WHEN synthesized THEN the aviatrix_config_feature version gate message", () => {
  const stack = givenStack("8.2.9");
  new DcfFeature(stack, "dcf");
  const message = synthError(stack);
  expect(reported(message)).toEqual(["[stack/dcf] DcfFeature.controllerVersion"]);
  expect(message).toContain("got 8.2.9, want ≥ 8.2.10 for aviatrix_config_feature");
  expect(message).toMatchSnapshot();
});

test("GIVEN a FirewallPolicy without rules WHEN synthesized THEN the no-rules message", () => {
  const stack = givenStack();
  new FirewallPolicy(stack, "fp", { namespace: "app" });
  const message = synthError(stack);
  expect(reported(message)).toEqual(["[stack/fp] FirewallPolicy.rules"]);
  expect(message).toMatchSnapshot();
});

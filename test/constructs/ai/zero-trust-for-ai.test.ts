// GIVEN AI providers, workloads and intents WHEN ZeroTrustForAi adds them to a pack THEN the
// rules follow the intent order and the rollout stage (log-only → permit → deny).
import { TerraformStack, Testing } from "../../../lib/core/cdktf";
import { AviatrixProvider } from "../../../lib/constructs/aviatrix/aviatrix-provider";
import { DcfPolicyPack } from "../../../lib/constructs/dcf/dcf-policy-pack";
import { ZeroTrustForAi, ZeroTrustForAiProps } from "../../../lib/constructs/ai/zero-trust-for-ai";
import { expectInputError } from "../../support/expect-error";

const INTENT: Omit<ZeroTrustForAiProps, "pack"> = {
  providers: {
    bedrock: { domains: ["bedrock-runtime.us-east-1.amazonaws.com"] },
    all: { managedWebGroup: "avx-ai-llm-providers" },
  },
  workloads: {
    prod: { cloudTags: { env: "prod", ai: "approved" } },
    dev: { k8s: { namespace: "dev" }, lambdaArns: ["arn:aws:lambda:us-east-1:123456789012:function:dev-agent"] },
  },
  intents: [
    { name: "prod-approved-to-bedrock", workloads: ["prod"], providers: ["bedrock"] },
    { name: "dev-to-any-ai", workloads: ["dev"], providers: "any" },
  ],
};

function build(extra: Partial<ZeroTrustForAiProps> = {}) {
  const stack = new TerraformStack(Testing.app(), "zt");
  new AviatrixProvider(stack, "aviatrix", { controllerVersion: "9.0" });
  const pack = new DcfPolicyPack(stack, "pack", { mode: "enforce" });
  const zt = new ZeroTrustForAi(stack, "zt", { ...INTENT, pack, ...extra });
  return { stack, pack, zt, json: JSON.parse(Testing.synth(stack)) };
}

const summary = (pack: DcfPolicyPack) => pack.rules.map((r) => [r.priority, r.name, r.action, r.watch, r.webGroups.map((w) => w.model.name)]);

test("log-only (default): intents and the closing deny all watch", () => {
  const { pack } = build();
  expect(summary(pack)).toEqual([
    [100, "prod-approved-to-bedrock", "PERMIT", true, ["ai-bedrock"]],
    [101, "dev-to-any-ai", "PERMIT", true, ["avx-ai-llm-providers", "ai-bedrock"]],
    [102, "deny-other-ai-access", "DENY", true, ["avx-ai-llm-providers", "ai-bedrock"]],
  ]);
});

test("permit: intents act, the deny still only logs; deny: everything acts", () => {
  expect(build({ stage: "permit" }).pack.rules.map((r) => r.watch)).toEqual([false, false, true]);
  expect(build({ stage: "deny" }).pack.rules.map((r) => r.watch)).toEqual([false, false, false]);
});

test("groups: managed WebGroup by name (data source), SmartGroups by tag, namespace and Lambda ARN", () => {
  const { json } = build({ stage: "deny" });
  expect(Object.values(json.data.aviatrix_web_group)).toEqual([{ name: "avx-ai-llm-providers" }]);
  const groups = Object.values(json.resource.aviatrix_smart_group) as any[];
  expect(groups.find((g) => g.name === "ai-workload-prod").selector.match_expressions).toEqual([{ type: "vm", tags: { ai: "approved", env: "prod" } }]);
  expect(groups.find((g) => g.name === "ai-workload-dev").selector.match_expressions).toEqual(
    expect.arrayContaining([
      { type: "k8s", k8s_namespace: "dev" },
      { type: "serverless", res_id: "arn:aws:lambda:us-east-1:123456789012:function:dev-agent" },
    ]),
  );
});

test("everything on (deny stage): the rendered ruleset enforces every intent and the closing deny", () => {
  // The pack renders as a ruleset (the snapshot used to read the V1 policy list, which does not exist, and held `undefined`).
  const ruleset = build({ stage: "deny" }).json.resource.aviatrix_dcf_ruleset;
  const [rendered] = Object.values(ruleset) as any[];
  expect(rendered.rules.map((r: any) => [r.priority, r.name, r.action, r.watch, r.logging])).toEqual([
    [100, "prod-approved-to-bedrock", "PERMIT", false, true],
    [101, "dev-to-any-ai", "PERMIT", false, true],
    [102, "deny-other-ai-access", "DENY", false, true],
  ]);
  expect(ruleset).toMatchSnapshot();
});

describe("props validation", () => {
  const cases: Array<[string, Partial<ZeroTrustForAiProps>, string]> = [
    ["unknown provider key in an intent", { intents: [{ name: "x", workloads: ["prod"], providers: ["openai"] }] }, "ZeroTrustForAi.intents[0].providers[0]"],
    ["provider with both managed and domains", { providers: { both: { managedWebGroup: "x", domains: ["a.example.com"] } } }, "ZeroTrustForAi.providers.both"],
    ["workload without selector", { workloads: { empty: {} } }, "ZeroTrustForAi.workloads.empty"],
    ["bad Lambda ARN", { workloads: { fn: { lambdaArns: ["my-function"] } } }, "ZeroTrustForAi.workloads.fn.lambdaArns"],
    ["no intents", { intents: [] }, "ZeroTrustForAi.intents"],
    ["bad stage", { stage: "block" as never }, "ZeroTrustForAi.stage"],
  ];
  test.each(cases)("%s", (_n, extra, names) => {
    expect(expectInputError(() => build(extra), names)).toMatchSnapshot();
  });
});

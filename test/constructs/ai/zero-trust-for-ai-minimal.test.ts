// docs/ARCHITECTURE.md §8: the minimal snapshot of ZeroTrustForAi (one provider, one workload, one intent,
// default log-only stage), and `vca validate`-clean synth for the minimal and everything-on cases.
import { TerraformStack, Testing } from "../../../lib/core/cdktf";
import { AviatrixProvider } from "../../../lib/constructs/aviatrix/aviatrix-provider";
import { DcfPolicyPack } from "../../../lib/constructs/dcf/dcf-policy-pack";
import { ZeroTrustForAi, ZeroTrustForAiProps } from "../../../lib/constructs/ai/zero-trust-for-ai";

function givenStack(): { stack: TerraformStack; pack: DcfPolicyPack } {
  const stack = new TerraformStack(Testing.app(), "zt");
  new AviatrixProvider(stack, "aviatrix", { controllerVersion: "9.0" });
  return { stack, pack: new DcfPolicyPack(stack, "pack", { mode: "enforce" }) };
}

test("GIVEN one provider, workload and intent WHEN synthesized THEN minimal snapshot, vca validate clean", () => {
  const { stack, pack } = givenStack();
  new ZeroTrustForAi(stack, "zt", {
    pack,
    providers: { openai: { domains: ["api.openai.com"] } },
    workloads: { app: { cloudTags: { app: "chat" } } },
    intents: [{ name: "app-to-openai", workloads: ["app"], providers: ["openai"] }],
  });
  const text = Testing.synth(stack);
  expect(text).toPassVcaValidation();
  const json = JSON.parse(text);
  expect({ data: json.data, resource: json.resource }).toMatchSnapshot();
});

test("GIVEN every kind of provider and workload in the deny stage WHEN synthesized THEN vca validate clean", () => {
  const { stack, pack } = givenStack();
  const props: ZeroTrustForAiProps = {
    pack,
    stage: "deny",
    providers: { bedrock: { domains: ["bedrock-runtime.us-east-1.amazonaws.com"] }, all: { managedWebGroup: "avx-ai-llm-providers" } },
    workloads: {
      prod: { cloudTags: { env: "prod", ai: "approved" } },
      dev: { k8s: { namespace: "dev" }, lambdaArns: ["arn:aws:lambda:us-east-1:123456789012:function:dev-agent"] },
    },
    intents: [
      { name: "prod-approved-to-bedrock", workloads: ["prod"], providers: ["bedrock"] },
      { name: "dev-to-any-ai", workloads: ["dev"], providers: "any" },
    ],
  };
  new ZeroTrustForAi(stack, "zt", props);
  expect(Testing.synth(stack)).toPassVcaValidation();
});

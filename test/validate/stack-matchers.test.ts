// The matchers on a stack run what `cdktf synth` runs. `Testing.synth(stack)` skips validations, so
// toPassVcaValidation on its JSON passes stacks that synth rejects (a preflight ERROR) or whose
// deny rule is shadowed; toPassVcaPreflight / toPassVcaAnalysis / toPassVcaChecks catch them.
import { TerraformStack, Testing } from "../../lib/core/cdktf";
import { AviatrixProvider, Cloud, DcfFeature, DcfPolicyPack, Preflight, Select, SmartGroup, SpokeGateway, WebGroup, WellKnownSmartGroups } from "../../lib";
import { vcaJestMatchers } from "../../lib/validate/jest-matchers";

interface Variant {
  readonly provider?: boolean;
  readonly shadowDeny?: boolean;
  readonly installPreflight?: boolean;
}

function paymentsStack(v: Variant = {}): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "payments");
  if (v.provider ?? true) new AviatrixProvider(stack, "aviatrix", { controllerVersion: "8.2.10" });
  new SpokeGateway(stack, "spoke", {
    cloud: Cloud.AWS,
    accountName: "payments-aws",
    region: "eu-west-1",
    name: "payments-spoke",
    vpcId: "vpc-0123456789abcdef0",
    gatewaySubnet: "10.70.0.0/28",
    singleIpSnat: true,
  });
  const dcf = new DcfFeature(stack, "dcf");
  const agents = new SmartGroup(stack, "agents", { name: "payments-agents", matchExpressions: [Select.cidr("10.70.10.0/24")] });
  const llm = new WebGroup(stack, "llm", { name: "payments-llm", domains: ["api.openai.com"] });
  const pack = new DcfPolicyPack(stack, "egress", { mode: "enforce", dependsOn: [dcf] });
  if (v.shadowDeny) {
    // A broad permit above the deny: the deny can never match (analysis: shadowed deny = error).
    pack.addRule({ name: "agents-anything", priority: 5, action: "PERMIT", protocol: "ANY", src: [agents], dst: [WellKnownSmartGroups.anywhere()] });
  }
  pack
    .addRule({
      name: "agents-to-llm",
      priority: 10,
      action: "PERMIT",
      protocol: "TCP",
      ports: [443],
      src: [agents],
      dst: [WellKnownSmartGroups.publicInternet()],
      webGroups: [llm],
      decryptPolicy: "DECRYPT_NOT_ALLOWED",
    })
    .addRule({ name: "agents-default-deny", priority: 1000, action: "DENY", protocol: "ANY", src: [agents], dst: [WellKnownSmartGroups.anywhere()] });
  if (v.installPreflight) Preflight.of(stack);
  return stack;
}

describe("GIVEN a compliant stack", () => {
  test("THEN every matcher passes on the stack, and Preflight.check reports its compliant findings as compliant", () => {
    const stack = paymentsStack();
    expect(stack).toPassVcaChecks();
    expect(stack).toPassVcaPreflight();
    expect(stack).toPassVcaAnalysis();
    expect(stack).toPassVcaValidation();
    const compliant = Preflight.check(stack).findings.filter((f) => f.status === "compliant");
    expect(compliant.length).toBeGreaterThan(0);
    for (const f of compliant) {
      expect(f.message).toMatch(/^\[PASS at /);
      expect(f.cause).toMatch(/^compliant: /);
    }
    const app2 = compliant.find((f) => f.ruleId === "AVX-APP2");
    expect(app2?.cause).toBe("compliant: aviatrix-provider-present");
    expect(app2?.message).not.toContain("no Aviatrix provider");
  });
});

describe("GIVEN a stack with a preflight ERROR (Aviatrix resources, no AviatrixProvider)", () => {
  test("WHEN only Testing.synth(stack) JSON is validated THEN it passes (the gap the stack matchers close)", () => {
    expect(Testing.synth(paymentsStack({ provider: false }))).toPassVcaValidation();
  });

  test("THEN toPassVcaPreflight and toPassVcaChecks fail naming AVX-APP2", () => {
    const stack = paymentsStack({ provider: false });
    expect(stack).not.toPassVcaPreflight();
    const checks = vcaJestMatchers.toPassVcaChecks(stack);
    expect(checks.pass).toBe(false);
    expect(checks.message()).toContain("AVX-APP2: the stack has Aviatrix resources but no Aviatrix provider");
  });

  test("WHEN Preflight.of(stack) is installed THEN toPassVcaValidation(stack) fails too, as `cdktf synth` would", () => {
    const stack = paymentsStack({ provider: false, installPreflight: true });
    const result = vcaJestMatchers.toPassVcaValidation(stack);
    expect(result.pass).toBe(false);
    expect(result.message()).toContain("construct validations");
    expect(result.message()).toContain("AVX-APP2");
  });
});

describe("GIVEN a stack whose deny rule is shadowed by a broader permit", () => {
  test("WHEN only Testing.synth(stack) JSON is validated THEN it passes", () => {
    expect(Testing.synth(paymentsStack({ shadowDeny: true }))).toPassVcaValidation();
  });

  test("THEN toPassVcaAnalysis and toPassVcaChecks fail naming the shadowed deny", () => {
    const stack = paymentsStack({ shadowDeny: true });
    const analysis = vcaJestMatchers.toPassVcaAnalysis(stack);
    expect(analysis.pass).toBe(false);
    expect(analysis.message()).toMatch(/ERROR shadowed-rule \[.*agents-default-deny.*\]/);
    expect(stack).not.toPassVcaChecks();
  });

  test("THEN toPassVcaAnalysis also works on the synthesized JSON", () => {
    expect(Testing.synth(paymentsStack({ shadowDeny: true }))).not.toPassVcaAnalysis();
    expect(Testing.synth(paymentsStack())).toPassVcaAnalysis();
  });
});

describe("GIVEN something that is not a stack", () => {
  test("THEN toPassVcaPreflight and toPassVcaChecks say they need a TerraformStack", () => {
    const result = vcaJestMatchers.toPassVcaChecks({ resource: {} });
    expect(result.pass).toBe(false);
    expect(result.message()).toContain("needs a TerraformStack");
    expect(vcaJestMatchers.toPassVcaPreflight("{}").pass).toBe(false);
  });
});

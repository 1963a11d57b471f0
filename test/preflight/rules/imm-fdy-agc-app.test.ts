import * as fs from "fs";
import * as path from "path";
import { Construct } from "constructs";
import { TerraformStack, TerraformVariable, Testing } from "../../../lib/core/cdktf";
import { AviatrixProvider } from "../../../lib/aviatrix/gen/providers/aviatrix/provider";
import { SmartGroup } from "../../../lib/aviatrix/gen/providers/aviatrix/smart-group";
import { renderBaseline } from "../../../lib/preflight/baseline";
import type { PreflightFact } from "../../../lib/preflight/facts";
import { Preflight } from "../../../lib/preflight/preflight";
import { BindingFingerprint } from "../../../stacks/foundry/binding-fingerprint";
import { expectFindings, FactConstruct, findingsOf, model, rule, stackWith, statuses, tmpDir, web } from "../helpers";

const VALUES = { agentSubnetCidr: "10.20.1.0/24", udrNextHop: "10.20.0.4", spokeGatewayIp: "10.20.0.4" };
const binding = (values: Record<string, string>, guard?: Construct, boundThrough?: Construct): PreflightFact => ({
  kind: "immutable-binding",
  key: "foundry/capability-host",
  description: "Foundry capability host network binding",
  values,
  ...(guard ? { guard } : {}),
  ...(boundThrough ? { boundThrough } : {}),
});

function lockFile(values: Record<string, string>): string {
  const file = path.join(tmpDir(), "vca-preflight.lock.json");
  fs.writeFileSync(
    file,
    renderBaseline({ version: 1, stacks: { "test-stack": { "foundry/capability-host": { constructPath: "test-stack/facts", description: "d", values } } } }),
  );
  return file;
}

describe("AVX-IMM1 / AVX-IMM2: immutable bindings", () => {
  test("IMM1 non-compliant: a changed subnet names old and new values", () => {
    const { preflight } = stackWith([binding({ ...VALUES, agentSubnetCidr: "10.20.9.0/24" })], { baselineFile: lockFile(VALUES) });
    const found = expectFindings(preflight, "AVX-IMM1", [
      {
        id: "AVX-IMM1[foundry/capability-host]",
        status: "non-compliant",
        severity: "error",
        constructPath: "test-stack/facts",
        got: "agentSubnetCidr=10.20.9.0/24",
        want: "agentSubnetCidr=10.20.1.0/24",
      },
    ]);
    expect(found.map((f) => f.message)).toMatchSnapshot();
  });
  test("IMM1 acknowledged as a planned full teardown", () => {
    const { stack, preflight } = stackWith([binding({ ...VALUES, agentSubnetCidr: "10.20.9.0/24" })], { baselineFile: lockFile(VALUES) });
    Preflight.acknowledge(stack, { id: "AVX-IMM1[foundry/capability-host]", reason: "CHG-42 planned full teardown and redeploy" });
    expect(statuses(preflight, "AVX-IMM1")).toEqual(["acknowledged"]);
  });
  test("IMM1 compliant: unchanged; IMM2 compliant once recorded", () => {
    const { preflight } = stackWith([binding(VALUES)], { baselineFile: lockFile(VALUES) });
    expect(statuses(preflight, "AVX-IMM1")).toEqual(["compliant"]);
    expect(statuses(preflight, "AVX-IMM2")).toEqual(["compliant"]);
  });
  test("IMM2 non-compliant (WARN): no baseline yet; IMM1 not applicable", () => {
    const { preflight } = stackWith([binding(VALUES)]);
    expect(findingsOf(preflight, "AVX-IMM2").map((f) => [f.status, f.severity])).toEqual([["non-compliant", "warning"]]);
    expect(statuses(preflight, "AVX-IMM1")).toEqual([]);
  });
  test("IMM1 compares a reference by its expression: the same reference passes, a precondition re-checks the literals", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "test-stack");
    const cidr = new TerraformVariable(stack, "agent_cidr", { type: "string" });
    const guard = new SmartGroup(stack, "guard", { name: "g", selector: { matchExpressions: [{ cidr: "10.0.0.0/8" }] } });
    const values = { ...VALUES, agentSubnetCidr: cidr.stringValue };
    const fingerprint = new BindingFingerprint(stack, "binding", values);
    new FactConstruct(stack, "facts", [binding(values, guard, fingerprint)]);
    const preflight = Preflight.of(stack, { baselineFile: lockFile({ ...VALUES, agentSubnetCidr: "${var.agent_cidr}" }), controllerVersion: "9.0" });
    expect(statuses(preflight, "AVX-IMM1")).toEqual(["compliant"]);
    const synth = Testing.synth(stack);
    const json = JSON.parse(synth);
    const pre = json.resource.aviatrix_smart_group.guard.lifecycle.precondition;
    expect(pre).toHaveLength(1);
    // The condition reads the values from the object the guard is bound through: Terraform rejects a
    // condition that refers to no object ("Invalid precondition expression").
    expect(pre[0].condition).toBe(
      '${((terraform_data.binding.input.spokeGatewayIp == "10.20.0.4") && (terraform_data.binding.input.udrNextHop == "10.20.0.4"))}',
    );
    expect(synth).toPassVcaValidation();
    expect(pre[0].error_message).toMatch(/^AVX-IMM1: Foundry capability host network binding .*\(spokeGatewayIp=10\.20\.0\.4, udrNextHop=10\.20\.0\.4\)/);
    // References are Terraform's to track; their ${…} text never reaches the message (Terraform would interpolate it).
    expect(pre[0].condition).not.toContain("var.agent_cidr");
    expect(pre[0].error_message).not.toContain("${");
  });
  test("IMM1 non-compliant when a literal became a reference (or the reference points elsewhere)", () => {
    const stack = new TerraformStack(Testing.app(), "test-stack");
    const cidr = new TerraformVariable(stack, "agent_cidr", { type: "string" });
    new FactConstruct(stack, "facts", [binding({ ...VALUES, agentSubnetCidr: cidr.stringValue })]);
    const preflight = Preflight.of(stack, { baselineFile: lockFile(VALUES), controllerVersion: "9.0" });
    expect(findingsOf(preflight, "AVX-IMM1").map((f) => [f.status, f.got, f.want])).toEqual([
      ["non-compliant", "agentSubnetCidr=${var.agent_cidr}", "agentSubnetCidr=10.20.1.0/24"],
    ]);
  });
  test("IMM1 without the object the guard is bound through: no precondition (a literal-only condition is invalid Terraform)", () => {
    const stack = new TerraformStack(Testing.app(), "test-stack");
    const guard = new SmartGroup(stack, "guard", { name: "g", selector: { matchExpressions: [{ cidr: "10.0.0.0/8" }] } });
    new FactConstruct(stack, "facts", [binding(VALUES, guard)]);
    const preflight = Preflight.of(stack, { baselineFile: lockFile(VALUES), controllerVersion: "9.0" });
    expect(statuses(preflight, "AVX-IMM1")).toEqual(["compliant"]);
    expect(JSON.parse(Testing.synth(stack)).resource.aviatrix_smart_group.guard.lifecycle).toBeUndefined();
  });
  test("IMM1 acknowledged: no precondition, so the planned teardown can plan", () => {
    const stack = new TerraformStack(Testing.app(), "test-stack");
    const guard = new SmartGroup(stack, "guard", { name: "g", selector: { matchExpressions: [{ cidr: "10.0.0.0/8" }] } });
    new FactConstruct(stack, "facts", [binding({ ...VALUES, agentSubnetCidr: "10.20.9.0/24" }, guard)]);
    const preflight = Preflight.of(stack, { baselineFile: lockFile(VALUES), controllerVersion: "9.0" });
    Preflight.acknowledge(stack, { id: "AVX-IMM1[foundry/capability-host]", reason: "CHG-42 planned full teardown and redeploy" });
    expect(statuses(preflight, "AVX-IMM1")).toEqual(["acknowledged"]);
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource.aviatrix_smart_group.guard.lifecycle).toBeUndefined();
  });
});

const foundry = (over: Partial<Extract<PreflightFact, { kind: "foundry-hosted-agents" }>> = {}): PreflightFact => ({
  kind: "foundry-hosted-agents",
  networkMode: "byo-vnet",
  acaPermits: [{ label: "ACA FQDNs", webGroups: ["aca"] }],
  privateEndpointCidrs: ["10.20.2.0/24"],
  udrRoutes: [{ addressPrefix: "0.0.0.0/0", nextHopIp: "10.20.0.4" }, { addressPrefix: "10.20.2.0/24" }],
  spokeGatewayIp: "10.20.0.4",
  ...over,
});
const acaModel = (over = {}) => model([rule("aca", { webGroups: ["aca"], ...over })], [web("aca", [{ sni: "*.azurecontainerapps.io" }])]);

describe("AVX-FDY1: BYOVNet required", () => {
  test("non-compliant: managed VNet (with the reason)", () => {
    const found = expectFindings(stackWith([foundry({ networkMode: "managed" })]).preflight, "AVX-FDY1", [
      {
        status: "non-compliant",
        severity: "error",
        constructPath: "test-stack/facts",
        got: "managed",
        want: "byo-vnet",
        cause: expect.stringContaining("Microsoft-managed VNet"),
      },
    ]);
    expect(found.map((f) => f.message)).toMatchSnapshot();
  });
  test("compliant: byo-vnet", () => {
    expect(statuses(stackWith([foundry()]).preflight, "AVX-FDY1")).toEqual(["compliant"]);
  });
});

describe("AVX-FDY2: ACA permits before deny, no decryption", () => {
  test("non-compliant: decrypting, shadowed, or missing", () => {
    expect(
      findingsOf(
        stackWith([foundry(), { kind: "dcf-policy", model: acaModel({ decryptPolicy: "DECRYPT_ALLOWED" }), mode: "enforce" }]).preflight,
        "AVX-FDY2",
      )[0].got,
    ).toBe("DECRYPT_ALLOWED");
    const shadow = model(
      [
        rule("deny-all", { priority: 1, action: "DENY", protocol: "ANY", portRanges: [], srcGroups: ["anywhere"], dstGroups: ["anywhere"] }),
        rule("aca", { priority: 5, webGroups: ["aca"] }),
      ],
      [web("aca", [{ sni: "*.azurecontainerapps.io" }])],
    );
    expect(findingsOf(stackWith([foundry(), { kind: "dcf-policy", model: shadow, mode: "enforce" }]).preflight, "AVX-FDY2")[0].cause).toMatch(
      /shadowed by deny-all deny-all/,
    );
    expect(statuses(stackWith([foundry()]).preflight, "AVX-FDY2")).toEqual(["non-compliant"]);
  });
  test("compliant: PERMIT, DECRYPT_NOT_ALLOWED, before any deny", () => {
    expect(statuses(stackWith([foundry(), { kind: "dcf-policy", model: acaModel(), mode: "enforce" }]).preflight, "AVX-FDY2")).toEqual(["compliant"]);
  });
});

describe("AVX-FDY3: private endpoints not routed via the gateway", () => {
  test("non-compliant: only a default route to the gateway", () => {
    const f = findingsOf(stackWith([foundry({ udrRoutes: [{ addressPrefix: "0.0.0.0/0", nextHopIp: "10.20.0.4" }] })]).preflight, "AVX-FDY3");
    expect(f.map((x) => [x.status, x.got])).toEqual([["non-compliant", "0.0.0.0/0 → 10.20.0.4"]]);
  });
  test("compliant: a more specific VnetLocal route", () => {
    expect(statuses(stackWith([foundry()]).preflight, "AVX-FDY3")).toEqual(["compliant"]);
  });
  test("GIVEN next hops that are references WHEN they name the gateway's attribute THEN decided at synth by expression", () => {
    const { stack, preflight } = stackWith();
    const gwIp = new TerraformVariable(stack, "gw_ip", { type: "string" }).stringValue;
    const other = new TerraformVariable(stack, "other_ip", { type: "string" }).stringValue;
    new FactConstruct(stack, "only-default", [foundry({ spokeGatewayIp: gwIp, udrRoutes: [{ addressPrefix: "0.0.0.0/0", nextHopIp: gwIp }] })]);
    new FactConstruct(stack, "vnet-local", [
      foundry({ spokeGatewayIp: gwIp, udrRoutes: [{ addressPrefix: "0.0.0.0/0", nextHopIp: gwIp }, { addressPrefix: "10.20.2.0/24" }] }),
    ]);
    new FactConstruct(stack, "other-hop", [foundry({ spokeGatewayIp: gwIp, udrRoutes: [{ addressPrefix: "0.0.0.0/0", nextHopIp: other }] })]);
    expect(findingsOf(preflight, "AVX-FDY3").map((f) => [f.constructPath, f.status, f.got])).toEqual([
      ["test-stack/only-default", "non-compliant", "0.0.0.0/0 → var.gw_ip"],
      ["test-stack/vnet-local", "compliant", undefined],
      ["test-stack/other-hop", "unknown", "0.0.0.0/0 → var.other_ip"],
    ]);
  });
});

const agc = (over: Partial<Extract<PreflightFact, { kind: "agentcore-runtime" }>> = {}): PreflightFact => ({
  kind: "agentcore-runtime",
  networkMode: "VPC",
  subnets: ["subnet-a"],
  securityGroups: ["sg-1"],
  approvedSubnets: ["subnet-a", "subnet-b"],
  approvedSecurityGroups: ["sg-1"],
  guardrailPolicyAttached: true,
  ...over,
});

describe("AVX-AGC1: AgentCore runtime in VPC mode in approved subnets/SGs", () => {
  test("non-compliant: PUBLIC mode; an unapproved subnet", () => {
    expect(findingsOf(stackWith([agc({ networkMode: "PUBLIC" })]).preflight, "AVX-AGC1").map((f) => f.got)).toEqual(["networkMode PUBLIC"]);
    expect(findingsOf(stackWith([agc({ subnets: ["subnet-z"] })]).preflight, "AVX-AGC1").map((f) => f.got)).toEqual(["subnets subnet-z"]);
  });
  test("compliant", () => {
    expect(statuses(stackWith([agc()]).preflight, "AVX-AGC1")).toEqual(["compliant"]);
  });
});

describe("AVX-AGC2: guardrail attached", () => {
  test("non-compliant", () => {
    expect(statuses(stackWith([agc({ guardrailPolicyAttached: false })]).preflight, "AVX-AGC2")).toEqual(["non-compliant"]);
  });
  test("compliant", () => {
    expect(statuses(stackWith([agc()]).preflight, "AVX-AGC2")).toEqual(["compliant"]);
  });
});

describe("AVX-APP1 / AVX-APP2: construct tree", () => {
  test("APP1 non-compliant: a fact-bearing construct directly under the App", () => {
    const { app, preflight } = stackWith();
    new FactConstruct(app, "orphan-policy", [{ kind: "mitm-ca" }]);
    const found = expectFindings(preflight, "AVX-APP1", [
      { id: "AVX-APP1[orphan-policy]", status: "non-compliant", severity: "error", constructPath: "orphan-policy", got: "under <app>" },
    ]);
    expect(found.map((f) => f.message)).toMatchSnapshot();
  });
  test("APP1 non-compliant: orphans nested under plain constructs, in tree order; facts inside any stack are not", () => {
    const { app, preflight } = stackWith();
    const group = new Construct(app, "group");
    new FactConstruct(group, "a", [{ kind: "mitm-ca" }]);
    const inner = new FactConstruct(new Construct(group, "deeper"), "b", [{ kind: "mitm-ca" }]);
    new FactConstruct(inner, "c", [{ kind: "mitm-ca" }]);
    new FactConstruct(new TerraformStack(group, "nested-stack"), "deployed", [{ kind: "mitm-ca" }]);
    expect(findingsOf(preflight, "AVX-APP1").map((f) => f.constructPath)).toEqual(["group/a", "group/deeper/b", "group/deeper/b/c"]);
  });
  test("APP1 compliant (not applicable): everything inside stacks", () => {
    expect(statuses(stackWith([{ kind: "mitm-ca" }]).preflight, "AVX-APP1")).toEqual([]);
  });
  test("APP2 non-compliant: Aviatrix resources without the provider; compliant with it", () => {
    const { stack, preflight } = stackWith([], { controllerVersion: "9.0" });
    new SmartGroup(stack, "sg", { name: "g", selector: { matchExpressions: [{ cidr: "10.0.0.0/8" }] } });
    expect(statuses(preflight, "AVX-APP2")).toEqual(["non-compliant"]);
    new AviatrixProvider(stack, "aviatrix", {});
    expect(statuses(preflight, "AVX-APP2")).toEqual(["compliant"]);
  });
});

import { TerraformStack, Testing } from "../../../lib/core/cdktf";
import { AviatrixProvider } from "../../../lib/aviatrix/gen/providers/aviatrix/provider";
import { SpokeGateway } from "../../../lib/aviatrix/gen/providers/aviatrix/spoke-gateway";
import { DcfMitmCa } from "../../../lib/aviatrix/gen/providers/aviatrix/dcf-mitm-ca";
import { Preflight } from "../../../lib/preflight/preflight";
import { expectFindings, findingsOf, model, OK_POLICY, OK_WEB, rule, stackWith, statuses, tmpDir } from "../helpers";

function aviatrixStack(controllerVersion: string | undefined, build: (stack: TerraformStack) => void = () => {}) {
  const app = Testing.app();
  const stack = new TerraformStack(app, "avx");
  new AviatrixProvider(stack, "aviatrix", {});
  build(stack);
  const preflight = Preflight.of(stack, { controllerVersion, baselineFile: `${tmpDir()}/x.json` });
  return { stack, preflight };
}

const spoke = (stack: TerraformStack, extra: Record<string, unknown> = {}) =>
  new SpokeGateway(stack, "spoke", {
    accountName: "a",
    cloudType: 1,
    gwName: "s",
    gwSize: "t3.small",
    subnet: "10.0.0.0/24",
    vpcId: "vpc-1",
    vpcReg: "us-east-1",
    ...extra,
  });

describe("AVX-CTRL1: controller version declared", () => {
  test("non-compliant: aviatrix resources without a controller version", () => {
    const { preflight } = aviatrixStack(undefined, (s) => spoke(s));
    const found = expectFindings(preflight, "AVX-CTRL1", [{ status: "non-compliant", severity: "error", constructPath: "avx", got: "<unset>" }]);
    expect(found.map((f) => f.message)).toMatchSnapshot();
  });
  test("non-compliant: unparseable version", () => {
    expect(statuses(aviatrixStack("latest").preflight, "AVX-CTRL1")).toEqual(["non-compliant"]);
  });
  test("compliant: declared through the option or context", () => {
    expect(statuses(aviatrixStack("9.0.10").preflight, "AVX-CTRL1")).toEqual(["compliant"]);
    const app = Testing.app({ context: { "vca:controllerVersion": "8.2" } });
    const stack = new TerraformStack(app, "ctx");
    new AviatrixProvider(stack, "aviatrix", {});
    expect(statuses(Preflight.of(stack, { baselineFile: `${tmpDir()}/x.json` }), "AVX-CTRL1")).toEqual(["compliant"]);
  });
  test("not applicable: no Aviatrix use", () => {
    expect(statuses(stackWith().preflight, "AVX-CTRL1")).toEqual([]);
  });
});

describe("AVX-CTRL2: resources and attributes exist in the release", () => {
  test("non-compliant: dcf_mitm_ca on 8.2 and spoke private_route_table_config on 8.2", () => {
    const { preflight } = aviatrixStack("8.2.10", (s) => {
      spoke(s, { privateRouteTableConfig: ["rt:rg"] });
      new DcfMitmCa(s, "ca", { certificateChain: "x", key: "y", name: "ca" });
    });
    const fails = findingsOf(preflight, "AVX-CTRL2").filter((f) => f.status === "non-compliant");
    expect(fails.map((f) => [f.id, f.got, f.want, f.address])).toEqual([
      ["AVX-CTRL2[aviatrix_spoke_gateway.private_route_table_config]", "8.2.10", ">= 9.0.0", "aviatrix_spoke_gateway.spoke"],
      ["AVX-CTRL2[aviatrix_dcf_mitm_ca]", "8.2.10", ">= 9.0.0", "aviatrix_dcf_mitm_ca.ca"],
    ]);
    expect(fails[0].message).toMatchSnapshot();
  });
  test("compliant: the same resources on 9.0", () => {
    const { preflight } = aviatrixStack("9.0", (s) => {
      spoke(s, { privateRouteTableConfig: ["rt:rg"] });
      new DcfMitmCa(s, "ca", { certificateChain: "x", key: "y", name: "ca" });
    });
    expect(statuses(preflight, "AVX-CTRL2")).toEqual(["compliant", "compliant"]);
  });
  test("unknown (never a silent pass): version not declared", () => {
    expect(statuses(aviatrixStack(undefined, (s) => spoke(s)).preflight, "AVX-CTRL2")).toEqual(["unknown"]);
  });
});

describe("AVX-CTRL3: features exist in the release", () => {
  const decrypting = model([rule("inspect", { webGroups: ["llm"], decryptPolicy: "DECRYPT_ALLOWED" })], [OK_WEB]);
  test("non-compliant: per-rule decryption on 8.1, MITM CA and LibreChat visibility on 8.2", () => {
    const { preflight } = stackWith(
      [{ kind: "dcf-policy", model: decrypting, mode: "enforce" }, { kind: "mitm-ca" }, { kind: "librechat", tlsDecryption: true, urlPathVisibility: true }],
      { controllerVersion: "8.1" },
    );
    expect(findingsOf(preflight, "AVX-CTRL3").map((f) => `${f.status} ${f.id} want ${f.want}`)).toEqual([
      "non-compliant AVX-CTRL3[per-rule TLS decryption (rule inspect)] want >= 8.2.0",
      "non-compliant AVX-CTRL3[DCF MITM CA] want >= 9.0.0",
      "non-compliant AVX-CTRL3[LibreChat TLS decryption] want >= 9.0.0",
      "non-compliant AVX-CTRL3[LibreChat URL-path visibility] want >= 9.0.0",
    ]);
  });
  test("non-compliant: config_feature on 8.2.0; compliant on 8.2.10", () => {
    expect(statuses(stackWith([{ kind: "dcf-feature", feature: "k8s" }], { controllerVersion: "8.2.0" }).preflight, "AVX-CTRL3")).toEqual(["non-compliant"]);
    expect(statuses(stackWith([{ kind: "dcf-feature", feature: "k8s" }], { controllerVersion: "8.2.10" }).preflight, "AVX-CTRL3")).toEqual(["compliant"]);
  });
  test("compliant: everything on 9.0", () => {
    const { preflight } = stackWith([{ kind: "dcf-policy", model: decrypting, mode: "enforce" }, { kind: "mitm-ca" }], { controllerVersion: "9.0" });
    expect(statuses(preflight, "AVX-CTRL3")).toEqual(["compliant", "compliant"]);
  });
});

describe("AVX-CTRL4: CRD fields need chart 10.1.0", () => {
  const crd = (extra: object) => ({
    kind: "firewall-policy-crd" as const,
    clusterKey: "c1",
    objects: [
      {
        apiVersion: "networking.aviatrix.com/v1alpha1" as const,
        kind: "FirewallPolicy" as const,
        metadata: { name: "p" },
        spec: { rules: [{ name: "r", destinationSmartGroups: [{ name: "x" }], ...extra }] },
      },
    ],
  });
  test("non-compliant: decryptPolicy with chart 9.0.0", () => {
    const { preflight } = stackWith([
      crd({ decryptPolicy: "decryptNotAllowed", watch: true }),
      { kind: "k8s-firewall-chart", clusterKey: "c1", chartVersion: "9.0.0", address: "helm_release.fw" },
    ]);
    const found = expectFindings(preflight, "AVX-CTRL4", [
      {
        status: "non-compliant",
        severity: "error",
        constructPath: "test-stack/facts",
        got: "9.0.0",
        want: ">= 10.1.0",
        cause: expect.stringContaining("decryptPolicy, watch"),
      },
    ]);
    expect(found.map((f) => f.message)).toMatchSnapshot();
  });
  test("compliant: same fields with chart 10.1.0, or no extended fields with 9.0.0", () => {
    expect(
      statuses(
        stackWith([crd({ watch: true }), { kind: "k8s-firewall-chart", clusterKey: "c1", chartVersion: "10.1.0", address: "helm_release.fw" }]).preflight,
        "AVX-CTRL4",
      ),
    ).toEqual(["compliant"]);
    expect(
      statuses(
        stackWith([crd({}), { kind: "k8s-firewall-chart", clusterKey: "c1", chartVersion: "9.0.0", address: "helm_release.fw" }]).preflight,
        "AVX-CTRL4",
      ),
    ).toEqual(["compliant"]);
  });
  test("unknown: no chart known for the cluster", () => {
    expect(statuses(stackWith([crd({ watch: true })]).preflight, "AVX-CTRL4")).toEqual(["unknown"]);
  });
});

describe("AVX-CTRL5: Obot >= v0.21.0", () => {
  const obot = (version: string) => ({ kind: "obot" as const, clusterKey: "c1", version, dependsOn: [] });
  test("non-compliant: v0.20.3", () => {
    expect(findingsOf(stackWith([obot("v0.20.3")]).preflight, "AVX-CTRL5").map((f) => [f.status, f.got, f.want])).toEqual([
      ["non-compliant", "v0.20.3", ">= v0.21.0"],
    ]);
  });
  test("compliant: v0.21.0 and 0.22.1", () => {
    expect(statuses(stackWith([obot("v0.21.0"), obot("0.22.1")]).preflight, "AVX-CTRL5")).toEqual(["compliant", "compliant"]);
  });
});

describe("AVX-CTRL6: provider pin follows the controller major.minor", () => {
  test("non-compliant: the binding's 10.0.1 pin with controller 9.0", () => {
    expect(findingsOf(aviatrixStack("9.0.10").preflight, "AVX-CTRL6").map((f) => [f.status, f.got, f.want])).toEqual([
      ["non-compliant", "10.0.1", "~> 9.0.0 (controller 9.0)"],
    ]);
  });
  test("compliant: stack override ~> 9.0.10, or the fact's pin", () => {
    const { stack, preflight } = aviatrixStack("9.0.10");
    stack.addOverride("terraform.required_providers.aviatrix.version", "~> 9.0.10");
    expect(statuses(preflight, "AVX-CTRL6")).toEqual(["compliant"]);
    expect(statuses(aviatrixStack("10.0").preflight, "AVX-CTRL6")).toEqual(["compliant"]);
  });
});

test("the shared OK policy has no CTRL findings on 9.0", () => {
  const { preflight } = stackWith([{ kind: "dcf-policy", model: OK_POLICY, mode: "enforce" }], { controllerVersion: "9.0" });
  expect(preflight.evaluate().findings.filter((f) => f.ruleId.startsWith("AVX-CTRL") && f.status !== "compliant")).toEqual([]);
});

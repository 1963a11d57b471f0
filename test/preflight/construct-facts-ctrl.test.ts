// AVX-CTRL1..6 on stacks built from the REAL library constructs (no fact doubles).
import { type TerraformStack, TerraformVariable } from "../../lib/core/cdktf";
import { DcfFeature, FirewallPolicy, ManagedSmartGroup } from "../../lib/constructs/dcf";
import { K8sFirewallChart } from "../../lib/constructs/kubernetes/k8s-firewall-chart";
import type { KubernetesProviders } from "../../lib/constructs/kubernetes/kubernetes-providers";
import { MitmCa } from "../../lib/constructs/kubernetes/mitm-ca";
import { LibreChat, LIBRECHAT_REQUIRED_SECRETS } from "../../lib/constructs/workloads/librechat";
import { ObotPlatform } from "../../lib/constructs/workloads/obot-platform";
import { givenConstructStack, ruleResults } from "./construct-helpers";

const given = (aviatrixController?: string) => givenConstructStack({ aviatrixController });

/** LibreChat decrypting through an uploaded MITM CA, and DCF with Kubernetes flags. */
function decryptingChat(stack: TerraformStack): void {
  const secret = (name: string) => new TerraformVariable(stack, name.toLowerCase(), { type: "string", sensitive: true }).stringValue;
  const mitmCa = new MitmCa(stack, "mitm", { name: "dcf-ca", certificateChain: secret("CA_CHAIN"), key: secret("CA_KEY"), namespaces: ["librechat"] });
  new LibreChat(stack, "chat", { secretEnv: Object.fromEntries(LIBRECHAT_REQUIRED_SECRETS.map((n) => [n, secret(n)])), mitmCa });
  new DcfFeature(stack, "dcf", { k8sDcfPolicies: true });
}

describe("AVX-CTRL1 with real constructs", () => {
  test("GIVEN DcfFeature without an AviatrixProvider or controller version WHEN evaluated THEN non-compliant", () => {
    const { stack, preflight } = given();
    new DcfFeature(stack, "dcf");
    expect(ruleResults(preflight, "AVX-CTRL1")).toEqual(["non-compliant AVX-CTRL1 @ s"]);
  });
  test("GIVEN an AviatrixProvider WHEN evaluated THEN compliant on the provider (its version, read through the adapter)", () => {
    const { stack, preflight } = given("9.0.10");
    new DcfFeature(stack, "dcf");
    expect(ruleResults(preflight, "AVX-CTRL1")).toEqual(["compliant AVX-CTRL1 @ s/aviatrix"]);
    expect(preflight.evaluate().controllerVersion).toBe("9.0.10");
  });
});

describe("AVX-CTRL2 with real constructs", () => {
  test("GIVEN an uploaded MITM CA on controller 8.2.10 WHEN evaluated THEN aviatrix_dcf_mitm_ca and its selection are too new", () => {
    const { stack, preflight } = given("8.2.10");
    decryptingChat(stack);
    const failing = preflight.evaluate().findings.filter((f) => f.ruleId === "AVX-CTRL2" && f.status === "non-compliant");
    expect(failing.map((f) => `${f.id} want ${f.want}`)).toEqual([
      "AVX-CTRL2[aviatrix_dcf_mitm_ca] want >= 9.0.0",
      "AVX-CTRL2[aviatrix_dcf_mitm_ca_selection] want >= 9.0.0",
    ]);
  });
  test("GIVEN controller 9.0 WHEN evaluated THEN every Aviatrix resource exists", () => {
    const { stack, preflight } = given("9.0");
    decryptingChat(stack);
    const statuses = new Set(
      preflight
        .evaluate()
        .findings.filter((f) => f.ruleId === "AVX-CTRL2")
        .map((f) => f.status),
    );
    expect([...statuses]).toEqual(["compliant"]);
  });
});

describe("AVX-CTRL3 with real constructs", () => {
  test("GIVEN MitmCa, LibreChat with the CA and DcfFeature on controller 8.2.0 WHEN evaluated THEN each feature is named", () => {
    const { stack, preflight } = given("8.2.0");
    decryptingChat(stack);
    expect(ruleResults(preflight, "AVX-CTRL3")).toEqual([
      "non-compliant AVX-CTRL3[DCF MITM CA] @ s/mitm",
      "non-compliant AVX-CTRL3[controller feature flag k8s (aviatrix_config_feature)] @ s/dcf",
      "non-compliant AVX-CTRL3[controller feature flag k8s_dcf_policies (aviatrix_config_feature)] @ s/dcf",
      "non-compliant AVX-CTRL3[controller feature flag microseg (aviatrix_config_feature)] @ s/dcf",
      "non-compliant AVX-CTRL3[LibreChat TLS decryption] @ s/chat",
    ]);
  });
  test("GIVEN controller 9.0 WHEN evaluated THEN compliant; LibreChat without a CA uses no gated feature", () => {
    const { stack, preflight } = given("9.0");
    decryptingChat(stack);
    expect(
      new Set(
        preflight
          .evaluate()
          .findings.filter((f) => f.ruleId === "AVX-CTRL3")
          .map((f) => f.status),
      ),
    ).toEqual(new Set(["compliant"]));
    const plain = given("8.2.0");
    const secret = (name: string) => new TerraformVariable(plain.stack, name.toLowerCase(), { type: "string", sensitive: true }).stringValue;
    new LibreChat(plain.stack, "chat", { secretEnv: Object.fromEntries(LIBRECHAT_REQUIRED_SECRETS.map((n) => [n, secret(n)])) });
    expect(ruleResults(plain.preflight, "AVX-CTRL3")).toEqual([]);
  });
});

describe("AVX-CTRL4 with real constructs", () => {
  function decryptingPolicy(stack: TerraformStack, providers: KubernetesProviders): void {
    new FirewallPolicy(stack, "chat", {
      namespace: "librechat",
      provider: providers.kubernetes,
      rules: [
        { name: "llm", action: "PERMIT", protocol: "TCP", ports: [443], decryptPolicy: "DECRYPT_NOT_ALLOWED", dst: [ManagedSmartGroup.publicInternet()] },
      ],
    });
  }
  test("GIVEN a FirewallPolicy with decryptPolicy and chart 10.0.0 on its cluster WHEN evaluated THEN non-compliant", () => {
    const { stack, preflight, providers } = given("9.0");
    new K8sFirewallChart(stack, "crds", { version: "10.0.0", providers });
    decryptingPolicy(stack, providers);
    const found = preflight.evaluate().findings.filter((f) => f.ruleId === "AVX-CTRL4");
    expect(found.map((f) => `${f.status} @ ${f.constructPath} got ${f.got}`)).toEqual(["non-compliant @ s/chat got 10.0.0"]);
    expect(found[0].cause).toBe("FirewallPolicy fields decryptPolicy need k8s-firewall chart >= 10.1.0");
  });
  test("GIVEN chart 10.1.0 on the cluster WHEN evaluated THEN compliant; a chart on another cluster does not count", () => {
    const ok = given("9.0");
    new K8sFirewallChart(ok.stack, "crds", { version: "10.1.0", providers: ok.providers });
    decryptingPolicy(ok.stack, ok.providers);
    expect(ruleResults(ok.preflight, "AVX-CTRL4")).toEqual(["compliant AVX-CTRL4 @ s/chat"]);

    const elsewhere = given("9.0");
    new K8sFirewallChart(elsewhere.stack, "crds", { version: "10.0.0" }); // default providers: another cluster key
    decryptingPolicy(elsewhere.stack, elsewhere.providers);
    // No chart for s/k8s: the version the object was written for (10.1.0 default) stands in.
    expect(ruleResults(elsewhere.preflight, "AVX-CTRL4")).toEqual(["compliant AVX-CTRL4 @ s/chat"]);
  });
});

describe("AVX-CTRL5 with real constructs", () => {
  test("GIVEN ObotPlatform v0.21.0 WHEN evaluated THEN compliant (older versions are rejected by the construct itself)", () => {
    const { stack, preflight, providers } = given("9.0");
    new ObotPlatform(stack, "obot", { version: "v0.21.0", providers });
    expect(ruleResults(preflight, "AVX-CTRL5")).toEqual(["compliant AVX-CTRL5 @ s/obot"]);
    expect(() => new ObotPlatform(stack, "old", { version: "v0.20.0", providers })).toThrow(/want ≥ v0\.21\.0/);
  });
});

describe("AVX-CTRL6 with real constructs", () => {
  test("GIVEN the AviatrixProvider's own pin WHEN evaluated THEN compliant", () => {
    const { stack, preflight } = given("9.0.10");
    new DcfFeature(stack, "dcf");
    expect(ruleResults(preflight, "AVX-CTRL6")).toEqual(["compliant AVX-CTRL6 @ s/aviatrix"]);
  });
  test("GIVEN a stack override pinning another major.minor WHEN evaluated THEN non-compliant", () => {
    const { stack, preflight } = given("9.0.10");
    new DcfFeature(stack, "dcf");
    stack.addOverride("terraform.required_providers.aviatrix.version", "~> 8.2.0");
    expect(
      preflight
        .evaluate()
        .findings.filter((f) => f.ruleId === "AVX-CTRL6")
        .map((f) => `${f.status} got ${f.got}`),
    ).toEqual(["non-compliant got ~> 8.2.0"]);
  });
});

// Chart versions: the table of PUBLISHED versions (with sources), the constructs' defaults taken
// from its newest entries, and AVX-K8S5 on the real constructs flagging a version the repository
// never published (k8s-firewall 10.1.0 is only in the chart's source tree).
import { TerraformVariable } from "../../lib/core/cdktf";
import { K8sFirewallChart } from "../../lib/constructs/kubernetes/k8s-firewall-chart";
import { isPublishedVersion, newestPublishedVersion, PUBLISHED_CHARTS } from "../../lib/constructs/kubernetes/published-charts";
import { LIBRECHAT_DEFAULT_CHART_VERSION, LIBRECHAT_REQUIRED_SECRETS, LibreChat } from "../../lib/constructs/workloads/librechat";
import { OBOT_DEFAULT_VERSION, OBOT_NPC_DEFAULT_VERSION, ObotPlatform } from "../../lib/constructs/workloads/obot-platform";
import { givenConstructStack, ruleResults } from "./construct-helpers";

describe("the published-versions table", () => {
  test("GIVEN each chart THEN it lists versions oldest first with a source, and k8s-firewall stops at 10.0.0", () => {
    for (const chart of Object.values(PUBLISHED_CHARTS)) {
      expect(chart.versions.length).toBeGreaterThan(0);
      expect(chart.source).toMatch(/\S{10,}/);
      expect(new Set(chart.versions).size).toBe(chart.versions.length);
    }
    expect(PUBLISHED_CHARTS["k8s-firewall"].versions).toEqual(["8.2.0", "9.0.0", "10.0.0"]);
    expect(isPublishedVersion("k8s-firewall", "10.1.0")).toBe(false);
    expect(isPublishedVersion("obot", "0.21.0")).toBe(true);
    expect(isPublishedVersion("obot", "v0.21.0")).toBe(true);
    expect(isPublishedVersion("obot", "v0.26.0-alpha1")).toBe(false);
  });

  test("GIVEN the constructs THEN each default is the newest published version", () => {
    expect(newestPublishedVersion("k8s-firewall")).toBe("10.0.0");
    expect(LIBRECHAT_DEFAULT_CHART_VERSION).toBe(newestPublishedVersion("librechat"));
    expect(OBOT_DEFAULT_VERSION).toBe(newestPublishedVersion("obot"));
    expect(OBOT_NPC_DEFAULT_VERSION).toBe("v0.0.1");
  });
});

describe("AVX-K8S5: published chart versions", () => {
  const secrets = (stack: ConstructorParameters<typeof LibreChat>[0]) =>
    Object.fromEntries(LIBRECHAT_REQUIRED_SECRETS.map((n) => [n, new TerraformVariable(stack, n.toLowerCase(), { sensitive: true }).stringValue]));

  test("GIVEN k8s-firewall 10.1.0 (source only) WHEN evaluated THEN non-compliant on the chart, 10.0.0 compliant", () => {
    const bad = givenConstructStack();
    new K8sFirewallChart(bad.stack, "crds", { version: "10.1.0", providers: bad.providers });
    expect(ruleResults(bad.preflight, "AVX-K8S5")).toEqual(["non-compliant AVX-K8S5[k8s-firewall] @ s/crds"]);
    const f = bad.preflight.evaluate().findings.find((x) => x.ruleId === "AVX-K8S5")!;
    expect(f.severity).toBe("error");
    expect(f.message).toContain("k8s-firewall chart 10.1.0 is not published in https://aviatrixsystems.github.io/k8s-firewall-charts");
    const good = givenConstructStack();
    new K8sFirewallChart(good.stack, "crds", { version: "10.0.0", providers: good.providers });
    expect(ruleResults(good.preflight, "AVX-K8S5")).toEqual(["compliant AVX-K8S5[k8s-firewall] @ s/crds"]);
  });

  test("GIVEN LibreChat and Obot at defaults WHEN evaluated THEN every chart is compliant; unpublished pins are not", () => {
    const ok = givenConstructStack();
    new LibreChat(ok.stack, "chat", { secretEnv: secrets(ok.stack), providers: ok.providers });
    new ObotPlatform(ok.stack, "obot", { providers: ok.providers });
    expect(ruleResults(ok.preflight, "AVX-K8S5").sort()).toEqual([
      "compliant AVX-K8S5[aviatrix-network-policy-controller] @ s/obot",
      "compliant AVX-K8S5[librechat] @ s/chat",
      "compliant AVX-K8S5[obot] @ s/obot",
    ]);
    const bad = givenConstructStack();
    new LibreChat(bad.stack, "chat", { secretEnv: secrets(bad.stack), providers: bad.providers, chartVersion: "2.0.99" });
    new ObotPlatform(bad.stack, "obot", { providers: bad.providers, version: "v0.21.7", networkPolicyProvider: { chartVersion: "v0.0.2" } });
    expect(ruleResults(bad.preflight, "AVX-K8S5").sort()).toEqual([
      "non-compliant AVX-K8S5[aviatrix-network-policy-controller] @ s/obot",
      "non-compliant AVX-K8S5[librechat] @ s/chat",
      "non-compliant AVX-K8S5[obot] @ s/obot",
    ]);
  });

  test("GIVEN a private NPC chart repository WHEN evaluated THEN its version is not checked against the public table", () => {
    const { stack, preflight, providers } = givenConstructStack();
    new ObotPlatform(stack, "obot", { providers, networkPolicyProvider: { chartRepo: "https://charts.example.com", chartVersion: "v9.9.9" } });
    expect(ruleResults(preflight, "AVX-K8S5")).toEqual(["compliant AVX-K8S5[obot] @ s/obot"]);
  });
});

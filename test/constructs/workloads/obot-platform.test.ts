import * as yaml from "js-yaml";
import { TerraformVariable } from "../../../lib/core/cdktf";
import { K8sFirewallChart } from "../../../lib/constructs/kubernetes/k8s-firewall-chart";
import { KubernetesCloud } from "../../../lib/constructs/kubernetes/kubernetes-cloud";
import { PodSnatDisabled } from "../../../lib/constructs/kubernetes/pod-snat-disabled";
import { ObotPlatform } from "../../../lib/constructs/workloads/obot-platform";
import { expectNoSecretLiterals, onlyResource, resourcesOf, synthStack, validationErrors, warningsOf } from "../kubernetes/synth-helpers";
import { expectInputError } from "../../support/expect-error";

function releaseValues(json: any): any {
  return yaml.load(onlyResource(json, "helm_release").values[0]);
}

describe("ObotPlatform", () => {
  test("GIVEN only a version WHEN synthesized THEN Obot enables the Aviatrix policy controller with deny-all default in obot-system/obot-mcp", () => {
    let obot: ObotPlatform | undefined;
    const { json } = synthStack((stack) => {
      obot = new ObotPlatform(stack, "obot", { version: "0.21.0" });
    });
    const release = onlyResource(json, "helm_release");
    expect(release).toMatchObject({
      name: "obot",
      repository: "https://charts.obot.ai",
      chart: "obot",
      version: "v0.21.0",
      namespace: "obot-system",
      create_namespace: false,
      wait: false,
    });
    expect(releaseValues(json)).toEqual({
      config: {
        OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS: "true",
        OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_CHART_NAME: "aviatrix-network-policy-controller",
        OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_CHART_REPO: "https://charts.obot.ai",
        OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_CHART_VERSION: "v0.0.1",
        OBOT_SERVER_MCPRUNTIME_BACKEND: "kubernetes",
      },
      image: { repository: "ghcr.io/obot-platform/obot", tag: "v0.21.0" },
      mcpNamespace: { name: "obot-mcp" },
    });
    const namespaces = Object.values(resourcesOf(json, "kubernetes_namespace_v1")) as any[];
    expect(namespaces.map((n) => n.metadata.name).sort()).toEqual(["obot-mcp", "obot-system"]);
    expect(namespaces.find((n) => n.metadata.name === "obot-mcp").metadata).toEqual({
      name: "obot-mcp",
      labels: { "app.kubernetes.io/managed-by": "Helm" },
      annotations: { "meta.helm.sh/release-name": "obot", "meta.helm.sh/release-namespace": "obot-system" },
    });
    expect(warningsOf(obot!)).toEqual([expect.stringContaining("no firewallChart")]);
    expect(obot!.dependable).toEqual([obot!.release]);
    expect(json).toMatchSnapshot();
    expect(validationErrors(json)).toEqual([]);
  });

  test("GIVEN everything on WHEN synthesized THEN the release waits for CRDs, SNAT and namespaces and secrets stay references", () => {
    let obot: ObotPlatform | undefined;
    const { json, text } = synthStack((stack) => {
      const crds = new K8sFirewallChart(stack, "crds", { version: "9.0.0" });
      const snat = new PodSnatDisabled(stack, "snat", { cloud: KubernetesCloud.AKS });
      const password = new TerraformVariable(stack, "obot_admin_password", { type: "string", sensitive: true });
      obot = new ObotPlatform(stack, "obot", {
        version: "v0.24.0",
        namespace: "obot",
        mcpNamespace: "mcp",
        releaseName: "obot-ai",
        defaultDenyAllEgress: false,
        networkPolicyProvider: { chartVersion: "v0.0.2", values: { image: { tag: "v0.0.2", pullPolicy: "IfNotPresent" } } },
        secretEnv: { OBOT_SERVER_ADMIN_PASSWORD: password.stringValue },
        imageRepository: "registry.example.com/obot",
        values: { updateStrategy: "Recreate", dev: { useEmbeddedDb: true } },
        firewallChart: crds,
        podSnat: snat,
        wait: true,
      });
    });
    const obotRelease = Object.values(resourcesOf(json, "helm_release")).find((r: any) => r.chart === "obot") as any;
    expect(obotRelease.depends_on).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^kubernetes_namespace_v1\./),
        expect.stringMatching(/^kubernetes_secret_v1\./),
        expect.stringMatching(/^helm_release\.crds_release/),
        expect.stringMatching(/^kubernetes_config_map_v1\.snat_ip-masq-agent/),
      ]),
    );
    const values: any = yaml.load(obotRelease.values[0]);
    expect(values.config.OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS).toBe("false");
    expect(values.config.OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_VALUES).toBe('{"image":{"pullPolicy":"IfNotPresent","tag":"v0.0.2"}}');
    expect(values.extraEnvFrom).toEqual([{ secretRef: { name: "obot-ai-vca-secret-env" } }]);
    expect(values.updateStrategy).toBe("Recreate");
    expect(onlyResource(json, "kubernetes_secret_v1").data).toEqual({ OBOT_SERVER_ADMIN_PASSWORD: "${var.obot_admin_password}" });
    expect(warningsOf(obot!)).toEqual([expect.stringContaining("may reach any TLS/HTTP host")]);
    expect(obot!.platformEgressDomains).toEqual(["charts.obot.ai", "ghcr.io", "pkg-containers.githubusercontent.com"]);
    expectNoSecretLiterals(text);
    expect(json).toMatchSnapshot();
    expect(validationErrors(json)).toEqual([]);
  });

  test("GIVEN createNamespaces false WHEN synthesized THEN Helm creates the release namespace", () => {
    const { json } = synthStack((stack) => new ObotPlatform(stack, "obot", { version: "v0.21.0", createNamespaces: false }));
    expect(resourcesOf(json, "kubernetes_namespace_v1")).toEqual({});
    expect(onlyResource(json, "helm_release").create_namespace).toBe(true);
  });

  describe("rejects", () => {
    const cases: [string, object, string][] = [
      ["a version before v0.21.0", { version: "v0.20.3" }, "ObotPlatform.version"],
      ["a pre-release of v0.21.0", { version: "v0.21.0-rc1" }, "ObotPlatform.version"],
      ["a version range", { version: ">=0.21" }, "ObotPlatform.version"],
      ["the same namespace for Obot and MCP servers", { version: "v0.21.0", namespace: "obot", mcpNamespace: "obot" }, "ObotPlatform.mcpNamespace"],
      ["an invalid namespace", { version: "v0.21.0", mcpNamespace: "MCP" }, "ObotPlatform.mcpNamespace"],
      [
        "an enforcement key in values",
        { version: "v0.21.0", values: { config: { OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS: "false" } } },
        "ObotPlatform.values.config.OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS",
      ],
      ["the MCP namespace in values", { version: "v0.21.0", values: { mcpNamespace: { name: "x" } } }, "ObotPlatform.values.mcpNamespace.name"],
      [
        "a literal secret",
        { version: "v0.21.0", secretEnv: { OBOT_SERVER_ADMIN_PASSWORD: "super-secret-password" } },
        "ObotPlatform.secretEnv.OBOT_SERVER_ADMIN_PASSWORD",
      ],
    ];
    test.each(cases)("%s", (_name, props, names) => {
      synthStack((stack) => expect(expectInputError(() => new ObotPlatform(stack, "obot", props as never), names)).toMatchSnapshot());
    });
  });
});

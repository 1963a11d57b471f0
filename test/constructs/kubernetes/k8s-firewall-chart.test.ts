import { K8sFirewallChart } from "../../../lib/constructs/kubernetes/k8s-firewall-chart";
import { checkK8sFirewallValues } from "../../../lib/constructs/kubernetes/k8s-firewall-values";
import { parseChartVersion } from "../../../lib/constructs/kubernetes/chart-version";
import { onlyResource, synthStack, validationErrors, warningsOf } from "./synth-helpers";
import * as yaml from "js-yaml";
import { expectInputError } from "../../support/expect-error";

describe("K8sFirewallChart", () => {
  test("GIVEN only a version WHEN synthesized THEN the chart is pinned from the Aviatrix repo into kube-system with full chart defaults", () => {
    const { json } = synthStack((stack) => new K8sFirewallChart(stack, "crds", { version: "9.0.0" }));
    const release = onlyResource(json, "helm_release");
    expect(release).toMatchObject({
      name: "k8s-firewall",
      repository: "https://aviatrixsystems.github.io/k8s-firewall-charts",
      chart: "k8s-firewall",
      version: "9.0.0",
      namespace: "kube-system",
      create_namespace: false,
    });
    expect(yaml.load(release.values[0])).toEqual({
      rbac: { create: true, manageNetworkPolicies: false },
      role: { name: "avx-controller", subject: { kind: "Group", name: "avx-controller" } },
      serviceAccount: { create: false, name: "avx-controller" },
    });
    expect(json).toMatchSnapshot();
    expect(validationErrors(json)).toEqual([]);
  });

  test("GIVEN every option WHEN synthesized THEN values merge over defaults and the namespace is created", () => {
    const { json } = synthStack((stack) => {
      const chart = new K8sFirewallChart(stack, "crds", {
        version: "10.1.0",
        releaseName: "aviatrix-crds",
        namespace: "aviatrix-system",
        values: {
          rbac: { aiVisibility: true, manageNetworkPolicies: true },
          role: { subject: { kind: "ServiceAccount", name: "avx", namespace: "aviatrix-system" } },
          serviceAccount: { create: true },
        },
      });
      expect(chart.supportsRuleTlsFields).toBe(true);
    });
    const release = onlyResource(json, "helm_release");
    expect(release.create_namespace).toBe(true);
    expect(yaml.load(release.values[0])).toEqual({
      rbac: { aiVisibility: true, create: true, manageNetworkPolicies: true },
      role: { name: "avx-controller", subject: { kind: "ServiceAccount", name: "avx", namespace: "aviatrix-system" } },
      serviceAccount: { create: true, name: "avx-controller" },
    });
    expect(json).toMatchSnapshot();
  });

  test("GIVEN chart 10.0.0 WHEN built THEN TLS rule fields are reported unsupported", () => {
    synthStack((stack) => expect(new K8sFirewallChart(stack, "crds", { version: "10.0.0" }).supportsRuleTlsFields).toBe(false));
  });

  test("GIVEN an unknown key on chart < 10 WHEN synthesized THEN it is kept but warned about", () => {
    let chart: K8sFirewallChart | undefined;
    const { json } = synthStack((stack) => {
      chart = new K8sFirewallChart(stack, "crds", { version: "9.0.0", values: { cloud: "AWS" } as never });
    });
    expect(yaml.load(onlyResource(json, "helm_release").values[0])).toMatchObject({ cloud: "AWS" });
    expect(warningsOf(chart!)).toEqual(["values.cloud: unknown key; k8s-firewall 9.0.0 ignores it"]);
  });

  describe("rejects", () => {
    const cases: [string, object, string][] = [
      ["a version range", { version: "^10.0.0" }, "K8sFirewallChart.version"],
      ["a v-prefixed version", { version: "v10.1.0" }, "K8sFirewallChart.version"],
      ["a version below the first published chart", { version: "8.1.0" }, "K8sFirewallChart.version"],
      ["an unknown key on ≥ 10.0.0 (schema additionalProperties: false)", { version: "10.0.0", values: { cloud: "AWS" } }, "values.cloud"],
      ["aiVisibility on 10.0.0", { version: "10.0.0", values: { rbac: { aiVisibility: true } } }, "values.rbac.aiVisibility"],
      ["a wrong type", { version: "10.1.0", values: { rbac: { create: "yes" } } }, "values.rbac.create"],
      ["a subject kind outside the enum", { version: "10.1.0", values: { role: { subject: { kind: "Team", name: "x" } } } }, "values.role.subject.kind"],
    ];
    test.each(cases)("%s", (_name, props, names) => {
      synthStack((stack) => expect(expectInputError(() => new K8sFirewallChart(stack, "crds", props as never), names)).toMatchSnapshot());
    });
  });
});

describe("checkK8sFirewallValues", () => {
  test("GIVEN a subject without name WHEN checked THEN the schema's required rule reports the path", () => {
    const v = parseChartVersion("10.1.0")!;
    const found = checkK8sFirewallValues(v, {
      rbac: { create: true },
      role: { name: "r", subject: { kind: "Group" } },
      serviceAccount: { create: false, name: "s" },
    });
    expect(found.errors).toEqual(["values.role.subject.name: required by the chart's values schema"]);
  });
});

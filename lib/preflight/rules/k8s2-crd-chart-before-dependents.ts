import type { IConstruct } from "constructs";
import { referenceText, type RuleContext } from "../context";
import { fail, pass, type PreflightRule, type RuleCheck } from "../rule";

/** AVX-K8S2: the k8s-firewall chart (CRDs) is installed before cluster onboarding and Obot. */
export const crdChartBeforeDependents: PreflightRule = {
  id: "AVX-K8S2",
  area: "K8S",
  name: "crd-chart-before-onboarding-and-obot",
  severity: "error",
  cause: "cluster onboarding or Obot does not depend on the k8s-firewall chart that installs the FirewallPolicy CRDs",
  explanation:
    "Onboarding makes the controller watch FirewallPolicy objects and Obot's network policy controller creates them; without the " +
    "CRDs first, the controller errors and Obot's first FirewallPolicies are rejected (research docs/research/k8s-obot-crds.md §3.2, §6.2).",
  fix: "install the k8s-firewall chart for the cluster and add it to depends_on of the onboarding and Obot releases",
  suppressible: false,
  reads: "k8s-firewall-chart facts (address), cluster-onboarding and obot facts (clusterKey, dependsOn)",
  check(ctx): readonly RuleCheck[] {
    const checks: RuleCheck[] = [];
    const dependents: Array<{ node: IConstruct; what: string; clusterKey: string; dependsOn: readonly string[] }> = [
      ...ctx
        .facts("cluster-onboarding")
        .map(({ node, fact }) => ({ node, what: "cluster onboarding", clusterKey: fact.clusterKey, dependsOn: fact.dependsOn })),
      ...ctx.facts("obot").map(({ node, fact }) => ({ node, what: "Obot", clusterKey: fact.clusterKey, dependsOn: fact.dependsOn })),
    ];
    for (const d of dependents) {
      const chart = ctx.facts("k8s-firewall-chart").find((c) => c.fact.clusterKey === d.clusterKey);
      if (!chart) {
        checks.push(
          fail(d.node, {
            findingId: d.clusterKey,
            cause: `${d.what} on cluster ${d.clusterKey} has no k8s-firewall chart installing the CRDs`,
            got: "no chart",
            want: "k8s-firewall chart installed first",
          }),
        );
        continue;
      }
      const chartAddress = normalize(ctx, chart.fact.address);
      const deps = d.dependsOn.map((x) => normalize(ctx, x));
      checks.push(
        deps.includes(chartAddress)
          ? pass(d.node, { findingId: d.clusterKey })
          : fail(d.node, {
              findingId: d.clusterKey,
              cause: `${d.what} may be created before the CRDs`,
              got: deps.length ? `depends_on ${deps.join(", ")}` : "no depends_on",
              want: `depends_on ${chartAddress}`,
            }),
      );
    }
    return checks;
  },
};

function normalize(ctx: RuleContext, address: string): string {
  return referenceText(ctx.stack, address).replace(/^\$\{(.*)\}$/, "$1");
}

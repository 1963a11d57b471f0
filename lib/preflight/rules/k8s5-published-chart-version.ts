import { show } from "../context";
import { isUnresolved } from "../../core/construct-props-error";
import { fail, pass, type PreflightRule, type RuleCheck, unknown } from "../rule";
import { isPublishedVersion, PUBLISHED_CHARTS } from "../../constructs/kubernetes/published-charts";

/** AVX-K8S5: every pinned Helm chart version is one its repository has published. */
export const publishedChartVersion: PreflightRule = {
  id: "AVX-K8S5",
  area: "K8S",
  name: "published-chart-version",
  severity: "error",
  cause: "a Helm chart is pinned to a version its repository has not published",
  explanation:
    "helm install fails with 'chart version not found' for a version that exists only in the chart's source (k8s-firewall 10.1.0 " +
    "is in Chart.yaml but not in the repository index). The published versions and their sources are in " +
    'lib/constructs/kubernetes/published-charts.ts and the README "Chart versions" table.',
  fix: "pin a published version (the construct default is the newest one), or acknowledge the finding if a private mirror serves it",
  suppressible: true,
  reads: "helm-chart facts (chart, version) from K8sFirewallChart, LibreChat and ObotPlatform",
  check(ctx): readonly RuleCheck[] {
    return ctx.facts("helm-chart").map(({ node, fact }) => {
      const published = PUBLISHED_CHARTS[fact.chart].versions;
      const want = `one of ${published.join(", ")}`;
      if (isUnresolved(fact.version)) return unknown(node, { findingId: fact.chart, got: show(fact.version), want });
      return isPublishedVersion(fact.chart, fact.version)
        ? pass(node, { findingId: fact.chart })
        : fail(node, {
            findingId: fact.chart,
            cause: `${fact.chart} chart ${fact.version} is not published in ${PUBLISHED_CHARTS[fact.chart].repository}`,
            got: fact.version,
            want,
            address: fact.address,
          });
    });
  },
};

// The Helm chart versions each chart repository has PUBLISHED (not versions seen in a source tree:
// k8s-firewall 10.1.0 is in AviatrixSystems/k8s-firewall-charts' Chart.yaml but not in its index,
// so `helm install --version 10.1.0` fails). Construct defaults are the newest entry here, and
// preflight AVX-K8S5 flags a pinned version that is not listed. Pure data: the preflight catalogue
// loads it with every stack (docs/ARCHITECTURE.md §7 cold synth). Update a row together with its
// source line; README "Chart versions" prints this table (a test keeps the two in sync).
import { compareChartVersions, parseChartVersion } from "./chart-version";

export type PublishedChartName = "k8s-firewall" | "obot" | "aviatrix-network-policy-controller" | "librechat";

export interface PublishedChart {
  readonly name: PublishedChartName;
  readonly repository: string;
  /** Released versions (pre-releases left out), oldest first, spelled as the repository publishes them. */
  readonly versions: readonly string[];
  /** Where the list comes from. */
  readonly source: string;
}

export const PUBLISHED_CHARTS: Readonly<Record<PublishedChartName, PublishedChart>> = {
  "k8s-firewall": {
    name: "k8s-firewall",
    repository: "https://aviatrixsystems.github.io/k8s-firewall-charts",
    versions: ["8.2.0", "9.0.0", "10.0.0"],
    source:
      "AviatrixSystems/k8s-firewall-charts index.yaml (generated 2026-07-16; 10.1.0 exists only in the chart source) — docs/research/k8s-obot-crds.md §3.2",
  },
  obot: {
    name: "obot",
    repository: "https://charts.obot.ai",
    // From v0.21.0 (the first release with the network policy provider); older releases are published too.
    versions: [
      "v0.21.0",
      "v0.21.1",
      "v0.22.0",
      "v0.22.1",
      "v0.23.0",
      "v0.23.1",
      "v0.23.2",
      "v0.23.3",
      "v0.23.4",
      "v0.24.0",
      "v0.24.1",
      "v0.24.2",
      "v0.25.0",
      "v0.25.1",
      "v0.25.2",
      "v0.25.3",
      "v0.25.4",
      "v0.25.5",
      "v0.25.6",
      "v0.26.0",
      "v0.26.1",
      "v0.26.2",
      "v0.26.3",
    ],
    source: "obot-platform/charts index.yaml and charts/obot-v*.tgz (the charts.obot.ai GitHub Pages source) — docs/research/k8s-obot-crds.md §3.1",
  },
  "aviatrix-network-policy-controller": {
    name: "aviatrix-network-policy-controller",
    repository: "https://charts.obot.ai",
    versions: ["v0.0.1"],
    source: "obot-platform/charts index.yaml (`version: v0.0.1`, the only NPC entry) — docs/research/k8s-obot-crds.md §3.1",
  },
  librechat: {
    name: "librechat",
    repository: "oci://ghcr.io/danny-avila/librechat-chart",
    // An OCI repository has no index: these are the versions seen pulled (`helm show chart … --version`)
    // or released with a `chart-X.Y.Z` tag by danny-avila/LibreChat .github/workflows/helmcharts.yml.
    versions: ["1.9.2", "2.0.4", "2.0.7", "2.0.14"],
    source:
      "danny-avila/LibreChat helm/librechat/Chart.yaml (2.0.4, appVersion v0.8.6-rc1) and public `helm pull/show oci://ghcr.io/danny-avila/librechat-chart/librechat` runs (1.9.2; 2.0.7, appVersion v0.8.7; 2.0.14, appVersion v0.8.8-rc4, checked 2026-09-28) — docs/research/librechat-shim.md §6",
  },
};

/** The newest published version of a chart (the constructs' default). */
export function newestPublishedVersion(name: PublishedChartName): string {
  const versions = PUBLISHED_CHARTS[name].versions;
  return versions[versions.length - 1];
}

/** Whether `version` is a published release of the chart (`v` prefix optional, as Obot accepts both). */
export function isPublishedVersion(name: PublishedChartName, version: string): boolean {
  const wanted = parseChartVersion(version);
  if (!wanted) return false;
  return PUBLISHED_CHARTS[name].versions.some((v) => compareChartVersions(parseChartVersion(v)!, wanted) === 0);
}

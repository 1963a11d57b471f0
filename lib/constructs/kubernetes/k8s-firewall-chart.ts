import { Construct } from "constructs";
import { Release } from "@cdktf/provider-helm/lib/release";
import { Annotations, ITerraformDependable, Token } from "../../core/cdktf";
import { PREFLIGHT_FACTS, type PreflightFact, type PreflightFactSource, terraformAddressOf } from "../../preflight/facts";
import { ChartVersion, chartVersionAtLeast, parseChartVersion } from "./chart-version";
import { clusterKeyOf } from "./cluster-key";
import { IClusterProviderSet } from "./cluster-providers";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { mergeValues, renderHelmValues } from "./helm-values";
import { checkK8sFirewallValues, k8sFirewallDefaultValues, K8sFirewallValues } from "./k8s-firewall-values";
import { ensureSecretScan } from "../../secrets/terraform-scan";

/** Chart repository of the Aviatrix FirewallPolicy/WebgroupPolicy CRDs (research docs/research/k8s-obot-crds.md §3.2). */
export const K8S_FIREWALL_CHART_REPOSITORY = "https://aviatrixsystems.github.io/k8s-firewall-charts";
export const K8S_FIREWALL_CHART_NAME = "k8s-firewall";
/** Oldest published chart version (index.yaml, 2025-12-05). */
export const K8S_FIREWALL_MIN_VERSION = "8.2.0";

export interface K8sFirewallChartProps {
  /**
   * Chart version to pin, exactly `X.Y.Z` (published: PUBLISHED_CHARTS["k8s-firewall"] in
   * published-charts.ts; preflight AVX-K8S5 flags any other). Track the controller release; the
   * FirewallPolicy TLS fields (decryptPolicy, watch, ...) need ≥ 10.1.0, which is not published yet.
   */
  readonly version: string;
  /** Helm release name. @default "k8s-firewall" */
  readonly releaseName?: string;
  /** Release namespace (the CRDs are cluster-scoped either way). @default "kube-system" */
  readonly namespace?: string;
  /** Chart values merged over the chart defaults and checked against the chart's values schema. @default - chart defaults */
  readonly values?: K8sFirewallValues;
  /** Providers to install with. @default - the stack's default helm provider */
  readonly providers?: IClusterProviderSet;
  /** Resources that must exist first (e.g. the cluster, its node group). @default - none */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Which cluster this is, for preflight (matches onboarding, pod SNAT, FirewallPolicies, Obot).
   * @default - the path of the KubernetesProviders in `providers`, else "default"
   */
  readonly clusterKey?: string;
}

/**
 * The `k8s-firewall` chart: FirewallPolicy and WebgroupPolicy CRDs plus the avx-controller
 * ClusterRole. Install it before onboarding the cluster (the controller caches a missing CRD on
 * first connect) and before Obot (its policy controller loops without the CRD): pass this
 * construct to `KubernetesClusterOnboarding`/`ObotPlatform`, or chain on `dependable`.
 * Helm installs CRDs on first install only; a later chart version's new CRD fields need a
 * separate CRD apply.
 */
export class K8sFirewallChart extends Construct implements PreflightFactSource {
  public readonly release: Release;
  public readonly version: ChartVersion;
  /** True when the installed CRD carries the rule TLS/watch fields (chart ≥ 10.1.0). */
  public readonly supportsRuleTlsFields: boolean;
  /** What later resources should depend on. */
  public readonly dependable: ITerraformDependable[];
  /** The preflight cluster key (see `clusterKey` prop). */
  public readonly clusterKey: string;

  constructor(scope: Construct, id: string, props: K8sFirewallChartProps) {
    super(scope, id);
    ensureSecretScan(this);
    if (typeof props.version !== "string" || Token.isUnresolved(props.version)) {
      throw new ConstructPropsError(this, "version", props.version, `a literal chart version like "10.1.0"`, `version gates are decided at synth time`);
    }
    const version = parseChartVersion(props.version);
    if (!version || version.text.startsWith("v")) {
      throw new ConstructPropsError(this, "version", props.version, `an exact chart version "X.Y.Z" (e.g. "10.1.0")`, `ranges would let Helm drift`);
    }
    if (!chartVersionAtLeast(version, K8S_FIREWALL_MIN_VERSION)) {
      throw new ConstructPropsError(this, "version", described(`"${props.version}"`), `≥ ${K8S_FIREWALL_MIN_VERSION} (the first published k8s-firewall chart)`);
    }
    const namespace = props.namespace ?? "kube-system";
    const values = mergeValues(k8sFirewallDefaultValues(version), props.values as Record<string, unknown> | undefined);
    const found = checkK8sFirewallValues(version, values);
    if (found.errors.length > 0) {
      throw new ConstructPropsError(this, "values", described(found.errors.join("; ")), "values the k8s-firewall chart accepts", "remove or fix these keys");
    }
    for (const warning of found.warnings) Annotations.of(this).addWarning(warning);

    this.version = version;
    this.clusterKey = clusterKeyOf(props.clusterKey, props.providers);
    this.supportsRuleTlsFields = chartVersionAtLeast(version, "10.1.0");
    this.release = new Release(this, "release", {
      name: props.releaseName ?? "k8s-firewall",
      repository: K8S_FIREWALL_CHART_REPOSITORY,
      chart: K8S_FIREWALL_CHART_NAME,
      version: version.text,
      namespace,
      createNamespace: namespace !== "kube-system" && namespace !== "default",
      values: renderHelmValues(values),
      provider: props.providers?.helm,
      dependsOn: props.dependsOn,
    });
    this.dependable = [this.release];
  }

  /** Preflight: the chart version installed on the cluster and the address dependents must wait for. */
  /** @internal */
  public [PREFLIGHT_FACTS](): readonly PreflightFact[] {
    const address = terraformAddressOf(this.release);
    return [
      { kind: "k8s-firewall-chart", clusterKey: this.clusterKey, chartVersion: this.version.text, address },
      { kind: "helm-chart", chart: "k8s-firewall", version: this.version.text, address },
    ];
  }
}

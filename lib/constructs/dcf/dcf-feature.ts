// Turns DCF on: `aviatrix_config_feature { feature_name = "microseg" }` (the replacement of the
// deprecated aviatrix_distributed_firewalling_config, controller ≥ 8.2.10), plus the optional
// Kubernetes flags from the documented feature list (provider-constraints.json
// controller_version_gates.controller_feature_flags).
import { Construct } from "constructs";
import { ITerraformDependable } from "../../core/cdktf";
import { ConfigFeature } from "../../aviatrix/gen/providers/aviatrix/config-feature";
import { PREFLIGHT_FACTS, type PreflightFact, type PreflightFactSource } from "../../preflight/facts";
import { ConstructPropsError } from "../../core/construct-props-error";
import { DCF_MIN_VERSIONS, requireControllerVersion } from "./version-gates";

/** Feature names `aviatrix_config_feature` accepts (provider 10.0.1 docs). */
export const CONFIG_FEATURE_NAMES = [
  "microseg",
  "cost_iq",
  "ipv6",
  "dcf_on_s2c",
  "dcf_on_psf",
  "dcf_stats_obs_sink",
  "dcf_logs_obs_sink",
  "k8s",
  "sre_metrics_export",
  "k8s_dcf_policies",
  "k8s_network_policy",
  "dcf_on_firenet",
  "interface_mtu_based_clamping",
  "conduit_tunnel_status_coalescing",
  "vrf",
] as const;
export type ConfigFeatureName = (typeof CONFIG_FEATURE_NAMES)[number];

/** Flags blueprints enable through the controller API that aviatrix_config_feature does not take. */
const API_ONLY_FLAGS = ["dcf_multi_policies", "k8s_discovery", "log_enrichment"];

export interface DcfFeatureProps {
  /** Kubernetes discovery in DCF SmartGroups (`k8s`). @default false */
  readonly k8s?: boolean;
  /** Enforce FirewallPolicy CRDs (`k8s_dcf_policies`; implies `k8s`). @default false */
  readonly k8sDcfPolicies?: boolean;
  /** Kubernetes NetworkPolicy / intra-cluster inspection (`k8s_network_policy`; implies `k8s`). @default false */
  readonly k8sNetworkPolicy?: boolean;
  /** Other documented feature names to enable. @default - none */
  readonly additionalFeatures?: ConfigFeatureName[];
}

/** Enables Distributed Cloud Firewall (and optional feature flags) on the controller. */
export class DcfFeature extends Construct implements ITerraformDependable, PreflightFactSource {
  /** The `microseg` feature resource. */
  public readonly microseg: ConfigFeature;
  /** Every enabled feature by name (microseg included). */
  public readonly features: Readonly<Record<string, ConfigFeature>>;

  constructor(scope: Construct, id: string, props: DcfFeatureProps = {}) {
    super(scope, id);
    const wanted = new Set<string>(["microseg"]);
    // k8s_dcf_policies and k8s_network_policy need Kubernetes discovery: enable it rather than fail.
    if (props.k8s || props.k8sDcfPolicies || props.k8sNetworkPolicy) wanted.add("k8s");
    if (props.k8sDcfPolicies) wanted.add("k8s_dcf_policies");
    if (props.k8sNetworkPolicy) wanted.add("k8s_network_policy");
    (props.additionalFeatures ?? []).forEach((name, i) => {
      if (!(CONFIG_FEATURE_NAMES as readonly string[]).includes(name)) {
        const fix = API_ONLY_FLAGS.includes(name)
          ? `"${name}" is not settable through aviatrix_config_feature; enable it with the controller API (enable_controller_feature)`
          : "check the spelling against the provider's aviatrix_config_feature docs";
        throw new ConstructPropsError(this, `additionalFeatures[${i}]`, name, `one of ${CONFIG_FEATURE_NAMES.join("|")}`, fix);
      }
      wanted.add(name);
    });

    this.microseg = new ConfigFeature(this, "microseg", { featureName: "microseg", isEnabled: true });
    const features: Record<string, ConfigFeature> = { microseg: this.microseg };
    for (const name of [...wanted].filter((n) => n !== "microseg").sort()) {
      features[name] = new ConfigFeature(this, name, {
        featureName: name,
        isEnabled: true,
        // Kubernetes flags only make sense once DCF is on; k8s_* after k8s.
        dependsOn: name.startsWith("k8s_") && features.k8s ? [features.k8s] : [this.microseg],
      });
    }
    this.features = features;
    requireControllerVersion(this, "aviatrix_config_feature", DCF_MIN_VERSIONS.configFeature);
  }

  /** Preflight: one fact per enabled feature flag (aviatrix_config_feature needs controller >= 8.2.10, AVX-CTRL3). */
  /** @internal */
  public [PREFLIGHT_FACTS](): readonly PreflightFact[] {
    return Object.keys(this.features)
      .sort()
      .map((feature) => ({ kind: "dcf-feature", feature }));
  }

  /** Depending on the feature means depending on DCF being enabled. */
  public get fqn(): string {
    return this.microseg.fqn;
  }
}

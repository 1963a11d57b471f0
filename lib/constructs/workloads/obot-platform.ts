import { Construct } from "constructs";
import { Release } from "@cdktf/provider-helm/lib/release";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1";
import { Annotations, ITerraformDependable, Token } from "../../core/cdktf";
import { ChartVersion, chartVersionAtLeast, parseChartVersion } from "../kubernetes/chart-version";
import { PREFLIGHT_FACTS, type PreflightFact, type PreflightFactSource, terraformAddressOf } from "../../preflight/facts";
import { newestPublishedVersion } from "../kubernetes/published-charts";
import { clusterKeyOf } from "../kubernetes/cluster-key";
import { IClusterProviderSet } from "../kubernetes/cluster-providers";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { HelmValueTree, mergeValues, renderHelmValues } from "../kubernetes/helm-values";
import { K8sFirewallChart } from "../kubernetes/k8s-firewall-chart";
import { PodSnatDisabled } from "../kubernetes/pod-snat-disabled";
import { checkValuesSecrets } from "../kubernetes/helm-values-secrets";
import { OBOT_MIN_VERSION } from "./obot-release";
import { requireSecretReferences, sensitiveEnvSecret } from "./sensitive-env-secret";
import { checkBooleanProps } from "../../core/prop-types";
import { ensureSecretScan } from "../../secrets/terraform-scan";

// Facts: research docs/research/k8s-obot-crds.md §3.1 (chart, values, namespaces, adoption metadata) and §2
// (what the network policy controller does). Obot ≥ v0.21.0 installs the Aviatrix network
// policy controller (NPC) itself when the provider chart values are set.

export const OBOT_CHART_REPOSITORY = "https://charts.obot.ai";
export const OBOT_CHART_NAME = "obot";
export { OBOT_MIN_VERSION };
export const OBOT_NPC_CHART_NAME = "aviatrix-network-policy-controller";
/** The newest (and only) published NPC chart (lib/constructs/kubernetes/published-charts.ts). */
export const OBOT_NPC_DEFAULT_VERSION = newestPublishedVersion("aviatrix-network-policy-controller");
/** The newest published Obot chart (the default `version`). */
export const OBOT_DEFAULT_VERSION = newestPublishedVersion("obot");

/** config.* keys this construct owns; set them through props, not `values`. */
export const OBOT_ENFORCEMENT_KEYS = [
  "OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS",
  "OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_CHART_NAME",
  "OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_CHART_PATH",
  "OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_CHART_REPO",
  "OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_CHART_VERSION",
  "OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_VALUES",
  "OBOT_SERVER_MCPRUNTIME_BACKEND",
] as const;

/** Hosts Obot itself needs at runtime (chart pulls by the Obot pod, images by the nodes). */
export const OBOT_PLATFORM_EGRESS_DOMAINS = ["charts.obot.ai", "ghcr.io", "pkg-containers.githubusercontent.com"] as const;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export interface ObotNetworkPolicyProviderProps {
  /** @default "https://charts.obot.ai" */
  readonly chartRepo?: string;
  /** @default "aviatrix-network-policy-controller" */
  readonly chartName?: string;
  /** @default "v0.0.1" */
  readonly chartVersion?: string;
  /** Values deep-merged over what Obot passes to the NPC chart (e.g. image overrides). @default - none */
  readonly values?: HelmValueTree;
}

export interface ObotPlatformProps {
  /**
   * Obot chart version, ≥ v0.21.0 (`v0.21.0` or `0.21.0`; rendered as published, with `v`).
   * @default - the newest published (OBOT_DEFAULT_VERSION); the Aviatrix blueprints tested v0.21.0
   */
  readonly version?: string;
  /** Namespace of the Obot server (and of the NPC release Obot installs). @default "obot-system" */
  readonly namespace?: string;
  /** Namespace where MCP servers run; FirewallPolicies land here. @default "obot-mcp" */
  readonly mcpNamespace?: string;
  /** @default "obot" */
  readonly releaseName?: string;
  /**
   * Pre-create both namespaces here (the MCP one with Helm adoption metadata so the chart can
   * take it over). @default true
   */
  readonly createNamespaces?: boolean;
  /**
   * MCP servers without egressDomains get deny-all (OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS).
   * false lets them reach any TLS/HTTP host on tcp/443 — a warning is recorded.
   * @default true
   */
  readonly defaultDenyAllEgress?: boolean;
  /** @default - the published aviatrix-network-policy-controller v0.0.1 from charts.obot.ai */
  readonly networkPolicyProvider?: ObotNetworkPolicyProviderProps;
  /**
   * Secret environment for the Obot server (e.g. OBOT_SERVER_ADMIN_PASSWORD, OPENAI_API_KEY,
   * OBOT_SERVER_ENCRYPTION_KEY): sensitive variables or references only. Stored in a
   * kubernetes_secret_v1 and loaded with extraEnvFrom. @default - none
   */
  readonly secretEnv?: { readonly [name: string]: string };
  /** @default - ghcr.io/obot-platform/obot */
  readonly imageRepository?: string;
  /** Further chart values (merged last; may not touch the enforcement keys). @default - none */
  readonly values?: HelmValueTree;
  /**
   * The CRD chart; Obot's NPC loops on "no matches for kind FirewallPolicy" without it.
   * @default - none: a warning is recorded unless `dependsOn` covers the CRDs
   */
  readonly firewallChart?: K8sFirewallChart;
  /** Pod SNAT must be off before MCP pods egress. @default - no ordering */
  readonly podSnat?: PodSnatDisabled;
  /** Wait for the release's resources. @default false (MCP images pull slowly through a default-deny egress) */
  readonly wait?: boolean;
  /** @default - the stack's default kubernetes/helm providers */
  readonly providers?: IClusterProviderSet;
  /** Further ordering (spoke gateway, DCF policy list, default action, cluster onboarding). @default - none */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Which cluster Obot runs on, for preflight (matches the chart, onboarding, pod SNAT).
   * @default - the `firewallChart`'s cluster key, else the path of the KubernetesProviders in `providers`, else "default"
   */
  readonly clusterKey?: string;
}

/**
 * Obot with MCP servers on Kubernetes and the Aviatrix network policy controller enabled:
 * every MCP server gets a FirewallPolicy in the MCP namespace (domains → permit tcp/443, then
 * deny). Install order: k8s-firewall CRDs → pod SNAT off → Obot.
 */
export class ObotPlatform extends Construct implements PreflightFactSource {
  public readonly release: Release;
  /** What later resources (FirewallPolicies, ingress records) should depend on. */
  public readonly dependable: ITerraformDependable[];
  public readonly version: ChartVersion;
  public readonly namespace: string;
  public readonly mcpNamespace: string;
  public readonly defaultDenyAllEgress: boolean;
  public readonly namespaces: NamespaceV1[] = [];
  public readonly secret?: SecretV1;
  /** Hosts the platform itself needs (for the infra WebGroup), sorted. */
  public readonly platformEgressDomains: string[] = [...OBOT_PLATFORM_EGRESS_DOMAINS].sort();
  /** The preflight cluster key (see `clusterKey` prop). */
  public readonly clusterKey: string;
  /** The public NPC chart Obot installs (undefined for a custom chart repo/name). */
  private readonly npcChart?: { readonly version: string };

  constructor(scope: Construct, id: string, props: ObotPlatformProps) {
    super(scope, id);
    ensureSecretScan(this);
    checkBooleanProps(this, props, ["createNamespaces", "defaultDenyAllEgress", "wait"]);
    this.version = this.resolveVersion(props.version ?? OBOT_DEFAULT_VERSION);
    this.clusterKey = props.clusterKey ?? props.firewallChart?.clusterKey ?? clusterKeyOf(undefined, props.providers);
    this.namespace = this.namespaceProp("namespace", props.namespace ?? "obot-system");
    this.mcpNamespace = this.namespaceProp("mcpNamespace", props.mcpNamespace ?? "obot-mcp");
    if (this.namespace === this.mcpNamespace) {
      throw new ConstructPropsError(
        this,
        "mcpNamespace",
        described(`"${this.mcpNamespace}", the same as namespace`),
        "a namespace of its own, so FirewallPolicies never select the Obot server",
        "pick another mcpNamespace",
      );
    }
    const releaseName = props.releaseName ?? "obot";
    this.defaultDenyAllEgress = props.defaultDenyAllEgress ?? true;
    if (!this.defaultDenyAllEgress) {
      Annotations.of(this).addWarning("defaultDenyAllEgress is false: MCP servers without egressDomains may reach any TLS/HTTP host on tcp/443");
    }
    if (!props.firewallChart && !props.dependsOn?.length) {
      Annotations.of(this).addWarning("no firewallChart: install the k8s-firewall CRDs before Obot, or its network policy controller loops");
    }
    this.checkValues(props.values);

    const ordering: ITerraformDependable[] = [...(props.firewallChart?.dependable ?? []), ...(props.podSnat?.dependable ?? []), ...(props.dependsOn ?? [])];
    const createNamespaces = props.createNamespaces ?? true;
    if (createNamespaces) {
      this.namespaces.push(
        new NamespaceV1(this, "namespace", {
          metadata: { name: this.namespace, labels: { "app.kubernetes.io/managed-by": "vca-cdktf" } },
          provider: props.providers?.kubernetes,
        }),
        new NamespaceV1(this, "mcp-namespace", {
          // Helm adoption metadata: the chart renders this namespace and would refuse to own it otherwise.
          metadata: {
            name: this.mcpNamespace,
            labels: { "app.kubernetes.io/managed-by": "Helm" },
            annotations: { "meta.helm.sh/release-name": releaseName, "meta.helm.sh/release-namespace": this.namespace },
          },
          provider: props.providers?.kubernetes,
        }),
      );
    }
    if (props.secretEnv && Object.keys(props.secretEnv).length > 0) {
      const entries = requireSecretReferences(this, "secretEnv", props.secretEnv);
      const clash = entries.find(([name]) => (OBOT_ENFORCEMENT_KEYS as readonly string[]).includes(name));
      if (clash)
        throw new ConstructPropsError(
          this,
          `secretEnv.${clash[0]}`,
          described("a variable ObotPlatform sets from its props"),
          "variables ObotPlatform does not set",
          "remove it",
        );
      this.secret = sensitiveEnvSecret(this, "secret-env", {
        name: `${releaseName}-vca-secret-env`,
        namespace: this.namespace,
        entries,
        provider: props.providers?.kubernetes,
        dependsOn: this.namespaces.length > 0 ? [this.namespaces[0]] : undefined,
      });
    }

    const npc = props.networkPolicyProvider ?? {};
    // The published-version check applies to the public NPC chart only (a private repo has its own list).
    if ((npc.chartName ?? OBOT_NPC_CHART_NAME) === OBOT_NPC_CHART_NAME && (npc.chartRepo ?? OBOT_CHART_REPOSITORY) === OBOT_CHART_REPOSITORY) {
      this.npcChart = { version: npc.chartVersion ?? OBOT_NPC_DEFAULT_VERSION };
    }
    const config: Record<string, unknown> = {
      OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS: String(this.defaultDenyAllEgress),
      OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_CHART_NAME: npc.chartName ?? OBOT_NPC_CHART_NAME,
      OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_CHART_REPO: npc.chartRepo ?? OBOT_CHART_REPOSITORY,
      OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_CHART_VERSION: npc.chartVersion ?? OBOT_NPC_DEFAULT_VERSION,
      OBOT_SERVER_MCPRUNTIME_BACKEND: "kubernetes",
    };
    if (npc.values) config.OBOT_SERVER_MCPNETWORK_POLICY_PROVIDER_VALUES = JSON.stringify(sortDeep(npc.values));
    const ours: Record<string, unknown> = {
      config,
      image: { repository: props.imageRepository ?? "ghcr.io/obot-platform/obot", tag: `v${versionCore(this.version)}` },
      mcpNamespace: { name: this.mcpNamespace },
    };
    if (this.secret) ours.extraEnvFrom = [{ secretRef: { name: `${releaseName}-vca-secret-env` } }];
    const values = mergeValues(props.values ?? {}, ours);
    checkValuesSecrets(this, values);

    this.release = new Release(this, "release", {
      name: releaseName,
      repository: OBOT_CHART_REPOSITORY,
      chart: OBOT_CHART_NAME,
      version: `v${versionCore(this.version)}`,
      namespace: this.namespace,
      createNamespace: !createNamespaces,
      wait: props.wait ?? false,
      cleanupOnFail: true,
      values: renderHelmValues(values),
      provider: props.providers?.helm,
      dependsOn: [...this.namespaces, ...(this.secret ? [this.secret] : []), ...ordering],
    });
    this.dependable = [this.release];
  }

  /** Preflight: the Obot release and what it waits for (AVX-CTRL5, AVX-K8S2; a K8S tier for AVX-K8S3). */
  /** @internal */
  public [PREFLIGHT_FACTS](): readonly PreflightFact[] {
    return [
      { kind: "obot", clusterKey: this.clusterKey, version: this.version.text, mcpNamespace: this.mcpNamespace, dependsOn: this.release.dependsOn ?? [] },
      { kind: "helm-chart", chart: "obot", version: this.version.text, address: terraformAddressOf(this.release) },
      ...(this.npcChart
        ? [
            {
              kind: "helm-chart" as const,
              chart: "aviatrix-network-policy-controller" as const,
              version: this.npcChart.version,
              address: terraformAddressOf(this.release),
            },
          ]
        : []),
    ];
  }

  private resolveVersion(text: string): ChartVersion {
    if (typeof text !== "string" || Token.isUnresolved(text)) {
      throw new ConstructPropsError(this, "version", text, `a literal Obot version like "v0.21.0"`, `the feature gate is decided at synth time`);
    }
    const v = parseChartVersion(text);
    if (!v) throw new ConstructPropsError(this, "version", text, `an exact version "vX.Y.Z" (e.g. "v0.21.0")`);
    if (!chartVersionAtLeast(v, OBOT_MIN_VERSION)) {
      throw new ConstructPropsError(
        this,
        "version",
        described(`"${text}"`),
        `≥ v${OBOT_MIN_VERSION}: older Obot cannot deploy the Aviatrix network policy controller, so MCP servers would run without FirewallPolicies`,
      );
    }
    return v;
  }

  private namespaceProp(prop: string, value: string): string {
    if (typeof value !== "string" || Token.isUnresolved(value) || !DNS1123_LABEL.test(value)) {
      throw new ConstructPropsError(this, prop, value, `a literal namespace name (DNS-1123 label)`);
    }
    return value;
  }

  /**
   * `values` may not reach what this construct enforces: the config keys, and every other way the
   * chart lets a value into the server's environment (`extraEnv` as a map or a list of {name},
   * `extraEnvFrom`, `config.existingSecret` whose content we cannot see). Otherwise
   * `OBOT_SERVER_MCPDEFAULT_DENY_ALL_EGRESS: "false"` could hide behind `defaultDenyAllEgress: true`,
   * which preflight and analysis read.
   */
  private checkValues(values: HelmValueTree | undefined): void {
    if (values === undefined) return;
    const owned = (prop: string, fix: string): never => {
      throw new ConstructPropsError(this, prop, described("a key ObotPlatform owns"), "keys ObotPlatform does not set", fix);
    };
    const record = (v: unknown): Record<string, unknown> | undefined =>
      typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    const enforced = (name: unknown) => typeof name === "string" && (OBOT_ENFORCEMENT_KEYS as readonly string[]).includes(name.trim());
    const config = record(values.config);
    for (const key of Object.keys(config ?? {})) {
      if (enforced(key)) owned(`values.config.${key}`, "remove it from values; use defaultDenyAllEgress / networkPolicyProvider");
    }
    if (config && Object.hasOwn(config, "existingSecret")) {
      owned("values.config.existingSecret", "a secret we cannot read could set the enforcement keys; pass secrets with secretEnv");
    }
    const extraEnv = values.extraEnv;
    if (Array.isArray(extraEnv)) {
      extraEnv.forEach((e, i) => {
        if (enforced(record(e)?.name)) owned(`values.extraEnv[${i}]`, "remove it; use defaultDenyAllEgress / networkPolicyProvider");
      });
    } else {
      for (const key of Object.keys(record(extraEnv) ?? {}))
        if (enforced(key)) owned(`values.extraEnv.${key}`, "remove it; use defaultDenyAllEgress / networkPolicyProvider");
    }
    const mcp = record(values.mcpNamespace);
    if (mcp && Object.hasOwn(mcp, "name")) owned("values.mcpNamespace.name", "use the mcpNamespace prop");
    if (Object.hasOwn(values, "extraEnvFrom")) owned("values.extraEnvFrom", "use secretEnv");
  }
}

function versionCore(v: ChartVersion): string {
  return `${v.major}.${v.minor}.${v.patch}${v.prerelease ? `-${v.prerelease}` : ""}`;
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

import { Construct } from "constructs";
import { Release } from "@cdktf/provider-helm/lib/release";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1";
import { ITerraformDependable, Token } from "../../core/cdktf";
import { parseChartVersion } from "../kubernetes/chart-version";
import { newestPublishedVersion } from "../kubernetes/published-charts";
import { PREFLIGHT_FACTS, type PreflightFact, type PreflightFactSource, terraformAddressOf } from "../../preflight/facts";
import { IClusterProviderSet } from "../kubernetes/cluster-providers";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { HelmValueTree, mergeValues, renderHelmValues } from "../kubernetes/helm-values";
import { K8sFirewallChart } from "../kubernetes/k8s-firewall-chart";
import { CaTrustRuntime, MitmCa } from "../kubernetes/mitm-ca";
import { PodSnatDisabled } from "../kubernetes/pod-snat-disabled";
import { requireSecretReferences, sensitiveEnvSecret } from "./sensitive-env-secret";
import { MAX_FILE_BYTES } from "../../shim/limits";
import { findLiteralSecrets } from "../../shim/literal-secrets";
import { checkValuesSecrets } from "../kubernetes/helm-values-secrets";
import { isSecretName, secretReason } from "../../secrets/secret-shape";
import { InputFileError, loadYamlBounded, YamlSyntaxError } from "../../util/input-file";
import { checkBooleanProps } from "../../core/prop-types";
import { ensureSecretScan } from "../../secrets/terraform-scan";

// Facts: docs/research/librechat-shim.md §6 (chart, images, registries, configYamlContent,
// configEnv, volumes) and §9 (NODE_EXTRA_CA_CERTS). The chart's Deployment selects pods by
// app.kubernetes.io/name (= nameOverride or "librechat") and app.kubernetes.io/instance.

export const LIBRECHAT_CHART_REPOSITORY = "oci://ghcr.io/danny-avila/librechat-chart";
export const LIBRECHAT_CHART_NAME = "librechat";
/** The newest published chart (2.0.14, appVersion v0.8.8-rc4: the release librechat-data-provider 0.8.524 describes). */
export const LIBRECHAT_DEFAULT_CHART_VERSION = newestPublishedVersion("librechat");

/** Default image registries: ghcr.io instead of registry.librechat.ai keeps the registry WebGroup to well-known hosts. */
export const LIBRECHAT_DEFAULT_REGISTRIES = { librechat: "ghcr.io", mongodb: "docker.io", meilisearch: "docker.io" } as const;

/** Keys LibreChat needs in its credentials secret (the chart's own defaults for them are public samples). */
export const LIBRECHAT_REQUIRED_SECRETS = ["CREDS_IV", "CREDS_KEY", "JWT_REFRESH_SECRET", "JWT_SECRET"] as const;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const HOST = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:\d{1,5})?$/;
const SECRET_LOOKING = /(KEY|SECRET|PASSWORD|TOKEN|CREDENTIAL|_IV)$|(^|_)(KEY|SECRET|PASSWORD|TOKEN)(_|$)/i;

export interface LibreChatImageRegistries {
  /** @default "ghcr.io" (the chart ≥ 2.0 default is registry.librechat.ai) */
  readonly librechat?: string;
  /** Bitnami MongoDB image registry (repository bitnamilegacy/mongodb). @default "docker.io" */
  readonly mongodb?: string;
  /** Meilisearch image registry (repository getmeili/meilisearch). @default "docker.io" */
  readonly meilisearch?: string;
}

export interface LibreChatProps {
  /** Chart version (exact X.Y.Z). @default - the newest published (LIBRECHAT_DEFAULT_CHART_VERSION) */
  readonly chartVersion?: string;
  /** @default "librechat" */
  readonly namespace?: string;
  /** Create the namespace here. @default true */
  readonly createNamespace?: boolean;
  /** @default "librechat" */
  readonly releaseName?: string;
  /** librechat.yaml content (the chart renders it into a ConfigMap mounted at /app/librechat.yaml). @default - none */
  readonly configYamlContent?: string;
  /** Non-secret environment (librechat.configEnv). Secret-looking names are rejected here. @default - none */
  readonly configEnv?: { readonly [name: string]: string };
  /**
   * Secret environment (CREDS_KEY, CREDS_IV, JWT_SECRET, JWT_REFRESH_SECRET, MEILI_MASTER_KEY,
   * provider API keys): sensitive variables or references only; written to
   * kubernetes_secret_v1 `librechat-credentials-env`. Required unless `existingSecretName`.
   */
  readonly secretEnv?: { readonly [name: string]: string };
  /** A secret you manage with the same keys. @default - the secret built from secretEnv */
  readonly existingSecretName?: string;
  /** @default - LIBRECHAT_DEFAULT_REGISTRIES */
  readonly imageRegistries?: LibreChatImageRegistries;
  /** LibreChat image tag. @default - the chart's appVersion */
  readonly imageTag?: string;
  /** Chart nameOverride; changes the pod label app.kubernetes.io/name. @default "librechat" */
  readonly nameOverride?: string;
  /** Ingress host. @default - no ingress (the chart's default ingress for chat.example.com is turned off) */
  readonly ingressHost?: string;
  /** DCF TLS-decryption CA: mounted from its ConfigMap, NODE_EXTRA_CA_CERTS set, pods roll on CA change. @default - none */
  readonly mitmCa?: MitmCa;
  /** Further chart values (merged first; the construct's keys win). @default - none */
  readonly values?: HelmValueTree;
  /** @default - none */
  readonly firewallChart?: K8sFirewallChart;
  /** @default - none */
  readonly podSnat?: PodSnatDisabled;
  /** @default - the stack's default providers */
  readonly providers?: IClusterProviderSet;
  /** @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * LibreChat from the official chart, with config as code, secrets only from references, image
 * registries pinned for the registry WebGroup, and optional MITM CA trust (no image rebuild).
 */
export class LibreChat extends Construct implements PreflightFactSource {
  public readonly release: Release;
  /** What later resources (FirewallPolicies, ingress records) should depend on. */
  public readonly dependable: ITerraformDependable[];
  public readonly namespace: string;
  public readonly releaseName: string;
  /** The labels on LibreChat API pods (use `podSelector` in FirewallPolicies). */
  public readonly podLabels: { readonly [key: string]: string };
  /** The label a FirewallPolicy selector should match: app.kubernetes.io/name. */
  public readonly podSelector: { readonly [key: string]: string };
  /** Registries the nodes pull from (for the registry WebGroup), sorted. */
  public readonly registryHosts: string[];
  public readonly secret?: SecretV1;
  public readonly namespaceResource?: NamespaceV1;
  /** The chart version installed. */
  public readonly chartVersion: string;
  /** Whether pods trust the DCF MITM CA, i.e. LibreChat traffic is meant to be TLS-decrypted. */
  public readonly tlsDecryption: boolean;

  constructor(scope: Construct, id: string, props: LibreChatProps) {
    super(scope, id);
    ensureSecretScan(this);
    checkBooleanProps(this, props, ["createNamespace"]);
    this.tlsDecryption = props.mitmCa !== undefined;
    const chartVersion = props.chartVersion ?? LIBRECHAT_DEFAULT_CHART_VERSION;
    this.chartVersion = chartVersion;
    if (typeof chartVersion !== "string" || Token.isUnresolved(chartVersion) || !parseChartVersion(chartVersion) || chartVersion.startsWith("v")) {
      throw new ConstructPropsError(this, "chartVersion", chartVersion, `an exact chart version "X.Y.Z" (e.g. "${LIBRECHAT_DEFAULT_CHART_VERSION}")`);
    }
    this.namespace = literalName(this, "namespace", props.namespace ?? "librechat");
    this.releaseName = literalName(this, "releaseName", props.releaseName ?? "librechat");
    const appName = literalName(this, "nameOverride", props.nameOverride ?? "librechat");
    this.podSelector = { "app.kubernetes.io/name": appName };
    this.podLabels = { "app.kubernetes.io/instance": this.releaseName, "app.kubernetes.io/name": appName };
    const registries = this.resolveRegistries(props.imageRegistries);
    this.registryHosts = [...new Set(Object.values(registries))].sort();
    checkConfigYaml(this, props.configYamlContent);
    const configEnv = checkConfigEnv(this, props.configEnv ?? {});

    if (props.createNamespace ?? true) {
      this.namespaceResource = new NamespaceV1(this, "namespace", {
        metadata: { name: this.namespace, labels: { "app.kubernetes.io/managed-by": "vca-cdktf" } },
        provider: props.providers?.kubernetes,
      });
    }
    const secretName = this.resolveSecret(props);

    const env: Record<string, unknown> = { ...configEnv };
    // The chart's sample CREDS_*/JWT_* defaults are public: delete them (null) so only the secret supplies them.
    for (const key of LIBRECHAT_REQUIRED_SECRETS) env[key] = null;
    const ours: Record<string, unknown> = {
      global: { librechat: { existingSecretName: secretName } },
      image: { registry: registries.librechat, ...(props.imageTag ? { tag: props.imageTag } : {}) },
      ingress: props.ingressHost
        ? { enabled: true, hosts: [{ host: this.ingressHost(props.ingressHost), paths: [{ path: "/", pathType: "Prefix" }] }] }
        : { enabled: false },
      librechat: { configEnv: env, existingSecretName: secretName },
      meilisearch: { image: { repository: `${registries.meilisearch === "docker.io" ? "" : `${registries.meilisearch}/`}getmeili/meilisearch` } },
      mongodb: { image: { registry: registries.mongodb, repository: "bitnamilegacy/mongodb" } },
    };
    if (props.nameOverride) ours.nameOverride = appName;
    if (props.configYamlContent !== undefined) (ours.librechat as Record<string, unknown>).configYamlContent = props.configYamlContent;

    const ordering: ITerraformDependable[] = [
      ...(this.namespaceResource ? [this.namespaceResource] : []),
      ...(this.secret ? [this.secret] : []),
      ...(props.firewallChart?.dependable ?? []),
      ...(props.podSnat?.dependable ?? []),
      ...(props.dependsOn ?? []),
    ];
    let values = mergeValues(props.values ?? {}, ours);
    if (props.mitmCa) {
      const cm = props.mitmCa.configMapFor(this.namespace);
      const trust = props.mitmCa.trustSnippets([CaTrustRuntime.NODE]);
      const user = props.values ?? {};
      values = mergeValues(values, {
        librechat: { configEnv: { ...env, ...trust.env } },
        podAnnotations: { ...((user.podAnnotations as Record<string, string>) ?? {}), ...trust.podAnnotations },
        volumeMounts: [...((user.volumeMounts as unknown[]) ?? []), trust.volumeMount],
        volumes: [...((user.volumes as unknown[]) ?? []), trust.volume],
      });
      ordering.push(cm);
    }
    checkValuesSecrets(this, values);
    this.release = new Release(this, "release", {
      name: this.releaseName,
      repository: LIBRECHAT_CHART_REPOSITORY,
      chart: LIBRECHAT_CHART_NAME,
      version: chartVersion,
      namespace: this.namespace,
      createNamespace: false,
      values: renderHelmValues(values),
      provider: props.providers?.helm,
      dependsOn: ordering.length > 0 ? ordering : undefined,
    });
    this.dependable = [this.release];
  }

  /**
   * Preflight: TLS decryption (with `mitmCa`) needs controller >= 9.0 (AVX-CTRL3). URL-path
   * visibility is decided by the policy's URL WebGroups (AVX-DCF4), not by this construct.
   */
  /** @internal */
  public [PREFLIGHT_FACTS](): readonly PreflightFact[] {
    return [
      { kind: "librechat", tlsDecryption: this.tlsDecryption, urlPathVisibility: false },
      { kind: "helm-chart", chart: "librechat", version: this.chartVersion, address: terraformAddressOf(this.release) },
    ];
  }

  private resolveRegistries(given: LibreChatImageRegistries | undefined): Required<LibreChatImageRegistries> {
    const out = { ...LIBRECHAT_DEFAULT_REGISTRIES, ...(given ?? {}) } as Record<string, string>;
    for (const [name, host] of Object.entries(out).sort()) {
      if (typeof host !== "string" || Token.isUnresolved(host) || !HOST.test(host)) {
        throw new ConstructPropsError(
          this,
          `imageRegistries.${name}`,
          host,
          `a registry host such as "ghcr.io" or "registry.example.com:5000" (no scheme, no path)`,
        );
      }
    }
    return out as Required<LibreChatImageRegistries>;
  }

  private resolveSecret(props: LibreChatProps): string {
    if (props.existingSecretName !== undefined) {
      if (props.secretEnv)
        throw new ConstructPropsError(
          this,
          "secretEnv",
          described("both secretEnv and existingSecretName"),
          "one of secretEnv or existingSecretName",
          "keep one",
        );
      return literalName(this, "existingSecretName", props.existingSecretName);
    }
    const entries = requireSecretReferences(this, "secretEnv", props.secretEnv ?? {});
    const missing = LIBRECHAT_REQUIRED_SECRETS.filter((k) => !entries.some(([name]) => name === k));
    if (missing.length > 0) {
      throw new ConstructPropsError(
        this,
        "secretEnv",
        described(`no ${missing.join(", ")}`),
        `every secret LibreChat needs (${LIBRECHAT_REQUIRED_SECRETS.join(", ")})`,
        "pass them as sensitive variables (openssl rand -hex 32 / -hex 16) or set existingSecretName",
      );
    }
    const name = "librechat-credentials-env";
    (this as { secret?: SecretV1 }).secret = sensitiveEnvSecret(this, "credentials", {
      name,
      namespace: this.namespace,
      entries,
      provider: props.providers?.kubernetes,
      dependsOn: this.namespaceResource ? [this.namespaceResource] : undefined,
    });
    return name;
  }

  private ingressHost(host: string): string {
    if (Token.isUnresolved(host)) return host;
    if (!HOST.test(host) || host.includes(":")) throw new ConstructPropsError(this, "ingressHost", host, `a DNS name such as "chat.example.com"`);
    return host;
  }
}

function literalName(scope: Construct, prop: string, value: string): string {
  if (typeof value !== "string" || Token.isUnresolved(value) || !DNS1123_LABEL.test(value)) {
    throw new ConstructPropsError(scope, prop, value, `a literal DNS-1123 label (lower-case letters, digits, '-')`);
  }
  return value;
}

function checkConfigYaml(scope: Construct, content: string | undefined): void {
  if (content === undefined || Token.isUnresolved(content)) return;
  let doc: unknown;
  try {
    // The shared bounded loader (same limits as `vca shim librechat`): no alias bomb reaches synth.
    doc = loadYamlBounded(content, "configYamlContent", "LibreChat config", { maxBytes: MAX_FILE_BYTES });
  } catch (e) {
    if (e instanceof YamlSyntaxError) {
      const where = e.line !== undefined ? ` at line ${e.line}, column ${e.column}` : "";
      throw new ConstructPropsError(
        scope,
        "configYamlContent",
        described(`text that is not valid YAML${where}: ${e.reason}`),
        "a librechat.yaml document",
        "fix the YAML syntax",
      );
    }
    if (e instanceof InputFileError)
      throw new ConstructPropsError(
        scope,
        "configYamlContent",
        described(`text that ${e.problem}`),
        "a librechat.yaml the shim's bounded loader accepts",
        "remove the oversized, binary or alias-expanded content",
      );
    throw e;
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc) || !("version" in doc)) {
    throw new ConstructPropsError(
      scope,
      "configYamlContent",
      described("a document without a top-level `version`"),
      "a librechat.yaml (a mapping with a top-level `version`)",
      "pass the content of librechat.yaml",
    );
  }
  // The content goes verbatim into the Helm values in cdk.tf.json: credentials must be references.
  const secrets = findLiteralSecrets(doc);
  if (secrets.length > 0) {
    throw new ConstructPropsError(
      scope,
      secrets.length === 1 ? `configYamlContent.${secrets[0].path}` : "configYamlContent",
      described(secrets.length === 1 ? "a literal secret" : `${secrets.length} literal secrets (${secrets.map((x) => x.path).join(", ")})`),
      "no literal credentials: the content is rendered into cdk.tf.json and a ConfigMap",
      'use "${ENV_VAR}" (LibreChat substitutes it from secretEnv at runtime), "user_provided", or leave it empty',
    );
  }
}

function checkConfigEnv(scope: Construct, env: { readonly [name: string]: string }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(env).sort()) {
    const value: unknown = env[name];
    if (value !== null && typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new ConstructPropsError(scope, `configEnv.${name}`, value, "a string (an environment variable value)");
    }
    // By name (LDAP_BIND_CREDENTIALS, OPENAI_API_KEYS, EMAIL_PASS…) and by value (MONGO_URI with a password, an sk-… key).
    const valueReason = typeof value === "string" && !Token.isUnresolved(value) ? secretReason(name, value) : undefined;
    if (valueReason !== undefined && !isSecretName(name)) {
      throw new ConstructPropsError(
        scope,
        `configEnv.${name}`,
        described(`a value that holds a credential (${valueReason})`),
        "non-secret settings (configEnv is rendered into a ConfigMap and cdk.tf.json)",
        "move it to secretEnv as a sensitive variable",
      );
    }
    if (SECRET_LOOKING.test(name) || isSecretName(name) || (LIBRECHAT_REQUIRED_SECRETS as readonly string[]).includes(name)) {
      throw new ConstructPropsError(
        scope,
        `configEnv.${name}`,
        described("a variable that looks like a secret"),
        "non-secret settings (configEnv is rendered into a ConfigMap and cdk.tf.json)",
        "move it to secretEnv as a sensitive variable",
      );
    }
    out[name] = env[name];
  }
  return out;
}

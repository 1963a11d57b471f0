import { Construct } from "constructs";
import { KubernetesCluster, KubernetesClusterClusterDetails } from "../../aviatrix/gen/providers/aviatrix/kubernetes-cluster";
import { Fn, ITerraformDependable, TerraformProvider, Token } from "../../core/cdktf";
import { PREFLIGHT_FACTS, type PreflightFact, type PreflightFactSource } from "../../preflight/facts";
import { clusterKeyOf } from "./cluster-key";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { K8sFirewallChart } from "./k8s-firewall-chart";
import { KubernetesCloud, KUBERNETES_CLOUDS } from "./kubernetes-cloud";
import { sortedByKey } from "../../dcf/builder/canonical";
import { checkBooleanProps } from "../../core/prop-types";
import { own } from "../../util/own";

/** How the controller reads the cluster: the cloud account's credentials, or a kubeconfig. */
export interface OnboardingCredentials {
  /** Use the onboarded cloud account (AWS/Azure). */
  readonly useCspCredentials?: boolean;
  /**
   * Kubeconfig content (cert/token based, with `preferences: {}`; exec plugins are rejected by
   * the controller). Must be a Terraform reference or sensitive variable, never a literal.
   */
  readonly kubeConfig?: string;
}

/** cluster_details for clusters the CSP does not manage (cloud CUSTOM). */
export interface CustomClusterDetails {
  readonly accountName: string;
  readonly accountId: string;
  readonly name: string;
  readonly region: string;
  readonly vpcId: string;
  readonly isPubliclyAccessible: boolean;
  /** e.g. "kubeadm", "kops". */
  readonly platform: string;
  readonly version: string;
  /** @default "FLAT" - pod IPs routable in the VPC (recommended; OVERLAY only supports Service groups as destinations) */
  readonly networkMode?: "FLAT" | "OVERLAY";
  readonly project?: string;
  readonly compartment?: string;
  readonly tags?: { readonly [key: string]: string };
}

export interface KubernetesClusterOnboardingProps {
  readonly cloud: KubernetesCloud;
  /**
   * The cluster's id as the controller knows it: EKS cluster ARN, AKS resource id, GKE cluster
   * self link (https://container.googleapis.com/v1/projects/…/clusters/…), any unique id for CUSTOM.
   * A Terraform reference (e.g. `eksCluster.arn`) is accepted as is.
   */
  readonly clusterId: string;
  /**
   * Create aviatrix_kubernetes_cluster. On EKS the controller auto-discovers clusters in
   * onboarded accounts and explicit registration has been reported to fail with HTTP 409,
   * so EKS defaults to discovery; `clusterId` is still exposed for SmartGroup selectors.
   * @default - false on EKS, true elsewhere
   */
  readonly register?: boolean;
  /** @default - { useCspCredentials: true } on EKS and AKS; required on GKE and CUSTOM */
  readonly credentials?: OnboardingCredentials;
  /**
   * AKS only: send the resource id lower-cased (provider docs) or as given (a blueprint saw HTTP
   * 500 with lower-case ids on some controllers).
   * @default "lower"
   */
  readonly aksClusterIdCase?: "lower" | "asIs";
  /** Required for CUSTOM clusters, rejected otherwise (the CSP provides these). @default - none */
  readonly clusterDetails?: CustomClusterDetails;
  /** East-west inspection inside the cluster (controller feature k8s_network_policy). @default - provider default (off) */
  readonly intraClusterInspection?: boolean;
  /**
   * The CRD chart; onboarding waits for it because the controller caches a missing CRD on first
   * connect. @default - no CRD ordering (install the chart yourself before onboarding)
   */
  readonly firewallChart?: K8sFirewallChart;
  /** Aviatrix provider for the resource. @default - the stack's default aviatrix provider */
  readonly aviatrixProvider?: TerraformProvider;
  /** Further resources to wait for (cluster, node groups, access entries). @default - none */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Which cluster this is, for preflight (matches the chart, pod SNAT, FirewallPolicies, Obot).
   * @default - the `firewallChart`'s cluster key, else "default"
   */
  readonly clusterKey?: string;
}

const EKS_ARN = /^arn:aws[a-z-]*:eks:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const AKS_ID = /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.containerservice\/managedclusters\/[^/]+$/i;
const GKE_SELF_LINK = /^https:\/\/container\.googleapis\.com\/v1(beta1)?\/projects\/[^/]+\/(locations|zones)\/[^/]+\/clusters\/[^/]+$/;

const ID_FORMS: Record<Exclude<KubernetesCloud, KubernetesCloud.CUSTOM>, { pattern: RegExp; want: string }> = {
  [KubernetesCloud.EKS]: { pattern: EKS_ARN, want: "an EKS cluster ARN (arn:aws:eks:<region>:<account>:cluster/<name>)" },
  [KubernetesCloud.AKS]: {
    pattern: AKS_ID,
    want: "an AKS resource id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.ContainerService/managedClusters/<name>)",
  },
  [KubernetesCloud.GKE]: {
    pattern: GKE_SELF_LINK,
    want: "a GKE cluster self link (https://container.googleapis.com/v1/projects/<p>/locations/<loc>/clusters/<name>)",
  },
};

/**
 * Onboards a cluster to Aviatrix DCF (aviatrix_kubernetes_cluster) so SmartGroups can select
 * pods by cluster, namespace and labels, and FirewallPolicy CRDs are enforced.
 * Prerequisites the construct cannot check: DCF and "Kubernetes Resource Discovery" enabled,
 * the API server reachable from the controller, pod SNAT off (`PodSnatDisabled`).
 */
export class KubernetesClusterOnboarding extends Construct implements PreflightFactSource {
  public readonly cloud: KubernetesCloud;
  /** The id to use as `k8s_cluster_id` in SmartGroup selectors (what the controller registers). */
  public readonly clusterId: string;
  /** The aviatrix_kubernetes_cluster resource, when registered explicitly. */
  public readonly resource?: KubernetesCluster;
  /** What later resources should depend on (the registration, else the CRD chart). */
  public readonly dependable: ITerraformDependable[];
  /** The preflight cluster key (see `clusterKey` prop). */
  public readonly clusterKey: string;
  /** What the registration waits for (chart first), as given; read by preflight. */
  private readonly ordering: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: KubernetesClusterOnboardingProps) {
    super(scope, id);
    checkBooleanProps(this, props, ["useCspCredentials", "register", "intraClusterInspection"]);
    if (!KUBERNETES_CLOUDS.includes(props.cloud)) {
      throw new ConstructPropsError(this, "cloud", props.cloud, `one of ${KUBERNETES_CLOUDS.join(", ")}`);
    }
    this.cloud = props.cloud;
    this.clusterKey = props.clusterKey ?? props.firewallChart?.clusterKey ?? clusterKeyOf(undefined);
    this.clusterId = this.resolveClusterId(props);
    const register = props.register ?? props.cloud !== KubernetesCloud.EKS;
    const details = this.resolveDetails(props);
    const ordering: ITerraformDependable[] = [...(props.firewallChart?.dependable ?? []), ...(props.dependsOn ?? [])];
    this.ordering = ordering;

    if (!register) {
      if (props.credentials || props.clusterDetails || props.intraClusterInspection !== undefined) {
        throw new ConstructPropsError(
          this,
          "register",
          false,
          "true when credentials, clusterDetails or intraClusterInspection are set (they would be ignored)",
          "remove them or set register: true",
        );
      }
      this.dependable = ordering;
      return;
    }
    const credentials = this.resolveCredentials(props);
    this.resource = new KubernetesCluster(this, "cluster", {
      clusterId: this.clusterId,
      useCspCredentials: credentials.useCspCredentials,
      kubeConfig: credentials.kubeConfig,
      clusterDetails: details,
      intraClusterInspectionEnabled: props.intraClusterInspection,
      provider: props.aviatrixProvider,
      dependsOn: ordering.length > 0 ? ordering : undefined,
    });
    this.dependable = [this.resource];
  }

  /**
   * Preflight: the onboarding (cluster id for k8s SmartGroups, what it waits for) and the
   * cluster itself, whose pods must reach the gateway un-SNATed (AVX-K8S1, AVX-K8S2, AVX-K8S4).
   * A cluster id only known at plan time matches every selector.
   */
  /** @internal */
  public [PREFLIGHT_FACTS](): readonly PreflightFact[] {
    const waitsFor = this.resource ? (this.resource.dependsOn ?? []) : this.ordering.map((d) => d.fqn);
    return [
      {
        kind: "cluster-onboarding",
        clusterKey: this.clusterKey,
        cloud: this.cloud.toLowerCase() as "aks" | "eks" | "gke" | "custom",
        ...(Token.isUnresolved(this.clusterId) ? {} : { clusterId: this.clusterId }),
        dependsOn: waitsFor,
      },
    ];
  }

  private resolveClusterId(props: KubernetesClusterOnboardingProps): string {
    const raw = props.clusterId;
    if (typeof raw !== "string" || raw.trim() === "") {
      throw new ConstructPropsError(this, "clusterId", raw, `the cluster's id (EKS ARN, AKS resource id, GKE self link)`);
    }
    const lower = props.cloud === KubernetesCloud.AKS && (props.aksClusterIdCase ?? "lower") === "lower";
    if (props.aksClusterIdCase !== undefined && props.cloud !== KubernetesCloud.AKS) {
      throw new ConstructPropsError(this, "aksClusterIdCase", described(`a value with cloud ${props.cloud}`), "unset: it applies to AKS only", "remove it");
    }
    if (Token.isUnresolved(raw)) return lower ? Fn.lower(raw) : raw;
    if (props.cloud !== KubernetesCloud.CUSTOM) {
      const form = own(ID_FORMS, props.cloud);
      if (form === undefined) throw new ConstructPropsError(this, "cloud", props.cloud, `one of ${Object.values(KubernetesCloud).join(", ")}`);
      if (!form.pattern.test(raw)) {
        throw new ConstructPropsError(this, "clusterId", raw, `${form.want}`, `pass the cluster resource's attribute to avoid typos`);
      }
    }
    return lower ? raw.toLowerCase() : raw;
  }

  private resolveCredentials(props: KubernetesClusterOnboardingProps): OnboardingCredentials {
    const given = props.credentials;
    if (!given) {
      if (props.cloud === KubernetesCloud.EKS || props.cloud === KubernetesCloud.AKS) return { useCspCredentials: true };
      throw new ConstructPropsError(
        this,
        "credentials",
        undefined,
        `credentials on ${props.cloud}`,
        "set { useCspCredentials: true } (account-based discovery) or { kubeConfig: <sensitive variable or reference> }",
      );
    }
    const hasKube = given.kubeConfig !== undefined;
    if (given.useCspCredentials && hasKube) {
      throw new ConstructPropsError(this, "credentials", described("both useCspCredentials and kubeConfig"), "exactly one of them", "choose one");
    }
    if (!given.useCspCredentials && !hasKube) {
      throw new ConstructPropsError(this, "credentials", described("neither useCspCredentials: true nor kubeConfig"), "exactly one of them", "choose one");
    }
    if (hasKube && (typeof given.kubeConfig !== "string" || !Token.isUnresolved(given.kubeConfig))) {
      throw new ConstructPropsError(
        this,
        "credentials.kubeConfig",
        described("a literal string"),
        "a Terraform reference or a sensitive TerraformVariable: a literal kubeconfig would be written into cdk.tf.json",
      );
    }
    return hasKube ? { kubeConfig: given.kubeConfig } : { useCspCredentials: true };
  }

  private resolveDetails(props: KubernetesClusterOnboardingProps): KubernetesClusterClusterDetails | undefined {
    const d = props.clusterDetails;
    if (props.cloud !== KubernetesCloud.CUSTOM) {
      if (d)
        throw new ConstructPropsError(
          this,
          "clusterDetails",
          described("cluster details"),
          `unset: they are only for CUSTOM clusters, ${props.cloud} provides them to the controller`,
          "remove it",
        );
      return undefined;
    }
    if (!d) {
      throw new ConstructPropsError(
        this,
        "clusterDetails",
        undefined,
        "cluster details for CUSTOM clusters (account, name, region, vpcId, platform, version, isPubliclyAccessible)",
        "set clusterDetails",
      );
    }
    const mode = d.networkMode ?? "FLAT";
    if (mode !== "FLAT" && mode !== "OVERLAY") {
      throw new ConstructPropsError(this, "clusterDetails.networkMode", mode, `FLAT or OVERLAY`);
    }
    return {
      accountName: d.accountName,
      accountId: d.accountId,
      name: d.name,
      region: d.region,
      vpcId: d.vpcId,
      isPubliclyAccessible: d.isPubliclyAccessible,
      platform: d.platform,
      version: d.version,
      networkMode: mode,
      project: d.project,
      compartment: d.compartment,
      tags: d.tags ? sortedByKey(d.tags) : undefined,
    };
  }
}

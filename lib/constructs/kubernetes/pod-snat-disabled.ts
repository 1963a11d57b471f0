import { Construct } from "constructs";
import { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import { ConfigMapV1 } from "@cdktf/provider-kubernetes/lib/config-map-v1";
import { ConfigMapV1Data } from "@cdktf/provider-kubernetes/lib/config-map-v1-data";
import { Env } from "@cdktf/provider-kubernetes/lib/env";
import { ITerraformDependable, TerraformResource } from "../../core/cdktf";
import { PREFLIGHT_FACTS, type PreflightFact, type PreflightFactSource } from "../../preflight/facts";
import { clusterKeyOf } from "./cluster-key";
import { IClusterProviderSet } from "./cluster-providers";
import type { GkeSnatClusterShape } from "./cluster-shapes";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { KubernetesCloud } from "./kubernetes-cloud";
import { sortedByKey } from "../../dcf/builder/canonical";
import { checkBooleanProps } from "../../core/prop-types";

// Facts: research docs/research/k8s-obot-crds.md §5.3 and docs/research/cloud-stacks.md §5. DCF only sees pod identities if
// pod source IPs reach the spoke gateway unchanged; the spoke then SNATs to its own IP.

/** Everything non-masqueraded: the ip-masq-agent config the AKS/GKE agents read (re-read every 60 s). */
export const IP_MASQ_AGENT_CONFIG = "nonMasqueradeCIDRs:\n  - 0.0.0.0/0\nmasqLinkLocal: false\n";
/** The vpc-cni setting that leaves pod IPs un-SNATed (needs nodes in private subnets). */
export const EKS_EXTERNAL_SNAT_ENV = "AWS_VPC_K8S_CNI_EXTERNALSNAT";

const PRESENCE = Symbol.for("vca-cdktf.PodSnatDisabled");

/** How EKS gets AWS_VPC_K8S_CNI_EXTERNALSNAT=true. */
export enum EksSnatMethod {
  /** An aws_eks_addon "vpc-cni" whose configuration_values set the env (the blueprint way). */
  ADDON = "addon",
  /** Patch the env of the aws-node DaemonSet (kubernetes_env) when the add-on is not managed here. */
  DAEMONSET_ENV = "daemonset-env",
  /**
   * No resources: the cluster owner's own vpc-cni add-on already sets the env (an existing
   * cluster whose add-on this stack must not take over). Only the preflight fact is declared.
   */
  DECLARED = "declared",
}

export interface EksPodSnatOptions {
  /** Name of the EKS cluster (a reference such as `cluster.name` is fine). */
  readonly clusterName: string;
  /** @default EksSnatMethod.ADDON */
  readonly method?: EksSnatMethod;
  /** vpc-cni add-on version. @default - the add-on default for the cluster version */
  readonly addonVersion?: string;
  /** IRSA role for the vpc-cni service account (AmazonEKS_CNI_Policy). @default - node role */
  readonly serviceAccountRoleArn?: string;
  /** Further vpc-cni env settings to keep in the same configuration_values. @default - none */
  readonly extraEnv?: { readonly [name: string]: string };
}

export interface AksPodSnatOptions {
  /**
   * CREATE writes the azure-ip-masq-agent-config ConfigMap (Azure CNI); PATCH takes over only its
   * data with force (Azure CNI powered by Cilium, where AKS may already manage the map).
   * @default "create"
   */
  readonly mode?: "create" | "patch";
}

export interface GkePodSnatOptions {
  /**
   * The VPC-native cluster; `default_snat_status { disabled = true }` is set on it.
   * TypeScript-only (a structural type; README "jsii").
   * @default - not set here: apply `PodSnatDisabled.GKE_DEFAULT_SNAT_STATUS` in your cluster props
   * @jsii ignore
   */
  readonly cluster?: GkeSnatClusterShape;
  /** Also write kube-system/ip-masq-agent (when the ip-masq-agent DaemonSet runs). @default false */
  readonly ipMasqAgentConfigMap?: boolean;
}

export interface PodSnatDisabledProps {
  readonly cloud: KubernetesCloud;
  /** Required when cloud is EKS. */
  readonly eks?: EksPodSnatOptions;
  /** Options when cloud is AKS. @default - create the ConfigMap */
  readonly aks?: AksPodSnatOptions;
  /** Options when cloud is GKE. @default - marker only (the cluster construct applies the setting) */
  readonly gke?: GkePodSnatOptions;
  /** @default - the stack's default kubernetes provider */
  readonly providers?: IClusterProviderSet;
  /** @default - none */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Which cluster this is, for preflight (matches the chart, onboarding, FirewallPolicies, Obot).
   * On EKS with the add-on method `providers` is not used for resources; pass it (or this) anyway.
   * @default - the path of the KubernetesProviders in `providers`, else "default"
   */
  readonly clusterKey?: string;
}

/**
 * Keeps pod source IPs un-SNATed on the nodes so DCF SmartGroups can match pods.
 * Declares the preflight fact that pod SNAT is off on its cluster (`clusterKey`; AVX-K8S1).
 */
export class PodSnatDisabled extends Construct implements PreflightFactSource {
  /**
   * `default_snat_status` for google_container_cluster props (VPC-native clusters).
   * TypeScript-only: a props fragment.
   * @jsii ignore
   */
  public static readonly GKE_DEFAULT_SNAT_STATUS = { disabled: true } as const;

  /** Brand check that works across package copies (no instanceof). */
  public static isPodSnatDisabled(x: unknown): x is PodSnatDisabled {
    return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[PRESENCE] === true;
  }

  /** vpc-cni configuration_values JSON with external SNAT on (keys sorted). */
  public static eksVpcCniConfigurationValues(extraEnv: { readonly [name: string]: string } = {}): string {
    if (EKS_EXTERNAL_SNAT_ENV in extraEnv && extraEnv[EKS_EXTERNAL_SNAT_ENV] !== "true") {
      throw new ConstructPropsError(
        { path: "PodSnatDisabled.eksVpcCniConfigurationValues()", construct: "PodSnatDisabled" },
        `eks.extraEnv.${EKS_EXTERNAL_SNAT_ENV}`,
        extraEnv[EKS_EXTERNAL_SNAT_ENV],
        `"true" or unset`,
      );
    }
    return JSON.stringify({ env: vpcCniEnv(extraEnv) });
  }

  public readonly podSnatDisabled = true as const;
  public readonly cloud: KubernetesCloud;
  /** The resources that turn SNAT off (empty for GKE when the cluster construct applies it). */
  public readonly resources: TerraformResource[] = [];
  public readonly dependable: ITerraformDependable[];
  /** The preflight cluster key (see `clusterKey` prop). */
  public readonly clusterKey: string;

  constructor(scope: Construct, id: string, props: PodSnatDisabledProps) {
    super(scope, id);
    checkBooleanProps(this, props, ["ipMasqAgentConfigMap"]);
    Object.defineProperty(this, PRESENCE, { value: true });
    this.cloud = props.cloud;
    this.clusterKey = clusterKeyOf(props.clusterKey, props.providers);
    const misplaced = (["eks", "aks", "gke"] as const).filter((k) => props[k] !== undefined && k.toUpperCase() !== props.cloud);
    if (misplaced.length > 0) {
      throw new ConstructPropsError(
        this,
        misplaced[0],
        described(`options for another cloud (cloud is ${props.cloud})`),
        `only options for ${props.cloud}`,
        "remove it",
      );
    }
    switch (props.cloud) {
      case KubernetesCloud.AKS:
        this.renderAks(props);
        break;
      case KubernetesCloud.EKS:
        this.renderEks(props);
        break;
      case KubernetesCloud.GKE:
        this.renderGke(props);
        break;
      default:
        throw new ConstructPropsError(this, "cloud", props.cloud, `EKS, AKS or GKE (for CUSTOM clusters turn masquerading off in your CNI)`);
    }
    this.dependable = [...this.resources];
  }

  /** Preflight: pod SNAT is off on this cluster (AVX-K8S1). */
  /** @internal */
  public [PREFLIGHT_FACTS](): readonly PreflightFact[] {
    return [{ kind: "kubernetes-cluster", clusterKey: this.clusterKey, cloud: this.cloud.toLowerCase() as "aks" | "eks" | "gke", podSnatDisabled: true }];
  }

  private renderAks(props: PodSnatDisabledProps): void {
    const mode = props.aks?.mode ?? "create";
    const metadata = { name: "azure-ip-masq-agent-config", namespace: "kube-system" };
    const data = { "ip-masq-agent": IP_MASQ_AGENT_CONFIG };
    if (mode === "create") {
      this.resources.push(
        new ConfigMapV1(this, "ip-masq-agent", {
          metadata: {
            ...metadata,
            labels: {
              "addonmanager.kubernetes.io/mode": "EnsureExists",
              component: "ip-masq-agent",
              "kubernetes.io/cluster-service": "true",
            },
          },
          data,
          provider: props.providers?.kubernetes,
          dependsOn: props.dependsOn,
        }),
      );
    } else if (mode === "patch") {
      this.resources.push(
        new ConfigMapV1Data(this, "ip-masq-agent", { metadata, data, force: true, provider: props.providers?.kubernetes, dependsOn: props.dependsOn }),
      );
    } else {
      throw new ConstructPropsError(this, "aks.mode", mode, `"create" or "patch"`);
    }
  }

  private renderEks(props: PodSnatDisabledProps): void {
    const eks = props.eks;
    if (!eks || typeof eks.clusterName !== "string" || eks.clusterName === "") {
      throw new ConstructPropsError(this, "eks.clusterName", eks?.clusterName, `the EKS cluster name (e.g. cluster.name)`);
    }
    const snatEnv = eks.extraEnv?.[EKS_EXTERNAL_SNAT_ENV];
    if (snatEnv !== undefined && snatEnv !== "true") {
      throw new ConstructPropsError(this, `eks.extraEnv.${EKS_EXTERNAL_SNAT_ENV}`, snatEnv, `"true" or unset: pod SNAT must stay off for DCF to see pod IPs`);
    }
    const method = eks.method ?? EksSnatMethod.ADDON;
    if (method === EksSnatMethod.ADDON) {
      this.resources.push(
        new EksAddon(this, "vpc-cni", {
          clusterName: eks.clusterName,
          addonName: "vpc-cni",
          addonVersion: eks.addonVersion,
          serviceAccountRoleArn: eks.serviceAccountRoleArn,
          configurationValues: PodSnatDisabled.eksVpcCniConfigurationValues(eks.extraEnv),
          resolveConflictsOnCreate: "OVERWRITE",
          resolveConflictsOnUpdate: "OVERWRITE",
          dependsOn: props.dependsOn,
        }),
      );
      return;
    }
    if (method === EksSnatMethod.DECLARED) {
      if (eks.addonVersion !== undefined || eks.serviceAccountRoleArn !== undefined || eks.extraEnv !== undefined) {
        throw new ConstructPropsError(
          this,
          "eks.method",
          "declared",
          `"addon" when addonVersion, serviceAccountRoleArn or extraEnv is set (declared creates nothing)`,
          "remove them or use the addon method",
        );
      }
      return;
    }
    if (method !== EksSnatMethod.DAEMONSET_ENV) {
      throw new ConstructPropsError(this, "eks.method", method, `"addon", "daemonset-env" or "declared"`);
    }
    if (eks.addonVersion !== undefined || eks.serviceAccountRoleArn !== undefined) {
      throw new ConstructPropsError(
        this,
        "eks.method",
        "daemonset-env",
        `"addon" when addonVersion or serviceAccountRoleArn is set (daemonset-env would ignore them)`,
        "remove them or use the addon method",
      );
    }
    const env = vpcCniEnv(eks.extraEnv);
    this.resources.push(
      new Env(this, "aws-node-env", {
        apiVersion: "apps/v1",
        kind: "DaemonSet",
        metadata: { name: "aws-node", namespace: "kube-system" },
        container: "aws-node",
        env: Object.entries(env).map(([name, value]) => ({ name, value })),
        force: true,
        provider: props.providers?.kubernetes,
        dependsOn: props.dependsOn,
      }),
    );
  }

  private renderGke(props: PodSnatDisabledProps): void {
    const gke = props.gke ?? {};
    if (gke.cluster) {
      gke.cluster.putDefaultSnatStatus({ ...PodSnatDisabled.GKE_DEFAULT_SNAT_STATUS });
      // The user's google_container_cluster: a TerraformResource of the app's core at runtime.
      this.resources.push(gke.cluster as unknown as TerraformResource);
    }
    if (gke.ipMasqAgentConfigMap) {
      this.resources.push(
        new ConfigMapV1(this, "ip-masq-agent", {
          metadata: { name: "ip-masq-agent", namespace: "kube-system" },
          data: { config: IP_MASQ_AGENT_CONFIG },
          provider: props.providers?.kubernetes,
          dependsOn: props.dependsOn,
        }),
      );
    }
  }
}

/** The aws-node env: `extraEnv` plus AWS_VPC_K8S_CNI_EXTERNALSNAT=true, names sorted. */
function vpcCniEnv(extraEnv: { readonly [name: string]: string } = {}): Record<string, string> {
  const env: Record<string, string> = { ...extraEnv, [EKS_EXTERNAL_SNAT_ENV]: "true" };
  return sortedByKey(env);
}

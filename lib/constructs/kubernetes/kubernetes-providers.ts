import { Construct } from "constructs";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Fn, TerraformProvider, Token } from "../../core/cdktf";
import { KUBERNETES_PROVIDERS_BRAND } from "./cluster-key";
import { IClusterProviderSet } from "./cluster-providers";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { KubernetesCloud } from "./kubernetes-cloud";
import { checkBooleanProps } from "../../core/prop-types";
import type { AksClusterShape, GkeClusterShape } from "./cluster-shapes";

// The cloud data sources load only for the cloud asked for: an AKS or GKE stack does not pay for
// the AWS bindings, nor an EKS stack for the Google one (docs/ARCHITECTURE.md §7 cold synth).
const eksClusterData = () =>
  (require("@cdktf/provider-aws/lib/data-aws-eks-cluster") as typeof import("@cdktf/provider-aws/lib/data-aws-eks-cluster")).DataAwsEksCluster;

/**
 * The EKS token comes from the `aws eks get-token` exec plugin, minted each time a provider
 * connects: a `data.aws_eks_cluster_auth` token is minted at plan and expires after 15 minutes,
 * before a cluster, node group and gateway apply reaches the Kubernetes resources
 * (hashicorp/terraform-provider-aws#16415; the vendor's aws-eks-multicluster nodes/<cluster>/main.tf use the plugin).
 */
export const EKS_EXEC_API_VERSION = "client.authentication.k8s.io/v1beta1";
const googleClientConfig = () =>
  (require("@cdktf/provider-google/lib/data-google-client-config") as typeof import("@cdktf/provider-google/lib/data-google-client-config"))
    .DataGoogleClientConfig;

// Facts: docs/research/cloud-stacks.md §5. The helm provider 3.x (cdktf 12.1.2) takes `kubernetes`
// as a single object; the kubernetes provider keeps its own flat arguments.

/** Connection settings shared by both providers. */
interface Connection {
  readonly host?: string;
  readonly clusterCaCertificate?: string;
  readonly token?: string;
  readonly exec?: { readonly apiVersion: string; readonly command: string; readonly args: string[]; readonly env?: { [k: string]: string } };
  readonly clientCertificate?: string;
  readonly clientKey?: string;
  readonly configPath?: string;
  readonly configContext?: string;
}

/** Options every KubernetesProviders factory takes. */
export interface KubernetesProvidersBaseOptions {
  /** Provider alias, needed when a stack talks to more than one cluster. @default - default providers */
  readonly alias?: string;
}

export interface EksProvidersOptions extends KubernetesProvidersBaseOptions {
  /** Cluster name (a literal or a reference such as `eksCluster.name`). */
  readonly clusterName: string;
  /**
   * The cluster's endpoint and base64 CA, when the cluster is in the same stack
   * (`eksCluster.endpoint`, `eksCluster.certificateAuthority.get(0).data`).
   * @default - read with data aws_eks_cluster
   */
  readonly endpoint?: string;
  readonly certificateAuthorityData?: string;
  /** AWS provider for the data sources. @default - the stack's default aws provider */
  readonly awsProvider?: TerraformProvider;
  /** Region passed to `aws eks get-token`. @default - the AWS CLI's own (AWS_REGION / profile) */
  readonly region?: string;
  /** AWS CLI profile for `aws eks get-token` (match the aws provider's). @default - the AWS CLI's own */
  readonly profile?: string;
  /** Role `aws eks get-token` assumes (match the aws provider's assume_role). @default - none */
  readonly roleArn?: string;
}

export interface AksProvidersOptions extends KubernetesProvidersBaseOptions {
  /** The azurerm_kubernetes_cluster (any provider-azurerm release: a structural type). */
  readonly cluster: AksClusterShape;
  /** Use kube_admin_config (local accounts enabled) instead of kube_config. @default false */
  readonly admin?: boolean;
}

export interface GkeProvidersOptions extends KubernetesProvidersBaseOptions {
  /** The google_container_cluster (any provider-google release: a structural type). */
  readonly cluster: GkeClusterShape;
  /** Google provider for google_client_config. @default - the stack's default google provider */
  readonly googleProvider?: TerraformProvider;
}

export interface KubeconfigProvidersOptions extends KubernetesProvidersBaseOptions {
  /** Path to the kubeconfig file on the machine that runs terraform. */
  readonly configPath: string;
  /** Context to use. @default - the kubeconfig's current context */
  readonly context?: string;
}

/**
 * Kubernetes + Helm providers wired to a cluster: from the EKS, AKS or GKE cluster outputs, or
 * an existing cluster's kubeconfig. Pass the instance as `providers` to the constructs here.
 */
export class KubernetesProviders extends Construct implements IClusterProviderSet {
  /** EKS: endpoint + CA from the cluster; the token from the `aws eks get-token` exec plugin at every connect. */
  public static forEks(scope: Construct, id: string, options: EksProvidersOptions): KubernetesProviders {
    const self = new KubernetesProviders(scope, id, KubernetesCloud.EKS);
    if (typeof options.clusterName !== "string" || options.clusterName === "") {
      throw new ConstructPropsError(self, "clusterName", options.clusterName, `the EKS cluster name`);
    }
    if ((options.endpoint === undefined) !== (options.certificateAuthorityData === undefined)) {
      throw new ConstructPropsError(
        self,
        "endpoint",
        described("only one of endpoint and certificateAuthorityData"),
        "both (cluster in this stack) or neither (read by data source)",
        "set both or remove the one given",
      );
    }
    let endpoint = options.endpoint;
    let caData = options.certificateAuthorityData;
    if (endpoint === undefined) {
      const DataAwsEksCluster = eksClusterData();
      const cluster = new DataAwsEksCluster(self, "eks-cluster", { name: options.clusterName, provider: options.awsProvider });
      endpoint = cluster.endpoint;
      caData = cluster.certificateAuthority.get(0).data;
    }
    const args = ["eks", "get-token", "--cluster-name", options.clusterName];
    if (options.region !== undefined) args.push("--region", options.region);
    if (options.roleArn !== undefined) args.push("--role-arn", options.roleArn);
    if (options.profile !== undefined) args.push("--profile", options.profile);
    self.wire(
      { host: endpoint, clusterCaCertificate: Fn.base64decode(caData!), exec: { apiVersion: EKS_EXEC_API_VERSION, command: "aws", args } },
      options.alias,
    );
    return self;
  }

  /**
   * AKS: host and client certificate/key/CA from the cluster's kube_config (or kube_admin_config).
   * TypeScript-only (the cluster is a structural type; README "jsii").
   * @jsii ignore
   */
  public static forAks(scope: Construct, id: string, options: AksProvidersOptions): KubernetesProviders {
    const self = new KubernetesProviders(scope, id, KubernetesCloud.AKS);
    checkBooleanProps(self, options, ["admin"]);
    const cfg = (options.admin ? options.cluster.kubeAdminConfig : options.cluster.kubeConfig).get(0);
    self.wire(
      {
        host: cfg.host,
        clientCertificate: Fn.base64decode(cfg.clientCertificate),
        clientKey: Fn.base64decode(cfg.clientKey),
        clusterCaCertificate: Fn.base64decode(cfg.clusterCaCertificate),
      },
      options.alias,
    );
    return self;
  }

  /**
   * GKE: https://<endpoint>, an access token from google_client_config, the cluster CA.
   * TypeScript-only (the cluster is a structural type; README "jsii").
   * @jsii ignore
   */
  public static forGke(scope: Construct, id: string, options: GkeProvidersOptions): KubernetesProviders {
    const self = new KubernetesProviders(scope, id, KubernetesCloud.GKE);
    const DataGoogleClientConfig = googleClientConfig();
    const client = new DataGoogleClientConfig(self, "google-client", { provider: options.googleProvider });
    self.wire(
      {
        host: `https://${options.cluster.endpoint}`,
        token: client.accessToken,
        clusterCaCertificate: Fn.base64decode(options.cluster.masterAuth.clusterCaCertificate),
      },
      options.alias,
    );
    return self;
  }

  /** An existing cluster reached through a kubeconfig file and context. */
  public static fromKubeconfig(scope: Construct, id: string, options: KubeconfigProvidersOptions): KubernetesProviders {
    const self = new KubernetesProviders(scope, id, undefined);
    if (typeof options.configPath !== "string" || (options.configPath.trim() === "" && !Token.isUnresolved(options.configPath))) {
      throw new ConstructPropsError(self, "configPath", options.configPath, `a kubeconfig path such as "~/.kube/config"`);
    }
    self.wire({ configPath: options.configPath, configContext: options.context }, options.alias);
    return self;
  }

  /** The cloud the providers were wired from; undefined for kubeconfig mode. */
  public readonly cloud?: KubernetesCloud;
  private kubernetesProvider?: KubernetesProvider;
  private helmProvider?: HelmProvider;

  private constructor(scope: Construct, id: string, cloud: KubernetesCloud | undefined) {
    super(scope, id);
    this.cloud = cloud;
    // Lets constructs deployed with these providers share one preflight cluster key (cluster-key.ts).
    Object.defineProperty(this, KUBERNETES_PROVIDERS_BRAND, { value: true });
  }

  /** The kubernetes provider (always set; typed as in IClusterProviderSet, which jsii requires). */
  public get kubernetes(): TerraformProvider | undefined {
    return this.kubernetesProvider;
  }

  /** The helm provider (always set; typed as in IClusterProviderSet). */
  public get helm(): TerraformProvider | undefined {
    return this.helmProvider;
  }

  private wire(c: Connection, alias: string | undefined): void {
    const { exec, ...rest } = c;
    // The kubernetes provider takes exec as a block list, the helm provider 3.x as one object.
    this.kubernetesProvider = new KubernetesProvider(this, "kubernetes", { ...rest, ...(exec ? { exec: [exec] } : {}), alias });
    this.helmProvider = new HelmProvider(this, "helm", { alias, kubernetes: { ...rest, ...(exec ? { exec } : {}) } });
  }
}

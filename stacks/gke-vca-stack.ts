// GkeVcaStack: LibreChat and/or Obot on GKE behind an Aviatrix spoke gateway with DCF.
// New or existing network and cluster. Egress: private nodes (no external IPs) and the
// controller's priority-991 0/0 → gateway route (9.0+); pod IPs reach the gateway because
// default_snat_status is disabled on the VPC-native cluster. Pods use a secondary range, so the
// node SmartGroup (node subnetwork primary range) never includes pods (docs/research/cloud-stacks.md §2.7, §5).
// The Aviatrix docs list Kubernetes Firewall on AWS/Azure; GKE CRD enforcement is less proven.
import { Construct } from "constructs";
import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { ContainerNodePool } from "@cdktf/provider-google/lib/container-node-pool";
import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { ITerraformDependable, TerraformStack } from "../lib/core/cdktf";
import { KubernetesCloud } from "../lib/constructs/kubernetes/kubernetes-cloud";
import { KubernetesProviders } from "../lib/constructs/kubernetes/kubernetes-providers";
import { PodSnatDisabled } from "../lib/constructs/kubernetes/pod-snat-disabled";
import { Cloud } from "../lib/constructs/network/cloud";
import { GcpSpokeNetwork } from "../lib/constructs/network/gcp-spoke-network";
import { SpokeGateway } from "../lib/constructs/network/spoke-gateway";
import { Select } from "../lib/dcf/builder/selectors";
import { gkeControlPlaneDomains } from "./k8s/cluster-egress-domains";
import { K8sContainment } from "./k8s/k8s-containment";
import { checkLiteral } from "./stack-prop-checks";
import { checkStackTags, GoogleProviderOptions } from "./provider-options";
import { ConstructPropsError } from "../lib/core/construct-props-error";
import { addAviatrixWithPreflight, addK8sSpokeGateway, checkK8sStackProps } from "./k8s/k8s-stack-common";
import { K8sVcaStackProps } from "./k8s/k8s-vca-props";
import { addK8sOutputs } from "./k8s/k8s-outputs";

export interface GkeNewNetworkProps {
  /** Network CIDR, /16 to /24 (gateway and node subnetworks). */
  readonly cidr: string;
  /** Pod range (VPC-native alias IPs). @default "10.100.0.0/16" */
  readonly podCidr?: string;
  /** Service range. @default "10.101.0.0/20" */
  readonly serviceCidr?: string;
}

export interface GkeExistingNetworkProps {
  /** `network~-~project` (VpcId.gcp). */
  readonly vpcId: string;
  readonly gatewaySubnetCidr: string;
  /** Primary range of the node subnetwork (the node SmartGroup). */
  readonly nodeSubnetCidr: string;
}

export interface GkeNewClusterProps {
  /** @default "<namePrefix>-gke" */
  readonly name?: string;
  /** @default "e2-standard-4" */
  readonly machineType?: string;
  /** @default 2 */
  readonly nodeCount?: number;
  /** Control-plane range of the private cluster. @default "172.16.0.32/28" */
  readonly masterCidr?: string;
}

export interface GkeExistingClusterProps {
  /** Cluster self link (onboarding and SmartGroup cluster id). */
  readonly selfLink: string;
  readonly kubeconfigPath: string;
  /** @default - the current context */
  readonly kubeContext?: string;
}

export interface GkeVcaStackProps extends K8sVcaStackProps {
  readonly projectId: string;
  /** Zone of the gateway and the zonal cluster, e.g. "us-central1-a". */
  readonly zone: string;
  readonly newNetwork?: GkeNewNetworkProps;
  readonly existingNetwork?: GkeExistingNetworkProps;
  readonly newCluster?: GkeNewClusterProps;
  readonly existingCluster?: GkeExistingClusterProps;
  /**
   * google provider settings (credentials, impersonate_service_account, ...).
   * TypeScript-only for now: README "jsii".
   * @default - the environment's
   * @jsii ignore
   */
  readonly googleProvider?: GoogleProviderOptions;
  /** Labels on every Google resource (provider default_labels; keys lower-case). @default - none */
  readonly labels?: { readonly [key: string]: string };
}

export class GkeVcaStack extends TerraformStack {
  public readonly spokeGateway: SpokeGateway;
  public readonly cluster?: ContainerCluster;
  public readonly nodePool?: ContainerNodePool;
  /**
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly containment: K8sContainment;

  constructor(scope: Construct, id: string, props: GkeVcaStackProps) {
    super(scope, id);
    const prefix = checkK8sStackProps(this, props);
    const projectId = checkLiteral(this, "projectId", props.projectId, "set the GCP project id");
    const zone = checkLiteral(this, "zone", props.zone, 'set the zone, e.g. "us-central1-a"');
    if (!/^[a-z]+-[a-z]+\d+-[a-z]$/.test(zone))
      throw new ConstructPropsError(this, "zone", zone, "a GCP zone such as us-central1-a", "the gateway and the zonal cluster run in this zone");
    const region = zone.replace(/-[a-z]$/, "");
    const labels = checkStackTags(this, "labels", props.labels);
    if (labels) {
      for (const k of Object.keys(labels)) {
        if (!/^[a-z][a-z0-9_-]{0,62}$/.test(k))
          throw new ConstructPropsError(
            this,
            `labels.${k}`,
            k,
            "a GCP label key: lower-case letters, digits, _ and -, starting with a letter",
            "rename the label",
          );
      }
    }
    new GoogleProvider(this, "google", { ...props.googleProvider, project: projectId, region, ...(labels ? { defaultLabels: labels } : {}) });
    addAviatrixWithPreflight(this, props.controllerVersion);

    this.spokeGateway = addK8sSpokeGateway(this, props, {
      prefix,
      cloud: Cloud.GCP,
      region: zone,
      newNetwork: props.newNetwork && { cidr: props.newNetwork.cidr, projectId, workloadSubnetCount: 1 },
      existingNetwork: props.existingNetwork,
    });
    const network = this.spokeGateway.network as GcpSpokeNetwork | undefined;
    const nodeSubnetCidr = network ? network.workloadSubnetCidrs[0] : props.existingNetwork!.nodeSubnetCidr;

    let clusterId: string;
    let clusterName = "";
    let providers: KubernetesProviders;
    const clusterDependables: ITerraformDependable[] = [];
    if (props.newCluster) {
      const c = props.newCluster;
      const name = checkLiteral(this, "newCluster.name", c.name ?? `${prefix}-gke`, "name the cluster");
      clusterName = name;
      if (!network)
        throw new ConstructPropsError(
          this,
          "newCluster",
          c,
          "newNetwork together with newCluster",
          "create both, or bring an existing cluster to an existing network",
        );
      this.cluster = new ContainerCluster(this, "cluster", {
        name,
        project: projectId,
        location: zone,
        network: network.network.id,
        subnetwork: network.workloadSubnetIds[0],
        removeDefaultNodePool: true,
        initialNodeCount: 1,
        networkingMode: "VPC_NATIVE",
        datapathProvider: "ADVANCED_DATAPATH",
        ipAllocationPolicy: {
          clusterIpv4CidrBlock: props.newNetwork?.podCidr ?? "10.100.0.0/16",
          servicesIpv4CidrBlock: props.newNetwork?.serviceCidr ?? "10.101.0.0/20",
        },
        // Private nodes: no external IPs, so egress follows the route to the gateway.
        privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: false, masterIpv4CidrBlock: c.masterCidr ?? "172.16.0.32/28" },
        deletionProtection: false,
        dependsOn: [this.spokeGateway.resource],
      });
      clusterId = this.cluster.selfLink;
      providers = KubernetesProviders.forGke(this, "kubernetes", { cluster: this.cluster });
    } else {
      const e = props.existingCluster!;
      clusterId = checkLiteral(
        this,
        "existingCluster.selfLink",
        e.selfLink,
        "give the cluster self link (gcloud container clusters describe --format='value(selfLink)')",
      );
      clusterName = clusterId.split("/").pop()!;
      providers = KubernetesProviders.fromKubeconfig(this, "kubernetes", { configPath: e.kubeconfigPath, context: e.kubeContext });
    }
    // Sets default_snat_status { disabled = true } on the new cluster (existing: check it yourself).
    const podSnat = new PodSnatDisabled(this, "pod-snat", { cloud: KubernetesCloud.GKE, gke: { cluster: this.cluster }, providers });
    if (this.cluster) {
      const c = props.newCluster!;
      this.nodePool = new ContainerNodePool(this, "nodes", {
        name: `${clusterName}-nodes`.slice(0, 40),
        project: projectId,
        location: zone,
        cluster: this.cluster.name,
        nodeCount: c.nodeCount ?? 2,
        nodeConfig: { machineType: c.machineType ?? "e2-standard-4", oauthScopes: ["https://www.googleapis.com/auth/cloud-platform"] },
      });
      clusterDependables.push(this.nodePool);
    }

    this.containment = new K8sContainment(this, "vca", {
      ...props,
      cloud: KubernetesCloud.GKE,
      namePrefix: prefix,
      clusterId,
      providers,
      podSnat,
      nodeSelector: [Select.cidr(nodeSubnetCidr)],
      controlPlaneDomains: gkeControlPlaneDomains(),
      onboardingCredentials: { useCspCredentials: true },
      clusterDependables,
      egressDependables: [this.spokeGateway.resource],
    });
    // Existing clusters: the self link's /projects/<p>/(locations|zones)/<l>/clusters/<n>.
    const where = /\/projects\/([^/]+)\/(?:locations|zones)\/([^/]+)\/clusters\//.exec(clusterId);
    const [kubeProject, kubeLocation] = this.cluster ? [projectId, zone] : where ? [where[1], where[2]] : [projectId, zone];
    addK8sOutputs(this, {
      spokeGateway: this.spokeGateway,
      clusterName,
      kubeconfigCommand: `gcloud container clusters get-credentials ${clusterName} --location ${kubeLocation} --project ${kubeProject}`,
      containment: this.containment,
    });
  }
}

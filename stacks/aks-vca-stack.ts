// AksVcaStack: LibreChat and/or Obot on AKS behind an Aviatrix spoke gateway with DCF.
// New or existing VNet and cluster. Egress: a UDR (0/0 → gateway private IP) on the node and
// pod subnets, created before the cluster (outbound_type userDefinedRouting is create-time).
// Pods get VNet IPs from their own subnet (Azure CNI, pod subnet), so the node SmartGroup (node
// subnet CIDR) never includes pods (docs/research/cloud-stacks.md §2.4, §2.7, §5).
import { Construct } from "constructs";
import { KubernetesCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { ITerraformDependable, TerraformStack } from "../lib/core/cdktf";
import { KubernetesCloud } from "../lib/constructs/kubernetes/kubernetes-cloud";
import { KubernetesProviders } from "../lib/constructs/kubernetes/kubernetes-providers";
import { PodSnatDisabled } from "../lib/constructs/kubernetes/pod-snat-disabled";
import { AKS_OUTBOUND_TYPE_UDR } from "../lib/constructs/network/azure-egress-route-table";
import { Cloud } from "../lib/constructs/network/cloud";
import { SpokeGateway } from "../lib/constructs/network/spoke-gateway";
import { Select } from "../lib/dcf/builder/selectors";
import { aksControlPlaneDomains } from "./k8s/cluster-egress-domains";
import { K8sContainment } from "./k8s/k8s-containment";
import { checkLiteral, checkSubscriptionId } from "./stack-prop-checks";
import { AzurermProviderOptions, checkStackTags } from "./provider-options";
import { addAviatrixWithPreflight, addK8sSpokeGateway, checkK8sStackProps } from "./k8s/k8s-stack-common";
import { K8sVcaStackProps } from "./k8s/k8s-vca-props";
import { addK8sOutputs } from "./k8s/k8s-outputs";

export interface AksNewNetworkProps {
  /** VNet address space, /16 to /24: gateway subnet, node subnet and pod subnet are carved from it. */
  readonly cidr: string;
}

export interface AksExistingNetworkProps {
  /** `vnet_name:resource_group:vnet_guid` (VpcId.azure). */
  readonly vpcId: string;
  readonly gatewaySubnetCidr: string;
  /** CIDR of the node subnet (the node SmartGroup); pods must be in another subnet or an overlay. */
  readonly nodeSubnetCidr: string;
}

export interface AksNewClusterProps {
  /** @default "<namePrefix>-aks" */
  readonly name?: string;
  /** @default - the AKS default version */
  readonly kubernetesVersion?: string;
  /** @default "Standard_D4s_v3" */
  readonly vmSize?: string;
  /** @default 2 */
  readonly nodeCount?: number;
}

export interface AksExistingClusterProps {
  /** AKS resource id (onboarding and SmartGroup cluster id). */
  readonly id: string;
  /** kubeconfig path and context on the machine running terraform. */
  readonly kubeconfigPath: string;
  /** @default - the current context */
  readonly kubeContext?: string;
}

export interface AksVcaStackProps extends K8sVcaStackProps {
  /** Azure subscription id. @default - from the environment (ARM_SUBSCRIPTION_ID, az login) */
  readonly subscriptionId?: string;
  /**
   * azurerm provider settings (tenant, client, ...).
   * TypeScript-only for now: README "jsii".
   * @default - the environment's
   * @jsii ignore
   */
  readonly azurermProvider?: AzurermProviderOptions;
  /** Tags on the resource group, identity and cluster. @default - none */
  readonly tags?: { readonly [key: string]: string };
  /** Azure location, e.g. "westeurope". */
  readonly location: string;
  /** Resource group created for the VNet and cluster. @default "<namePrefix>-rg" */
  readonly resourceGroupName?: string;
  readonly newNetwork?: AksNewNetworkProps;
  readonly existingNetwork?: AksExistingNetworkProps;
  readonly newCluster?: AksNewClusterProps;
  readonly existingCluster?: AksExistingClusterProps;
}

export class AksVcaStack extends TerraformStack {
  public readonly spokeGateway: SpokeGateway;
  public readonly cluster?: KubernetesCluster;
  /**
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly containment: K8sContainment;

  constructor(scope: Construct, id: string, props: AksVcaStackProps) {
    super(scope, id);
    const prefix = checkK8sStackProps(this, props);
    const location = checkLiteral(this, "location", props.location, 'set the Azure location, e.g. "westeurope"');
    if (props.subscriptionId !== undefined) checkSubscriptionId(this, "subscriptionId", props.subscriptionId);
    const tags = checkStackTags(this, "tags", props.tags);
    new AzurermProvider(this, "azurerm", {
      ...props.azurermProvider,
      features: [{}],
      ...(props.subscriptionId !== undefined ? { subscriptionId: props.subscriptionId } : {}),
    });
    addAviatrixWithPreflight(this, props.controllerVersion);

    const rgName = props.resourceGroupName ?? `${prefix}-rg`;
    const rg = props.newNetwork || props.newCluster ? new ResourceGroup(this, "resource-group", { name: rgName, location, tags }) : undefined;
    this.spokeGateway = addK8sSpokeGateway(this, props, {
      prefix,
      cloud: Cloud.AZURE,
      region: location,
      newNetwork: props.newNetwork && { cidr: props.newNetwork.cidr, resourceGroupName: rg!.name, workloadSubnetCount: 2 },
      existingNetwork: props.existingNetwork,
    });
    const nodeSubnetCidr = props.newNetwork ? this.spokeGateway.network!.workloadSubnetCidrs[0] : props.existingNetwork!.nodeSubnetCidr;

    let clusterId: string;
    let clusterName: string;
    let kubeconfigCommand: string;
    let providers: KubernetesProviders;
    const clusterDependables: ITerraformDependable[] = [];
    let apiServerFqdn: string | undefined;
    if (props.newCluster) {
      const c = props.newCluster;
      const name = checkLiteral(this, "newCluster.name", c.name ?? `${prefix}-aks`, "name the cluster");
      const network = this.spokeGateway.network;
      // UDR outbound needs the cluster identity to manage the subnets and route table before create.
      const identity = new UserAssignedIdentity(this, "cluster-identity", { name: `${name}-identity`, location, resourceGroupName: rg!.name, tags });
      const networkRole = new RoleAssignment(this, "cluster-network-contributor", {
        scope: rg!.id,
        roleDefinitionName: "Network Contributor",
        principalId: identity.principalId,
      });
      this.cluster = new KubernetesCluster(this, "cluster", {
        name,
        location,
        resourceGroupName: rg!.name,
        dnsPrefix: name,
        kubernetesVersion: c.kubernetesVersion,
        identity: { type: "UserAssigned", identityIds: [identity.id] },
        defaultNodePool: {
          name: "system",
          vmSize: c.vmSize ?? "Standard_D4s_v3",
          nodeCount: c.nodeCount ?? 2,
          vnetSubnetId: network ? network.workloadSubnetIds[0] : undefined,
          podSubnetId: network ? network.workloadSubnetIds[1] : undefined,
        },
        networkProfile: {
          networkPlugin: "azure",
          outboundType: AKS_OUTBOUND_TYPE_UDR,
          loadBalancerSku: "standard",
          serviceCidr: "172.16.0.0/17",
          dnsServiceIp: "172.16.0.10",
        },
        tags,
        dependsOn: [networkRole, ...(this.spokeGateway.egressRouteTable?.dependables ?? [])],
      });
      clusterId = this.cluster.id;
      clusterName = this.cluster.name;
      kubeconfigCommand = `az aks get-credentials --resource-group ${rg!.name} --name ${this.cluster.name}`;
      apiServerFqdn = this.cluster.fqdn;
      providers = KubernetesProviders.forAks(this, "kubernetes", { cluster: this.cluster });
      clusterDependables.push(this.cluster);
    } else {
      const e = props.existingCluster!;
      clusterId = checkLiteral(this, "existingCluster.id", e.id, "give the AKS resource id (az aks show --query id)");
      clusterName = clusterId.split("/").pop()!;
      kubeconfigCommand = `az aks get-credentials --ids ${clusterId}`;
      providers = KubernetesProviders.fromKubeconfig(this, "kubernetes", { configPath: e.kubeconfigPath, context: e.kubeContext });
    }
    const podSnat = new PodSnatDisabled(this, "pod-snat", {
      cloud: KubernetesCloud.AKS,
      providers,
      dependsOn: clusterDependables.length ? clusterDependables : undefined,
    });

    this.containment = new K8sContainment(this, "vca", {
      ...props,
      cloud: KubernetesCloud.AKS,
      namePrefix: prefix,
      clusterId,
      providers,
      podSnat,
      nodeSelector: [Select.cidr(nodeSubnetCidr)],
      controlPlaneDomains: aksControlPlaneDomains(location),
      // Pods reach the API server by its public IP (ClusterIP DNAT): no SNI, so an FQDN SmartGroup.
      apiServer: apiServerFqdn ? Select.fqdn(apiServerFqdn) : undefined,
      clusterDependables,
      egressDependables: [this.spokeGateway.resource, ...podSnat.dependable],
    });
    addK8sOutputs(this, { spokeGateway: this.spokeGateway, clusterName, kubeconfigCommand, containment: this.containment });
  }
}

// EksVcaStack: LibreChat and/or Obot on EKS behind an Aviatrix spoke gateway with DCF.
// New or existing VPC and cluster. Egress: the controller programs 0/0 → spoke gateway in the
// private route table (single_ip_snat); pod IPs reach the gateway because the vpc-cni add-on
// runs with AWS_VPC_K8S_CNI_EXTERNALSNAT=true (docs/research/cloud-stacks.md §2.3, §5). The
// kubernetes/helm providers authenticate with `aws eks get-token` (a fresh token per connect);
// the controller's app role gets an access entry and the cluster is registered explicitly; a new
// cluster gets the EBS CSI driver and a default gp3 StorageClass. An existing cluster's add-ons
// are never touched: its vpc-cni must already set external SNAT (existingCluster.externalSnatConfigured).
import { Construct } from "constructs";
import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ITerraformDependable, TerraformStack } from "../lib/core/cdktf";
import { KubernetesCloud } from "../lib/constructs/kubernetes/kubernetes-cloud";
import { KubernetesProviders } from "../lib/constructs/kubernetes/kubernetes-providers";
import { EksSnatMethod, PodSnatDisabled } from "../lib/constructs/kubernetes/pod-snat-disabled";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { AVIATRIX_APP_ROLE_NAME, EksControllerAccess } from "./k8s/eks-access";
import { EksStorage } from "./k8s/eks-storage";
import { addK8sOutputs } from "./k8s/k8s-outputs";
import { awsProviderConfig, AwsProviderOptions, eksTokenIdentity } from "./provider-options";
import { Cloud } from "../lib/constructs/network/cloud";
import { SpokeGateway } from "../lib/constructs/network/spoke-gateway";
import { Select } from "../lib/dcf/builder/selectors";
import { eksControlPlaneDomains } from "./k8s/cluster-egress-domains";
import { K8sContainment } from "./k8s/k8s-containment";
import { checkLiteral, requireText } from "./stack-prop-checks";
import { ConstructPropsError } from "../lib/core/construct-props-error";
import { addAviatrixWithPreflight, addK8sSpokeGateway, checkK8sStackProps } from "./k8s/k8s-stack-common";
import { K8sVcaStackProps } from "./k8s/k8s-vca-props";

export interface EksNewNetworkProps {
  /** VPC CIDR, /16 to /24. */
  readonly cidr: string;
  /** Two availability zones (EKS needs subnets in two). */
  readonly availabilityZones: string[];
}

export interface EksExistingNetworkProps {
  /** `vpc-…` */
  readonly vpcId: string;
  /** CIDR of the public subnet the gateway launches in. */
  readonly gatewaySubnetCidr: string;
  /** Private subnets for the new cluster's nodes (routed through the gateway). Only used with newCluster. @default - none */
  readonly nodeSubnetIds?: string[];
}

export interface EksNewClusterProps {
  /** @default "<namePrefix>-eks" */
  readonly name?: string;
  /** @default "1.32" */
  readonly kubernetesVersion?: string;
  /** @default "m5.large" */
  readonly nodeInstanceType?: string;
  /** @default 2 */
  readonly nodeDesiredSize?: number;
  /** @default 4 */
  readonly nodeMaxSize?: number;
}

export interface EksExistingClusterProps {
  readonly name: string;
  /** Cluster ARN (the onboarding and SmartGroup cluster id). */
  readonly arn: string;
  /**
   * Confirms your own vpc-cni add-on already runs with AWS_VPC_K8S_CNI_EXTERNALSNAT=true (pod IPs
   * reach the gateway un-SNATed). The stack never manages an add-on it did not create; set it with
   * `aws eks update-addon --addon-name vpc-cni --configuration-values '{"env":{"AWS_VPC_K8S_CNI_EXTERNALSNAT":"true"}}'`.
   */
  readonly externalSnatConfigured: true;
}

/** The controller's access to the cluster (an EKS access entry for its app role). */
export interface EksControllerAccessOptions {
  /** ARN of the controller's app role in this AWS account. @default - arn:aws:iam::<this account>:role/aviatrix-role-app */
  readonly appRoleArn?: string;
  /** Access policy associated at cluster scope. @default - AmazonEKSViewPolicy */
  readonly policyArn?: string;
}

export interface EksVcaStackProps extends K8sVcaStackProps {
  /** AWS region, e.g. "us-east-2". */
  readonly region: string;
  /** Exactly one of newNetwork / existingNetwork. */
  readonly newNetwork?: EksNewNetworkProps;
  readonly existingNetwork?: EksExistingNetworkProps;
  /** Exactly one of newCluster / existingCluster. */
  readonly newCluster?: EksNewClusterProps;
  readonly existingCluster?: EksExistingClusterProps;
  /**
   * The controller's cluster access entry and policy association; false when you manage them
   * (an existing entry for the same principal makes creation fail). @default - created for aviatrix-role-app
   */
  readonly controllerAccess?: EksControllerAccessOptions | false;
  /**
   * AWS provider settings (profile, assume_role, ...); `aws eks get-token` follows the profile and role.
   * TypeScript-only for now: README "jsii".
   * @default - the environment's credentials
   * @jsii ignore
   */
  readonly awsProvider?: AwsProviderOptions;
  /** Tags on every AWS resource (provider default_tags). @default - none */
  readonly tags?: { readonly [key: string]: string };
}

export class EksVcaStack extends TerraformStack {
  public readonly spokeGateway: SpokeGateway;
  public readonly cluster?: EksCluster;
  public readonly nodeGroup?: EksNodeGroup;
  /**
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly containment: K8sContainment;
  /**
   * The controller's cluster access (unless controllerAccess is false).
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly controllerAccess?: EksControllerAccess;
  /**
   * EBS CSI driver and the default StorageClass (new clusters).
   * A stack part: TypeScript-only for now (README "jsii").
   * @jsii ignore
   */
  public readonly storage?: EksStorage;
  public readonly clusterName: string;

  constructor(scope: Construct, id: string, props: EksVcaStackProps) {
    super(scope, id);
    const prefix = checkK8sStackProps(this, props);
    const region = checkLiteral(this, "region", props.region, 'set the AWS region, e.g. "us-east-2"');
    if (props.newNetwork && props.newNetwork.availabilityZones?.length !== 2) {
      throw new ConstructPropsError(
        this,
        "newNetwork.availabilityZones",
        props.newNetwork.availabilityZones,
        "two availability zones",
        'EKS needs subnets in two zones, e.g. ["us-east-2a", "us-east-2b"]',
      );
    }
    new AwsProvider(this, "aws", awsProviderConfig(this, region, props.awsProvider, props.tags));
    const tokenIdentity = { region, ...eksTokenIdentity(props.awsProvider) };
    addAviatrixWithPreflight(this, props.controllerVersion);

    // The controller programs 0/0 → gateway in the private route table and SNATs to its EIP.
    this.spokeGateway = addK8sSpokeGateway(this, props, {
      prefix,
      cloud: Cloud.AWS,
      region,
      newNetwork: props.newNetwork && { cidr: props.newNetwork.cidr, availabilityZones: [...props.newNetwork.availabilityZones], workloadSubnetCount: 2 },
      existingNetwork: props.existingNetwork,
    });
    const nodeSubnetIds = props.newNetwork ? this.spokeGateway.network!.workloadSubnetIds : [...(props.existingNetwork!.nodeSubnetIds ?? [])];
    if (props.newCluster && nodeSubnetIds.length === 0) {
      throw new ConstructPropsError(
        this,
        "existingNetwork.nodeSubnetIds",
        props.existingNetwork!.nodeSubnetIds,
        "at least one private subnet for the new cluster",
        "list the node subnets routed through the gateway",
      );
    }

    let clusterName: string;
    let clusterArn: string;
    let providers: KubernetesProviders;
    const clusterDependables: ITerraformDependable[] = [];
    if (props.newCluster) {
      const c = props.newCluster;
      clusterName = checkLiteral(this, "newCluster.name", c.name ?? `${prefix}-eks`, "name the cluster");
      const clusterRole = new IamRole(this, "cluster-role", { name: `${clusterName}-cluster`, assumeRolePolicy: assumeRole("eks.amazonaws.com") });
      const clusterPolicy = new IamRolePolicyAttachment(this, "cluster-policy", {
        role: clusterRole.name,
        policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
      });
      this.cluster = new EksCluster(this, "cluster", {
        name: clusterName,
        version: c.kubernetesVersion ?? "1.32",
        roleArn: clusterRole.arn,
        vpcConfig: { subnetIds: nodeSubnetIds, endpointPrivateAccess: true, endpointPublicAccess: true },
        accessConfig: { authenticationMode: "API_AND_CONFIG_MAP", bootstrapClusterCreatorAdminPermissions: true },
        dependsOn: [clusterPolicy],
      });
      clusterArn = this.cluster.arn;
      providers = KubernetesProviders.forEks(this, "kubernetes", {
        clusterName: this.cluster.name,
        endpoint: this.cluster.endpoint,
        certificateAuthorityData: this.cluster.certificateAuthority.get(0).data,
        ...tokenIdentity,
      });
    } else {
      const e = props.existingCluster!;
      clusterName = checkLiteral(this, "existingCluster.name", e.name, "name the existing EKS cluster");
      clusterArn = checkLiteral(this, "existingCluster.arn", e.arn, "give the cluster ARN (aws eks describe-cluster --query cluster.arn)");
      if (e.externalSnatConfigured !== true) {
        throw new ConstructPropsError(
          this,
          "existingCluster.externalSnatConfigured",
          e.externalSnatConfigured,
          "true, once your vpc-cni add-on sets AWS_VPC_K8S_CNI_EXTERNALSNAT=true",
          `the stack never takes over an add-on it did not create: run aws eks update-addon --cluster-name ${clusterName} --addon-name vpc-cni --configuration-values '{"env":{"AWS_VPC_K8S_CNI_EXTERNALSNAT":"true"}}', then set it`,
        );
      }
      providers = KubernetesProviders.forEks(this, "kubernetes", { clusterName, ...tokenIdentity });
    }
    this.clusterName = clusterName;
    // New cluster: the stack's own vpc-cni add-on. Existing cluster: the user's add-on, declared above.
    const podSnat = new PodSnatDisabled(this, "pod-snat", {
      cloud: KubernetesCloud.EKS,
      eks: { clusterName: this.cluster?.name ?? clusterName, method: this.cluster ? EksSnatMethod.ADDON : EksSnatMethod.DECLARED },
      providers,
    });
    if (this.cluster) {
      const c = props.newCluster!;
      const nodeRole = new IamRole(this, "node-role", { name: `${clusterName}-nodes`, assumeRolePolicy: assumeRole("ec2.amazonaws.com") });
      const attachments = ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"].map(
        (p) => new IamRolePolicyAttachment(this, `node-${p}`, { role: nodeRole.name, policyArn: `arn:aws:iam::aws:policy/${p}` }),
      );
      // Nodes start after the gateway (routes) and external SNAT: early nodes fail bootstrap (CSE exit 50).
      this.nodeGroup = new EksNodeGroup(this, "nodes", {
        clusterName: this.cluster.name,
        nodeGroupName: `${clusterName}-nodes`,
        nodeRoleArn: nodeRole.arn,
        subnetIds: nodeSubnetIds,
        instanceTypes: [c.nodeInstanceType ?? "m5.large"],
        scalingConfig: { desiredSize: c.nodeDesiredSize ?? 2, minSize: 1, maxSize: c.nodeMaxSize ?? 4 },
        dependsOn: [...attachments, this.spokeGateway.resource, ...podSnat.resources],
      });
      clusterDependables.push(this.nodeGroup);
      this.storage = new EksStorage(this, "storage", { clusterName: this.cluster.name, namePrefix: clusterName, providers, dependsOn: [this.nodeGroup] });
    }
    if (props.controllerAccess !== false) {
      const access = props.controllerAccess ?? {};
      const appRoleArn = access.appRoleArn ?? `arn:aws:iam::${new DataAwsCallerIdentity(this, "account").accountId}:role/${AVIATRIX_APP_ROLE_NAME}`;
      requireText(this, "controllerAccess.appRoleArn", appRoleArn, "pass the ARN of the controller's app role (aviatrix-role-app) in this account");
      this.controllerAccess = new EksControllerAccess(this, "controller-access", {
        clusterName: this.cluster?.name ?? clusterName,
        appRoleArn,
        policyArn: access.policyArn,
        dependsOn: this.cluster ? [this.cluster] : [],
      });
    }

    this.containment = new K8sContainment(this, "vca", {
      ...props,
      cloud: KubernetesCloud.EKS,
      namePrefix: prefix,
      clusterId: clusterArn,
      providers,
      podSnat,
      // Managed node group instances carry eks:cluster-name; pods (same subnets) do not match.
      nodeSelector: [Select.vm({ tags: { "eks:cluster-name": clusterName } })],
      controlPlaneDomains: eksControlPlaneDomains(region),
      // Registered explicitly (like AKS) once the controller's app role can read the cluster.
      registerCluster: true,
      onboardingDependables: this.controllerAccess?.dependable,
      clusterDependables,
      egressDependables: [this.spokeGateway.resource, ...podSnat.dependable],
      workloadDependables: this.storage?.dependable,
    });
    const cliIdentity = [...(props.awsProvider?.profile ? ["--profile", props.awsProvider.profile] : [])].join(" ");
    addK8sOutputs(this, {
      spokeGateway: this.spokeGateway,
      clusterName: this.cluster?.name ?? clusterName,
      kubeconfigCommand: `aws eks update-kubeconfig --name ${this.cluster?.name ?? clusterName} --region ${region}${cliIdentity ? ` ${cliIdentity}` : ""}`,
      containment: this.containment,
    });
  }
}

function assumeRole(service: string): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
}

// The Aviatrix controller's access to an EKS cluster: an access entry for the controller's app
// role (the role of the AWS access account, `aviatrix-role-app` by default) in the Kubernetes
// group the k8s-firewall chart's ClusterRole `avx-controller` is bound to, plus a cluster-scoped
// view policy association. Without them the controller cannot list pods, so pod SmartGroups stay
// empty and enforce mode denies the workloads their own permits. Facts: the vendor's
// aws-eks-multicluster modules/eks-cluster/main.tf (access entry STANDARD + AmazonEKSViewPolicy,
// cluster scope) and obot-mcp-egress-aws/eks.tf (`aviatrix_app_role_arn`); the chart's binding:
// docs/research/k8s-obot-crds.md §3.2.
import { Construct } from "constructs";
import { EksAccessEntry } from "@cdktf/provider-aws/lib/eks-access-entry";
import { EksAccessPolicyAssociation } from "@cdktf/provider-aws/lib/eks-access-policy-association";
import { ITerraformDependable } from "../../lib/core/cdktf";

/** The role name the Aviatrix IAM setup gives the access account's app role. */
export const AVIATRIX_APP_ROLE_NAME = "aviatrix-role-app";
/** The Kubernetes group the k8s-firewall chart binds its `avx-controller` ClusterRole to. */
export const AVX_CONTROLLER_GROUP = "avx-controller";
/** Cluster-wide read access (the vendor's multicluster association). */
export const EKS_VIEW_POLICY_ARN = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";

export interface EksControllerAccessProps {
  readonly clusterName: string;
  /** ARN of the controller's app role in this AWS account. */
  readonly appRoleArn: string;
  /** EKS access policy associated at cluster scope. @default EKS_VIEW_POLICY_ARN */
  readonly policyArn?: string;
  /** The cluster must exist first. */
  readonly dependsOn: readonly ITerraformDependable[];
}

export class EksControllerAccess extends Construct {
  public readonly entry: EksAccessEntry;
  public readonly policy: EksAccessPolicyAssociation;
  /** What the cluster registration must wait for. */
  public readonly dependable: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: EksControllerAccessProps) {
    super(scope, id);
    this.entry = new EksAccessEntry(this, "entry", {
      clusterName: props.clusterName,
      principalArn: props.appRoleArn,
      type: "STANDARD",
      kubernetesGroups: [AVX_CONTROLLER_GROUP],
      dependsOn: [...props.dependsOn],
    });
    this.policy = new EksAccessPolicyAssociation(this, "policy", {
      clusterName: props.clusterName,
      principalArn: props.appRoleArn,
      policyArn: props.policyArn ?? EKS_VIEW_POLICY_ARN,
      accessScope: { type: "cluster" },
      dependsOn: [this.entry],
    });
    this.dependable = [this.entry, this.policy];
  }
}

// Persistent volumes on a new EKS cluster: the aws-ebs-csi-driver add-on (EKS ≥ 1.23 has no
// in-tree EBS provisioner) with its controller's IAM role through EKS Pod Identity, and a gp3
// StorageClass marked default (EKS ≥ 1.30 no longer marks gp2 default), so the MongoDB /
// Meilisearch / Obot claims bind instead of staying Pending. Facts: the vendor's
// obot-mcp-egress-aws eks.tf + k8s.tf (ebs-csi add-on, gp3 default StorageClass, encrypted,
// WaitForFirstConsumer); AWS EBS CSI docs (service account kube-system/ebs-csi-controller-sa,
// managed policy service-role/AmazonEBSCSIDriverPolicy); EKS Pod Identity docs (trust
// pods.eks.amazonaws.com with sts:AssumeRole + sts:TagSession, the eks-pod-identity-agent add-on).
import { Construct } from "constructs";
import { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { StorageClassV1 } from "@cdktf/provider-kubernetes/lib/storage-class-v1";
import { ITerraformDependable } from "../../lib/core/cdktf";
import { KubernetesProviders } from "../../lib/constructs/kubernetes/kubernetes-providers";

export const EBS_CSI_SERVICE_ACCOUNT = "ebs-csi-controller-sa";
export const EBS_CSI_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy";
export const DEFAULT_STORAGE_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

export interface EksStorageProps {
  readonly clusterName: string;
  /** IAM role name prefix (the cluster name). */
  readonly namePrefix: string;
  readonly providers: KubernetesProviders;
  /** The node group: add-on pods need nodes to become ACTIVE. */
  readonly dependsOn: readonly ITerraformDependable[];
  /** @default "gp3" */
  readonly storageClassName?: string;
}

export class EksStorage extends Construct {
  public readonly podIdentityAgent: EksAddon;
  public readonly ebsCsiRole: IamRole;
  public readonly ebsCsiDriver: EksAddon;
  public readonly storageClass: StorageClassV1;
  /** What workloads with volume claims must wait for. */
  public readonly dependable: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: EksStorageProps) {
    super(scope, id);
    this.podIdentityAgent = new EksAddon(this, "pod-identity-agent", {
      clusterName: props.clusterName,
      addonName: "eks-pod-identity-agent",
      dependsOn: [...props.dependsOn],
    });
    this.ebsCsiRole = new IamRole(this, "ebs-csi-role", {
      name: `${props.namePrefix}-ebs-csi`,
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }],
      }),
    });
    const policy = new IamRolePolicyAttachment(this, "ebs-csi-policy", { role: this.ebsCsiRole.name, policyArn: EBS_CSI_POLICY_ARN });
    this.ebsCsiDriver = new EksAddon(this, "ebs-csi-driver", {
      clusterName: props.clusterName,
      addonName: "aws-ebs-csi-driver",
      podIdentityAssociation: [{ roleArn: this.ebsCsiRole.arn, serviceAccount: EBS_CSI_SERVICE_ACCOUNT }],
      dependsOn: [this.podIdentityAgent, policy, ...props.dependsOn],
    });
    this.storageClass = new StorageClassV1(this, "default-storage-class", {
      metadata: { name: props.storageClassName ?? "gp3", annotations: { [DEFAULT_STORAGE_CLASS_ANNOTATION]: "true" } },
      storageProvisioner: "ebs.csi.aws.com",
      volumeBindingMode: "WaitForFirstConsumer",
      allowVolumeExpansion: true,
      reclaimPolicy: "Delete",
      parameters: { type: "gp3", encrypted: "true" },
      provider: props.providers.kubernetes,
      dependsOn: [this.ebsCsiDriver],
    });
    this.dependable = [this.ebsCsiDriver, this.storageClass];
  }
}

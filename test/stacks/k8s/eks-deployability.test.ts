// What a real EKS apply needs, pinned one assertion per blocker: the providers' token comes from
// the `aws eks get-token` exec plugin (no plan-time token that expires mid-apply); the
// controller's app role gets an access entry + policy association and the cluster is registered
// after them; a new cluster gets the EBS CSI driver (Pod Identity) and a default StorageClass the
// workloads wait for; an existing cluster's vpc-cni add-on is never taken over.
import { ConstructPropsError } from "../../../lib/core/construct-props-error";
import { EksVcaStack, EksVcaStackProps } from "../../../stacks/eks-vca-stack";
import { LAB_LIBRECHAT } from "../../../examples/blueprints/librechat/lab-config";
import { synthJson, testApp } from "./helpers";

const BASE: EksVcaStackProps = {
  controllerVersion: "9.0",
  accountName: "aws-lab",
  region: "us-east-2",
  namePrefix: "t",
  mode: "enforce",
  newNetwork: { cidr: "10.20.0.0/16", availabilityZones: ["us-east-2a", "us-east-2b"] },
  newCluster: {},
  librechat: LAB_LIBRECHAT,
};
const EXISTING: EksVcaStackProps = {
  ...BASE,
  newNetwork: undefined,
  newCluster: undefined,
  existingNetwork: { vpcId: "vpc-0123456789abcdef0", gatewaySubnetCidr: "10.20.0.0/28" },
  existingCluster: { name: "prod", arn: "arn:aws:eks:us-east-2:123456789012:cluster/prod", externalSnatConfigured: true },
};
const synth = (p: EksVcaStackProps) => synthJson(new EksVcaStack(testApp(), "s", p));
const one = (json: Record<string, any>, type: string) => {
  const all = Object.entries(json.resource[type] ?? {});
  expect(all).toHaveLength(1);
  return { key: all[0][0], value: all[0][1] as any };
};

describe("GIVEN a new EKS cluster WHEN synthesized", () => {
  const json = synth(BASE);

  test("THEN kubernetes and helm authenticate with the aws eks get-token exec plugin, and no data.aws_eks_cluster_auth exists", () => {
    expect(json.data?.aws_eks_cluster_auth).toBeUndefined();
    const exec = {
      api_version: "client.authentication.k8s.io/v1beta1",
      command: "aws",
      args: ["eks", "get-token", "--cluster-name", "${aws_eks_cluster.cluster.name}", "--region", "us-east-2"],
    };
    const k8s = json.provider.kubernetes[0];
    expect(k8s.exec).toEqual([exec]);
    expect(k8s.token).toBeUndefined();
    expect(json.provider.helm[0].kubernetes.exec).toEqual(exec);
  });

  test("THEN the controller's app role (aviatrix-role-app of this account) gets an access entry in the avx-controller group and a cluster-scoped view policy", () => {
    const entry = one(json, "aws_eks_access_entry").value;
    expect(entry).toMatchObject({ type: "STANDARD", kubernetes_groups: ["avx-controller"], cluster_name: "${aws_eks_cluster.cluster.name}" });
    expect(entry.principal_arn).toMatch(/^arn:aws:iam::\$\{data\.aws_caller_identity\.[\w-]+\.account_id\}:role\/aviatrix-role-app$/);
    const policy = one(json, "aws_eks_access_policy_association");
    expect(policy.value).toMatchObject({
      policy_arn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
      access_scope: { type: "cluster" },
      principal_arn: entry.principal_arn,
    });
  });

  test("THEN the cluster is registered with the controller (aviatrix_kubernetes_cluster) after the access entry and policy", () => {
    const reg = one(json, "aviatrix_kubernetes_cluster").value;
    expect(reg).toMatchObject({ cluster_id: "${aws_eks_cluster.cluster.arn}", use_csp_credentials: true });
    const entry = one(json, "aws_eks_access_entry").key;
    const policy = one(json, "aws_eks_access_policy_association").key;
    expect(reg.depends_on).toEqual(expect.arrayContaining([`aws_eks_access_entry.${entry}`, `aws_eks_access_policy_association.${policy}`]));
  });

  test("THEN the EBS CSI driver runs with an IAM role through Pod Identity, and gp3 is the default StorageClass", () => {
    const addons = Object.values(json.resource.aws_eks_addon) as any[];
    const csi = addons.find((a) => a.addon_name === "aws-ebs-csi-driver");
    expect(csi.pod_identity_association).toEqual([
      { role_arn: expect.stringMatching(/^\$\{aws_iam_role\..+\.arn\}$/), service_account: "ebs-csi-controller-sa" },
    ]);
    expect(addons.map((a) => a.addon_name)).toContain("eks-pod-identity-agent");
    const roleKey = /^\$\{aws_iam_role\.(.+)\.arn\}$/.exec(csi.pod_identity_association[0].role_arn)![1];
    const trust = JSON.parse(json.resource.aws_iam_role[roleKey].assume_role_policy);
    expect(trust.Statement[0]).toMatchObject({ Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] });
    const attached = (Object.values(json.resource.aws_iam_role_policy_attachment) as any[]).filter((a) => a.role === `\${aws_iam_role.${roleKey}.name}`);
    expect(attached.map((a) => a.policy_arn)).toEqual(["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"]);
    const sc = one(json, "kubernetes_storage_class_v1").value;
    expect(sc).toMatchObject({
      storage_provisioner: "ebs.csi.aws.com",
      volume_binding_mode: "WaitForFirstConsumer",
      parameters: { type: "gp3", encrypted: "true" },
    });
    expect(sc.metadata.annotations).toEqual({ "storageclass.kubernetes.io/is-default-class": "true" });
  });

  test("THEN LibreChat (MongoDB and Meilisearch claims) waits for the StorageClass and the CSI driver", () => {
    const chat = (Object.values(json.resource.helm_release) as any[]).find((r) => r.chart === "librechat");
    const sc = one(json, "kubernetes_storage_class_v1").key;
    const csiKey = Object.entries(json.resource.aws_eks_addon).find(([, a]: [string, any]) => a.addon_name === "aws-ebs-csi-driver")![0];
    expect(chat.depends_on).toEqual(expect.arrayContaining([`kubernetes_storage_class_v1.${sc}`, `aws_eks_addon.${csiKey}`]));
  });

  test("THEN the nodes may reach the EKS Auth API the Pod Identity agent calls", () => {
    const web = (Object.values(json.resource.aviatrix_web_group) as any[]).find((w) => w.name === "t-k8s-control-plane");
    expect(web.selector.match_expressions.map((m: any) => m.snifilter)).toContain("eks-auth.us-east-2.api.aws");
  });

  test("THEN the stack manages its own vpc-cni add-on with external SNAT", () => {
    const cni = (Object.values(json.resource.aws_eks_addon) as any[]).find((a) => a.addon_name === "vpc-cni");
    expect(JSON.parse(cni.configuration_values)).toEqual({ env: { AWS_VPC_K8S_CNI_EXTERNALSNAT: "true" } });
  });
});

describe("GIVEN an existing EKS cluster in an existing VPC WHEN synthesized", () => {
  const json = synth(EXISTING);

  test("THEN no add-on is emitted at all (the user's vpc-cni is never claimed) and no StorageClass is created", () => {
    expect(json.resource.aws_eks_addon).toBeUndefined();
    expect(json.resource.kubernetes_storage_class_v1).toBeUndefined();
  });

  test("THEN nodeSubnetIds are not required (no node group is created)", () => {
    expect(json.resource.aws_eks_node_group).toBeUndefined();
  });

  test("THEN the providers still use the exec plugin against the named cluster", () => {
    expect(json.provider.kubernetes[0].exec[0].args).toEqual(["eks", "get-token", "--cluster-name", "prod", "--region", "us-east-2"]);
  });

  test("WHEN externalSnatConfigured is not confirmed THEN a ConstructPropsError tells how to set it on the user's add-on", () => {
    const build = () =>
      new EksVcaStack(testApp(), "s", { ...EXISTING, existingCluster: { name: "prod", arn: "arn:aws:eks:us-east-2:123456789012:cluster/prod" } as never });
    expect(build).toThrow(ConstructPropsError);
    expect(build).toThrow(/existingCluster\.externalSnatConfigured.*aws eks update-addon --cluster-name prod --addon-name vpc-cni/);
  });

  test("WHEN a new cluster goes into the existing VPC without nodeSubnetIds THEN the error names them", () => {
    expect(() => synth({ ...EXISTING, existingCluster: undefined, newCluster: {} })).toThrow(/existingNetwork\.nodeSubnetIds/);
  });
});

describe("GIVEN caller-set provider configuration WHEN synthesized", () => {
  test("THEN profile and assume-role reach both the AWS provider and the get-token plugin, and tags become default_tags", () => {
    const json = synth({
      ...BASE,
      awsProvider: { profile: "lab", assumeRole: [{ roleArn: "arn:aws:iam::123456789012:role/deployer" }] },
      tags: { Owner: "platform" },
    });
    const aws = json.provider.aws[0];
    expect(aws).toMatchObject({ profile: "lab", region: "us-east-2", default_tags: [{ tags: { Owner: "platform" } }] });
    expect(json.provider.kubernetes[0].exec[0].args).toEqual(
      expect.arrayContaining(["--profile", "lab", "--role-arn", "arn:aws:iam::123456789012:role/deployer"]),
    );
  });

  test("THEN without tags no default_tags are set (no lab tags)", () => {
    expect(synth(BASE).provider.aws[0].default_tags).toBeUndefined();
  });

  test("THEN controllerAccess: false leaves the access entry to the user, with a given app role ARN it is used as is", () => {
    expect(synth({ ...BASE, controllerAccess: false }).resource.aws_eks_access_entry).toBeUndefined();
    const json = synth({ ...BASE, controllerAccess: { appRoleArn: "arn:aws:iam::123456789012:role/aviatrix-role-app" } });
    expect(one(json, "aws_eks_access_entry").value.principal_arn).toBe("arn:aws:iam::123456789012:role/aviatrix-role-app");
  });
});

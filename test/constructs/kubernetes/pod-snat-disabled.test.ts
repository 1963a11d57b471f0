import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { KubernetesCloud } from "../../../lib/constructs/kubernetes/kubernetes-cloud";
import { EksSnatMethod, IP_MASQ_AGENT_CONFIG, PodSnatDisabled } from "../../../lib/constructs/kubernetes/pod-snat-disabled";
import * as yaml from "js-yaml";
import { onlyResource, resourcesOf, synthStack } from "./synth-helpers";
import { expectInputError } from "../../support/expect-error";

describe("PodSnatDisabled", () => {
  test("GIVEN AKS WHEN synthesized THEN kube-system/azure-ip-masq-agent-config masquerades nothing", () => {
    const { json } = synthStack((stack) => new PodSnatDisabled(stack, "snat", { cloud: KubernetesCloud.AKS }));
    const cm = onlyResource(json, "kubernetes_config_map_v1");
    expect(cm.metadata).toEqual({
      name: "azure-ip-masq-agent-config",
      namespace: "kube-system",
      labels: { "addonmanager.kubernetes.io/mode": "EnsureExists", component: "ip-masq-agent", "kubernetes.io/cluster-service": "true" },
    });
    expect(yaml.load(cm.data["ip-masq-agent"])).toEqual({ nonMasqueradeCIDRs: ["0.0.0.0/0"], masqLinkLocal: false });
    expect(json).toMatchSnapshot();
  });

  test("GIVEN AKS in patch mode WHEN synthesized THEN only the data is taken over, with force", () => {
    const { json } = synthStack((stack) => new PodSnatDisabled(stack, "snat", { cloud: KubernetesCloud.AKS, aks: { mode: "patch" } }));
    const data = onlyResource(json, "kubernetes_config_map_v1_data");
    expect(data).toMatchObject({ force: true, data: { "ip-masq-agent": IP_MASQ_AGENT_CONFIG } });
    expect(resourcesOf(json, "kubernetes_config_map_v1")).toEqual({});
  });

  test("GIVEN EKS WHEN synthesized THEN the vpc-cni add-on sets AWS_VPC_K8S_CNI_EXTERNALSNAT=true with sorted extra env", () => {
    const { json } = synthStack(
      (stack) =>
        new PodSnatDisabled(stack, "snat", {
          cloud: KubernetesCloud.EKS,
          eks: {
            clusterName: "obot",
            addonVersion: "v1.19.0-eksbuild.1",
            serviceAccountRoleArn: "arn:aws:iam::1:role/cni",
            extraEnv: { WARM_IP_TARGET: "5", ENABLE_PREFIX_DELEGATION: "true" },
          },
        }),
    );
    const addon = onlyResource(json, "aws_eks_addon");
    expect(addon).toMatchObject({ addon_name: "vpc-cni", cluster_name: "obot", addon_version: "v1.19.0-eksbuild.1" });
    expect(addon.configuration_values).toBe('{"env":{"AWS_VPC_K8S_CNI_EXTERNALSNAT":"true","ENABLE_PREFIX_DELEGATION":"true","WARM_IP_TARGET":"5"}}');
    expect(json).toMatchSnapshot();
  });

  test("GIVEN EKS with the daemonset-env method WHEN synthesized THEN aws-node's env is patched", () => {
    const { json } = synthStack(
      (stack) => new PodSnatDisabled(stack, "snat", { cloud: KubernetesCloud.EKS, eks: { clusterName: "obot", method: EksSnatMethod.DAEMONSET_ENV } }),
    );
    expect(onlyResource(json, "kubernetes_env")).toMatchObject({
      api_version: "apps/v1",
      kind: "DaemonSet",
      container: "aws-node",
      metadata: { name: "aws-node", namespace: "kube-system" },
      env: [{ name: "AWS_VPC_K8S_CNI_EXTERNALSNAT", value: "true" }],
    });
  });

  test("GIVEN GKE with the cluster and ip-masq-agent WHEN synthesized THEN default_snat_status is disabled and the agent map is written", () => {
    let snat: PodSnatDisabled | undefined;
    const { json } = synthStack((stack) => {
      const cluster = new ContainerCluster(stack, "gke", { name: "chat", location: "us-central1", networkingMode: "VPC_NATIVE" });
      snat = new PodSnatDisabled(stack, "snat", { cloud: KubernetesCloud.GKE, gke: { cluster, ipMasqAgentConfigMap: true } });
    });
    expect(onlyResource(json, "google_container_cluster").default_snat_status).toEqual({ disabled: true });
    expect(onlyResource(json, "kubernetes_config_map_v1")).toMatchObject({
      metadata: { name: "ip-masq-agent", namespace: "kube-system" },
      data: { config: IP_MASQ_AGENT_CONFIG },
    });
    expect(PodSnatDisabled.isPodSnatDisabled(snat)).toBe(true);
    expect(snat!.podSnatDisabled).toBe(true);
    expect(snat!.cloud).toBe(KubernetesCloud.GKE);
    expect(json).toMatchSnapshot();
  });

  test("GIVEN other objects WHEN brand-checked THEN they are not PodSnatDisabled", () => {
    expect(PodSnatDisabled.isPodSnatDisabled({ podSnatDisabled: true })).toBe(false);
    expect(PodSnatDisabled.isPodSnatDisabled(undefined)).toBe(false);
  });

  test("GIVEN the GKE helper WHEN spread into cluster props THEN it disables default SNAT", () => {
    const { json } = synthStack((stack) => new ContainerCluster(stack, "gke", { name: "c", defaultSnatStatus: PodSnatDisabled.GKE_DEFAULT_SNAT_STATUS }));
    expect(onlyResource(json, "google_container_cluster").default_snat_status).toEqual({ disabled: true });
  });

  describe("rejects", () => {
    const cases: [string, object, string][] = [
      ["EKS without a cluster name", { cloud: KubernetesCloud.EKS }, "PodSnatDisabled.eks.clusterName"],
      ["options for another cloud", { cloud: KubernetesCloud.AKS, eks: { clusterName: "x" } }, "PodSnatDisabled.eks"],
      ["a CUSTOM cluster", { cloud: KubernetesCloud.CUSTOM }, "PodSnatDisabled.cloud"],
      ["an unknown AKS mode", { cloud: KubernetesCloud.AKS, aks: { mode: "replace" } }, "PodSnatDisabled.aks.mode"],
      ["an unknown EKS method", { cloud: KubernetesCloud.EKS, eks: { clusterName: "x", method: "cm" } }, "PodSnatDisabled.eks.method"],
      [
        "add-on settings with the daemonset method",
        { cloud: KubernetesCloud.EKS, eks: { clusterName: "x", method: "daemonset-env", addonVersion: "v1" } },
        "PodSnatDisabled.eks.method",
      ],
      [
        "extra env turning external SNAT off",
        { cloud: KubernetesCloud.EKS, eks: { clusterName: "x", extraEnv: { AWS_VPC_K8S_CNI_EXTERNALSNAT: "false" } } },
        "PodSnatDisabled.eks.extraEnv.AWS_VPC_K8S_CNI_EXTERNALSNAT",
      ],
    ];
    test.each(cases)("%s", (_name, props, names) => {
      synthStack((stack) => expect(expectInputError(() => new PodSnatDisabled(stack, "snat", props as never), names)).toMatchSnapshot());
    });
  });
});

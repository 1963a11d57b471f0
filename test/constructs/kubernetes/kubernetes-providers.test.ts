import { KubernetesCluster as AksCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { ConfigMapV1 } from "@cdktf/provider-kubernetes/lib/config-map-v1";
import { KubernetesProviders } from "../../../lib/constructs/kubernetes/kubernetes-providers";
import { K8sFirewallChart } from "../../../lib/constructs/kubernetes/k8s-firewall-chart";
import { KubernetesCloud } from "../../../lib/constructs/kubernetes/kubernetes-cloud";
import { onlyResource, synthStack } from "./synth-helpers";
import { expectInputError } from "../../support/expect-error";

describe("KubernetesProviders", () => {
  test("GIVEN an EKS cluster name WHEN synthesized THEN both providers use the data-source endpoint and CA, and the aws eks get-token exec plugin (no plan-time token)", () => {
    const { json } = synthStack((stack) => KubernetesProviders.forEks(stack, "k8s", { clusterName: "obot", region: "us-east-1" }));
    const k8s = json.provider.kubernetes[0];
    expect(k8s.host).toMatch(/^\$\{data\.aws_eks_cluster\..+\.endpoint\}$/);
    expect(k8s.cluster_ca_certificate).toMatch(/^\$\{base64decode\(data\.aws_eks_cluster\..+\.certificate_authority\[0\]\.data\)\}$/);
    expect(k8s.token).toBeUndefined();
    expect(json.data.aws_eks_cluster_auth).toBeUndefined();
    const exec = {
      api_version: "client.authentication.k8s.io/v1beta1",
      command: "aws",
      args: ["eks", "get-token", "--cluster-name", "obot", "--region", "us-east-1"],
    };
    expect(k8s.exec).toEqual([exec]);
    // helm 3.x takes exec as one object under kubernetes; the kubernetes provider as a block list.
    expect(json.provider.helm[0].kubernetes).toEqual({ host: k8s.host, cluster_ca_certificate: k8s.cluster_ca_certificate, exec });
    expect(json).toMatchSnapshot();
  });

  test("GIVEN an AKS cluster in the stack WHEN synthesized THEN client certificate, key and CA are decoded from kube_admin_config", () => {
    const { json } = synthStack((stack) => {
      const aks = new AksCluster(stack, "aks", {
        name: "aks",
        location: "eastus",
        resourceGroupName: "rg",
        dnsPrefix: "aks",
        defaultNodePool: { name: "system", vmSize: "Standard_D4s_v3", nodeCount: 2 },
        identity: { type: "SystemAssigned" },
      });
      KubernetesProviders.forAks(stack, "k8s", { cluster: aks, admin: true, alias: "aks" });
    });
    const k8s = json.provider.kubernetes[0];
    expect(k8s.alias).toBe("aks");
    expect(k8s.client_key).toMatch(/^\$\{base64decode\(azurerm_kubernetes_cluster\.aks\.kube_admin_config\[0\]\.client_key\)\}$/);
    expect(k8s.host).toBe("${azurerm_kubernetes_cluster.aks.kube_admin_config[0].host}");
    expect(json.provider.helm[0]).toMatchObject({ alias: "aks", kubernetes: { host: k8s.host } });
  });

  test("GIVEN a GKE cluster WHEN synthesized THEN the host is https://endpoint with a google_client_config token", () => {
    const { json } = synthStack((stack) => {
      const gke = new ContainerCluster(stack, "gke", { name: "chat", location: "us-central1" });
      KubernetesProviders.forGke(stack, "k8s", { cluster: gke });
    });
    const k8s = json.provider.kubernetes[0];
    expect(k8s.host).toBe("https://${google_container_cluster.gke.endpoint}");
    expect(k8s.token).toMatch(/^\$\{data\.google_client_config\..+\.access_token\}$/);
    expect(k8s.cluster_ca_certificate).toBe("${base64decode(google_container_cluster.gke.master_auth[0].cluster_ca_certificate)}");
  });

  test("GIVEN a kubeconfig path WHEN used by a construct THEN resources reference the aliased providers", () => {
    const { json } = synthStack((stack) => {
      const p = KubernetesProviders.fromKubeconfig(stack, "k8s", { configPath: "~/.kube/config", context: "lab", alias: "lab" });
      expect(p.cloud).toBeUndefined();
      new K8sFirewallChart(stack, "crds", { version: "9.0.0", providers: p });
      new ConfigMapV1(stack, "cm", { metadata: { name: "x" }, provider: p.kubernetes });
    });
    expect(json.provider.kubernetes[0]).toEqual({ alias: "lab", config_path: "~/.kube/config", config_context: "lab" });
    expect(json.provider.helm[0].kubernetes).toEqual({ config_path: "~/.kube/config", config_context: "lab" });
    expect(onlyResource(json, "helm_release").provider).toBe("helm.lab");
  });

  test("GIVEN EKS outputs from the same stack WHEN synthesized THEN no data source is read", () => {
    const { json } = synthStack((stack) => {
      const p = KubernetesProviders.forEks(stack, "k8s", { clusterName: "obot", endpoint: "https://x", certificateAuthorityData: "Q0E=" });
      expect(p.cloud).toBe(KubernetesCloud.EKS);
    });
    expect(json.data).toBeUndefined();
    expect(json.provider.kubernetes[0].host).toBe("https://x");
  });

  describe("rejects", () => {
    test.each([
      ["EKS without a cluster name", (s: any) => KubernetesProviders.forEks(s, "k8s", { clusterName: "" }), "KubernetesProviders.clusterName"],
      [
        "EKS endpoint without CA",
        (s: any) => KubernetesProviders.forEks(s, "k8s", { clusterName: "a", endpoint: "https://x" }),
        "KubernetesProviders.endpoint",
      ],
      ["an empty kubeconfig path", (s: any) => KubernetesProviders.fromKubeconfig(s, "k8s", { configPath: "" }), "KubernetesProviders.configPath"],
    ])("%s", (_name, build, names) => {
      synthStack((stack) => expect(expectInputError(() => build(stack), names)).toMatchSnapshot());
    });
  });
});

// docs/ARCHITECTURE.md §8 snapshots of KubernetesProviders for AKS, GKE and a kubeconfig (EKS is snapshotted in
// kubernetes-providers.test.ts), and `vca validate`-clean synth for KubernetesProviders and
// PodSnatDisabled on every cloud.
import { KubernetesCluster as AksCluster } from "@cdktf/provider-azurerm/lib/kubernetes-cluster";
import { ContainerCluster } from "@cdktf/provider-google/lib/container-cluster";
import { TerraformStack } from "../../../lib/core/cdktf";
import { KubernetesCloud } from "../../../lib/constructs/kubernetes/kubernetes-cloud";
import { KubernetesProviders } from "../../../lib/constructs/kubernetes/kubernetes-providers";
import { PodSnatDisabled } from "../../../lib/constructs/kubernetes/pod-snat-disabled";
import { synthStack } from "./synth-helpers";

const aks = (stack: TerraformStack) =>
  new AksCluster(stack, "aks", {
    name: "aks",
    location: "eastus",
    resourceGroupName: "rg",
    dnsPrefix: "aks",
    defaultNodePool: { name: "system", vmSize: "Standard_D4s_v3", nodeCount: 2 },
    identity: { type: "SystemAssigned" },
  });
const gke = (stack: TerraformStack) => new ContainerCluster(stack, "gke", { name: "chat", location: "us-central1-a" });

describe("KubernetesProviders snapshots", () => {
  const CASES: ReadonlyArray<[string, (stack: TerraformStack) => void]> = [
    ["AKS (user credentials)", (s) => KubernetesProviders.forAks(s, "k8s", { cluster: aks(s) })],
    ["AKS (admin credentials, aliased)", (s) => KubernetesProviders.forAks(s, "k8s", { cluster: aks(s), admin: true, alias: "aks" })],
    ["GKE", (s) => KubernetesProviders.forGke(s, "k8s", { cluster: gke(s) })],
    ["kubeconfig", (s) => KubernetesProviders.fromKubeconfig(s, "k8s", { configPath: "~/.kube/config" })],
    ["kubeconfig with context and alias", (s) => KubernetesProviders.fromKubeconfig(s, "k8s", { configPath: "~/.kube/config", context: "lab", alias: "lab" })],
    ["EKS", (s) => KubernetesProviders.forEks(s, "k8s", { clusterName: "obot" })],
  ];
  test.each(CASES)("GIVEN %s WHEN synthesized THEN snapshot, vca validate clean", (name, build) => {
    const { json, text } = synthStack(build);
    expect(text).toPassVcaValidation();
    if (name !== "EKS") expect({ data: json.data, provider: json.provider, resource: json.resource }).toMatchSnapshot();
  });
});

describe("PodSnatDisabled synth passes vca validate", () => {
  const CASES: ReadonlyArray<[string, (stack: TerraformStack) => void]> = [
    ["AKS", (s) => new PodSnatDisabled(s, "snat", { cloud: KubernetesCloud.AKS })],
    ["AKS patch mode", (s) => new PodSnatDisabled(s, "snat", { cloud: KubernetesCloud.AKS, aks: { mode: "patch" } })],
    ["EKS", (s) => new PodSnatDisabled(s, "snat", { cloud: KubernetesCloud.EKS, eks: { clusterName: "obot" } })],
    ["GKE", (s) => new PodSnatDisabled(s, "snat", { cloud: KubernetesCloud.GKE, gke: { cluster: gke(s) } })],
  ];
  test.each(CASES)("%s", (_name, build) => {
    expect(synthStack(build).text).toPassVcaValidation();
  });
});

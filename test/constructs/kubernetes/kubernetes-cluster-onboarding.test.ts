import { TerraformVariable } from "../../../lib/core/cdktf";
import { K8sFirewallChart } from "../../../lib/constructs/kubernetes/k8s-firewall-chart";
import { KubernetesCloud } from "../../../lib/constructs/kubernetes/kubernetes-cloud";
import { KubernetesClusterOnboarding } from "../../../lib/constructs/kubernetes/kubernetes-cluster-onboarding";
import { expectNoSecretLiterals, onlyResource, resourcesOf, synthStack, validationErrors } from "./synth-helpers";
import { expectInputError } from "../../support/expect-error";

const EKS_ARN = "arn:aws:eks:us-east-1:123456789012:cluster/obot";
const AKS_ID = "/subscriptions/0000/resourceGroups/RG/providers/Microsoft.ContainerService/managedClusters/Aks1";
const GKE_LINK = "https://container.googleapis.com/v1/projects/p1/locations/us-central1/clusters/chat";

describe("KubernetesClusterOnboarding", () => {
  test("GIVEN an AKS cluster WHEN synthesized THEN cluster_id is the lower-cased resource id with CSP credentials", () => {
    const { json } = synthStack((stack) => new KubernetesClusterOnboarding(stack, "onboard", { cloud: KubernetesCloud.AKS, clusterId: AKS_ID }));
    expect(onlyResource(json, "aviatrix_kubernetes_cluster")).toEqual({ cluster_id: AKS_ID.toLowerCase(), use_csp_credentials: true });
    expect(json).toMatchSnapshot();
    expect(validationErrors(json)).toEqual([]);
  });

  test("GIVEN an AKS id and aksClusterIdCase asIs WHEN synthesized THEN the id is sent unchanged", () => {
    const { json } = synthStack(
      (stack) => new KubernetesClusterOnboarding(stack, "onboard", { cloud: KubernetesCloud.AKS, clusterId: AKS_ID, aksClusterIdCase: "asIs" }),
    );
    expect(onlyResource(json, "aviatrix_kubernetes_cluster").cluster_id).toBe(AKS_ID);
  });

  test("GIVEN an AKS id reference WHEN synthesized THEN lower() is applied by Terraform", () => {
    const { json } = synthStack((stack) => {
      const id = new TerraformVariable(stack, "aks_id", { type: "string" });
      new KubernetesClusterOnboarding(stack, "onboard", { cloud: KubernetesCloud.AKS, clusterId: id.stringValue });
    });
    expect(onlyResource(json, "aviatrix_kubernetes_cluster").cluster_id).toBe("${lower(var.aks_id)}");
  });

  test("GIVEN EKS without register WHEN synthesized THEN no resource is created (auto-discovery) but clusterId is exposed", () => {
    const { json } = synthStack((stack) => {
      const chart = new K8sFirewallChart(stack, "crds", { version: "9.0.0" });
      const o = new KubernetesClusterOnboarding(stack, "onboard", { cloud: KubernetesCloud.EKS, clusterId: EKS_ARN, firewallChart: chart });
      expect(o.clusterId).toBe(EKS_ARN);
      expect(o.resource).toBeUndefined();
      expect(o.dependable).toEqual([chart.release]);
    });
    expect(resourcesOf(json, "aviatrix_kubernetes_cluster")).toEqual({});
  });

  test("GIVEN everything on (GKE, kubeconfig variable, CRD chart, extra deps) WHEN synthesized THEN the registration waits for the CRDs and the kubeconfig stays a reference", () => {
    const { json, text } = synthStack((stack) => {
      const chart = new K8sFirewallChart(stack, "crds", { version: "10.1.0" });
      const kubeconfig = new TerraformVariable(stack, "gke_kubeconfig", { type: "string", sensitive: true });
      new KubernetesClusterOnboarding(stack, "onboard", {
        cloud: KubernetesCloud.GKE,
        clusterId: GKE_LINK,
        credentials: { kubeConfig: kubeconfig.stringValue },
        intraClusterInspection: true,
        firewallChart: chart,
      });
    });
    const cluster = onlyResource(json, "aviatrix_kubernetes_cluster");
    expect(cluster.kube_config).toBe("${var.gke_kubeconfig}");
    expect(cluster.depends_on).toEqual([expect.stringMatching(/^helm_release\.crds_release_/)]);
    expect(json.variable.gke_kubeconfig.sensitive).toBe(true);
    expectNoSecretLiterals(text);
    expect(json).toMatchSnapshot();
    expect(validationErrors(json)).toEqual([]);
  });

  test("GIVEN a CUSTOM cluster WHEN synthesized THEN cluster_details default to FLAT networking", () => {
    const { json } = synthStack((stack) => {
      const kc = new TerraformVariable(stack, "kc", { type: "string", sensitive: true });
      new KubernetesClusterOnboarding(stack, "onboard", {
        cloud: KubernetesCloud.CUSTOM,
        clusterId: "lab-kubeadm-1",
        credentials: { kubeConfig: kc.stringValue },
        clusterDetails: {
          accountName: "aws-lab",
          accountId: "123456789012",
          name: "lab",
          region: "us-east-1",
          vpcId: "vpc-1",
          isPubliclyAccessible: false,
          platform: "kubeadm",
          version: "1.30",
          tags: { z: "1", a: "2" },
        },
      });
    });
    const details = onlyResource(json, "aviatrix_kubernetes_cluster").cluster_details;
    expect(details.network_mode).toBe("FLAT");
    expect(Object.keys(details.tags)).toEqual(["a", "z"]);
  });

  describe("rejects", () => {
    const cases: [string, object, string][] = [
      ["an EKS id that is not an ARN", { cloud: KubernetesCloud.EKS, clusterId: "obot", register: true }, "KubernetesClusterOnboarding.clusterId"],
      ["an AKS id that is not a resource id", { cloud: KubernetesCloud.AKS, clusterId: "aks1" }, "KubernetesClusterOnboarding.clusterId"],
      [
        "a GKE id that is not a self link",
        { cloud: KubernetesCloud.GKE, clusterId: "projects/p/clusters/c", credentials: { useCspCredentials: true } },
        "KubernetesClusterOnboarding.clusterId",
      ],
      ["GKE without credentials", { cloud: KubernetesCloud.GKE, clusterId: GKE_LINK }, "KubernetesClusterOnboarding.credentials"],
      [
        "a literal kubeconfig",
        { cloud: KubernetesCloud.AKS, clusterId: AKS_ID, credentials: { kubeConfig: "apiVersion: v1\nkind: Config" } },
        "KubernetesClusterOnboarding.credentials.kubeConfig",
      ],
      [
        "both credential kinds",
        { cloud: KubernetesCloud.AKS, clusterId: AKS_ID, credentials: { useCspCredentials: true, kubeConfig: "x" } },
        "KubernetesClusterOnboarding.credentials",
      ],
      ["no credential kind", { cloud: KubernetesCloud.AKS, clusterId: AKS_ID, credentials: {} }, "KubernetesClusterOnboarding.credentials"],
      ["clusterDetails on a CSP cluster", { cloud: KubernetesCloud.AKS, clusterId: AKS_ID, clusterDetails: {} }, "KubernetesClusterOnboarding.clusterDetails"],
      [
        "CUSTOM without clusterDetails",
        { cloud: KubernetesCloud.CUSTOM, clusterId: "x", credentials: { useCspCredentials: true } },
        "KubernetesClusterOnboarding.clusterDetails",
      ],
      [
        "aksClusterIdCase on EKS",
        { cloud: KubernetesCloud.EKS, clusterId: EKS_ARN, aksClusterIdCase: "lower" },
        "KubernetesClusterOnboarding.aksClusterIdCase",
      ],
      [
        "credentials while not registering",
        { cloud: KubernetesCloud.EKS, clusterId: EKS_ARN, credentials: { useCspCredentials: true } },
        "KubernetesClusterOnboarding.register",
      ],
      ["an unknown cloud", { cloud: "OKE", clusterId: "x" }, "KubernetesClusterOnboarding.cloud"],
      ["an empty cluster id", { cloud: KubernetesCloud.AKS, clusterId: " " }, "KubernetesClusterOnboarding.clusterId"],
    ];
    test.each(cases)("%s", (_name, props, names) => {
      synthStack((stack) => expect(expectInputError(() => new KubernetesClusterOnboarding(stack, "onboard", props as never), names)).toMatchSnapshot());
    });
  });
});

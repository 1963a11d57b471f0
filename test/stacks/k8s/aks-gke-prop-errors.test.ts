// GIVEN invalid AKS / GKE stack props WHEN the stack is built THEN it throws ConstructPropsError
// (exit 2) naming the stack path and the prop; the full message is snapshotted (docs/ARCHITECTURE.md §8).
import { ConstructPropsError } from "../../../lib/core/construct-props-error";
import { AksVcaStack, AksVcaStackProps } from "../../../stacks/aks-vca-stack";
import { GkeVcaStack, GkeVcaStackProps } from "../../../stacks/gke-vca-stack";
import { testApp } from "./helpers";

const librechat = { config: "version: 1.2.1\n" };
const AKS: AksVcaStackProps = {
  controllerVersion: "9.0",
  accountName: "az",
  subscriptionId: "11111111-2222-3333-4444-555555555555",
  location: "westeurope",
  namePrefix: "a",
  newNetwork: { cidr: "10.1.0.0/16" },
  newCluster: {},
  librechat,
};
const AKS_EXISTING: AksVcaStackProps = {
  ...AKS,
  newNetwork: undefined,
  newCluster: undefined,
  existingNetwork: { vpcId: "vnet:rg:00000000-0000-0000-0000-000000000000", gatewaySubnetCidr: "10.1.0.0/28", nodeSubnetCidr: "10.1.1.0/24" },
  existingCluster: { id: "/subscriptions/sub/aks", kubeconfigPath: "~/.kube/config" },
};
const GKE: GkeVcaStackProps = {
  controllerVersion: "9.0",
  accountName: "gcp",
  projectId: "p",
  zone: "us-central1-a",
  namePrefix: "g",
  newNetwork: { cidr: "10.40.0.0/16" },
  newCluster: {},
  librechat,
};
const GKE_EXISTING_NETWORK = { vpcId: "net~-~proj-123", gatewaySubnetCidr: "10.40.0.0/28", nodeSubnetCidr: "10.40.1.0/24" };

const CASES: ReadonlyArray<[string, string, () => unknown]> = [
  ["AKS: empty location", "location", () => new AksVcaStack(testApp(), "s", { ...AKS, location: "" })],
  ["AKS: location missing", "location", () => new AksVcaStack(testApp(), "s", { ...AKS, location: undefined as never })],
  ["AKS: blank subscriptionId", "subscriptionId", () => new AksVcaStack(testApp(), "s", { ...AKS, subscriptionId: "  " })],
  [
    "AKS: the all-zero placeholder subscriptionId",
    "subscriptionId",
    () => new AksVcaStack(testApp(), "s", { ...AKS, subscriptionId: "00000000-0000-0000-0000-000000000000" }),
  ],
  [
    "AKS: empty existingCluster.id",
    "existingCluster.id",
    () => new AksVcaStack(testApp(), "s", { ...AKS_EXISTING, existingCluster: { id: "", kubeconfigPath: "~/.kube/config" } }),
  ],
  ["GKE: empty projectId", "projectId", () => new GkeVcaStack(testApp(), "g", { ...GKE, projectId: "" })],
  ["GKE: neither newNetwork nor existingNetwork", "newNetwork/existingNetwork", () => new GkeVcaStack(testApp(), "g", { ...GKE, newNetwork: undefined })],
  [
    "GKE: both newNetwork and existingNetwork",
    "newNetwork/existingNetwork",
    () => new GkeVcaStack(testApp(), "g", { ...GKE, existingNetwork: GKE_EXISTING_NETWORK }),
  ],
  ["GKE: neither newCluster nor existingCluster", "newCluster/existingCluster", () => new GkeVcaStack(testApp(), "g", { ...GKE, newCluster: undefined })],
  ["GKE: empty newCluster.name", "newCluster.name", () => new GkeVcaStack(testApp(), "g", { ...GKE, newCluster: { name: "" } })],
  [
    "GKE: newCluster in an existing network",
    "newCluster",
    () => new GkeVcaStack(testApp(), "g", { ...GKE, newNetwork: undefined, existingNetwork: GKE_EXISTING_NETWORK }),
  ],
  [
    "GKE: empty existingCluster.selfLink",
    "existingCluster.selfLink",
    () =>
      new GkeVcaStack(testApp(), "g", {
        ...GKE,
        newNetwork: undefined,
        existingNetwork: GKE_EXISTING_NETWORK,
        newCluster: undefined,
        existingCluster: { selfLink: "", kubeconfigPath: "~/.kube/config" },
      }),
  ],
  ["GKE: bad mode", "mode", () => new GkeVcaStack(testApp(), "g", { ...GKE, mode: "audit" as never })],
  ["GKE: no workload", "librechat/obot", () => new GkeVcaStack(testApp(), "g", { ...GKE, librechat: undefined })],
];

describe.each(CASES)("GIVEN %s", (_name, prop, build) => {
  test("WHEN built THEN ConstructPropsError names the prop, message snapshotted", () => {
    let err: unknown;
    try {
      build();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConstructPropsError);
    expect((err as ConstructPropsError).prop).toBe(prop);
    expect((err as Error).message).toMatchSnapshot();
  });
});

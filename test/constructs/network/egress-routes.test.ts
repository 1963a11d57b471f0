import { AzureEgressRouteTable, AzureEgressRouteTableProps, GcpEgressRoute, GcpEgressRouteProps } from "../../../lib/constructs/network";
import { Fn } from "../../../lib/core/cdktf";
import { newStack, only, synth } from "./synth";
import { expectInputError } from "../../support/expect-error";

const AZ: AzureEgressRouteTableProps = {
  name: "aks-egress",
  resourceGroupName: "obot-mcp-rg",
  location: "westeurope",
  nextHopIp: "10.1.200.4",
  subnetIds: { nodes: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes" },
};

describe("AzureEgressRouteTable", () => {
  test("GIVEN workload subnets WHEN synthesized THEN 0/0 goes to the gateway as VirtualAppliance and each subnet is associated after the route", () => {
    const { resources } = synth((s) => new AzureEgressRouteTable(s, "Egress", { ...AZ, subnetIds: { pods: "pods-id", nodes: "nodes-id" } }));
    expect(only(resources, "azurerm_route_table")).toMatchObject({ bgp_route_propagation_enabled: false, lifecycle: { ignore_changes: ["route"] } });
    expect(only(resources, "azurerm_route")).toMatchObject({
      address_prefix: "0.0.0.0/0",
      next_hop_type: "VirtualAppliance",
      next_hop_in_ip_address: "10.1.200.4",
    });
    const assoc = Object.values(resources.azurerm_subnet_route_table_association) as any[];
    expect(assoc.map((a) => a.subnet_id)).toEqual(["nodes-id", "pods-id"]);
    expect(assoc.every((a) => a.depends_on[0].startsWith("azurerm_route."))).toBe(true);
    expect(AzureEgressRouteTable.AKS_OUTBOUND_TYPE).toBe("userDefinedRouting");
  });

  test("GIVEN a token next hop WHEN constructed THEN it is not value-checked", () => {
    const { resources } = synth((s) => new AzureEgressRouteTable(s, "Egress", { ...AZ, nextHopIp: Fn.lower("X") }));
    expect(only(resources, "azurerm_route").next_hop_in_ip_address).toBe('${lower("X")}');
  });

  test.each<[string, Partial<AzureEgressRouteTableProps>, string]>([
    ["a bad next hop", { nextHopIp: "10.1.200" }, "AzureEgressRouteTable.nextHopIp"],
    ["no subnets", { subnetIds: {} }, "AzureEgressRouteTable.subnetIds"],
    ["a bad subnet key", { subnetIds: { "node pool": "id" } }, "AzureEgressRouteTable.subnetIds"],
    ["an empty name", { name: "" }, "AzureEgressRouteTable.name"],
  ])("GIVEN %s WHEN constructed THEN the error names the prop", (_, override, names) => {
    expect(expectInputError(() => new AzureEgressRouteTable(newStack(), "Egress", { ...AZ, ...override }), names)).toMatchSnapshot();
  });

  test("GIVEN a minimal table WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth((s) => new AzureEgressRouteTable(s, "Egress", AZ));
    expect(Object.keys(resources).sort()).toEqual(["azurerm_route", "azurerm_route_table", "azurerm_subnet_route_table_association"]);
    expect(only(resources, "azurerm_route_table")).toMatchObject({
      name: "aks-egress",
      resource_group_name: "obot-mcp-rg",
      location: "westeurope",
      bgp_route_propagation_enabled: false,
    });
    expect(only(resources, "azurerm_route")).toMatchObject({
      address_prefix: "0.0.0.0/0",
      next_hop_type: "VirtualAppliance",
      next_hop_in_ip_address: "10.1.200.4",
    });
    expect(only(resources, "azurerm_subnet_route_table_association").subnet_id).toBe(AZ.subnetIds.nodes);
    expect(resources).toMatchSnapshot();
  });

  test("GIVEN every option WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth(
      (s) =>
        new AzureEgressRouteTable(s, "Egress", { ...AZ, subnetIds: { nodes: "n", pods: "p" }, bgpRoutePropagationEnabled: true, tags: { z: "1", a: "2" } }),
    );
    expect(only(resources, "azurerm_route_table")).toMatchObject({ bgp_route_propagation_enabled: true, tags: { a: "2", z: "1" } });
    expect(Object.values(resources.azurerm_subnet_route_table_association).map((a) => a.subnet_id)).toEqual(["n", "p"]);
    expect(resources).toMatchSnapshot();
  });
});

const GCP: GcpEgressRouteProps = { name: "gke-egress", network: "gke-vpc", nextHopIp: "10.20.0.2" };

describe("GcpEgressRoute", () => {
  test("GIVEN defaults WHEN synthesized THEN 0/0 goes to the gateway IP at the controller's priority 991", () => {
    const { resources } = synth((s) => new GcpEgressRoute(s, "Egress", GCP));
    const route = only(resources, "google_compute_route");
    expect(route).toMatchObject({ dest_range: "0.0.0.0/0", next_hop_ip: "10.20.0.2", priority: 991, network: "gke-vpc" });
    expect(route).not.toHaveProperty("tags");
  });

  test.each<[string, Partial<GcpEgressRouteProps>, string]>([
    ["priority 1000 (ties with the internet route)", { priority: 1000 }, "GcpEgressRoute.priority"],
    ["a bad name", { name: "GKE_egress" }, "GcpEgressRoute.name"],
    ["a bad tag", { instanceTags: ["Nodes"] }, "GcpEgressRoute.instanceTags"],
    ["a bad next hop", { nextHopIp: "gw" }, "GcpEgressRoute.nextHopIp"],
  ])("GIVEN %s WHEN constructed THEN the error names the prop", (_, override, names) => {
    expect(expectInputError(() => new GcpEgressRoute(newStack(), "Egress", { ...GCP, ...override }), names)).toMatchSnapshot();
  });

  test("GIVEN a minimal route WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth((s) => new GcpEgressRoute(s, "Egress", GCP));
    expect(Object.keys(resources)).toEqual(["google_compute_route"]);
    expect(only(resources, "google_compute_route")).toEqual({
      name: "gke-egress",
      network: "gke-vpc",
      dest_range: "0.0.0.0/0",
      next_hop_ip: "10.20.0.2",
      priority: 991,
    });
    expect(resources).toMatchSnapshot();
  });

  test("GIVEN every option WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth(
      (s) => new GcpEgressRoute(s, "Egress", { ...GCP, priority: 900, instanceTags: ["gke-nodes", "agents"], projectId: "vca-lab-123" }),
    );
    expect(only(resources, "google_compute_route")).toMatchObject({ priority: 900, project: "vca-lab-123", tags: ["agents", "gke-nodes"] });
    expect(resources).toMatchSnapshot();
  });
});

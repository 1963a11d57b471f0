import { Cloud, SpokeGateway, VpcId } from "../../../lib/constructs/network";
import { inventory, only, synth } from "./synth";

const EXISTING = {
  name: "gke-spoke",
  cloud: Cloud.GCP,
  accountName: "gcp-lab",
  region: "us-west1-b",
  vpcId: VpcId.gcp({ networkName: "gke-vpc", projectId: "vca-lab-123" }),
  gatewaySubnet: "10.20.0.0/28",
};

describe("SpokeGateway on GCP", () => {
  test("GIVEN an existing network WHEN synthesized THEN cloud_type 4, name~-~project and the zone as vpc_reg are rendered", () => {
    const { resources } = synth((s) => new SpokeGateway(s, "Spoke", EXISTING));
    expect(only(resources, "aviatrix_spoke_gateway")).toMatchObject({
      cloud_type: 4,
      vpc_id: "gke-vpc~-~vca-lab-123",
      vpc_reg: "us-west1-b",
      gw_size: "n1-standard-1",
    });
  });

  test("GIVEN HA by zone only WHEN synthesized THEN ha_zone and ha_gw_size are set and ha_subnet is not", () => {
    const { resources } = synth((s) => new SpokeGateway(s, "Spoke", { ...EXISTING, ha: { zone: "us-west1-c" } }));
    const gw = only(resources, "aviatrix_spoke_gateway");
    expect(gw).toMatchObject({ ha_zone: "us-west1-c", ha_gw_size: "n1-standard-1" });
    expect(gw).not.toHaveProperty("ha_subnet");
  });

  test("GIVEN a new network WHEN synthesized THEN a custom-mode network and regional subnetworks are created", () => {
    const { resources } = synth(
      (s) =>
        new SpokeGateway(s, "Spoke", {
          name: "gke_spoke",
          cloud: Cloud.GCP,
          accountName: "gcp-lab",
          region: "us-west1-b",
          ha: { zone: "us-west1-c" },
          newNetwork: { cidr: "10.20.0.0/16", projectId: "vca-lab-123" },
        }),
    );
    expect(only(resources, "google_compute_network")).toMatchObject({ name: "gke-spoke-vpc", auto_create_subnetworks: false, project: "vca-lab-123" });
    const subnets = Object.values(resources.google_compute_subnetwork) as any[];
    expect(subnets.map((s) => [s.ip_cidr_range, s.region])).toEqual([
      ["10.20.0.0/28", "us-west1"],
      ["10.20.64.0/18", "us-west1"],
    ]);
    expect(only(resources, "aviatrix_spoke_gateway").vpc_id).toMatch(/^\$\{google_compute_network\.[^.]+\.name\}~-~vca-lab-123$/);
    expect(resources.google_compute_route).toBeUndefined();
  });

  test("GIVEN the minimal existing-network spoke WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth((s) => new SpokeGateway(s, "Spoke", EXISTING));
    expect(inventory(resources)).toEqual({ aviatrix_spoke_gateway: 1 });
    expect(only(resources, "aviatrix_spoke_gateway")).toEqual({
      account_name: "gcp-lab",
      cloud_type: 4,
      gw_name: "gke-spoke",
      gw_size: "n1-standard-1",
      subnet: "10.20.0.0/28",
      vpc_id: "gke-vpc~-~vca-lab-123",
      vpc_reg: "us-west1-b",
    });
    expect(resources).toMatchSnapshot();
  });

  test("GIVEN every GCP option on a created network WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth(
      (s) =>
        new SpokeGateway(s, "Spoke", {
          name: "gke-spoke-all",
          cloud: Cloud.GCP,
          accountName: "gcp-lab",
          region: "us-west1-b",
          gatewaySize: "n2-standard-2",
          ha: { zone: "us-west1-c", gatewaySize: "n2-standard-2" },
          singleIpSnat: true,
          newNetwork: { cidr: "10.20.0.0/16", projectId: "vca-lab-123", workloadSubnetCount: 2 },
          attachTo: { gatewayName: "gcp-transit" },
          attachment: { tunnelCount: 2 },
        }),
    );
    expect(inventory(resources)).toEqual({
      aviatrix_spoke_gateway: 1,
      aviatrix_spoke_transit_attachment: 1,
      google_compute_network: 1,
      google_compute_subnetwork: 3,
    });
    expect(only(resources, "aviatrix_spoke_gateway")).toMatchObject({
      cloud_type: 4,
      gw_name: "gke-spoke-all",
      gw_size: "n2-standard-2",
      ha_gw_size: "n2-standard-2",
      ha_zone: "us-west1-c",
      single_ip_snat: true,
      subnet: "10.20.0.0/28",
      vpc_reg: "us-west1-b",
    });
    expect(only(resources, "google_compute_network")).toMatchObject({ auto_create_subnetworks: false, project: "vca-lab-123" });
    expect(Object.values(resources.google_compute_subnetwork).map((s) => [s.ip_cidr_range, s.project, s.private_ip_google_access])).toEqual([
      ["10.20.0.0/28", "vca-lab-123", undefined],
      ["10.20.64.0/18", "vca-lab-123", true],
      ["10.20.128.0/18", "vca-lab-123", true],
    ]);
    expect(only(resources, "aviatrix_spoke_transit_attachment")).toMatchObject({ transit_gw_name: "gcp-transit", tunnel_count: 2 });
    expect(resources).toMatchSnapshot();
  });
});

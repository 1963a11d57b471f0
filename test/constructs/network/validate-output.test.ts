// Everything the network constructs synthesize must pass the offline provider-schema validation.
import { Construct } from "constructs";
import { AzureEgressRouteTable, Cloud, GcpEgressRoute, SpokeGateway, SpokeTransitAttachment, TransitGateway, VpcId } from "../../../lib/constructs/network";
import { formatValidationFinding, validateTerraformJson } from "../../../lib/validate";
import { synth } from "./synth";

const SCENARIOS: Record<string, (s: Construct) => void> = {
  "AWS spoke, existing VPC, HA + insane mode + attachment": (s) => {
    const transit = new TransitGateway(s, "Transit", {
      name: "transit",
      cloud: Cloud.AWS,
      accountName: "aws",
      region: "us-east-2",
      vpcId: "vpc-0fedcba9876543210",
      gatewaySubnet: "10.40.0.0/26",
      insaneMode: true,
      insaneModeAz: "us-east-2a",
      ha: { subnet: "10.40.0.64/26", insaneModeAz: "us-east-2b" },
      connectedTransit: true,
      tags: { a: "b" },
    });
    new SpokeGateway(s, "Spoke", {
      name: "spoke",
      cloud: Cloud.AWS,
      accountName: "aws",
      region: "us-east-2",
      vpcId: "vpc-0a1b2c3d4e5f67890",
      gatewaySubnet: "10.50.0.0/26",
      insaneMode: true,
      insaneModeAz: "us-east-2a",
      ha: { subnet: "10.50.0.64/26", insaneModeAz: "us-east-2b" },
      singleIpSnat: true,
      enablePrivateVpcDefaultRoute: true,
      enableSkipPublicRouteTableUpdate: true,
      enableVpcDnsServer: true,
      tags: { a: "b" },
      attachTo: transit,
      attachment: { tunnelCount: 4, routeTables: ["rt"] },
    });
  },
  "AWS spoke, created VPC": (s) => {
    new SpokeGateway(s, "Spoke", {
      name: "spoke",
      cloud: Cloud.AWS_GOV,
      accountName: "aws",
      region: "us-gov-west-1",
      ha: {},
      newNetwork: { cidr: "10.50.0.0/16", availabilityZones: ["us-gov-west-1a", "us-gov-west-1b"] },
    });
  },
  "Azure spoke, created VNet with UDR": (s) => {
    new SpokeGateway(s, "Spoke", {
      name: "spoke",
      cloud: Cloud.AZURE,
      accountName: "az",
      region: "westeurope",
      zone: "az-1",
      ha: { zone: "az-2" },
      singleIpSnat: true,
      privateRouteTableConfig: ["rt:rg"],
      tags: { a: "b" },
      newNetwork: { cidr: "10.1.0.0/16", resourceGroupName: "rg", workloadSubnetCount: 2 },
      attachTo: { gatewayName: "t" },
      attachment: { enableMaxPerformance: false },
    });
  },
  "Azure spoke, existing VNet + explicit egress table": (s) => {
    const spoke = new SpokeGateway(s, "Spoke", {
      name: "spoke",
      cloud: Cloud.AZURE_GOV,
      accountName: "az",
      region: "usgovvirginia",
      vpcId: VpcId.azure({ vnetName: "v", resourceGroupName: "rg", vnetGuid: "0b5c1c2e-8c0e-4a5e-9a53-2f0b1f6f3a11" }),
      gatewaySubnet: "10.1.200.0/26",
    });
    new AzureEgressRouteTable(s, "Egress", {
      name: "rt",
      resourceGroupName: "rg",
      location: "usgovvirginia",
      nextHopIp: spoke.privateIp,
      subnetIds: { nodes: "n" },
    });
  },
  "GCP spoke, created network + explicit route": (s) => {
    const spoke = new SpokeGateway(s, "Spoke", {
      name: "spoke",
      cloud: Cloud.GCP,
      accountName: "gcp",
      region: "us-west1-b",
      ha: { zone: "us-west1-c" },
      newNetwork: { cidr: "10.20.0.0/16", projectId: "vca-lab-123" },
    });
    new GcpEgressRoute(s, "Egress", { name: "egress", network: "n", nextHopIp: spoke.privateIp, instanceTags: ["gke-nodes"] });
  },
  "standalone attachment": (s) => {
    new SpokeTransitAttachment(s, "Attach", {
      spokeGateway: { gatewayName: "s" },
      transitGateway: { gatewayName: "t" },
      enableMaxPerformance: true,
      tunnelCount: 49,
    });
  },
};

describe("network constructs pass vca validate", () => {
  test.each(Object.keys(SCENARIOS))("GIVEN %s WHEN validated THEN there are no error findings", (name) => {
    const { json } = synth(SCENARIOS[name]);
    const errors = validateTerraformJson(json, { controllerVersion: "10.0.1" }).filter((f) => f.severity === "error");
    expect(errors.map(formatValidationFinding)).toEqual([]);
  });

  test("GIVEN a broken document WHEN validated THEN the validator does report errors (the check above is live)", () => {
    const { json } = synth(SCENARIOS["standalone attachment"]);
    const att = Object.values(json.resource.aviatrix_spoke_transit_attachment)[0] as Record<string, unknown>;
    att.tunnel_count = 50;
    expect(validateTerraformJson(json, { controllerVersion: "10.0.1" }).some((f) => f.severity === "error")).toBe(true);
  });
});

import { Cloud, SpokeGateway, SpokeTransitAttachment, TransitGateway, TransitGatewayProps } from "../../../lib/constructs/network";
import { inventory, newStack, only, synth } from "./synth";
import { expectInputError } from "../../support/expect-error";

const TRANSIT: TransitGatewayProps = {
  name: "agentcore-transit",
  cloud: Cloud.AWS,
  accountName: "aws-lab",
  region: "us-east-2",
  vpcId: "vpc-0fedcba9876543210",
  gatewaySubnet: "10.40.0.0/26",
};

describe("TransitGateway", () => {
  test("GIVEN the AgentCore transit WHEN synthesized THEN cloud_type, subnet and size are rendered and connected_transit is left to the provider", () => {
    const { resources } = synth((s) => new TransitGateway(s, "Transit", TRANSIT));
    const gw = only(resources, "aviatrix_transit_gateway");
    expect(gw).toMatchObject({
      cloud_type: 1,
      gw_name: "agentcore-transit",
      vpc_id: "vpc-0fedcba9876543210",
      vpc_reg: "us-east-2",
      subnet: "10.40.0.0/26",
      gw_size: "t3.medium",
    });
    expect(gw).not.toHaveProperty("connected_transit");
  });

  test("GIVEN connectedTransit WHEN synthesized THEN it is rendered", () => {
    const { resources } = synth((s) => new TransitGateway(s, "Transit", { ...TRANSIT, connectedTransit: true }));
    expect(only(resources, "aviatrix_transit_gateway").connected_transit).toBe(true);
  });

  test("GIVEN the shared gateway rules WHEN a transit breaks one THEN the error names TransitGateway", () => {
    expect(
      expectInputError(
        () =>
          new TransitGateway(newStack(), "Transit", {
            ...TRANSIT,
            insaneMode: true,
          }),
        "TransitGateway.insaneModeAz",
      ),
    ).toMatchInlineSnapshot(
      `"[test/Transit] TransitGateway.insaneModeAz: got nothing, want an availability zone such as us-east-2a: AWS insane mode needs insane_mode_az; set insaneModeAz"`,
    );
    expect(
      expectInputError(
        () =>
          new TransitGateway(newStack(), "Transit", {
            ...TRANSIT,
            name: "transit gw",
          }),
        "TransitGateway.name",
      ),
    ).toMatchInlineSnapshot(
      `"[test/Transit] TransitGateway.name: got "transit gw", want letters, digits, hyphens and underscores, 1 to 50 characters; rename the gateway"`,
    );
  });

  test("GIVEN a minimal transit WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth((s) => new TransitGateway(s, "Transit", TRANSIT));
    expect(inventory(resources)).toEqual({ aviatrix_transit_gateway: 1 });
    expect(only(resources, "aviatrix_transit_gateway")).toEqual({
      account_name: "aws-lab",
      cloud_type: 1,
      gw_name: "agentcore-transit",
      gw_size: "t3.medium",
      subnet: "10.40.0.0/26",
      vpc_id: "vpc-0fedcba9876543210",
      vpc_reg: "us-east-2",
    });
    expect(resources).toMatchSnapshot();
  });

  test("GIVEN every transit option WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth(
      (s) =>
        new TransitGateway(s, "Transit", {
          ...TRANSIT,
          gatewaySize: "c5n.xlarge",
          insaneMode: true,
          insaneModeAz: "us-east-2a",
          ha: {
            subnet: "10.40.0.64/26",
            insaneModeAz: "us-east-2b",
            gatewaySize: "c5n.xlarge",
          },
          connectedTransit: true,
          enableVpcDnsServer: false,
          singleIpSnat: false,
          tags: { vca: "agentcore" },
        }),
    );
    expect(inventory(resources)).toEqual({ aviatrix_transit_gateway: 1 });
    expect(only(resources, "aviatrix_transit_gateway")).toEqual({
      account_name: "aws-lab",
      cloud_type: 1,
      connected_transit: true,
      enable_vpc_dns_server: false,
      gw_name: "agentcore-transit",
      gw_size: "c5n.xlarge",
      ha_gw_size: "c5n.xlarge",
      ha_insane_mode_az: "us-east-2b",
      ha_subnet: "10.40.0.64/26",
      insane_mode: true,
      insane_mode_az: "us-east-2a",
      single_ip_snat: false,
      subnet: "10.40.0.0/26",
      tags: { vca: "agentcore" },
      vpc_id: "vpc-0fedcba9876543210",
      vpc_reg: "us-east-2",
    });
    expect(resources).toMatchSnapshot();
  });
});

describe("SpokeTransitAttachment", () => {
  test("GIVEN a spoke and transit WHEN attached THEN the attachment waits for both by referencing their names", () => {
    const { resources } = synth((s) => {
      const transit = new TransitGateway(s, "Transit", TRANSIT);
      const spoke = new SpokeGateway(s, "Spoke", {
        ...TRANSIT,
        name: "agentcore-spoke",
        vpcId: "vpc-0a1b2c3d4e5f67890",
        gatewaySubnet: "10.50.0.0/28",
      });
      new SpokeTransitAttachment(s, "Attach", {
        spokeGateway: spoke,
        transitGateway: transit,
      });
    });
    const att = only(resources, "aviatrix_spoke_transit_attachment");
    expect(att.spoke_gw_name).toMatch(/^\$\{aviatrix_spoke_gateway\./);
    expect(att.transit_gw_name).toMatch(/^\$\{aviatrix_transit_gateway\./);
    expect(att).not.toHaveProperty("tunnel_count");
    expect(att).not.toHaveProperty("enable_max_performance");
  });

  test.each([1, 49])("GIVEN tunnelCount %d WHEN attached THEN it is accepted", (tunnelCount) => {
    const { resources } = synth(
      (s) =>
        new SpokeTransitAttachment(s, "Attach", {
          spokeGateway: { gatewayName: "s" },
          transitGateway: { gatewayName: "t" },
          tunnelCount,
        }),
    );
    expect(only(resources, "aviatrix_spoke_transit_attachment").tunnel_count).toBe(tunnelCount);
  });

  test.each([0, 50, 2.5])("GIVEN tunnelCount %d WHEN attached THEN it is rejected", (tunnelCount) => {
    expect(
      () =>
        new SpokeTransitAttachment(newStack(), "Attach", {
          spokeGateway: { gatewayName: "s" },
          transitGateway: { gatewayName: "t" },
          tunnelCount,
        }),
    ).toThrow(/SpokeTransitAttachment\.tunnelCount: got .*, want an integer from 1 to 49/);
  });

  test("GIVEN an empty transit name WHEN attached THEN the error names the prop", () => {
    expect(
      expectInputError(
        () =>
          new SpokeTransitAttachment(newStack(), "Attach", {
            spokeGateway: { gatewayName: "s" },
            transitGateway: { gatewayName: "" },
          }),
        "SpokeTransitAttachment.transitGateway.gatewayName",
      ),
    ).toMatchInlineSnapshot(`"[test/Attach] SpokeTransitAttachment.transitGateway.gatewayName: got "", want a non-empty string; pass the transit gateway"`);
  });

  test("GIVEN a minimal attachment WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth(
      (s) =>
        new SpokeTransitAttachment(s, "Attach", {
          spokeGateway: { gatewayName: "spoke" },
          transitGateway: { gatewayName: "transit" },
        }),
    );
    expect(inventory(resources)).toEqual({ aviatrix_spoke_transit_attachment: 1 });
    expect(only(resources, "aviatrix_spoke_transit_attachment")).toEqual({ spoke_gw_name: "spoke", transit_gw_name: "transit" });
    expect(resources).toMatchSnapshot();
  });

  test("GIVEN every attachment option WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth(
      (s) =>
        new SpokeTransitAttachment(s, "Attach", {
          spokeGateway: { gatewayName: "spoke" },
          transitGateway: { gatewayName: "transit" },
          enableMaxPerformance: true,
          tunnelCount: 10,
          routeTables: ["rt-2", "rt-1"],
        }),
    );
    // Route tables sorted: deterministic output whatever the input order.
    expect(only(resources, "aviatrix_spoke_transit_attachment")).toEqual({
      spoke_gw_name: "spoke",
      transit_gw_name: "transit",
      enable_max_performance: true,
      tunnel_count: 10,
      route_tables: ["rt-1", "rt-2"],
    });
    expect(resources).toMatchSnapshot();
  });
});

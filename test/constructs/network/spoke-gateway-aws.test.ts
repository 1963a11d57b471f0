import { Cloud, SpokeGateway, TransitGateway } from "../../../lib/constructs/network";
import { inventory, only, rendered, synth, warnings } from "./synth";

const EXISTING = {
  name: "agentcore-spoke",
  cloud: Cloud.AWS,
  accountName: "aws-lab",
  region: "us-east-2",
  vpcId: "vpc-0a1b2c3d4e5f67890",
  gatewaySubnet: "10.50.0.0/24",
};

describe("SpokeGateway on AWS", () => {
  test("GIVEN an existing VPC WHEN synthesized THEN cloud_type 1, vpc id, region, subnet and the mc-spoke default size are rendered", () => {
    const { resources } = synth((s) => new SpokeGateway(s, "Spoke", EXISTING));
    const gw = only(resources, "aviatrix_spoke_gateway");
    expect(gw).toMatchObject({
      cloud_type: 1,
      account_name: "aws-lab",
      gw_name: "agentcore-spoke",
      vpc_id: "vpc-0a1b2c3d4e5f67890",
      vpc_reg: "us-east-2",
      subnet: "10.50.0.0/24",
      gw_size: "t3.medium",
    });
    expect(gw).not.toHaveProperty("ha_subnet");
    expect(gw).not.toHaveProperty("ha_gw_size");
    expect(resources.aws_vpc).toBeUndefined();
  });

  test("GIVEN the gateway WHEN its attributes are read THEN they are references to the gateway resource", () => {
    const { stack } = synth(() => undefined);
    const spoke = new SpokeGateway(stack, "Spoke", { ...EXISTING, ha: { subnet: "10.50.1.0/24" } });
    expect(rendered(stack, { ip: spoke.privateIp, ha: spoke.haPrivateIp, name: spoke.gatewayName })).toEqual({
      ip: expect.stringMatching(/^\$\{aviatrix_spoke_gateway\.[^.]+\.private_ip\}$/),
      ha: expect.stringMatching(/^\$\{aviatrix_spoke_gateway\.[^.]+\.ha_private_ip\}$/),
      name: expect.stringMatching(/^\$\{aviatrix_spoke_gateway\.[^.]+\.gw_name\}$/),
    });
    expect(spoke.vpcId).toBe("vpc-0a1b2c3d4e5f67890");
    expect(SpokeGateway.isSpokeGateway(spoke)).toBe(true);
    expect(SpokeGateway.isSpokeGateway({})).toBe(false);
  });

  test("GIVEN no HA WHEN read THEN haPrivateIp is undefined", () => {
    const { stack } = synth(() => undefined);
    expect(new SpokeGateway(stack, "Spoke", EXISTING).haPrivateIp).toBeUndefined();
  });

  test("GIVEN HA without a size WHEN synthesized THEN ha_gw_size follows the gateway size", () => {
    const { resources } = synth((s) => new SpokeGateway(s, "Spoke", { ...EXISTING, gatewaySize: "c5.large", ha: { subnet: "10.50.1.0/24" } }));
    expect(only(resources, "aviatrix_spoke_gateway")).toMatchObject({ gw_size: "c5.large", ha_subnet: "10.50.1.0/24", ha_gw_size: "c5.large" });
  });

  test.each([Cloud.AWS_GOV, Cloud.AWS_CHINA])("GIVEN %s WHEN synthesized THEN its cloud_type id is used", (cloud) => {
    const region = cloud === Cloud.AWS_GOV ? "us-gov-west-1" : "cn-north-1";
    const { resources } = synth((s) => new SpokeGateway(s, "Spoke", { ...EXISTING, cloud, region }));
    expect(only(resources, "aviatrix_spoke_gateway").cloud_type).toBe(cloud === Cloud.AWS_GOV ? 256 : 1024);
  });

  test("GIVEN AWS egress flags and SNAT WHEN synthesized THEN they are rendered as given", () => {
    const { resources } = synth(
      (s) =>
        new SpokeGateway(s, "Spoke", {
          ...EXISTING,
          singleIpSnat: true,
          enablePrivateVpcDefaultRoute: true,
          enableSkipPublicRouteTableUpdate: true,
        }),
    );
    expect(only(resources, "aviatrix_spoke_gateway")).toMatchObject({
      single_ip_snat: true,
      enable_private_vpc_default_route: true,
      enable_skip_public_route_table_update: true,
    });
  });

  test("GIVEN tags WHEN synthesized THEN keys are sorted", () => {
    const { resources } = synth((s) => new SpokeGateway(s, "Spoke", { ...EXISTING, tags: { z: "1", a: "2" } }));
    expect(Object.keys(only(resources, "aviatrix_spoke_gateway").tags)).toEqual(["a", "z"]);
  });

  test("GIVEN insane mode with a /24 WHEN synthesized THEN a /26 warning is attached", () => {
    const { stack, resources } = synth((s) => new SpokeGateway(s, "Spoke", { ...EXISTING, insaneMode: true, insaneModeAz: "us-east-2a" }));
    expect(only(resources, "aviatrix_spoke_gateway")).toMatchObject({ insane_mode: true, insane_mode_az: "us-east-2a" });
    expect(warnings(stack)).toEqual([expect.stringContaining('gatewaySubnet: got "10.50.0.0/24", want a /26 for AWS insane mode')]);
  });

  test("GIVEN insane mode with /26 subnets WHEN synthesized THEN there is no warning", () => {
    const { stack } = synth(
      (s) =>
        new SpokeGateway(s, "Spoke", {
          ...EXISTING,
          gatewaySubnet: "10.50.0.0/26",
          insaneMode: true,
          insaneModeAz: "us-east-2a",
          ha: { subnet: "10.50.0.64/26", insaneModeAz: "us-east-2b" },
        }),
    );
    expect(warnings(stack)).toEqual([]);
  });

  test("GIVEN a new VPC WHEN synthesized THEN VPC, public gateway subnets and private workload subnets follow the layout", () => {
    const { resources } = synth(
      (s) =>
        new SpokeGateway(s, "Spoke", {
          name: "agentcore-spoke",
          cloud: Cloud.AWS,
          accountName: "aws-lab",
          region: "us-east-2",
          ha: {},
          newNetwork: { cidr: "10.50.0.0/16", availabilityZones: ["us-east-2a", "us-east-2b"] },
        }),
    );
    expect(only(resources, "aws_vpc")).toMatchObject({ cidr_block: "10.50.0.0/16", enable_dns_hostnames: true });
    const subnets = Object.values(resources.aws_subnet).map((s: any) => [s.cidr_block, s.availability_zone]);
    expect(subnets).toEqual([
      ["10.50.0.0/28", "us-east-2a"],
      ["10.50.0.16/28", "us-east-2b"],
      ["10.50.64.0/18", "us-east-2a"],
      ["10.50.128.0/18", "us-east-2b"],
    ]);
    const gw = only(resources, "aviatrix_spoke_gateway");
    expect(gw).toMatchObject({ subnet: "10.50.0.0/28", ha_subnet: "10.50.0.16/28", vpc_id: expect.stringMatching(/^\$\{aws_vpc\..+\.id\}$/) });
    expect(gw.depends_on).toEqual([
      expect.stringMatching(/^aws_internet_gateway\./),
      expect.stringMatching(/^aws_subnet\..*GatewaySubnet/),
      expect.stringMatching(/^aws_route_table_association\./),
      expect.stringMatching(/^aws_subnet\..*HaGatewaySubnet/),
      expect.stringMatching(/^aws_route_table_association\./),
    ]);
    const tables = Object.values(resources.aws_route_table) as any[];
    expect(tables.every((t) => t.lifecycle.ignore_changes.includes("route"))).toBe(true);
    expect(tables.find((t) => t.route)?.route).toEqual([expect.objectContaining({ cidr_block: "0.0.0.0/0" })]);
  });

  test("GIVEN a new VPC without SNAT or private default route WHEN synthesized THEN a no-egress warning is attached, and none with singleIpSnat", () => {
    const base = {
      name: "s",
      cloud: Cloud.AWS,
      accountName: "a",
      region: "us-east-2",
      newNetwork: { cidr: "10.50.0.0/16", availabilityZones: ["us-east-2a"] },
    };
    const without = synth((s) => new SpokeGateway(s, "Spoke", base));
    expect(warnings(without.stack)).toEqual([expect.stringContaining("without either the workload subnets have no egress")]);
    const withSnat = synth((s) => new SpokeGateway(s, "Spoke", { ...base, singleIpSnat: true }));
    expect(warnings(withSnat.stack)).toEqual([]);
  });

  test("GIVEN a new VPC with insane mode WHEN synthesized THEN /26s are reserved, not created, and AZs default from the VPC zones", () => {
    const { resources } = synth(
      (s) =>
        new SpokeGateway(s, "Spoke", {
          name: "hpe-spoke",
          cloud: Cloud.AWS,
          accountName: "aws-lab",
          region: "us-east-2",
          insaneMode: true,
          ha: {},
          newNetwork: { cidr: "10.50.0.0/20", availabilityZones: ["us-east-2a", "us-east-2b"], workloadSubnetCount: 1 },
        }),
    );
    expect(only(resources, "aviatrix_spoke_gateway")).toMatchObject({
      subnet: "10.50.0.0/26",
      ha_subnet: "10.50.0.64/26",
      insane_mode_az: "us-east-2a",
      ha_insane_mode_az: "us-east-2b",
    });
    expect(Object.values(resources.aws_subnet).map((s: any) => s.cidr_block)).toEqual(["10.50.4.0/22"]);
    expect(resources.aws_internet_gateway).toBeDefined();
    expect(Object.values(resources.aws_route_table).some((t: any) => t.route)).toBe(false);
  });

  test("GIVEN attachTo WHEN synthesized THEN an attachment references both gateway names", () => {
    const { resources } = synth((s) => {
      const transit = new TransitGateway(s, "Transit", { ...EXISTING, name: "transit", vpcId: "vpc-0fedcba9876543210", gatewaySubnet: "10.40.0.0/26" });
      new SpokeGateway(s, "Spoke", { ...EXISTING, attachTo: transit, attachment: { tunnelCount: 4, routeTables: ["rt-b", "rt-a"] } });
    });
    expect(only(resources, "aviatrix_spoke_transit_attachment")).toMatchObject({
      spoke_gw_name: expect.stringMatching(/^\$\{aviatrix_spoke_gateway\..+\.gw_name\}$/),
      transit_gw_name: expect.stringMatching(/^\$\{aviatrix_transit_gateway\..+\.gw_name\}$/),
      tunnel_count: 4,
      route_tables: ["rt-a", "rt-b"],
    });
  });

  test("GIVEN the minimal existing-VPC spoke WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth((s) => new SpokeGateway(s, "Spoke", EXISTING));
    expect(inventory(resources)).toEqual({ aviatrix_spoke_gateway: 1 });
    expect(only(resources, "aviatrix_spoke_gateway")).toEqual({
      account_name: "aws-lab",
      cloud_type: 1,
      gw_name: "agentcore-spoke",
      gw_size: "t3.medium",
      subnet: "10.50.0.0/24",
      vpc_id: "vpc-0a1b2c3d4e5f67890",
      vpc_reg: "us-east-2",
    });
    expect(resources).toMatchSnapshot();
  });

  test("GIVEN every AWS option on a created VPC WHEN synthesized THEN the resources match the snapshot", () => {
    const { resources } = synth(
      (s) =>
        new SpokeGateway(s, "Spoke", {
          name: "everything-spoke",
          cloud: Cloud.AWS,
          accountName: "aws-lab",
          region: "us-east-2",
          gatewaySize: "c5n.xlarge",
          ha: { gatewaySize: "c5n.large" },
          insaneMode: true,
          singleIpSnat: true,
          enableVpcDnsServer: true,
          enablePrivateVpcDefaultRoute: true,
          enableSkipPublicRouteTableUpdate: false,
          tags: { team: "ai", env: "lab" },
          newNetwork: { cidr: "10.60.0.0/16", availabilityZones: ["us-east-2a", "us-east-2b"], workloadSubnetCount: 3, tags: { env: "lab" } },
          attachTo: { gatewayName: "transit-existing" },
          attachment: { enableMaxPerformance: true, tunnelCount: 8, routeTables: ["prod"] },
        }),
    );
    expect(inventory(resources)).toEqual({
      aviatrix_spoke_gateway: 1,
      aviatrix_spoke_transit_attachment: 1,
      aws_internet_gateway: 1,
      aws_route_table: 1,
      aws_route_table_association: 3,
      aws_subnet: 3,
      aws_vpc: 1,
    });
    const vpcRef = expect.stringMatching(/^\$\{aws_vpc\..+\.id\}$/);
    expect(only(resources, "aviatrix_spoke_gateway")).toMatchObject({
      gw_name: "everything-spoke",
      gw_size: "c5n.xlarge",
      ha_gw_size: "c5n.large",
      insane_mode: true,
      insane_mode_az: "us-east-2a",
      ha_insane_mode_az: "us-east-2b",
      subnet: "10.60.0.0/26",
      ha_subnet: "10.60.0.64/26",
      single_ip_snat: true,
      enable_vpc_dns_server: true,
      enable_private_vpc_default_route: true,
      enable_skip_public_route_table_update: false,
      tags: { env: "lab", team: "ai" },
      vpc_id: vpcRef,
      depends_on: [expect.stringMatching(/^aws_internet_gateway\./)],
    });
    expect(only(resources, "aws_vpc")).toMatchObject({ cidr_block: "10.60.0.0/16", tags: { env: "lab" } });
    expect(Object.values(resources.aws_subnet).map((s) => [s.cidr_block, s.availability_zone])).toEqual([
      ["10.60.64.0/18", "us-east-2a"],
      ["10.60.128.0/18", "us-east-2b"],
      ["10.60.192.0/18", "us-east-2a"],
    ]);
    expect(only(resources, "aws_route_table").lifecycle).toEqual({ ignore_changes: ["route"] });
    expect(only(resources, "aviatrix_spoke_transit_attachment")).toMatchObject({
      transit_gw_name: "transit-existing",
      enable_max_performance: true,
      tunnel_count: 8,
      route_tables: ["prod"],
    });
    expect(resources).toMatchSnapshot();
  });
});

import { Cloud, SpokeGateway, SpokeGatewayProps, VpcId } from "../../../lib/constructs/network";
import { ConstructPropsError } from "../../../lib/core/construct-props-error";
import { UserInputError } from "../../../lib/util/errors";
import { Fn } from "../../../lib/core/cdktf";
import { newStack, only, synth } from "./synth";
import { expectInputError } from "../../support/expect-error";

const AWS: SpokeGatewayProps = {
  name: "spoke-1",
  cloud: Cloud.AWS,
  accountName: "aws-lab",
  region: "us-east-2",
  vpcId: "vpc-0a1b2c3d4e5f67890",
  gatewaySubnet: "10.50.0.0/24",
};
const AZURE: SpokeGatewayProps = {
  ...AWS,
  cloud: Cloud.AZURE,
  region: "francecentral",
  vpcId: VpcId.azure({
    vnetName: "vnet",
    resourceGroupName: "rg",
    vnetGuid: "0b5c1c2e-8c0e-4a5e-9a53-2f0b1f6f3a11",
  }),
};
const GCP: SpokeGatewayProps = {
  ...AWS,
  cloud: Cloud.GCP,
  region: "us-west1-b",
  vpcId: "gke-vpc~-~vca-lab-123",
};

const build = (props: SpokeGatewayProps) => () => new SpokeGateway(newStack(), "Spoke", props);

describe("SpokeGateway validation", () => {
  test("GIVEN a bad name WHEN constructed THEN a typed error names the construct path, prop, value and fix", () => {
    let error: unknown;
    try {
      build({ ...AWS, name: "Spoke_1!" })();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConstructPropsError);
    expect(error).toBeInstanceOf(UserInputError);
    expect(error).toMatchObject({
      constructPath: "test/Spoke",
      construct: "SpokeGateway",
      prop: "name",
      received: '"Spoke_1!"',
    });
    expect(() => build({ ...AWS, name: "Spoke_1!" })()).toThrowErrorMatchingInlineSnapshot(
      `"[test/Spoke] SpokeGateway.name: got "Spoke_1!", want letters, digits, hyphens and underscores, 1 to 50 characters; rename the gateway"`,
    );
  });

  test("GIVEN a 51-character name WHEN constructed THEN it is rejected and 50 is accepted", () => {
    expect(build({ ...AWS, name: "a".repeat(50) })).not.toThrow();
    expect(build({ ...AWS, name: "a".repeat(51) })).toThrowErrorMatchingInlineSnapshot(
      `"[test/Spoke] SpokeGateway.name: got "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", want letters, digits, hyphens and underscores, 1 to 50 characters; rename the gateway"`,
    );
  });

  test("GIVEN token values WHEN constructed THEN value checks are skipped", () => {
    const { resources } = synth(
      (s) => new SpokeGateway(s, "Spoke", { ...AWS, name: Fn.lower("X"), vpcId: Fn.lower("X"), gatewaySubnet: Fn.lower("X"), region: Fn.lower("X") }),
    );
    const token = '${lower("X")}';
    expect(only(resources, "aviatrix_spoke_gateway")).toMatchObject({ gw_name: token, vpc_id: token, subnet: token, vpc_reg: token });
  });

  test.each<[string, Partial<SpokeGatewayProps>, string]>([
    ["bad gateway subnet", { gatewaySubnet: "10.50.0.0/33" }, "SpokeGateway.gatewaySubnet"],
    ["bad HA subnet", { ha: { subnet: "10.50.1/24" } }, "SpokeGateway.ha.subnet"],
    ["bad AWS vpc id", { vpcId: "my-vpc" }, "SpokeGateway.vpcId"],
    ["bad AWS region", { region: "US East (Ohio)" }, "SpokeGateway.region"],
    ["empty account", { accountName: " " }, "SpokeGateway.accountName"],
    ["missing vpc id", { vpcId: undefined }, "SpokeGateway.vpcId"],
    ["missing gateway subnet", { gatewaySubnet: undefined }, "SpokeGateway.gatewaySubnet"],
    ["AWS HA without subnet", { ha: {} }, "SpokeGateway.ha.subnet"],
    ["AWS HA with zone", { ha: { subnet: "10.50.1.0/24", zone: "us-east-2b" } }, "SpokeGateway.ha.zone"],
    ["AWS insane mode without AZ", { insaneMode: true }, "SpokeGateway.insaneModeAz"],
    [
      "AWS insane mode HA without HA AZ",
      {
        insaneMode: true,
        insaneModeAz: "us-east-2a",
        ha: { subnet: "10.50.1.0/26" },
      },
      "SpokeGateway.ha.insaneModeAz",
    ],
    ["insaneModeAz without insane mode", { insaneModeAz: "us-east-2a" }, "SpokeGateway.insaneModeAz"],
    ["ha.insaneModeAz without insane mode", { ha: { subnet: "10.50.1.0/24", insaneModeAz: "us-east-2b" } }, "SpokeGateway.ha.insaneModeAz"],
    ["Azure zone on AWS", { zone: "az-1" }, "SpokeGateway.zone"],
    ["Azure route tables on AWS", { privateRouteTableConfig: ["rt:rg"] }, "SpokeGateway.privateRouteTableConfig"],
    ["attachment without attachTo", { attachment: { tunnelCount: 2 } }, "SpokeGateway.attachment"],
    ["tunnel count out of range", { attachTo: { gatewayName: "transit" }, attachment: { tunnelCount: 50 } }, "SpokeTransitAttachment.tunnelCount"],
    [
      "tunnel count without max performance",
      {
        attachTo: { gatewayName: "transit" },
        attachment: { tunnelCount: 2, enableMaxPerformance: false },
      },
      "SpokeTransitAttachment.tunnelCount",
    ],
  ])("GIVEN AWS with %s WHEN constructed THEN the error names the prop and fix", (_, override, names) => {
    expect(expectInputError(build({ ...AWS, ...override }), names)).toMatchSnapshot();
  });

  test.each<[string, Partial<SpokeGatewayProps>, string]>([
    ["HA without subnet", { ha: { zone: "az-2" } }, "SpokeGateway.ha.subnet"],
    ["bad zone", { zone: "1" }, "SpokeGateway.zone"],
    ["bad HA zone", { ha: { subnet: "10.50.0.0/24", zone: "zone-2" } }, "SpokeGateway.ha.zone"],
    ["AWS private default route", { enablePrivateVpcDefaultRoute: true }, "SpokeGateway.enablePrivateVpcDefaultRoute"],
    ["AWS skip public route table", { enableSkipPublicRouteTableUpdate: true }, "SpokeGateway.enableSkipPublicRouteTableUpdate"],
    ["AWS insane mode AZ", { insaneMode: true, insaneModeAz: "us-east-2a" }, "SpokeGateway.insaneModeAz"],
    ["bad vpc id", { vpcId: "vnet:rg" }, "SpokeGateway.vpcId"],
    ["bad private route table entry", { privateRouteTableConfig: ["rt-only"] }, "SpokeGateway.privateRouteTableConfig"],
  ])("GIVEN Azure with %s WHEN constructed THEN the error names the prop and fix", (_, override, names) => {
    expect(expectInputError(build({ ...AZURE, ...override }), names)).toMatchSnapshot();
  });

  test.each<[string, Partial<SpokeGatewayProps>, string]>([
    ["HA without zone", { ha: { subnet: "10.50.1.0/24" } }, "SpokeGateway.ha.zone"],
    ["a region instead of a zone", { region: "us-west1" }, "SpokeGateway.region"],
    ["tags", { tags: { a: "b" } }, "SpokeGateway.tags"],
    ["VPC DNS server", { enableVpcDnsServer: true }, "SpokeGateway.enableVpcDnsServer"],
    ["bad vpc id", { vpcId: "gke-vpc" }, "SpokeGateway.vpcId"],
  ])("GIVEN GCP with %s WHEN constructed THEN the error names the prop and fix", (_, override, names) => {
    expect(expectInputError(build({ ...GCP, ...override }), names)).toMatchSnapshot();
  });

  test.each<[string, SpokeGatewayProps, string]>([
    [
      "newNetwork and vpcId",
      {
        ...AWS,
        newNetwork: { cidr: "10.0.0.0/16", availabilityZones: ["us-east-2a"] },
      },
      "SpokeGateway.newNetwork",
    ],
    [
      "a CIDR with host bits",
      {
        ...AWS,
        vpcId: undefined,
        gatewaySubnet: undefined,
        newNetwork: { cidr: "10.0.0.1/16", availabilityZones: ["us-east-2a"] },
      },
      "SpokeGateway.newNetwork.cidr",
    ],
    [
      "a /25",
      {
        ...AWS,
        vpcId: undefined,
        gatewaySubnet: undefined,
        newNetwork: { cidr: "10.0.0.0/25", availabilityZones: ["us-east-2a"] },
      },
      "SpokeGateway.newNetwork.cidr",
    ],
    [
      "insane mode in a /24",
      {
        ...AWS,
        vpcId: undefined,
        gatewaySubnet: undefined,
        insaneMode: true,
        newNetwork: { cidr: "10.0.0.0/24", availabilityZones: ["us-east-2a"] },
      },
      "SpokeGateway.newNetwork.cidr",
    ],
    [
      "HA with one AZ",
      {
        ...AWS,
        vpcId: undefined,
        gatewaySubnet: undefined,
        ha: {},
        newNetwork: { cidr: "10.0.0.0/16", availabilityZones: ["us-east-2a"] },
      },
      "SpokeGateway.newNetwork.availabilityZones",
    ],
    [
      "HA subnet given",
      {
        ...AWS,
        vpcId: undefined,
        gatewaySubnet: undefined,
        ha: { subnet: "10.0.0.16/28" },
        newNetwork: {
          cidr: "10.0.0.0/16",
          availabilityZones: ["us-east-2a", "us-east-2b"],
        },
      },
      "SpokeGateway.ha.subnet",
    ],
    [
      "four workload subnets",
      {
        ...AWS,
        vpcId: undefined,
        gatewaySubnet: undefined,
        newNetwork: {
          cidr: "10.0.0.0/16",
          availabilityZones: ["us-east-2a"],
          workloadSubnetCount: 4,
        },
      },
      "SpokeGateway.newNetwork.workloadSubnetCount",
    ],
    [
      "Azure without resource group",
      {
        ...AZURE,
        vpcId: undefined,
        gatewaySubnet: undefined,
        newNetwork: { cidr: "10.0.0.0/16" },
      },
      "SpokeGateway.newNetwork.resourceGroupName",
    ],
    [
      "Azure with availability zones",
      {
        ...AZURE,
        vpcId: undefined,
        gatewaySubnet: undefined,
        newNetwork: {
          cidr: "10.0.0.0/16",
          resourceGroupName: "rg",
          availabilityZones: ["a"],
        },
      },
      "SpokeGateway.newNetwork.availabilityZones",
    ],
    [
      "Azure insane mode",
      {
        ...AZURE,
        vpcId: undefined,
        gatewaySubnet: undefined,
        insaneMode: true,
        newNetwork: { cidr: "10.0.0.0/16", resourceGroupName: "rg" },
      },
      "SpokeGateway.insaneMode",
    ],
    [
      "GCP without project",
      {
        ...GCP,
        vpcId: undefined,
        gatewaySubnet: undefined,
        newNetwork: { cidr: "10.0.0.0/16" },
      },
      "SpokeGateway.newNetwork.projectId",
    ],
  ])("GIVEN a created network with %s WHEN constructed THEN the error names the prop and fix", (_, props, names) => {
    expect(expectInputError(build(props), names)).toMatchSnapshot();
  });
});

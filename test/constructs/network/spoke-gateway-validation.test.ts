import {
  Cloud,
  SpokeGateway,
  SpokeGatewayProps,
  VpcId,
} from "../../../lib/constructs/network";
import { ConstructPropsError } from "../../../lib/core/construct-props-error";
import { UserInputError } from "../../../lib/util/errors";
import { Fn } from "../../../lib/core/cdktf";
import { newStack } from "./synth";

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

const build = (props: SpokeGatewayProps) => () =>
  new SpokeGateway(newStack(), "Spoke", props);

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
    expect(() =>
      build({ ...AWS, name: "Spoke_1!" })()
    ).toThrowErrorMatchingInlineSnapshot(
      `"[test/Spoke] SpokeGateway.name: got "Spoke_1!", want letters, digits, hyphens and underscores, 1 to 50 characters; rename the gateway"`
    );
  });

  test("GIVEN a 51-character name WHEN constructed THEN it is rejected and 50 is accepted", () => {
    expect(build({ ...AWS, name: "a".repeat(50) })).not.toThrow();
    expect(
      build({ ...AWS, name: "a".repeat(51) })
    ).toThrowErrorMatchingInlineSnapshot(
      `"[test/Spoke] SpokeGateway.name: got "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", want letters, digits, hyphens and underscores, 1 to 50 characters; rename the gateway"`
    );
  });

  test("GIVEN token values WHEN constructed THEN value checks are skipped", () => {
    expect(
      build({
        ...AWS,
        name: Fn.lower("X"),
        vpcId: Fn.lower("X"),
        gatewaySubnet: Fn.lower("X"),
        region: Fn.lower("X"),
      })
    ).not.toThrow();
  });

  test.each<[string, Partial<SpokeGatewayProps>]>([
    ["bad gateway subnet", { gatewaySubnet: "10.50.0.0/33" }],
    ["bad HA subnet", { ha: { subnet: "10.50.1/24" } }],
    ["bad AWS vpc id", { vpcId: "my-vpc" }],
    ["bad AWS region", { region: "US East (Ohio)" }],
    ["empty account", { accountName: " " }],
    ["missing vpc id", { vpcId: undefined }],
    ["missing gateway subnet", { gatewaySubnet: undefined }],
    ["AWS HA without subnet", { ha: {} }],
    [
      "AWS HA with zone",
      { ha: { subnet: "10.50.1.0/24", zone: "us-east-2b" } },
    ],
    ["AWS insane mode without AZ", { insaneMode: true }],
    [
      "AWS insane mode HA without HA AZ",
      {
        insaneMode: true,
        insaneModeAz: "us-east-2a",
        ha: { subnet: "10.50.1.0/26" },
      },
    ],
    ["insaneModeAz without insane mode", { insaneModeAz: "us-east-2a" }],
    [
      "ha.insaneModeAz without insane mode",
      { ha: { subnet: "10.50.1.0/24", insaneModeAz: "us-east-2b" } },
    ],
    ["Azure zone on AWS", { zone: "az-1" }],
    ["Azure route tables on AWS", { privateRouteTableConfig: ["rt:rg"] }],
    ["attachment without attachTo", { attachment: { tunnelCount: 2 } }],
    [
      "tunnel count out of range",
      { attachTo: { gatewayName: "transit" }, attachment: { tunnelCount: 50 } },
    ],
    [
      "tunnel count without max performance",
      {
        attachTo: { gatewayName: "transit" },
        attachment: { tunnelCount: 2, enableMaxPerformance: false },
      },
    ],
  ])(
    "GIVEN AWS with %s WHEN constructed THEN the error names the prop and fix",
    (_, override) => {
      expect(build({ ...AWS, ...override })).toThrowErrorMatchingSnapshot();
    }
  );

  test.each<[string, Partial<SpokeGatewayProps>]>([
    ["HA without subnet", { ha: { zone: "az-2" } }],
    ["bad zone", { zone: "1" }],
    ["bad HA zone", { ha: { subnet: "10.50.0.0/24", zone: "zone-2" } }],
    ["AWS private default route", { enablePrivateVpcDefaultRoute: true }],
    ["AWS skip public route table", { enableSkipPublicRouteTableUpdate: true }],
    ["AWS insane mode AZ", { insaneMode: true, insaneModeAz: "us-east-2a" }],
    ["bad vpc id", { vpcId: "vnet:rg" }],
    ["bad private route table entry", { privateRouteTableConfig: ["rt-only"] }],
  ])(
    "GIVEN Azure with %s WHEN constructed THEN the error names the prop and fix",
    (_, override) => {
      expect(build({ ...AZURE, ...override })).toThrowErrorMatchingSnapshot();
    }
  );

  test.each<[string, Partial<SpokeGatewayProps>]>([
    ["HA without zone", { ha: { subnet: "10.50.1.0/24" } }],
    ["a region instead of a zone", { region: "us-west1" }],
    ["tags", { tags: { a: "b" } }],
    ["VPC DNS server", { enableVpcDnsServer: true }],
    ["bad vpc id", { vpcId: "gke-vpc" }],
  ])(
    "GIVEN GCP with %s WHEN constructed THEN the error names the prop and fix",
    (_, override) => {
      expect(build({ ...GCP, ...override })).toThrowErrorMatchingSnapshot();
    }
  );

  test.each<[string, SpokeGatewayProps]>([
    [
      "newNetwork and vpcId",
      {
        ...AWS,
        newNetwork: { cidr: "10.0.0.0/16", availabilityZones: ["us-east-2a"] },
      },
    ],
    [
      "a CIDR with host bits",
      {
        ...AWS,
        vpcId: undefined,
        gatewaySubnet: undefined,
        newNetwork: { cidr: "10.0.0.1/16", availabilityZones: ["us-east-2a"] },
      },
    ],
    [
      "a /25",
      {
        ...AWS,
        vpcId: undefined,
        gatewaySubnet: undefined,
        newNetwork: { cidr: "10.0.0.0/25", availabilityZones: ["us-east-2a"] },
      },
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
    ],
    [
      "Azure without resource group",
      {
        ...AZURE,
        vpcId: undefined,
        gatewaySubnet: undefined,
        newNetwork: { cidr: "10.0.0.0/16" },
      },
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
    ],
    [
      "GCP without project",
      {
        ...GCP,
        vpcId: undefined,
        gatewaySubnet: undefined,
        newNetwork: { cidr: "10.0.0.0/16" },
      },
    ],
  ])(
    "GIVEN a created network with %s WHEN constructed THEN the error names the prop and fix",
    (_, props) => {
      expect(build(props)).toThrowErrorMatchingSnapshot();
    }
  );
});

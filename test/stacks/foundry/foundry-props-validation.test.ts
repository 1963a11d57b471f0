import { UserInputError } from "../../../lib/util/errors";
import { FoundryByoVnetStack, FoundryByoVnetStackProps } from "../../../stacks/foundry-byovnet-stack";
import { errorOf, testApp } from "./helpers";

const BASE: FoundryByoVnetStackProps = { controllerVersion: "9.0.10", aviatrixAccountName: "azure-foundry", location: "francecentral" };
const make = (props: Partial<FoundryByoVnetStackProps>) => () =>
  new FoundryByoVnetStack(testApp(), "vca-foundry-byovnet", { ...BASE, ...props } as FoundryByoVnetStackProps);

describe("FoundryByoVnetStack props validation", () => {
  test.each<[string, Partial<FoundryByoVnetStackProps>]>([
    ["unsupported region", { location: "centralindia" }],
    ["bad name prefix", { namePrefix: "Foundry_VCA" }],
    ["empty account name", { aviatrixAccountName: " " }],
    ["public VNet address space", { newNetwork: { cidr: "20.11.0.0/23" } }],
    ["VNet too small for the layout", { newNetwork: { cidr: "10.11.0.0/24" } }],
    ["a bare * tool domain", { toolCallDomains: ["*"] }],
    ["a tool domain with a scheme", { toolCallDomains: ["https://api.ipify.org"] }],
    ["an unknown promoted rule", { promoteRules: ["allow-everything"] }],
    [
      "a public existing agent subnet",
      {
        existingNetwork: {
          vnetName: "v",
          resourceGroupName: "rg",
          vnetGuid: "g",
          vnetId: "id",
          gatewaySubnetCidr: "10.0.0.0/28",
          agentSubnetId: "a",
          agentSubnetName: "a",
          agentSubnetCidr: "52.1.0.0/24",
          privateEndpointSubnetId: "p",
          privateEndpointSubnetCidr: "10.0.0.16/28",
        },
      },
    ],
    [
      "an existing network without the PE subnet id",
      {
        existingNetwork: {
          vnetName: "v",
          resourceGroupName: "rg",
          vnetGuid: "g",
          vnetId: "id",
          gatewaySubnetCidr: "10.0.0.0/28",
          agentSubnetId: "a",
          agentSubnetName: "a",
          agentSubnetCidr: "10.0.1.0/24",
          privateEndpointSubnetId: "",
          privateEndpointSubnetCidr: "10.0.0.16/28",
        },
      },
    ],
    [
      "both new and existing network",
      {
        newNetwork: {},
        existingNetwork: {
          vnetName: "v",
          resourceGroupName: "rg",
          vnetGuid: "g",
          vnetId: "id",
          gatewaySubnetCidr: "10.0.0.0/28",
          agentSubnetId: "a",
          agentSubnetName: "a",
          agentSubnetCidr: "10.0.1.0/24",
          privateEndpointSubnetId: "p",
          privateEndpointSubnetCidr: "10.0.0.16/28",
        },
      },
    ],
  ])("GIVEN %s WHEN the stack is built THEN it fails with a message naming the prop", (_name, props) => {
    expect(make(props)).toThrow(UserInputError);
    expect(errorOf(make(props))).toMatchSnapshot();
  });

  test("GIVEN a literal-free config WHEN the controller version is malformed THEN the provider rejects it", () => {
    expect(errorOf(make({ controllerVersion: "latest" }))).toMatch(/controllerVersion: got "latest"/);
  });
});

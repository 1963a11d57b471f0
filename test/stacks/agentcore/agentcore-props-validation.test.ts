import { UserInputError } from "../../../lib/util/errors";
import { AgentCoreStack, AgentCoreStackProps } from "../../../stacks/agentcore-stack";
import { errorOf, testApp } from "../foundry/helpers";

const BASE: AgentCoreStackProps = { controllerVersion: "9.0.10", aviatrixAccountName: "aws-agentcore" };
const make = (props: Partial<AgentCoreStackProps>) => () => new AgentCoreStack(testApp(), "vca-agentcore", { ...BASE, ...props } as AgentCoreStackProps);

describe("AgentCoreStack props validation", () => {
  test.each<[string, Partial<AgentCoreStackProps>]>([
    ["a region without AgentCore PrivateLink", { region: "sa-east-1" }],
    ["a name prefix with upper case", { namePrefix: "AgentCore" }],
    ["a prefix too long for the runtime name", { namePrefix: "a-very-long-prefix-for-an-agentcore-runtime-name-x" }],
    ["a spoke CIDR too small for the runtime /24 at index 10", { agentCoreSpokeCidr: "10.50.0.0/21" }],
    ["a CIDR with host bits", { clientSpokeCidr: "10.60.1.0/16" }],
    ["a wildcard tool domain", { allowedToolDomains: ["*.github.com"] }],
    ["no model domains", { allowedModelDomains: [] }],
    ["a bare * MCP domain", { allowedMcpServerDomains: ["*"] }],
    ["an IoC filter without a host", { iocUrlFilters: ["*/shai-hulud*"] }],
    ["an unknown promoted rule", { promoteRules: ["runtime-allow-all"] }],
    ["an existing CA without a name", { mitmCa: { source: "existing", name: "" } }],
  ])("GIVEN %s WHEN the stack is built THEN it fails with a message naming the prop", (_name, props) => {
    expect(make(props)).toThrow(UserInputError);
    expect(errorOf(make(props))).toMatchSnapshot();
  });
});

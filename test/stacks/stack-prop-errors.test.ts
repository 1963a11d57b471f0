// One error class for the props of all five stacks: ConstructPropsError, a UserInputError (CLI exit 2)
// carrying the construct path, the construct and the prop.
import { Testing } from "../../lib/core/cdktf";
import { UserInputError } from "../../lib/util/errors";
import { ConstructPropsError } from "../../lib/core/construct-props-error";
import { AgentCoreStack, AksVcaStack, EksVcaStack, FoundryByoVnetStack, GkeVcaStack } from "../../stacks";

const librechat = { config: "version: 1.2.1\n" };
const k8s = { controllerVersion: "9.0", accountName: "acct", namePrefix: "Bad_Prefix", librechat };
const BUILDS: ReadonlyArray<[string, string, () => unknown]> = [
  [
    "EksVcaStack",
    "namePrefix",
    () =>
      new EksVcaStack(Testing.app(), "s", {
        ...k8s,
        region: "us-east-2",
        newNetwork: { cidr: "10.0.0.0/16", availabilityZones: ["us-east-2a", "us-east-2b"] },
        newCluster: {},
      }),
  ],
  [
    "AksVcaStack",
    "namePrefix",
    () => new AksVcaStack(Testing.app(), "s", { ...k8s, location: "westeurope", subscriptionId: "sub", newNetwork: { cidr: "10.0.0.0/16" }, newCluster: {} }),
  ],
  [
    "GkeVcaStack",
    "namePrefix",
    () => new GkeVcaStack(Testing.app(), "s", { ...k8s, projectId: "p", zone: "us-central1-a", newNetwork: { cidr: "10.0.0.0/16" }, newCluster: {} }),
  ],
  [
    "FoundryByoVnetStack",
    "FoundryByoVnetStack.namePrefix",
    () =>
      new FoundryByoVnetStack(Testing.app(), "s", {
        controllerVersion: "9.0.10",
        aviatrixAccountName: "a",
        location: "francecentral",
        namePrefix: "Bad_Prefix",
      }),
  ],
  [
    "AgentCoreStack",
    "AgentCoreStack.namePrefix",
    () => new AgentCoreStack(Testing.app(), "s", { controllerVersion: "9.0.10", aviatrixAccountName: "a", namePrefix: "Bad_Prefix" }),
  ],
];

describe.each(BUILDS)("GIVEN %s with a bad name prefix", (stack, prop, build) => {
  test("WHEN built THEN it throws ConstructPropsError (a UserInputError) naming the stack path, the stack class and the prop", () => {
    let err: unknown;
    try {
      build();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConstructPropsError);
    expect(err).toBeInstanceOf(UserInputError);
    expect(err).toMatchObject({ name: "ConstructPropsError", constructPath: "s", construct: stack, prop });
    const qualified = prop.startsWith(`${stack}.`) ? prop : `${stack}.${prop}`;
    expect((err as Error).message).toMatch(new RegExp(`^\\[s\\] ${qualified.replace(".", "\\.")}: got "Bad_Prefix", want lower-case letters`));
  });
});

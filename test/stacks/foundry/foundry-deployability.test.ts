// What a real Foundry apply needs, one assertion per blocker: Microsoft.App is registered, the
// custom subdomain is unique per subscription and resource group (not a fixed lab name), the
// gateway's vpc_reg is the Azure display name the controller reads back, no placeholder
// subscription is accepted, and `*.blob.core.windows.net` is either asked for (with a warning)
// or its omission is recorded — never silently dropped.
import { FoundryByoVnetStack, FoundryByoVnetStackProps } from "../../../stacks/foundry-byovnet-stack";
import { Doc, synthDoc, testApp } from "./helpers";

const BASE: FoundryByoVnetStackProps = { controllerVersion: "9.0.10", aviatrixAccountName: "azure-foundry", location: "francecentral" };
const build = (p: Partial<FoundryByoVnetStackProps> = {}) => new FoundryByoVnetStack(testApp(), "vca-foundry-byovnet", { ...BASE, ...p });
const account = (doc: Doc) => (doc.resource.azurerm_cognitive_account as any).foundry_account;
const acaSnis = (doc: Doc) =>
  (
    (Object.values(doc.resource.aviatrix_web_group) as any[]).find((g) => g.name === "foundry-vca-aca-requirements-fqdns").selector.match_expressions as Array<{
      snifilter: string;
    }>
  ).map((m) => m.snifilter);
const messages = (stack: FoundryByoVnetStack, level: string) =>
  stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === level).map((m) => String(m.data)));

describe("GIVEN the defaults WHEN synthesized", () => {
  const stack = build();
  const doc = synthDoc(stack);

  test("THEN the azurerm provider registers Microsoft.App (and Microsoft.ContainerService)", () => {
    expect((doc as any).provider.azurerm[0].resource_providers_to_register).toEqual(["Microsoft.App", "Microsoft.ContainerService"]);
  });

  test("THEN the custom subdomain is the prefix plus a hash of subscription and resource group, not the fixed account name", () => {
    const a = account(doc);
    expect(a.name).toBe("foundry-vca-foundry");
    expect(a.custom_subdomain_name).toBe(
      'foundry-vca-${substr(sha1(join("/", [data.azurerm_client_config.current.subscription_id, azurerm_resource_group.foundry_rg.name])), 0, 8)}',
    );
    expect(a.custom_subdomain_name).not.toBe(a.name);
  });

  test("THEN the spoke gateway's vpc_reg is the display name (the provider forces a replacement on any other spelling)", () => {
    expect((doc.resource.aviatrix_spoke_gateway as any).SpokeGateway.vpc_reg).toBe("France Central");
  });

  test("THEN *.blob.core.windows.net is not in the ACA permit and the omission is recorded at synth", () => {
    expect(acaSnis(doc)).not.toContain("*.blob.core.windows.net");
    expect(messages(stack, "@cdktf/info").some((m) => m.includes("*.blob.core.windows.net") && m.includes("allowBlobStorage"))).toBe(true);
  });

  test("THEN no subscription id is written (the provider uses ARM_SUBSCRIPTION_ID), so no placeholder GUID exists", () => {
    expect((doc as any).provider.azurerm[0].subscription_id).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain("00000000-0000-0000-0000-000000000000");
  });
});

describe("GIVEN explicit choices WHEN synthesized", () => {
  test("THEN allowBlobStorage adds the wildcard to the ACA permit with a warning", () => {
    const stack = build({ allowBlobStorage: true });
    expect(acaSnis(synthDoc(stack))).toContain("*.blob.core.windows.net");
    expect(messages(stack, "@cdktf/warn").some((m) => m.includes("every Azure storage account"))).toBe(true);
  });

  test("THEN a given custom subdomain is used as is; the caller's resource providers are kept", () => {
    const doc = synthDoc(build({ customSubdomainName: "acme-foundry-7f3a", azurermProvider: { resourceProvidersToRegister: ["Microsoft.Search"] } }));
    expect(account(doc).custom_subdomain_name).toBe("acme-foundry-7f3a");
    expect((doc as any).provider.azurerm[0].resource_providers_to_register).toEqual(["Microsoft.App", "Microsoft.ContainerService", "Microsoft.Search"]);
  });

  test("THEN the all-zero placeholder subscription is refused", () => {
    expect(() => build({ subscriptionId: "00000000-0000-0000-0000-000000000000" })).toThrow(
      /subscriptionId: got "00000000-0000-0000-0000-000000000000", want an Azure subscription id/,
    );
  });

  test("THEN eastWestCidrs replace rule 6's destinations", () => {
    const doc = synthDoc(build({ eastWestCidrs: ["10.0.0.0/8"] }));
    const g = (Object.values(doc.resource.aviatrix_smart_group) as any[]).find((x) => x.name === "foundry-vca-other-spoke-resources");
    expect(g.selector.match_expressions).toEqual([{ cidr: "10.0.0.0/8" }]);
    expect(() => build({ eastWestCidrs: [] })).toThrow(/eastWestCidrs/);
  });
});

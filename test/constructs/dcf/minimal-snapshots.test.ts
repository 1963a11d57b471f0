// docs/ARCHITECTURE.md §8: the minimal half of "one minimal + one everything-on snapshot per construct" for
// SmartGroup, WebGroup, DcfFeature and FirewallPolicy (the everything-on halves live beside the
// constructs' own tests). Each minimal synth also passes `vca validate`.
import { DcfFeature, FirewallPolicy, ManagedSmartGroup, SmartGroup, WebGroup } from "../../../lib/constructs/dcf";
import { Testing } from "../../../lib/core/cdktf";
import { Select } from "../../../lib/dcf/builder/selectors";
import { givenStack, resourcesOf, synthJson } from "./helpers";

describe("minimal snapshots", () => {
  test("GIVEN a SmartGroup with one CIDR WHEN synthesized THEN one aviatrix_smart_group named after the id", () => {
    const stack = givenStack();
    new SmartGroup(stack, "runtime", { matchExpressions: [Select.cidr("10.0.2.0/24")] });
    expect(Testing.synth(stack)).toPassVcaValidation();
    expect(resourcesOf(synthJson(stack))).toMatchSnapshot();
  });

  test("GIVEN a WebGroup with one domain WHEN synthesized THEN one aviatrix_web_group with one SNI filter", () => {
    const stack = givenStack();
    new WebGroup(stack, "llm", { domains: ["api.openai.com"] });
    expect(Testing.synth(stack)).toPassVcaValidation();
    expect(resourcesOf(synthJson(stack))).toMatchSnapshot();
  });

  test("GIVEN a DcfFeature with defaults WHEN synthesized THEN only microseg is enabled", () => {
    const stack = givenStack();
    new DcfFeature(stack, "dcf");
    expect(Testing.synth(stack)).toPassVcaValidation();
    expect(resourcesOf(synthJson(stack))).toMatchSnapshot();
  });

  test("GIVEN a FirewallPolicy with one rule WHEN synthesized THEN one kubernetes_manifest and its YAML", () => {
    const stack = givenStack();
    const fp = new FirewallPolicy(stack, "fp", {
      namespace: "app",
      rules: [
        {
          name: "llm",
          action: "PERMIT",
          protocol: "tcp",
          ports: [443],
          selector: { matchLabels: { app: "chat" } },
          dst: [ManagedSmartGroup.publicInternet()],
          webGroups: [{ key: "llm", name: "llm-apis", kind: "domains", matches: [{ sni: "api.openai.com" }] }],
        },
      ],
    });
    expect(Testing.synth(stack)).toPassVcaValidation();
    expect(resourcesOf(synthJson(stack))).toMatchSnapshot();
    expect(fp.toYaml()).toMatchSnapshot();
  });
});

import { Testing, TerraformStack } from "../../../lib/core/cdktf";
import { DcfFeature, DcfPolicyPack, DcfRuleProps, ManagedSmartGroup, ManagedWebGroup, SmartGroup, WebGroup } from "../../../lib/constructs/dcf";
import { ConstructPropsError } from "../../../lib/core/construct-props-error";
import { Select } from "../../../lib/dcf/builder/selectors";
import { policyModelFromTerraform } from "../../../lib/dcf";
import { WELL_KNOWN } from "../../../lib/dcf/model";
import { givenStack, resourcesOf, synthJson, validationErrors } from "./helpers";
import { expectInputError } from "../../support/expect-error";

// The seed lab on a dedicated controller: the V1 list and the default action (both opt-in).
const V1_OWNED = { renderAs: "policyList", manageDefaultAction: true } as const;

function givenGroups(stack: TerraformStack) {
  const pods = new SmartGroup(stack, "librechat_pods", {
    name: "librechat-pods",
    matchExpressions: [Select.k8s({ cluster: "eks-lab", namespace: "librechat", labels: { app: "librechat" } })],
  });
  const llm = new WebGroup(stack, "llm_apis", { name: "llm-apis", domains: ["api.openai.com", "*.anthropic.com"] });
  return { pods, llm };
}

function llmRule(pods: SmartGroup, llm: WebGroup, extra: Partial<DcfRuleProps> = {}): DcfRuleProps {
  return {
    name: "llm-egress",
    priority: 10,
    action: "PERMIT",
    protocol: "TCP",
    ports: [443],
    src: [pods],
    dst: [ManagedSmartGroup.publicInternet()],
    webGroups: [llm],
    ...extra,
  };
}

describe("DcfPolicyPack", () => {
  test("GIVEN rules added out of order WHEN synthesized THEN the V1 list is ordered by priority and references groups by uuid", () => {
    const stack = givenStack();
    const { pods, llm } = givenGroups(stack);
    const pack = new DcfPolicyPack(stack, "dcf", V1_OWNED);
    pack.addRule({ name: "deny-rest", priority: 1000, action: "DENY", protocol: "ANY", src: [pods], dst: [ManagedSmartGroup.anywhere()] });
    pack.addRule(llmRule(pods, llm));
    const doc = synthJson(stack);
    const policies = doc.resource.aviatrix_distributed_firewalling_policy_list.dcf.policies;
    expect(policies.map((p: any) => [p.priority, p.name])).toEqual([
      [10, "llm-egress"],
      [1000, "deny-rest"],
    ]);
    expect(policies[0]).toEqual({
      name: "llm-egress",
      action: "PERMIT",
      priority: 10,
      protocol: "TCP",
      src_smart_groups: ["${aviatrix_smart_group.librechat_pods.uuid}"],
      dst_smart_groups: [WELL_KNOWN.publicInternet],
      web_groups: ["${aviatrix_web_group.llm_apis.uuid}"],
      logging: true,
      watch: false,
      port_ranges: [{ lo: 443 }],
    });
    // Created after the rules: a DENY default must not land before the bootstrap permits.
    expect(doc.resource.aviatrix_distributed_firewalling_default_action_rule.dcf).toEqual({
      action: "DENY",
      logging: true,
      depends_on: ["aviatrix_distributed_firewalling_policy_list.dcf"],
    });
  });

  test("GIVEN the minimal pack WHEN synthesized THEN it matches the snapshot and passes vca validate", () => {
    const stack = givenStack();
    const { pods, llm } = givenGroups(stack);
    new DcfPolicyPack(stack, "dcf", { ...V1_OWNED, rules: [llmRule(pods, llm)] });
    const doc = synthJson(stack);
    expect(validationErrors(doc)).toEqual([]);
    expect(resourcesOf(doc)).toMatchSnapshot();
  });

  test("GIVEN every option WHEN synthesized THEN it matches the snapshot and passes vca validate", () => {
    const stack = givenStack("10.0.1");
    const { pods, llm } = givenGroups(stack);
    const feature = new DcfFeature(stack, "dcf_feature", { k8sDcfPolicies: true });
    const urls = new WebGroup(stack, "github_paths", { urls: ["github.com/org/*"], domains: ["github.com"] });
    const providers = ManagedWebGroup.fromName(stack, "ai_providers", "avx-ai-llm-providers");
    const pack = new DcfPolicyPack(stack, "dcf", {
      ...V1_OWNED,
      mode: "discover",
      logging: true,
      defaultAction: { action: "PERMIT", logging: true, logProfile: "start/end" },
      dependsOn: [feature],
    });
    pack.addRule({
      name: "threats",
      priority: 1,
      action: "DENY",
      protocol: "ANY",
      src: [ManagedSmartGroup.anywhere()],
      dst: [ManagedSmartGroup.threatIq()],
      promote: true,
      logProfile: "end",
    });
    pack.addRule(llmRule(pods, llm, { webGroups: [llm, providers, ManagedWebGroup.allWeb()], flowAppRequirement: "TLS_REQUIRED" }));
    pack.addRule({
      name: "github-decrypt",
      priority: 20,
      action: "PERMIT",
      protocol: "tcp",
      ports: ["443", { lo: 8443, hi: 8444 }],
      src: [pods, { key: "nodes", name: "eks-nodes", kind: "selector", expressions: [Select.cidr("10.10.0.0/16")] }],
      dst: [ManagedSmartGroup.publicInternet(), ManagedSmartGroup.fromName(stack, "shared", "shared-services")],
      webGroups: [urls],
      decryptPolicy: "DECRYPT_ALLOWED",
      tlsProfile: WELL_KNOWN.defaultTlsProfile,
      excludeSgOrchestration: true,
      enforce: true,
    });
    pack.addRule({
      name: "icmp-watch",
      priority: 30,
      action: "DEEP_PACKET_INSPECTION_PERMIT",
      protocol: "ICMP",
      src: [pods],
      dst: [ManagedSmartGroup.anywhere()],
    });
    const doc = synthJson(stack);
    expect(validationErrors(doc, "10.0.1")).toEqual([]);
    expect(resourcesOf(doc)).toMatchSnapshot();
  });

  test("GIVEN discover mode WHEN rules are added THEN they watch unless promoted and the default permits with logging", () => {
    const stack = givenStack();
    const { pods, llm } = givenGroups(stack);
    const pack = new DcfPolicyPack(stack, "dcf", { ...V1_OWNED, mode: "discover" });
    pack.addRule(llmRule(pods, llm));
    pack.addRule({ name: "deny-rest", priority: 1000, action: "DENY", protocol: "ANY", src: [pods], dst: [ManagedSmartGroup.anywhere()], promote: true });
    expect(pack.model.rules.map((r) => [r.name, r.watch])).toEqual([
      ["llm-egress", true],
      ["deny-rest", false],
    ]);
    expect(pack.model.defaultAction).toEqual({ action: "PERMIT", logging: true });
  });

  test("GIVEN enforce mode WHEN a rule sets enforce false THEN only that rule watches", () => {
    const stack = givenStack();
    const { pods, llm } = givenGroups(stack);
    const pack = new DcfPolicyPack(stack, "dcf", { ...V1_OWNED, rules: [llmRule(pods, llm, { enforce: false })] });
    expect(pack.rules[0].watch).toBe(true);
    expect(pack.defaultAction).toEqual({ action: "DENY", logging: true });
  });

  test("GIVEN model inputs WHEN used twice THEN one group resource is rendered and reused", () => {
    const stack = givenStack();
    const model = {
      key: "obot-system",
      name: "obot-system",
      kind: "selector" as const,
      expressions: [Select.k8s({ cluster: "aks", namespace: "obot-system" })],
    };
    const web = { key: "obot-infra", name: "obot-infra", kind: "domains" as const, matches: [{ sni: "charts.obot.ai" }] };
    const pack = new DcfPolicyPack(stack, "dcf", V1_OWNED);
    pack.addRule({
      name: "a",
      priority: 1,
      action: "PERMIT",
      protocol: "TCP",
      ports: [443],
      src: [model],
      dst: [ManagedSmartGroup.publicInternet()],
      webGroups: [web],
    });
    pack.addRule({
      name: "b",
      priority: 2,
      action: "PERMIT",
      protocol: "TCP",
      ports: [80],
      src: [model],
      dst: [ManagedSmartGroup.publicInternet()],
      webGroups: [web],
    });
    const doc = synthJson(stack);
    expect(Object.keys(doc.resource.aviatrix_smart_group)).toHaveLength(1);
    expect(Object.keys(doc.resource.aviatrix_web_group)).toHaveLength(1);
    const [a, b] = doc.resource.aviatrix_distributed_firewalling_policy_list.dcf.policies;
    expect(a.src_smart_groups).toEqual(b.src_smart_groups);
  });

  test("GIVEN the same groups listed in any order WHEN synthesized THEN sets are sorted by group address", () => {
    const render = (reverse: boolean) => {
      const stack = givenStack();
      const a = new SmartGroup(stack, "a_pods", { matchExpressions: [Select.cidr("10.0.1.0/24")] });
      const b = new SmartGroup(stack, "b_pods", { matchExpressions: [Select.cidr("10.0.2.0/24")] });
      const src = reverse ? [b, a] : [a, b];
      new DcfPolicyPack(stack, "dcf", {
        ...V1_OWNED,
        rules: [{ name: "r", priority: 1, action: "DENY", protocol: "ANY", src, dst: [ManagedSmartGroup.anywhere()] }],
      });
      return Testing.synth(stack);
    };
    const out = render(false);
    expect(render(true)).toBe(out);
    expect(JSON.parse(out).resource.aviatrix_distributed_firewalling_policy_list.dcf.policies[0].src_smart_groups).toEqual([
      "${aviatrix_smart_group.a_pods.uuid}",
      "${aviatrix_smart_group.b_pods.uuid}",
    ]);
  });

  test("GIVEN the default (brownfield) pack WHEN synthesized THEN a ruleset attaches at TERRAFORM_BEFORE_UI_MANAGED and no controller singleton is rendered", () => {
    const stack = givenStack();
    const { pods, llm } = givenGroups(stack);
    new DcfPolicyPack(stack, "egress", { rulesetName: "vca-egress", rules: [llmRule(pods, llm)] });
    const doc = synthJson(stack);
    expect(doc.data.aviatrix_dcf_attachment_point.egress).toEqual({ name: "TERRAFORM_BEFORE_UI_MANAGED" });
    expect(doc.resource.aviatrix_dcf_ruleset.egress.name).toBe("vca-egress");
    expect(doc.resource.aviatrix_dcf_ruleset.egress.attach_to).toBe("${data.aviatrix_dcf_attachment_point.egress.id}");
    expect(doc.resource.aviatrix_dcf_ruleset.egress.rules[0].name).toBe("llm-egress");
    expect(doc.resource.aviatrix_dcf_policy_group).toBeUndefined();
    expect(doc.resource.aviatrix_distributed_firewalling_policy_list).toBeUndefined();
    expect(doc.resource.aviatrix_distributed_firewalling_default_action_rule).toBeUndefined();
    expect(validationErrors(doc)).toEqual([]);
  });

  test("GIVEN a named attachment point after the K8S block WHEN parsed back THEN its rules are in the AFTER_K8S tier", () => {
    const stack = givenStack();
    const { pods, llm } = givenGroups(stack);
    const pack = new DcfPolicyPack(stack, "closing", { attachmentPoint: "team-a-after-k8s", position: "after-k8s", rules: [llmRule(pods, llm)] });
    const doc = synthJson(stack);
    expect(doc.data.aviatrix_dcf_attachment_point.closing).toEqual({ name: "team-a-after-k8s" });
    expect(pack.model.rules.map((r) => r.tier)).toEqual(["AFTER_K8S"]);
    expect(policyModelFromTerraform(doc).rules.map((r) => r.tier)).toEqual(["AFTER_K8S"]);
    expect(() => new DcfPolicyPack(stack, "bad", { attachmentPoint: "TERRAFORM_AFTER_K8S_MANAGED", position: "before-k8s" })).toThrow(
      /position: got "before-k8s", want "after-k8s"/,
    );
  });

  test("GIVEN a synthesized pack WHEN parsed back THEN rules and groups equal pack.model", () => {
    const stack = givenStack();
    const { pods, llm } = givenGroups(stack);
    const providers = ManagedWebGroup.fromName(stack, "ai_providers", "avx-ai-llm-providers");
    const pack = new DcfPolicyPack(stack, "dcf", { ...V1_OWNED, mode: "discover" });
    pack.addRule(llmRule(pods, llm, { webGroups: [llm, providers], logProfile: "start" }));
    pack.addRule({ name: "deny-rest", priority: 1000, action: "DENY", protocol: "ANY", src: [pods], dst: [ManagedSmartGroup.anywhere()], promote: true });
    const parsed = policyModelFromTerraform(synthJson(stack));
    const model = pack.model;
    const strip = (rules: readonly any[]) => rules.map(({ origin, ...rest }) => rest);
    expect(strip(parsed.rules)).toEqual(strip(model.rules));
    expect(parsed.defaultAction).toEqual(model.defaultAction);
    for (const key of ["aviatrix_smart_group.librechat_pods"]) expect(parsed.smartGroups[key]).toEqual(model.smartGroups[key]);
    for (const key of ["aviatrix_web_group.llm_apis"]) expect(parsed.webGroups[key]).toEqual(model.webGroups[key]);
    // The reader also knows the built-in All-Web group; every group the pack uses is read back.
    expect(Object.keys(parsed.webGroups)).toEqual(expect.arrayContaining(Object.keys(model.webGroups)));
    expect(Object.keys(parsed.smartGroups)).toEqual(expect.arrayContaining(Object.keys(model.smartGroups)));
  });

  test("GIVEN an older controller WHEN a ruleset pack with log profiles is synthesized THEN version gates fail synth", () => {
    const stack = givenStack("8.1.0");
    const { pods, llm } = givenGroups(stack);
    new DcfPolicyPack(stack, "dcf", { ...V1_OWNED, renderAs: "ruleset", rules: [llmRule(pods, llm, { logProfile: "start" })] });
    expect(() => synthJson(stack)).toThrow(/\[stack\/dcf\] DcfPolicyPack\.controllerVersion: got 8\.1\.0, want ≥ 8\.2\.0 for renderAs: "ruleset"/);
    expect(() => synthJson(stack)).toThrow(/want ≥ 8\.2\.0 for rule logProfile/);
  });

  test("GIVEN two policy-list packs WHEN synthesized THEN the singleton validation names both", () => {
    const stack = givenStack();
    const { pods, llm } = givenGroups(stack);
    new DcfPolicyPack(stack, "one", { ...V1_OWNED, rules: [llmRule(pods, llm)] });
    new DcfPolicyPack(stack, "two", { ...V1_OWNED, rules: [llmRule(pods, llm)] });
    expect(() => synthJson(stack)).toThrow(/\[stack\/two\] DcfPolicyPack\.renderAs: got a second "policyList" pack in the stack \(first: stack\/one\)/);
    expect(() => synthJson(stack)).toThrow(/\[stack\/two\] DcfPolicyPack\.manageDefaultAction: got a second pack managing the default action/);
  });

  test("GIVEN an empty policy-list pack WHEN synthesized THEN synth fails instead of wiping the V1 list", () => {
    const stack = givenStack();
    new DcfPolicyPack(stack, "dcf", V1_OWNED);
    expect(() => synthJson(stack)).toThrow(/\[stack\/dcf\] DcfPolicyPack\.rules: got none, want at least one rule/);
  });

  describe("eager validation errors", () => {
    const cases: Array<[string, (pods: SmartGroup, llm: WebGroup, urls: WebGroup) => Partial<DcfRuleProps>]> = [
      ["ICMP with ports", () => ({ protocol: "ICMP", ports: [443], webGroups: [] })],
      ["port out of range", () => ({ ports: [70000] })],
      ["reversed port range", () => ({ ports: ["9000-8000"] })],
      ["URL filter without decryption", (_p, _l, urls) => ({ webGroups: [urls] })],
      ["no source", () => ({ src: [] })],
      ["unknown action", () => ({ action: "ALLOW" as never })],
      ["unknown protocol", () => ({ protocol: "SCTP" as never })],
      ["negative priority", () => ({ priority: -1 })],
      ["unknown log profile", () => ({ logProfile: "verbose" })],
      ["log profile without logging", () => ({ logProfile: "start", logging: false })],
      ["watch and promote", () => ({ watch: true, promote: true })],
      ["promote with enforce false", () => ({ promote: true, enforce: false })],
      ["watched rule without logging", () => ({ watch: true, logging: false })],
    ];
    test.each(cases)("GIVEN %s WHEN added THEN a ConstructPropsError names the rule", (_name, extra) => {
      const stack = givenStack();
      const { pods, llm } = givenGroups(stack);
      const urls = new WebGroup(stack, "urls", { urls: ["github.com/org/*"] });
      const pack = new DcfPolicyPack(stack, "dcf", V1_OWNED);
      let error: unknown;
      try {
        pack.addRule(llmRule(pods, llm, extra(pods, llm, urls)));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConstructPropsError);
      expect((error as ConstructPropsError).message).toMatch(/^\[stack\/dcf\] DcfPolicyPack\.rules\["llm-egress"\]\.\w+/);
      expect((error as ConstructPropsError).message).toMatchSnapshot();
    });

    test("GIVEN a duplicate priority WHEN added THEN the error names the rule that has it", () => {
      const stack = givenStack();
      const { pods, llm } = givenGroups(stack);
      const pack = new DcfPolicyPack(stack, "dcf", { ...V1_OWNED, rules: [llmRule(pods, llm)] });
      expect(expectInputError(() => pack.addRule(llmRule(pods, llm, { name: "other" })), 'DcfPolicyPack.rules["other"].priority')).toMatchInlineSnapshot(
        `"[stack/dcf] DcfPolicyPack.rules["other"].priority: got 10, want a priority not used by another rule (rule "llm-egress" has it); give each rule its own priority: first match wins, so ties would make the order undefined"`,
      );
    });

    test("GIVEN a duplicate name WHEN added THEN the error asks to rename", () => {
      const stack = givenStack();
      const { pods, llm } = givenGroups(stack);
      const pack = new DcfPolicyPack(stack, "dcf", { ...V1_OWNED, rules: [llmRule(pods, llm)] });
      expect(expectInputError(() => pack.addRule(llmRule(pods, llm, { priority: 11 })), 'DcfPolicyPack.rules["llm-egress"].name')).toMatchInlineSnapshot(
        `"[stack/dcf] DcfPolicyPack.rules["llm-egress"].name: got "llm-egress", want a name unique in the pack; rename one of the rules"`,
      );
    });

    test("GIVEN a bad mode or default action WHEN constructed THEN the prop is named", () => {
      const stack = givenStack();
      expect(expectInputError(() => new DcfPolicyPack(stack, "a", { ...V1_OWNED, mode: "audit" as never }), "DcfPolicyPack.mode")).toMatchInlineSnapshot(
        `"[stack/a] DcfPolicyPack.mode: got "audit", want "discover" or "enforce""`,
      );
      expect(
        expectInputError(
          () => new DcfPolicyPack(stack, "b", { ...V1_OWNED, defaultAction: { action: "ALLOW" as never } }),
          "DcfPolicyPack.defaultAction.action",
        ),
      ).toMatchInlineSnapshot(`"[stack/b] DcfPolicyPack.defaultAction.action: got "ALLOW", want "PERMIT" or "DENY""`);
    });
  });
});

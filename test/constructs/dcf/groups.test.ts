import { TerraformVariable } from "../../../lib/core/cdktf";
import { ManagedSmartGroup, ManagedWebGroup, SmartGroup, WebGroup, WellKnownWebGroups } from "../../../lib/constructs/dcf";
import { Select } from "../../../lib/dcf/builder/selectors";
import { WELL_KNOWN } from "../../../lib/dcf/model";
import { givenStack, resourcesOf, synthJson, validationErrors } from "./helpers";
import { expectInputError } from "../../support/expect-error";

describe("SmartGroup", () => {
  test("GIVEN expressions in any order with duplicates WHEN synthesized THEN they are canonical and the model matches", () => {
    const stack = givenStack();
    const sg = new SmartGroup(stack, "runtime", {
      matchExpressions: [Select.cidr("10.0.2.0/24"), Select.k8s({ cluster: "eks", namespace: "app", labels: { b: "2", a: "1" } }), Select.cidr("10.0.2.0/24")],
    });
    const doc = synthJson(stack);
    expect(doc.resource.aviatrix_smart_group.runtime).toEqual({
      name: "runtime",
      selector: {
        match_expressions: [{ cidr: "10.0.2.0/24" }, { type: "k8s", k8s_cluster_id: "eks", k8s_namespace: "app", tags: { a: "1", b: "2" } }],
      },
    });
    expect(sg.model).toEqual({
      key: "aviatrix_smart_group.runtime",
      name: "runtime",
      kind: "selector",
      expressions: [{ cidr: "10.0.2.0/24" }, { type: "k8s", k8sClusterId: "eks", k8sNamespace: "app", tags: { a: "1", b: "2" } }],
    });
    expect(SmartGroup.isSmartGroup(sg)).toBe(true);
    expect(SmartGroup.isSmartGroup({})).toBe(false);
  });

  test("GIVEN a Terraform reference in a field WHEN the model is read THEN it holds the reference text", () => {
    const stack = givenStack();
    const subnet = new TerraformVariable(stack, "runtime_subnet", { type: "string" });
    const sg = new SmartGroup(stack, "runtime", { matchExpressions: [Select.subnet({ resId: subnet.stringValue })] });
    expect(sg.model.expressions).toEqual([{ type: "subnet", resId: "${var.runtime_subnet}" }]);
    expect(synthJson(stack).resource.aviatrix_smart_group.runtime.selector.match_expressions[0].res_id).toBe("${var.runtime_subnet}");
  });

  test("everything-on snapshot (every selector kind) passes vca validate", () => {
    const stack = givenStack();
    new SmartGroup(stack, "everything", {
      name: "everything",
      matchExpressions: [
        Select.cidr("10.0.0.0/16"),
        Select.fqdn("db.internal.example"),
        Select.site("dc-1"),
        Select.vm({ tags: { env: "prod" }, region: "us-east-1", accountName: "aws-prod" }),
        Select.subnet({ resId: "subnet-0123" }),
        Select.k8s({ cluster: "eks", namespace: "app", pod: "api-0" }),
        Select.k8s({ cluster: "eks", namespace: "app", service: "api" }),
        Select.geo({ countryIsoCode: "CN" }),
        Select.threatIq({ severity: "high" }),
      ],
    });
    const doc = synthJson(stack);
    expect(validationErrors(doc)).toEqual([]);
    expect(resourcesOf(doc)).toMatchSnapshot();
  });

  test("GIVEN bad selectors WHEN constructed THEN errors name the construct and the expression", () => {
    const stack = givenStack();
    expect(expectInputError(() => new SmartGroup(stack, "empty", { matchExpressions: [] }), "SmartGroup.matchExpressions")).toMatchInlineSnapshot(
      `"[stack/empty] SmartGroup.matchExpressions: got [], want at least one match expression; e.g. [Select.k8s({ cluster, namespace: "app" })]"`,
    );
    expect(
      expectInputError(() => new SmartGroup(stack, "mixed", { matchExpressions: [{ cidr: "10.0.0.0/8", type: "vm" }] }), "SmartGroup.matchExpressions[0]"),
    ).toMatchInlineSnapshot(
      `"[stack/mixed] SmartGroup.matchExpressions[0]: cidr must be alone in its match expression (got cidr, type); put the other fields in a separate expression"`,
    );
    expect(
      expectInputError(() => new SmartGroup(stack, "k8s", { matchExpressions: [{ type: "vm", k8sNamespace: "app" }] }), "SmartGroup.matchExpressions[0]"),
    ).toMatchInlineSnapshot(`"[stack/k8s] SmartGroup.matchExpressions[0]: k8sNamespace need type "k8s" (got type "vm")"`);
    expect(
      expectInputError(() => SmartGroup.fromModel(stack, "anywhere", { key: "x", name: "x", kind: "anywhere", expressions: [] }), "SmartGroup.model.kind"),
    ).toMatchInlineSnapshot(
      `"[stack/anywhere] SmartGroup.model.kind: got "anywhere", want "selector"; reference built-in or managed groups with WellKnownSmartGroups / ManagedSmartGroup instead of rendering them"`,
    );
  });
});

describe("WebGroup", () => {
  test("GIVEN mixed-case, IDN and duplicate domains WHEN synthesized THEN SNI filters are lower-case punycode, sorted, de-duplicated", () => {
    const stack = givenStack();
    const wg = new WebGroup(stack, "llm", { domains: ["API.OpenAI.com", "*.anthropic.com", "api.openai.com", "bücher.example"] });
    expect(synthJson(stack).resource.aviatrix_web_group.llm.selector.match_expressions).toEqual([
      { snifilter: "*.anthropic.com" },
      { snifilter: "api.openai.com" },
      { snifilter: "xn--bcher-kva.example" },
    ]);
    expect(wg.model).toMatchObject({ key: "aviatrix_web_group.llm", kind: "domains" });
    expect(wg.hasUrlFilters).toBe(false);
  });

  test("everything-on snapshot", () => {
    const stack = givenStack();
    new WebGroup(stack, "all", { name: "all-kinds", domains: ["b.example.com"], urls: ["github.com/org/*"], matches: [{ sni: "*.a.example.com" }] });
    const doc = synthJson(stack);
    expect(validationErrors(doc)).toEqual([]);
    expect(resourcesOf(doc)).toMatchSnapshot();
  });

  test("GIVEN widening or malformed input WHEN constructed THEN typed errors explain the fix", () => {
    const stack = givenStack();
    expect(expectInputError(() => new WebGroup(stack, "star", { domains: ["*"] }), "WebGroup.domains[0]")).toMatchInlineSnapshot(
      `"[stack/star] WebGroup.domains[0]: got "*", want an exact host or a leading "*." wildcard; use WellKnownWebGroups.allWeb() to allow any host"`,
    );
    expect(expectInputError(() => new WebGroup(stack, "none", {}), "WebGroup.domains")).toMatchInlineSnapshot(
      `"[stack/none] WebGroup.domains: got no domains, urls or matches, want at least one SNI domain or URL filter; an empty WebGroup matches nothing; use WellKnownWebGroups.allWeb() to mean any host"`,
    );
    expect(expectInputError(() => new WebGroup(stack, "scheme", { domains: ["https://api.openai.com"] }), "WebGroup.domains[0]")).toMatchInlineSnapshot(
      `"[stack/scheme] WebGroup.domains[0]: got "https://api.openai.com", want a host name without scheme; drop the scheme (SNI filters match host names only)"`,
    );
    expect(expectInputError(() => new WebGroup(stack, "mid", { domains: ["api.*.com"] }), "WebGroup.domains[0]")).toMatchInlineSnapshot(
      `"[stack/mid] WebGroup.domains[0]: invalid SNI filter "api.*.com": has a '*' that is not the whole leading label (only "*.example.com" is a wildcard); want an exact host or a leading "*." wildcard"`,
    );
  });
});

describe("managed and well-known groups", () => {
  test("GIVEN managed groups by name WHEN used in a pack THEN data sources are read and references resolve", () => {
    const stack = givenStack();
    const providers = ManagedWebGroup.fromName(stack, "ai_providers", "avx-ai-llm-providers");
    const shared = ManagedSmartGroup.fromName(stack, "shared", "shared-services");
    const other = ManagedSmartGroup.fromName(stack, "other", "other-services");
    const doc = synthJson(stack);
    expect(doc.data.aviatrix_web_group.ai_providers).toEqual({ name: "avx-ai-llm-providers" });
    // one shared lookup of all SmartGroups per stack
    expect(Object.keys(doc.data.aviatrix_smart_groups)).toEqual(["aviatrix_smart_groups_all"]);
    expect(providers.model).toEqual({ key: "data.aviatrix_web_group.ai_providers", name: "avx-ai-llm-providers", kind: "managed", matches: [] });
    expect(shared.model.kind).toBe("managed");
    expect(other.model.key).toBe('data.aviatrix_smart_groups.aviatrix_smart_groups_all["other-services"]');
  });

  test("GIVEN built-ins WHEN referenced THEN well-known UUIDs are used", () => {
    expect(ManagedSmartGroup.anywhere().uuid).toBe(WELL_KNOWN.anywhere);
    expect(ManagedSmartGroup.publicInternet().model.kind).toBe("publicInternet");
    expect(ManagedSmartGroup.threatIq().model.expressions).toEqual([{ external: "threatiq" }]);
    expect(ManagedWebGroup.allWeb().uuid).toBe(WELL_KNOWN.allWeb);
    expect(WellKnownWebGroups.fromUuid("11111111-2222-3333-4444-555555555555", "corp").model).toEqual({
      key: "11111111-2222-3333-4444-555555555555",
      name: "corp",
      kind: "managed",
      matches: [],
    });
  });

  test("GIVEN a name with quotes WHEN looked up THEN the error names the prop", () => {
    const stack = givenStack();
    expect(expectInputError(() => ManagedSmartGroup.fromName(stack, "bad", 'a"b'), "ManagedSmartGroup.name")).toMatchInlineSnapshot(
      `"[stack/bad] ManagedSmartGroup.name: got "a\\"b", want the group's name on the controller; names cannot be empty or contain quotes or \${"`,
    );
  });
});

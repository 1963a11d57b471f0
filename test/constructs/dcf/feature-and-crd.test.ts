import Ajv from "ajv";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { TerraformVariable } from "../../../lib/core/cdktf";
import { DcfFeature, FirewallPolicy, ManagedSmartGroup, ManagedWebGroup, SmartGroup, WebGroup } from "../../../lib/constructs/dcf";
import { Select } from "../../../lib/dcf/builder/selectors";
import { WELL_KNOWN } from "../../../lib/dcf/model";
import { givenStack, resourcesOf, synthJson, validationErrors } from "./helpers";
import { expectInputError } from "../../support/expect-error";

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../lib/validate/schemas/firewallpolicy.schema.json"), "utf8"));
const validateCrd = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe("DcfFeature", () => {
  test("GIVEN defaults WHEN synthesized THEN only microseg is enabled through aviatrix_config_feature", () => {
    const stack = givenStack();
    new DcfFeature(stack, "dcf");
    const doc = synthJson(stack);
    expect(Object.values(doc.resource.aviatrix_config_feature)).toEqual([{ feature_name: "microseg", is_enabled: true }]);
    expect(doc.resource.aviatrix_distributed_firewalling_config).toBeUndefined();
  });

  test("everything-on snapshot: k8s flags imply k8s and wait for microseg", () => {
    const stack = givenStack();
    new DcfFeature(stack, "dcf", {
      k8sDcfPolicies: true,
      k8sNetworkPolicy: true,
      additionalFeatures: ["dcf_logs_obs_sink"],
    });
    const doc = synthJson(stack);
    const names = Object.values(doc.resource.aviatrix_config_feature)
      .map((f: any) => f.feature_name)
      .sort();
    expect(names).toEqual(["dcf_logs_obs_sink", "k8s", "k8s_dcf_policies", "k8s_network_policy", "microseg"]);
    expect(validationErrors(doc)).toEqual([]);
    expect(resourcesOf(doc)).toMatchSnapshot();
  });

  test("GIVEN a flag only the controller API knows WHEN constructed THEN the error says how to enable it", () => {
    const stack = givenStack();
    expect(
      expectInputError(
        () =>
          new DcfFeature(stack, "dcf", {
            additionalFeatures: ["dcf_multi_policies" as never],
          }),
        "DcfFeature.additionalFeatures[0]",
      ),
    ).toMatchInlineSnapshot(
      `"[stack/dcf] DcfFeature.additionalFeatures[0]: got "dcf_multi_policies", want one of microseg|cost_iq|ipv6|dcf_on_s2c|dcf_on_psf|dcf_stats_obs_sink|dcf_logs_obs_sink|k8s|sre_metrics_export|k8s_dcf_policies|k8s_network_policy|dcf_on_firenet|interface_mtu_based_clamping|conduit_tunnel_status_coalescing|vrf; "dcf_multi_policies" is not settable through aviatrix_config_feature; enable it with the controller API (enable_controller_feature)"`,
    );
  });

  test("GIVEN controller 8.2.9 WHEN synthesized THEN the config_feature version gate fails", () => {
    const stack = givenStack("8.2.9");
    new DcfFeature(stack, "dcf");
    expect(() => synthJson(stack)).toThrow(/\[stack\/dcf\] DcfFeature\.controllerVersion: got 8\.2\.9, want ≥ 8\.2\.10 for aviatrix_config_feature/);
  });
});

describe("FirewallPolicy", () => {
  test("GIVEN a minimal policy WHEN rendered THEN YAML, manifest and model agree and the CRD schema accepts it", () => {
    const stack = givenStack();
    const fp = new FirewallPolicy(stack, "librechat_egress", {
      name: "librechat-egress",
      namespace: "librechat",
      rules: [
        {
          name: "llm",
          action: "PERMIT",
          protocol: "tcp",
          ports: [443],
          selector: { matchLabels: { app: "librechat" } },
          dst: [ManagedSmartGroup.publicInternet()],
          webGroups: [
            {
              key: "llm",
              name: "llm-apis",
              kind: "domains",
              matches: [{ sni: "api.openai.com" }, { sni: "*.anthropic.com" }],
            },
          ],
          logging: true,
        },
      ],
    });
    const doc = synthJson(stack);
    const manifest = doc.resource.kubernetes_manifest.librechat_egress.manifest;
    expect(yaml.load(fp.toYaml())).toEqual(manifest);
    expect(validateCrd(manifest)).toBe(true);
    expect(validationErrors(doc)).toEqual([]);
    expect(fp.toYaml()).toMatchInlineSnapshot(`
"apiVersion: networking.aviatrix.com/v1alpha1
kind: FirewallPolicy
metadata:
  name: librechat-egress
  namespace: librechat
spec:
  rules:
  - name: llm
    action: permit
    selector:
      matchLabels:
        app: librechat
    destinationSmartGroups:
    - uuid: def000ad-0000-0000-0000-000000000001
    webGroups:
    - name: llm-apis
    protocol: tcp
    port: 443
    logging: true
  webGroups:
  - name: llm-apis
    domains:
    - '*.anthropic.com'
    - api.openai.com
"
`);
    const model = fp.model;
    expect(model.rules).toEqual([
      expect.objectContaining({
        name: "llm",
        tier: "K8S",
        priority: 0,
        action: "PERMIT",
        protocol: "TCP",
        portRanges: [{ lo: 443 }],
        watch: false,
        logging: true,
      }),
    ]);
    expect(model.smartGroups[model.rules[0].srcGroups[0]].expressions).toEqual([{ type: "k8s", k8sNamespace: "librechat", tags: { app: "librechat" } }]);
    expect(model.webGroups[model.rules[0].webGroups[0]].matches).toEqual([{ sni: "*.anthropic.com" }, { sni: "api.openai.com" }]);
  });

  test("everything-on snapshot (chart 10.1.0 fields, construct refs, inline groups, discover mode)", () => {
    const stack = givenStack();
    const llm = new WebGroup(stack, "llm", { domains: ["api.openai.com"] });
    const db = new SmartGroup(stack, "db", {
      name: "shared-db",
      matchExpressions: [Select.cidr("10.20.0.0/16")],
    });
    const fp = new FirewallPolicy(stack, "everything", {
      namespace: "obot-mcp",
      mode: "discover",
      chartVersion: "10.1.0",
      clusterId: "aks-obot",
      labels: { "app.kubernetes.io/managed-by": "vca-cdktf" },
      annotations: { "vca.aviatrix.com/source": "test" },
    });
    fp.addRule({
      name: "permit-llm",
      action: "PERMIT",
      protocol: "TCP",
      ports: [443],
      selector: { matchLabels: { "mcp-server-id": "ms1x" } },
      dst: [ManagedSmartGroup.publicInternet()],
      webGroups: [llm, ManagedWebGroup.fromName(stack, "providers", "avx-ai-llm-providers"), ManagedWebGroup.allWeb()],
      logging: true,
      logProfile: "start/end",
      decryptPolicy: "DECRYPT_NOT_ALLOWED",
      flowAppRequirement: "TLS_REQUIRED",
      tlsProfile: WELL_KNOWN.defaultTlsProfile,
    });
    fp.addRule({
      name: "db",
      action: "PERMIT",
      protocol: "TCP",
      ports: ["5432-5433"],
      selector: { service: "api" },
      dst: [db],
      logging: true,
      promote: true,
    });
    fp.addRule({
      name: "deny-rest",
      action: "DENY",
      dst: [
        {
          key: "any",
          name: "any-destination",
          kind: "selector",
          expressions: [Select.cidr("0.0.0.0/0")],
        },
      ],
      logging: true,
    });
    const doc = synthJson(stack);
    const manifest = doc.resource.kubernetes_manifest.everything;
    expect(validateCrd(manifest.manifest)).toBe(true);
    expect(manifest.depends_on).toEqual(["aviatrix_web_group.llm", "aviatrix_smart_group.db"]);
    expect(validationErrors(doc)).toEqual([]);
    expect(manifest.manifest.spec.rules.map((r: any) => [r.name, r.watch])).toEqual([
      ["permit-llm", true],
      ["db", undefined],
      ["deny-rest", true],
    ]);
    expect(resourcesOf(doc)).toMatchSnapshot();
    expect(fp.toYaml()).toMatchSnapshot();
  });

  test("GIVEN chart 9.0.0 WHEN a 10.1.0-only field is set THEN the error says to upgrade the chart", () => {
    const stack = givenStack();
    const fp = new FirewallPolicy(stack, "fp", {
      namespace: "app",
      chartVersion: "9.0.0",
    });
    expect(
      expectInputError(
        () =>
          fp.addRule({
            name: "r",
            action: "PERMIT",
            protocol: "TCP",
            ports: [443],
            dst: [ManagedSmartGroup.publicInternet()],
            decryptPolicy: "DECRYPT_ALLOWED",
          }),
        'FirewallPolicy.rules["r"].decryptPolicy',
      ),
    ).toMatchInlineSnapshot(
      `"[stack/fp] FirewallPolicy.rules["r"].decryptPolicy: got "DECRYPT_ALLOWED", want no decryptPolicy with chartVersion 9.0.0; upgrade the k8s-firewall chart to ≥ 10.1.0 or drop decryptPolicy"`,
    );
    expect(
      expectInputError(
        () =>
          new FirewallPolicy(stack, "fp2", {
            namespace: "app",
            chartVersion: "9.0.0",
            mode: "discover",
          }),
        "FirewallPolicy.mode",
      ),
    ).toMatchInlineSnapshot(
      `"[stack/fp2] FirewallPolicy.mode: got "discover" with chartVersion 9.0.0, want chartVersion ≥ 10.1.0 (watch mode); upgrade the k8s-firewall chart or use mode: "enforce""`,
    );
  });

  test.each([
    ["two port ranges (the CRD has one per rule)", { ports: [443, 8443] }, 'FirewallPolicy.rules["r"].ports'],
    ["port on ICMP", { protocol: "ICMP" as const, ports: [1] }, 'FirewallPolicy.rules["r"].ports'],
    ["labels and service", { selector: { matchLabels: { a: "b" }, service: "api" } }, 'FirewallPolicy.rules["r"].selector'],
    ["log profile without logging", { logProfile: "start" as const, logging: false }, 'FirewallPolicy.rules["r"].logProfile'],
    ["deep packet inspection", { action: "DEEP_PACKET_INSPECTION_PERMIT" as const }, 'FirewallPolicy.rules["r"].action'],
    [
      "URL filter web group inline",
      {
        webGroups: [
          {
            key: "u",
            name: "u",
            kind: "domains" as const,
            matches: [{ url: "github.com/org/*" }],
          },
        ],
      },
      'FirewallPolicy.rules["r"].webGroups[0]',
    ],
    [
      "fqdn destination inline",
      {
        dst: [
          {
            key: "f",
            name: "f",
            kind: "selector" as const,
            expressions: [{ fqdn: "db.example" }],
          },
        ],
      },
      'FirewallPolicy.rules["r"].dst[0].expressions[0].fqdn',
    ],
  ])("GIVEN %s WHEN added THEN a typed error is thrown", (_name, extra, names) => {
    const stack = givenStack();
    const fp = new FirewallPolicy(stack, "fp", { namespace: "app" });
    const message = expectInputError(
      () => fp.addRule({ name: "r", action: "PERMIT", protocol: "TCP", dst: [ManagedSmartGroup.publicInternet()], ...extra }),
      names,
    );
    expect(message).toMatchSnapshot();
  });

  test("GIVEN a bad name, a duplicate rule or a token WHEN used THEN errors name the prop", () => {
    const stack = givenStack();
    expect(() => new FirewallPolicy(stack, "Bad_Name", { namespace: "app" })).toThrowErrorMatchingInlineSnapshot(
      `"[stack/Bad_Name] FirewallPolicy.name: got "Bad_Name", want a DNS-1123 subdomain (lower-case letters, digits, '-', '.'); rename the policy"`,
    );
    const fp = new FirewallPolicy(stack, "fp", { namespace: "app" });
    const rule = {
      name: "r",
      action: "DENY" as const,
      dst: [ManagedSmartGroup.anywhere()],
    };
    fp.addRule(rule);
    expect(() => fp.addRule(rule)).toThrowErrorMatchingInlineSnapshot(
      `"[stack/fp] FirewallPolicy.rules["r"].name: got "r", want a name unique in the policy; rename one of the rules"`,
    );
    const groupName = new TerraformVariable(stack, "group_name", {
      type: "string",
    });
    const named = new SmartGroup(stack, "sg", {
      name: groupName.stringValue,
      matchExpressions: [Select.cidr("10.0.0.0/8")],
    });
    const withToken = new FirewallPolicy(stack, "tok", {
      namespace: "app",
      rules: [{ name: "r", action: "DENY", dst: [named] }],
    });
    expect(() => withToken.toYaml()).toThrowErrorMatchingInlineSnapshot(
      `"[stack/tok] FirewallPolicy.toYaml(): got a Terraform token in the object, want literal values only; use the kubernetes_manifest rendering, or give groups literal names"`,
    );
    expect(synthJson(stack).resource.kubernetes_manifest.tok.manifest.spec.rules[0].destinationSmartGroups).toEqual([{ name: "${var.group_name}" }]);
  });

  test("GIVEN no rules WHEN synthesized THEN synth fails", () => {
    const stack = givenStack();
    new FirewallPolicy(stack, "fp", { namespace: "app" });
    expect(() => synthJson(stack)).toThrow(/\[stack\/fp\] FirewallPolicy\.rules: got none, want at least one rule/);
  });
});

// One destination model for the shim's FirewallPolicy and the Terraform rules (issue 13
// "Soundness"; issue 15 item 7). The blueprints give LibreChatEgress.podRules the built-in Public
// Internet and close the pods with a deny to Anywhere (stacks/k8s/k8s-closing-denies.ts); the
// shim's CRD must reach the same verdict for every flow — in particular for an endpoint whose name
// looks public but resolves to a private address, and for IPv6 destinations.
import { TerraformStack, Testing } from "../../lib/core/cdktf";
import { DcfPolicyPack, SmartGroup, WellKnownSmartGroups } from "../../lib/constructs/dcf";
import { LibreChatEgress } from "../../lib/constructs/workloads/librechat-egress";
import { Select } from "../../lib/dcf/builder/selectors";
import { modelFromFirewallPolicies } from "../../lib/dcf/crd/from-crd";
import { PolicyModel, WELL_KNOWN } from "../../lib/dcf/model";
import { evaluate } from "../../lib/dcf/simulate/evaluate";
import { Flow } from "../../lib/dcf/simulate/flow";
import { policyModelFromTerraform } from "../../lib/dcf/terraform/from-terraform";
import { DEFAULT_POD_LABELS } from "../../lib/shim/render/crd";
import { testApp } from "../stacks/k8s/helpers";

const CLUSTER = "eks-lab";
const NAMESPACE = "librechat";

// An LLM gateway whose public-looking name resolves to a private address (an in-VPC Obot or
// LiteLLM endpoint), a private IP literal, and a public provider.
const CONFIG = `version: 1.2.8
endpoints:
  custom:
    - name: corp-gateway
      apiKey: "\${CORP_KEY}"
      baseURL: "https://llm.corp.example.com/v1"
      models: { default: ["m"] }
    - name: ollama
      apiKey: "ollama"
      baseURL: "http://10.20.30.40:11434/v1"
      models: { default: ["m"] }
    - name: groq
      apiKey: "\${GROQ_API_KEY}"
      baseURL: "https://api.groq.com/openai/v1"
      models: { default: ["m"] }
`;

interface Models {
  readonly terraform: PolicyModel;
  readonly crd: PolicyModel;
}

/** The Terraform rules as the blueprints use them, and the shim's CRD, from one LibreChatEgress. */
function models(): Models {
  const stack = new TerraformStack(testApp(), "librechat");
  const egress = new LibreChatEgress(stack, "egress", { config: CONFIG, envKeys: ["CORP_KEY", "GROQ_API_KEY"], namespace: NAMESPACE });
  const pods = new SmartGroup(stack, "pods", {
    name: "librechat-pods",
    matchExpressions: [Select.k8s({ cluster: CLUSTER, namespace: NAMESPACE, labels: DEFAULT_POD_LABELS })],
  });
  const pack = new DcfPolicyPack(stack, "dcf", { mode: "enforce" });
  for (const rule of egress.podRules({ src: [pods], dst: [WellKnownSmartGroups.publicInternet()] })) pack.addRule(rule);
  pack.addRule({
    name: "contain-librechat-pods",
    priority: 100,
    action: "DENY",
    protocol: "ANY",
    src: [pods],
    dst: [WellKnownSmartGroups.anywhere()],
    logging: true,
  });
  return {
    terraform: policyModelFromTerraform(JSON.parse(Testing.synth(stack))),
    crd: modelFromFirewallPolicies(egress.firewallPolicyObjects.map((policy) => ({ policy, where: "firewall-policy.yaml" }))),
  };
}

const fromPod = { k8s: { cluster: CLUSTER, namespace: NAMESPACE, labels: { ...DEFAULT_POD_LABELS } } };
const to = (host: string | undefined, ip: string, port = 443): Flow => ({
  from: fromPod,
  to: { ...(host !== undefined ? { host } : {}), ip, port, protocol: "TCP" },
});

describe("GIVEN one librechat.yaml rendered as Terraform rules and as the shim's FirewallPolicy", () => {
  const m = models();
  const verdicts = (flow: Flow) => ({ terraform: evaluate(m.terraform, flow).verdict, crd: evaluate(m.crd, flow).verdict });

  test.each([
    ["an allowlisted name that resolves to a private address (10.x)", to("llm.corp.example.com", "10.20.30.40"), "DENY"],
    ["an allowlisted name that resolves to a private address (172.16/12)", to("llm.corp.example.com", "172.16.0.9"), "DENY"],
    ["a private IP literal endpoint (never permitted by the shim)", to(undefined, "10.20.30.40", 11434), "DENY"],
    ["a private IPv6 (ULA) address behind an allowlisted name", to("api.groq.com", "fd00::10"), "DENY"],
    ["the allowlisted name at a public address", to("llm.corp.example.com", "52.94.7.7"), "PERMIT"],
    ["a public provider at a public IPv6 address", to("api.groq.com", "2606:4700::6810:1"), "PERMIT"],
    ["an unlisted public host", to("exfil.example.net", "52.94.9.9"), "DENY"],
  ])("WHEN the pod connects to %s THEN both renderings give the same verdict", (_what, flow, expected) => {
    expect(verdicts(flow)).toEqual({ terraform: expected, crd: expected });
  });

  test("WHEN the pod reaches an unlisted IPv6 destination THEN the shim's own closing deny denies it, whatever the controller default", () => {
    // The model has no default action of its own: the controller's (PERMIT on a brownfield one) applies.
    expect(m.crd.defaultAction).toBeUndefined();
    const r = evaluate(m.crd, to("exfil.example.net", "2a01:4f8:1::9"));
    expect([r.verdict, r.rule]).toEqual(["DENY", "deny-other-egress"]);
    expect(evaluate(m.crd, to(undefined, "2a00:1450:4001::1", 8443))).toMatchObject({ verdict: "DENY", rule: "deny-other-egress" });
  });

  test("WHEN the CRD is rendered THEN permits name the built-in Public Internet and the closing deny the built-in Anywhere, by UUID, with no 0.0.0.0/0 group", () => {
    const rules = m.crd.rules.map((r) => [r.name, r.action, r.dstGroups]);
    expect(rules).toEqual([
      ["allow-librechat-llm", "PERMIT", [WELL_KNOWN.publicInternet]],
      ["deny-other-egress", "DENY", [WELL_KNOWN.anywhere]],
    ]);
    const cidrGroups = Object.values(m.crd.smartGroups).filter((g) => g.expressions.some((e) => e.cidr !== undefined));
    expect(cidrGroups).toEqual([]);
  });
});

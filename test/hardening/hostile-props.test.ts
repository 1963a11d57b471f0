// Hostile construct props: absurd CIDRs, ports, priorities, names over limits, garbage controller
// versions and conflicting props. Each must throw a typed error (a UserInputError subclass, so the
// CLI exits 2) that carries the construct path and the prop and names both in its message — never
// a raw TypeError/RangeError, and never silently rendered.
import { Construct } from "constructs";
import { App, TerraformStack, Testing } from "../../lib/core/cdktf";
import { AviatrixProvider } from "../../lib/constructs/aviatrix";
import { DcfPolicyPack, DcfRuleProps, ManagedSmartGroup, SmartGroup, WebGroup } from "../../lib/constructs/dcf";
import { Cloud, SpokeGateway, SpokeGatewayProps } from "../../lib/constructs/network";
import { FoundryByoVnetStack, FoundryByoVnetStackProps } from "../../stacks";
import { UserInputError } from "../../lib/util/errors";

type Build = (stack: TerraformStack) => void;

interface Case {
  readonly name: string;
  readonly build: Build;
  /** The prop the error must name (in `prop` and in the message). */
  readonly prop: RegExp;
  /** Construct path the error must carry (relative to the stack "s"). */
  readonly at: RegExp;
}

const AWS: SpokeGatewayProps = {
  name: "spoke-1",
  cloud: Cloud.AWS,
  accountName: "aws-lab",
  region: "us-east-2",
  vpcId: "vpc-0a1b2c3d4e5f67890",
  gatewaySubnet: "10.50.0.0/24",
};
const spoke =
  (p: Partial<SpokeGatewayProps> & Record<string, unknown>): Build =>
  (s) =>
    void new SpokeGateway(s, "spoke", { ...AWS, ...p } as SpokeGatewayProps);

const smartGroup =
  (p: Record<string, unknown>): Build =>
  (s) =>
    void new SmartGroup(s, "sg", p as never);
const webGroup =
  (p: Record<string, unknown>): Build =>
  (s) =>
    void new WebGroup(s, "wg", p as never);

/** A pack with one rule from a (trusted) pod SmartGroup to the public internet; `patch` makes it hostile. */
const rule =
  (patch: Partial<DcfRuleProps> & Record<string, unknown>, extra?: (pack: DcfPolicyPack, s: TerraformStack) => void): Build =>
  (s) => {
    const pods = new SmartGroup(s, "pods", { matchExpressions: [{ cidr: "10.1.0.0/16" }] });
    const web = new WebGroup(s, "web", { domains: ["api.example.com"] });
    const pack = new DcfPolicyPack(s, "pack", { mode: "enforce" });
    extra?.(pack, s);
    pack.addRule({
      name: "r",
      priority: 10,
      action: "PERMIT",
      protocol: "TCP",
      ports: [443],
      src: [pods],
      dst: [ManagedSmartGroup.publicInternet()],
      webGroups: [web],
      ...patch,
    } as DcfRuleProps);
  };

const provider =
  (controllerVersion: unknown, extra: Record<string, unknown> = {}): Build =>
  (s) =>
    void new AviatrixProvider(s, "aviatrix", { controllerVersion: controllerVersion as string, credentials: "env", ...extra });

const FOUNDRY: FoundryByoVnetStackProps = {
  controllerVersion: "9.0.10",
  aviatrixAccountName: "azure-foundry",
  location: "francecentral",
  namePrefix: "foundry-vca",
  newNetwork: { cidr: "10.11.0.0/23" },
  gatewaySize: "Standard_B2ms",
  toolCallDomains: ["api.ipify.org"],
};
/** Stacks are built in their own app (the test stack is unused). */
const foundry =
  (p: Record<string, unknown>): Build =>
  () =>
    void new FoundryByoVnetStack(Testing.app(), "foundry", { ...FOUNDRY, ...p } as FoundryByoVnetStackProps);

const cases: Case[] = [
  // ---- SpokeGateway: CIDRs, names, conflicts ----
  { name: "gateway subnet with a /99 prefix", build: spoke({ gatewaySubnet: "10.0.0.0/99" }), prop: /gatewaySubnet/, at: /s\/spoke/ },
  { name: "gateway subnet with octet 999", build: spoke({ gatewaySubnet: "999.1.1.0/24" }), prop: /gatewaySubnet/, at: /s\/spoke/ },
  { name: "gateway name over the limit", build: spoke({ name: "a".repeat(200) }), prop: /name/, at: /s\/spoke/ },
  { name: "gateway name with shell characters", build: spoke({ name: "spoke;rm -rf" }), prop: /name/, at: /s\/spoke/ },
  { name: "HA on AWS without an HA subnet", build: spoke({ ha: {} }), prop: /ha/, at: /s\/spoke/ },
  { name: "AWS insane mode without an insane-mode AZ", build: spoke({ insaneMode: true }), prop: /insaneModeAz/, at: /s\/spoke/ },
  {
    name: "existing VPC and a new network at once",
    build: spoke({ newNetwork: { cidr: "10.60.0.0/16", availabilityZones: ["us-east-2a", "us-east-2b"] } }),
    prop: /vpcId|newNetwork/,
    at: /s\/spoke/,
  },
  {
    name: "new network CIDR /8 (absurdly large)",
    build: spoke({ vpcId: undefined, gatewaySubnet: undefined, newNetwork: { cidr: "10.0.0.0/8", availabilityZones: ["us-east-2a", "us-east-2b"] } }),
    prop: /newNetwork\.cidr|cidr/,
    at: /s\/spoke/,
  },
  {
    name: "new network CIDR with host bits",
    build: spoke({ vpcId: undefined, gatewaySubnet: undefined, newNetwork: { cidr: "10.60.1.7/16", availabilityZones: ["us-east-2a", "us-east-2b"] } }),
    prop: /newNetwork\.cidr|cidr/,
    at: /s\/spoke/,
  },

  // ---- SmartGroup / WebGroup ----
  {
    name: "SmartGroup with no match expressions (would match nothing or everything)",
    build: smartGroup({ matchExpressions: [] }),
    prop: /matchExpressions/,
    at: /s\/sg/,
  },
  { name: "SmartGroup CIDR /33", build: smartGroup({ matchExpressions: [{ cidr: "10.0.0.0/33" }] }), prop: /matchExpressions\[0\]/, at: /s\/sg/ },
  {
    name: "SmartGroup CIDR combined with a type (conflicting selectors)",
    build: smartGroup({ matchExpressions: [{ cidr: "10.0.0.0/16", type: "vm" }] }),
    prop: /matchExpressions\[0\]/,
    at: /s\/sg/,
  },
  { name: "SmartGroup with a blank name", build: smartGroup({ name: "   ", matchExpressions: [{ cidr: "10.0.0.0/16" }] }), prop: /name/, at: /s\/sg/ },
  { name: "WebGroup with a bare * domain (would widen egress)", build: webGroup({ domains: ["*"] }), prop: /domains\[0\]/, at: /s\/wg/ },
  { name: "WebGroup with a URL instead of a domain", build: webGroup({ domains: ["https://api.example.com/v1"] }), prop: /domains\[0\]/, at: /s\/wg/ },
  { name: "WebGroup with nothing to match", build: webGroup({ domains: [] }), prop: /domains|matches/, at: /s\/wg/ },

  // ---- DCF rules: ports, priorities, conflicts ----
  { name: "port 70000", build: rule({ ports: [70000] }), prop: /ports/, at: /s\/pack/ },
  { name: "negative port", build: rule({ ports: [-1] }), prop: /ports/, at: /s\/pack/ },
  { name: "port range upside down", build: rule({ ports: ["9000-80"] }), prop: /ports/, at: /s\/pack/ },
  { name: "negative priority", build: rule({ priority: -1 }), prop: /priority/, at: /s\/pack/ },
  { name: "fractional priority", build: rule({ priority: 1.5 }), prop: /priority/, at: /s\/pack/ },
  { name: "NaN priority", build: rule({ priority: Number.NaN }), prop: /priority/, at: /s\/pack/ },
  { name: "priority beyond 2^53 (JSON would lose precision)", build: rule({ priority: 2 ** 60 }), prop: /priority/, at: /s\/pack/ },
  {
    name: "duplicate priority (ambiguous order)",
    build: rule({}, (pack, s) =>
      pack.addRule({
        name: "first",
        priority: 10,
        action: "DENY",
        protocol: "ANY",
        src: [new SmartGroup(s, "other", { matchExpressions: [{ cidr: "10.2.0.0/16" }] })],
        dst: [ManagedSmartGroup.publicInternet()],
      }),
    ),
    prop: /priority/,
    at: /s\/pack/,
  },
  { name: "ICMP with ports (conflicting)", build: rule({ protocol: "ICMP", ports: [443], webGroups: [] }), prop: /ports|protocol/, at: /s\/pack/ },
  { name: "unknown protocol", build: rule({ protocol: "SCTP" as never }), prop: /protocol/, at: /s\/pack/ },
  { name: "unknown action", build: rule({ action: "ALLOW_ALL" as never }), prop: /action/, at: /s\/pack/ },
  {
    name: "URL filter without decryption (conflicting)",
    build: (s) => rule({ webGroups: [new WebGroup(s, "urls", { urls: ["api.example.com/v1/*"] })], decryptPolicy: "DECRYPT_NOT_ALLOWED" })(s),
    prop: /webGroups|decrypt/,
    at: /s\/pack/,
  },
  { name: "rule without a source", build: rule({ src: [] }), prop: /src/, at: /s\/pack/ },

  // ---- controller versions ----
  { name: 'controller version "10"', build: provider("10"), prop: /controllerVersion/, at: /s\/aviatrix/ },
  { name: 'controller version "abc"', build: provider("abc"), prop: /controllerVersion/, at: /s\/aviatrix/ },
  { name: 'controller version "99.0.0" (no such release)', build: provider("99.0.0"), prop: /controllerVersion/, at: /s\/aviatrix/ },
  { name: "controller version as a number", build: provider(9.1), prop: /controllerVersion/, at: /s\/aviatrix/ },
  {
    name: "controller password as a literal (would be written into cdk.tf.json)",
    build: provider("9.0.10", { password: "hunter2-literal" }),
    prop: /password/,
    at: /s\/aviatrix/,
  },

  // ---- a stack ----
  { name: "stack: garbage controller version", build: foundry({ controllerVersion: "abc" }), prop: /controllerVersion/, at: /foundry/ },
  { name: "stack: name prefix over the limit", build: foundry({ namePrefix: "x".repeat(80) }), prop: /namePrefix/, at: /foundry/ },
  { name: "stack: network CIDR /33", build: foundry({ newNetwork: { cidr: "10.11.0.0/33" } }), prop: /cidr/, at: /foundry/ },
  { name: "stack: tool-call domain * (would widen egress)", build: foundry({ toolCallDomains: ["*"] }), prop: /toolCallDomains\[0\]/, at: /foundry/ },
];

function attempt(build: Build): unknown {
  const app = new App({ outdir: "/nonexistent-vca-hardening" });
  const stack = new TerraformStack(app, "s");
  try {
    build(stack);
    // Some checks are node validations that fire at synth; run them (the outdir is never written).
    const errors = stack.node.findAll().flatMap((c) => c.node.validate());
    if (errors.length > 0) return new Error(`validation only: ${errors.join("; ")}`);
    return undefined;
  } catch (err) {
    return err;
  }
}

describe("GIVEN hostile construct props", () => {
  test("the table has at least 30 cases", () => expect(cases.length).toBeGreaterThanOrEqual(30));

  test.each(cases.map((c) => [c.name, c] as const))("%s → typed error naming the construct path and prop", (_name, c) => {
    // WHEN the construct is built
    const err = attempt(c.build) as (Error & { constructPath?: string; prop?: string }) | undefined;
    // THEN a UserInputError subclass carrying path and prop (no raw TypeError), named in the message
    expect(err).toBeDefined();
    expect(err).toBeInstanceOf(UserInputError);
    expect(err!.name).not.toMatch(/^(TypeError|RangeError|Error|UserInputError)$/);
    expect(err!.constructPath).toMatch(c.at);
    expect(err!.prop).toMatch(c.prop);
    expect(err!.message).toContain(err!.constructPath!);
    expect(err!.message).toMatch(c.prop);
  });
});

// Keep the import list honest: Construct is the scope type the builders receive.
export type _Scope = Construct;

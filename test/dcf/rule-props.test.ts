// One rule vocabulary (lib/dcf/rule-props.ts): the builder, DcfPolicyPack and FirewallPolicy take
// the same port syntax, the same decryptPolicy name, log by default and share one port/ICMP check.
import { TerraformStack } from "../../lib/core/cdktf";
import { DcfPolicyPack, FirewallPolicy, ManagedSmartGroup, SmartGroup } from "../../lib/constructs/dcf";
import { PolicyPack } from "../../lib/dcf/builder/policy-pack";
import { Select } from "../../lib/dcf/builder/selectors";
import { WELL_KNOWN } from "../../lib/dcf/model";
import { checkPorts, DEFAULT_RULE_LOGGING, parsePortSpec, portProblemReason } from "../../lib/dcf/rule-props";
import { givenStack } from "../constructs/dcf/helpers";

const ICMP_REASON = "got [443], want no ports with protocol ICMP; remove the ports or use TCP/UDP";

function pods(stack: TerraformStack): SmartGroup {
  return new SmartGroup(stack, "pods", { name: "pods", matchExpressions: [Select.k8s({ cluster: "c", namespace: "n" })] });
}

describe("one port syntax", () => {
  test.each([
    [443, { lo: 443 }],
    ["443", { lo: 443 }],
    ["8000-8080", { lo: 8000, hi: 8080 }],
    [
      { lo: 8000, hi: 8080 },
      { lo: 8000, hi: 8080 },
    ],
    ["53-53", { lo: 53 }],
  ])("GIVEN %j THEN checkPorts reads it as %j", (spec, range) => {
    expect(checkPorts([spec], "TCP")).toEqual([range]);
  });

  test.each([
    [[0], "[0]", "got 0, want an integer 1..65535; omit the ports to mean every port"],
    [["8080-80"], "[0]", "got 8080-80, want lo ≤ hi; swap them"],
    [[{ lo: 1, hi: 70000 }], "[0].hi", "got 70000, want an integer 1..65535; omit the ports to mean every port"],
    [["http"], "[0]", 'got "http", want a port 1..65535, a range "lo-hi" or { lo, hi }'],
    [[[80, 81]], "[0]", 'got [80,81], want a port 1..65535, a range "lo-hi" or { lo, hi }'],
    [Array.from({ length: 65 }, (_, i) => i + 1), "", "got 65 port ranges, want at most 64; split the rule"],
  ])("GIVEN ports %j THEN the problem is at %j: %s", (ports, at, reason) => {
    const problem = checkPorts(ports, "TCP");
    expect(Array.isArray(problem)).toBe(false);
    if (Array.isArray(problem)) return;
    expect([problem.at, portProblemReason(problem)]).toEqual([at, reason]);
  });

  test("GIVEN a tuple THEN it is no port spec (jsii has no tuples)", () => {
    expect(parsePortSpec([80, 81])).toBeUndefined();
  });
});

describe("one ICMP check, three renderers", () => {
  test("GIVEN ICMP with a port THEN the builder, DcfPolicyPack and FirewallPolicy give the same reason", () => {
    const builder = () =>
      new PolicyPack().addRule({
        name: "r",
        priority: 1,
        action: "DENY",
        protocol: "ICMP",
        ports: [443],
        src: [WELL_KNOWN.anywhere],
        dst: [WELL_KNOWN.anywhere],
      });
    expect(builder).toThrow(`rules[r].ports: ${ICMP_REASON}`);
    const stack = givenStack();
    const pack = new DcfPolicyPack(stack, "pack", {});
    expect(() =>
      pack.addRule({ name: "r", priority: 1, action: "DENY", protocol: "icmp", ports: [443], src: [pods(stack)], dst: [ManagedSmartGroup.anywhere()] }),
    ).toThrow(`[${pack.node.path}] DcfPolicyPack.rules["r"].ports: ${ICMP_REASON}`);
    const fp = new FirewallPolicy(stack, "fp", { namespace: "app", renderManifest: false });
    expect(() => fp.addRule({ name: "r", action: "DENY", protocol: "ICMP", ports: [443], dst: [ManagedSmartGroup.anywhere()] })).toThrow(
      `[${fp.node.path}] FirewallPolicy.rules["r"].ports: ${ICMP_REASON}`,
    );
  });
});

describe("one logging default and one priority rule", () => {
  test("GIVEN no logging prop THEN the builder, DcfPolicyPack and FirewallPolicy rules all log", () => {
    expect(DEFAULT_RULE_LOGGING).toBe(true);
    const model = new PolicyPack().addRule({ name: "r", priority: 1, action: "DENY", src: [WELL_KNOWN.anywhere], dst: [WELL_KNOWN.anywhere] }).toModel();
    expect(model.rules[0].logging).toBe(true);
    const stack = givenStack();
    const pack = new DcfPolicyPack(stack, "pack", {});
    pack.addRule({ name: "r", priority: 1, action: "DENY", protocol: "ANY", src: [pods(stack)], dst: [ManagedSmartGroup.anywhere()] });
    expect(pack.rules.map((r) => r.logging)).toEqual([true]);
    const fp = new FirewallPolicy(stack, "fp", { namespace: "app", renderManifest: false });
    fp.addRule({ name: "r", action: "DENY", ports: ["8000-8080"], dst: [ManagedSmartGroup.anywhere()] });
    expect(fp.toObject().spec.rules?.[0]).toMatchObject({ logging: true, port: 8000, endPort: 8080 });
    expect(fp.model.rules[0].logging).toBe(true);
  });

  test("GIVEN two rules of one tier with one priority THEN the builder rejects the tie like DcfPolicyPack", () => {
    const pack = new PolicyPack().addRule({ name: "a", priority: 5, action: "DENY", src: [WELL_KNOWN.anywhere], dst: [WELL_KNOWN.anywhere] });
    expect(() => pack.addRule({ name: "b", priority: 5, action: "PERMIT", src: [WELL_KNOWN.anywhere], dst: [WELL_KNOWN.anywhere] })).toThrow(
      /^rules\[b\]\.priority: got 5, want a priority not used by another V1 rule \(rule "a" has it\)/,
    );
    expect(() => pack.addRule({ name: "k", priority: 5, action: "PERMIT", tier: "K8S", src: [WELL_KNOWN.anywhere], dst: [WELL_KNOWN.anywhere] })).not.toThrow();
    expect(pack.toModel().rules.map((r) => [r.name, r.tier, r.priority])).toEqual([
      ["a", "V1", 5],
      ["k", "K8S", 5],
    ]);
  });
});

describe("renamed and unknown rule props fail instead of being dropped", () => {
  // From plain JavaScript (or a cast) the 0.1 names still arrive; ignoring `port` would permit every port.
  const asProps = <T>(p: object): T => p as T;

  test.each([
    ["port", { port: 443 }, "want `ports` (renamed in 0.2)"],
    ["endPort", { ports: [443], endPort: 445 }, "want `ports` (renamed in 0.2)"],
    ["decrypt", { decrypt: "DECRYPT_NOT_ALLOWED" }, "want `decryptPolicy` (renamed in 0.2)"],
    ["prots", { prots: [443] }, "want no such rule prop"],
  ])("GIVEN %s THEN the builder, DcfPolicyPack and FirewallPolicy all name it", (key, extra, want) => {
    const builder = () =>
      new PolicyPack().addRule(
        asProps({ name: "r", priority: 1, action: "PERMIT", protocol: "TCP", src: [WELL_KNOWN.anywhere], dst: [WELL_KNOWN.publicInternet], ...extra }),
      );
    expect(builder).toThrow(`rules[r].${key}: ${want}`);
    const stack = givenStack();
    const pack = new DcfPolicyPack(stack, "pack", {});
    expect(() =>
      pack.addRule(
        asProps({ name: "r", priority: 1, action: "PERMIT", protocol: "TCP", src: [pods(stack)], dst: [ManagedSmartGroup.publicInternet()], ...extra }),
      ),
    ).toThrow(`DcfPolicyPack.rules["r"].${key}: `);
    expect(pack.rules).toHaveLength(0);
    const fp = new FirewallPolicy(stack, "fp", { namespace: "app", renderManifest: false });
    expect(() => fp.addRule(asProps({ name: "r", action: "PERMIT", protocol: "TCP", dst: [ManagedSmartGroup.publicInternet()], ...extra }))).toThrow(
      `FirewallPolicy.rules["r"].${key}: `,
    );
    expect(fp.toObject().spec.rules ?? []).toHaveLength(0);
  });

  test("GIVEN an explicitly empty ports list THEN every renderer rejects it (it would mean every port)", () => {
    expect(() =>
      new PolicyPack().addRule({
        name: "r",
        priority: 1,
        action: "PERMIT",
        protocol: "TCP",
        ports: [],
        src: [WELL_KNOWN.anywhere],
        dst: [WELL_KNOWN.publicInternet],
      }),
    ).toThrow("rules[r].ports: got [], want a non-empty list of ports; omit ports to mean every port");
    const stack = givenStack();
    const fp = new FirewallPolicy(stack, "fp", { namespace: "app", renderManifest: false });
    expect(() => fp.addRule({ name: "r", action: "PERMIT", protocol: "TCP", ports: [], dst: [ManagedSmartGroup.publicInternet()] })).toThrow(
      'FirewallPolicy.rules["r"].ports: ',
    );
    const pack = new DcfPolicyPack(stack, "pack", {});
    expect(() =>
      pack.addRule({ name: "r", priority: 1, action: "PERMIT", protocol: "TCP", ports: [], src: [pods(stack)], dst: [ManagedSmartGroup.publicInternet()] }),
    ).toThrow('DcfPolicyPack.rules["r"].ports: ');
  });
});

import * as fc from "fast-check";
import { analyze } from "../../../lib/dcf/analyze";
import { PolicyModel, RuleModel, SmartGroupModel, WebGroupModel, WELL_KNOWN } from "../../../lib/dcf/model";
import { evaluate } from "../../../lib/dcf/simulate/evaluate";
import { Flow } from "../../../lib/dcf/simulate/flow";

// Soundness: no flow is ever decided by (or watched by) a rule the analyzer calls unreachable.
// Small universes make overlaps — and therefore shadowing — frequent.

const SMART: SmartGroupModel[] = [
  { key: WELL_KNOWN.anywhere, name: "Anywhere", kind: "anywhere", expressions: [] },
  { key: WELL_KNOWN.publicInternet, name: "Public Internet", kind: "publicInternet", expressions: [] },
  { key: "app", name: "app", kind: "selector", expressions: [{ cidr: "10.1.0.0/16" }] },
  { key: "app-too", name: "app", kind: "selector", expressions: [{ cidr: "10.1.0.0/16" }] },
  { key: "other", name: "other", kind: "selector", expressions: [{ cidr: "10.2.0.0/16" }] },
  { key: "zero", name: "zero", kind: "selector", expressions: [{ cidr: "0.0.0.0/0" }] },
  { key: "pods", name: "pods", kind: "selector", expressions: [{ type: "k8s", k8sNamespace: "mcp", tags: { app: "x" } }] },
];

const WEB: WebGroupModel[] = [
  { key: "w-exact", name: "w-exact", kind: "domains", matches: [{ sni: "a.com" }, { sni: "c.io" }] },
  { key: "w-wild", name: "w-wild", kind: "domains", matches: [{ sni: "*.a.com" }] },
  { key: "w-deep", name: "w-deep", kind: "domains", matches: [{ sni: "*.b.a.com" }, { sni: "b.a.com" }] },
  { key: "w-star", name: "w-star", kind: "domains", matches: [{ sni: "*" }] },
  { key: "w-url", name: "w-url", kind: "domains", matches: [{ url: "b.a.com/x/*" }, { url: "a.com/*" }] },
  { key: "w-ref", name: "w-ref", kind: "domains", matches: [{ sni: "${var.host}.a.com" }] },
  { key: "w-all", name: "All-Web", kind: "allWeb", matches: [] },
  { key: "w-managed", name: "managed", kind: "managed", matches: [] },
];

const PORTS = [[], [{ lo: 443 }], [{ lo: 80 }], [{ lo: 80, hi: 443 }], [{ lo: 53 }], [{ lo: 80 }, { lo: 443 }]] as const;

const ruleArb = fc.record({
  tier: fc.constantFrom("V1" as const, "V1" as const, "K8S" as const),
  priority: fc.integer({ min: 0, max: 30 }),
  action: fc.constantFrom("PERMIT" as const, "DENY" as const, "INTRUSION_DETECTION_PERMIT" as const),
  protocol: fc.constantFrom("TCP" as const, "TCP" as const, "UDP" as const, "ICMP" as const, "ANY" as const, "ANY" as const),
  ports: fc.constantFrom(PORTS[0], ...PORTS),
  src: fc.oneof(
    fc.constant([WELL_KNOWN.anywhere]),
    fc.constant(["app"]),
    fc.subarray(
      SMART.map((g) => g.key),
      { minLength: 1, maxLength: 2 },
    ),
  ),
  dst: fc.oneof(
    fc.constant([WELL_KNOWN.anywhere]),
    fc.constant([WELL_KNOWN.publicInternet]),
    fc.subarray(
      SMART.map((g) => g.key),
      { minLength: 1, maxLength: 2 },
    ),
  ),
  web: fc.oneof(
    fc.constant([] as string[]),
    fc.constant(["w-star"]),
    fc.constant(["w-deep"]),
    fc.constant(["w-url"]),
    fc.subarray(
      WEB.map((g) => g.key),
      { minLength: 1, maxLength: 2 },
    ),
  ),
  watch: fc.constantFrom(false, false, false, true),
  decrypt: fc.constantFrom(
    "DECRYPT_UNSPECIFIED" as const,
    "DECRYPT_UNSPECIFIED" as const,
    "DECRYPT_UNSPECIFIED" as const,
    "DECRYPT_ALLOWED" as const,
    "DECRYPT_NOT_ALLOWED" as const,
  ),
  app: fc.constantFrom(
    "APP_UNSPECIFIED" as const,
    "APP_UNSPECIFIED" as const,
    "APP_UNSPECIFIED" as const,
    "APP_UNSPECIFIED" as const,
    "TLS_REQUIRED" as const,
    "NOT_TLS_REQUIRED" as const,
  ),
});

const modelArb = fc.array(ruleArb, { minLength: 2, maxLength: 8 }).map((rs): PolicyModel => ({
  smartGroups: Object.fromEntries(SMART.map((g) => [g.key, g])),
  webGroups: Object.fromEntries(WEB.map((g) => [g.key, g])),
  rules: rs.map((r, i): RuleModel => ({
    name: `r${i}`,
    tier: r.tier,
    priority: r.priority,
    action: r.action,
    protocol: r.protocol,
    portRanges: [...r.ports],
    srcGroups: r.src,
    dstGroups: r.dst,
    webGroups: r.web,
    logging: true,
    watch: r.watch,
    decryptPolicy: r.decrypt,
    flowAppRequirement: r.app,
  })),
  defaultAction: { action: "DENY", logging: true },
}));

const NAMES = ["app", "app-too", "other", "zero", "pods", "managed", "var.host", "w-managed"];

const flowArb: fc.Arbitrary<Flow> = fc.record({
  from: fc.record(
    {
      ip: fc.constantFrom("10.1.2.3", "10.2.0.5", "8.8.8.8"),
      groups: fc.subarray(NAMES, { maxLength: 2 }),
      k8s: fc.constantFrom({ namespace: "mcp", labels: { app: "x" } }, { namespace: "other" }),
    },
    { requiredKeys: [] },
  ),
  to: fc.record(
    {
      host: fc.constantFrom("a.com", "b.a.com", "x.b.a.com", "c.io", "evil.io", "A.COM."),
      ip: fc.constantFrom("10.1.9.9", "93.184.216.34"),
      port: fc.constantFrom(53, 80, 443, 8080),
      protocol: fc.constantFrom("TCP" as const, "UDP" as const, "ICMP" as const),
      path: fc.constantFrom("/", "/x/y", "/z"),
      decrypted: fc.boolean(),
      tls: fc.boolean(),
      groups: fc.subarray(NAMES, { maxLength: 2 }),
    },
    { requiredKeys: ["protocol"] },
  ),
});

describe("analyzer soundness against evaluate()", () => {
  test("GIVEN random packs and flows WHEN evaluated THEN no flow reaches a rule reported unreachable", () => {
    let shadowedSeen = 0;
    fc.assert(
      fc.property(modelArb, fc.array(flowArb, { minLength: 20, maxLength: 20 }), (model, flows) => {
        const unreachable = new Set(
          analyze(model)
            .filter((f) => f.id === "shadowed-rule")
            .map((f) => f.rule),
        );
        shadowedSeen += unreachable.size;
        for (const flow of flows) {
          const res = evaluate(model, flow);
          if (unreachable.has(res.rule)) return false;
          if (res.watchedBy.some((w) => unreachable.has(w))) return false;
        }
        return true;
      }),
      { numRuns: 500, seed: 20261121 },
    );
    // The generator must actually exercise the check.
    expect(shadowedSeen).toBeGreaterThan(50);
  });

  test("GIVEN two rules on one URL WebGroup with random decrypt policies WHEN evaluated THEN no flow reaches a rule reported unreachable", () => {
    const decrypt = fc.constantFrom("DECRYPT_UNSPECIFIED" as const, "DECRYPT_ALLOWED" as const, "DECRYPT_NOT_ALLOWED" as const);
    const pair = fc.tuple(decrypt, decrypt, fc.constantFrom("PERMIT" as const, "DENY" as const), fc.constantFrom(["w-url"], ["w-url", "w-exact"]));
    let shadowedSeen = 0;
    fc.assert(
      fc.property(pair, fc.array(flowArb, { minLength: 20, maxLength: 20 }), ([outerDecrypt, innerDecrypt, action, innerWeb], flows) => {
        const base = (name: string, priority: number, decryptPolicy: RuleModel["decryptPolicy"], webGroups: string[], act: RuleModel["action"]): RuleModel => ({
          name,
          tier: "V1",
          priority,
          action: act,
          protocol: "ANY",
          portRanges: [],
          srcGroups: [WELL_KNOWN.anywhere],
          dstGroups: [WELL_KNOWN.anywhere],
          webGroups,
          logging: true,
          watch: false,
          decryptPolicy,
          flowAppRequirement: "APP_UNSPECIFIED",
        });
        const model: PolicyModel = {
          smartGroups: Object.fromEntries(SMART.map((g) => [g.key, g])),
          webGroups: Object.fromEntries(WEB.map((g) => [g.key, g])),
          rules: [base("outer", 1, outerDecrypt, ["w-url"], "PERMIT"), base("inner", 2, innerDecrypt, innerWeb, action)],
          defaultAction: { action: "DENY", logging: true },
        };
        const unreachable = new Set(
          analyze(model)
            .filter((f) => f.id === "shadowed-rule")
            .map((f) => f.rule),
        );
        shadowedSeen += unreachable.size;
        return flows.every((flow) => !unreachable.has(evaluate(model, { ...flow, to: { ...flow.to, protocol: "TCP", port: 443 } }).rule));
      }),
      { numRuns: 60, seed: 7 },
    );
    expect(shadowedSeen).toBeGreaterThan(5);
  });
});

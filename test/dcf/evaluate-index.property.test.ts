// The indexed evaluator must agree with a brute-force reference written here independently
// (its own ordering, CIDR, SNI and label logic) on random packs and flows.
import * as fc from "fast-check";
import { PolicyModel, RuleModel, SmartGroupModel, WebGroupModel, WELL_KNOWN } from "../../lib/dcf/model";
import { PolicyEvaluator } from "../../lib/dcf/simulate/evaluate";
import { Flow } from "../../lib/dcf/simulate/flow";

const LABELS = ["a", "b", "c"];
const HOSTS = ["x.io", "api.x.io", "deep.api.x.io", "y.com", "x.io.evil.io"];
const PATTERNS = ["x.io", "*.x.io", "y.com", "*.io", "api.x.io"];
const CIDRS = ["10.0.0.0/8", "10.1.0.0/16", "0.0.0.0/0", "192.168.1.0/24"];
const IPS = ["10.1.2.3", "10.9.9.9", "192.168.1.7", "8.8.8.8"];

interface Spec {
  srcKind: "label" | "cidr" | "any";
  srcVal: number;
  dstCidr: number;
  web: number[];
  proto: "TCP" | "UDP" | "ANY";
  ports: Array<[number, number]>;
  action: "PERMIT" | "DENY";
  watch: boolean;
  tier: "V1" | "K8S";
  priority: number;
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  srcKind: fc.constantFrom("label", "cidr", "any"),
  srcVal: fc.nat(3),
  dstCidr: fc.nat(3),
  web: fc.array(fc.nat(4), { maxLength: 2 }),
  proto: fc.constantFrom("TCP", "UDP", "ANY"),
  ports: fc.array(fc.tuple(fc.integer({ min: 440, max: 450 }), fc.nat(3)).map(([lo, d]) => [lo, lo + d] as [number, number]), { maxLength: 2 }),
  action: fc.constantFrom("PERMIT", "DENY"),
  watch: fc.boolean(),
  tier: fc.constantFrom("V1", "K8S"),
  priority: fc.nat(5),
});

function buildModel(specs: Spec[], defaultDeny: boolean): PolicyModel {
  const sg: Record<string, SmartGroupModel> = {
    [WELL_KNOWN.anywhere]: { key: WELL_KNOWN.anywhere, name: "Anywhere", kind: "anywhere", expressions: [] },
  };
  LABELS.forEach((l) => (sg[`lab-${l}`] = { key: `lab-${l}`, name: `lab-${l}`, kind: "selector", expressions: [{ type: "k8s", k8sNamespace: "ns", tags: { app: l } }] }));
  CIDRS.forEach((c, i) => (sg[`cidr-${i}`] = { key: `cidr-${i}`, name: `cidr-${i}`, kind: "selector", expressions: [{ cidr: c }] }));
  const wg: Record<string, WebGroupModel> = {};
  PATTERNS.forEach((p, i) => (wg[`wg-${i}`] = { key: `wg-${i}`, name: `wg-${i}`, kind: "domains", matches: [{ sni: p }] }));
  const rules: RuleModel[] = specs.map((s, i) => ({
    name: `r${i}`,
    tier: s.tier,
    priority: s.priority,
    action: s.action,
    protocol: s.proto,
    portRanges: s.ports.map(([lo, hi]) => ({ lo, hi })),
    srcGroups: [s.srcKind === "label" ? `lab-${LABELS[s.srcVal % 3]}` : s.srcKind === "cidr" ? `cidr-${s.srcVal}` : WELL_KNOWN.anywhere],
    dstGroups: [`cidr-${s.dstCidr}`],
    webGroups: [...new Set(s.web.map((w) => `wg-${w}`))],
    logging: true,
    watch: s.watch,
    decryptPolicy: "DECRYPT_UNSPECIFIED",
    flowAppRequirement: "APP_UNSPECIFIED",
  }));
  return { smartGroups: sg, webGroups: wg, rules, defaultAction: { action: defaultDeny ? "DENY" : "PERMIT", logging: true } };
}

// ---- reference, written from the spec, no library helpers ----
function ipToInt(ip: string): number {
  return ip.split(".").reduce((a, o) => a * 256 + Number(o), 0);
}
function inCidr(cidr: string, ip: string): boolean {
  const [base, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipToInt(ip) / size) === Math.floor(ipToInt(base) / size);
}
function sni(p: string, host: string): boolean {
  return p.startsWith("*.") ? host.endsWith(p.slice(1)) : host === p;
}
function reference(specs: Spec[], defaultDeny: boolean, f: { label: number; srcIp: number; dstIp: number; host?: number; proto: "TCP" | "UDP"; port: number }) {
  const order = specs.map((s, i) => ({ s, i })).sort((a, b) => (a.s.tier === b.s.tier ? a.s.priority - b.s.priority || a.i - b.i : a.s.tier === "V1" ? -1 : 1));
  const host = f.host === undefined ? undefined : HOSTS[f.host];
  const watched: string[] = [];
  for (const { s, i } of order) {
    if (s.proto !== "ANY" && s.proto !== f.proto) continue;
    if (s.ports.length > 0 && !s.ports.some(([lo, hi]) => f.port >= lo && f.port <= hi)) continue;
    const srcOk = s.srcKind === "any" || (s.srcKind === "label" ? LABELS[s.srcVal % 3] === LABELS[f.label] : inCidr(CIDRS[s.srcVal], IPS[f.srcIp]));
    if (!srcOk) continue;
    if (!inCidr(CIDRS[s.dstCidr], IPS[f.dstIp])) continue;
    const webs = [...new Set(s.web)];
    if (webs.length > 0 && (host === undefined || !webs.some((w) => sni(PATTERNS[w], host)))) continue;
    if (s.watch) {
      watched.push(`r${i}`);
      continue;
    }
    return { verdict: s.action, rule: `r${i}`, watched };
  }
  return { verdict: defaultDeny ? "DENY" : "PERMIT", rule: "default-action", watched };
}

const flowArb = fc.record({
  label: fc.nat(2),
  srcIp: fc.nat(3),
  dstIp: fc.nat(3),
  host: fc.option(fc.nat(4), { nil: undefined }),
  proto: fc.constantFrom("TCP" as const, "UDP" as const),
  port: fc.integer({ min: 439, max: 452 }),
});

test("GIVEN random packs and flows WHEN evaluated with the index THEN verdict, rule and watchers equal the brute-force reference", () => {
  fc.assert(
    fc.property(fc.array(specArb, { minLength: 1, maxLength: 25 }), fc.boolean(), fc.array(flowArb, { minLength: 1, maxLength: 15 }), (specs, defaultDeny, flows) => {
      const ev = new PolicyEvaluator(buildModel(specs, defaultDeny));
      for (const f of flows) {
        const flow: Flow = {
          from: { ip: IPS[f.srcIp], k8s: { namespace: "ns", labels: { app: LABELS[f.label] } } },
          to: { ip: IPS[f.dstIp], host: f.host === undefined ? undefined : HOSTS[f.host], port: f.port, protocol: f.proto },
        };
        const got = ev.evaluate(flow);
        const want = reference(specs, defaultDeny, f);
        expect({ verdict: got.verdict, rule: got.rule, watched: got.watchedBy }).toEqual(want);
      }
    }),
    { numRuns: 150 },
  );
});

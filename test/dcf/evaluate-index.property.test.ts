// The indexed evaluator must agree with a brute-force reference written here independently
// (its own ordering, CIDR, SNI, URL-glob, label, naming, decryption and TLS logic) on random
// packs and flows. The generators reach every index path: k8s label / namespace keys, group
// names and keys (G:), subnet: / vpc: keys (literal ids and Terraform references), SNI and URL
// host keys (exact, suffix, any-host) and managed WebGroups.
import * as fc from "fast-check";
import { DecryptPolicy, FlowAppRequirement, PolicyModel, RuleModel, SmartGroupModel, WebGroupModel, WELL_KNOWN } from "../../lib/dcf/model";
import { PolicyEvaluator } from "../../lib/dcf/simulate/evaluate";
import { Flow } from "../../lib/dcf/simulate/flow";

const LABELS = ["a", "b", "c"];
const HOSTS = ["x.io", "api.x.io", "deep.api.x.io", "y.com", "x.io.evil.io"];
const PATTERNS = ["x.io", "*.x.io", "y.com", "*.evil.io", "api.x.io"];
const URLS: string[][] = [["x.io/a/*"], ["*.x.io/b*"], ["*/evil*"], ["api.x.io"]];
const CIDRS = ["10.0.0.0/8", "10.1.0.0/16", "0.0.0.0/0", "192.168.1.0/24"];
const IPS = ["10.1.2.3", "10.9.9.9", "192.168.1.7", "8.8.8.8", "::ffff:10.1.2.3"];
const PATHS = [undefined, "/", "/a/x", "/b1", "/evil/z"];
const SUBNETS = [undefined, "subnet-0", "aws_subnet.s1", "subnet-9"];
const VPCS = [undefined, "vpc-0", "vpc-9"];
const NAMES = ["grp-k", "Team Group", "lab-a", "subnet-0", "runtime-subnet", "aws_subnet.s1", "main-vpc"];
const DST_NAMES = ["m-0", "avx-llm", "m-1"];
const TLS_STATES: Array<{ tls?: boolean; decrypted?: boolean }> = [{}, { tls: true }, { tls: false }, { decrypted: true }, { decrypted: true, tls: true }];

type SrcKind = "label" | "cidr" | "any" | "named" | "subnet" | "vpc";

interface Spec {
  srcKind: SrcKind;
  srcVal: number;
  dstCidr: number;
  sni: number[];
  url: number[];
  managed: number[];
  proto: "TCP" | "UDP" | "ANY";
  ports: Array<[number, number]>;
  action: "PERMIT" | "DENY";
  watch: boolean;
  tier: "V1" | "K8S";
  priority: number;
  decrypt: DecryptPolicy;
  app: FlowAppRequirement;
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  srcKind: fc.constantFrom<SrcKind>("label", "cidr", "any", "named", "subnet", "vpc"),
  srcVal: fc.nat(3),
  dstCidr: fc.nat(3),
  sni: fc.array(fc.nat(4), { maxLength: 2 }),
  url: fc.oneof(fc.constant([] as number[]), fc.array(fc.nat(3), { maxLength: 2 })),
  managed: fc.oneof(fc.constant([] as number[]), fc.constant([] as number[]), fc.array(fc.nat(1), { maxLength: 1 })),
  proto: fc.constantFrom("TCP", "UDP", "ANY"),
  ports: fc.array(
    fc.tuple(fc.integer({ min: 440, max: 450 }), fc.nat(3)).map(([lo, d]) => [lo, lo + d] as [number, number]),
    { maxLength: 2 },
  ),
  action: fc.constantFrom("PERMIT", "DENY"),
  watch: fc.boolean(),
  tier: fc.constantFrom("V1", "K8S"),
  priority: fc.nat(5),
  decrypt: fc.constantFrom<DecryptPolicy>("DECRYPT_UNSPECIFIED", "DECRYPT_ALLOWED", "DECRYPT_ALLOWED", "DECRYPT_NOT_ALLOWED"),
  app: fc.constantFrom<FlowAppRequirement>("APP_UNSPECIFIED", "APP_UNSPECIFIED", "TLS_REQUIRED", "NOT_TLS_REQUIRED"),
});

// Source groups by kind: [key, name, selector]. Naming a group's key or name in from.groups makes
// the flow a member; otherwise its selector decides.
const SUBNET_GROUPS: Array<[string, string, string]> = [
  ["sub-0", "runtime-subnet", "subnet-0"],
  ["sub-1", "sub-1", "${aws_subnet.s1.id}"],
];
const VPC_GROUPS: Array<[string, string, string]> = [
  ["vpc-g0", "main-vpc", "vpc-0"],
  ["vpc-g1", "vpc-g1", "${aws_vpc.v1.id}"],
];

function srcKey(s: Spec): string {
  switch (s.srcKind) {
    case "label":
      return `lab-${LABELS[s.srcVal % 3]}`;
    case "cidr":
      return `cidr-${s.srcVal}`;
    case "named":
      return "grp-k";
    case "subnet":
      return SUBNET_GROUPS[s.srcVal % 2][0];
    case "vpc":
      return VPC_GROUPS[s.srcVal % 2][0];
    default:
      return WELL_KNOWN.anywhere;
  }
}

function webKeys(s: Spec): string[] {
  return [...new Set([...s.sni.map((w) => `wg-${w}`), ...s.url.map((u) => `url-${u}`), ...s.managed.map((m) => `m-${m}`)])];
}

function buildModel(specs: Spec[], defaultDeny: boolean): PolicyModel {
  const sg: Record<string, SmartGroupModel> = {
    [WELL_KNOWN.anywhere]: { key: WELL_KNOWN.anywhere, name: "Anywhere", kind: "anywhere", expressions: [] },
    "grp-k": { key: "grp-k", name: "Team Group", kind: "selector", expressions: [{ type: "k8s", k8sNamespace: "ns", tags: { app: "zzz" } }] },
  };
  LABELS.forEach(
    (l) => (sg[`lab-${l}`] = { key: `lab-${l}`, name: `lab-${l}`, kind: "selector", expressions: [{ type: "k8s", k8sNamespace: "ns", tags: { app: l } }] }),
  );
  CIDRS.forEach((c, i) => (sg[`cidr-${i}`] = { key: `cidr-${i}`, name: `cidr-${i}`, kind: "selector", expressions: [{ cidr: c }] }));
  for (const [key, name, resId] of SUBNET_GROUPS) sg[key] = { key, name, kind: "selector", expressions: [{ type: "subnet", resId }] };
  for (const [key, name, resId] of VPC_GROUPS) sg[key] = { key, name, kind: "selector", expressions: [{ type: "vpc", resId }] };
  const wg: Record<string, WebGroupModel> = {};
  PATTERNS.forEach((p, i) => (wg[`wg-${i}`] = { key: `wg-${i}`, name: `wg-${i}`, kind: "domains", matches: [{ sni: p }] }));
  URLS.forEach((us, i) => (wg[`url-${i}`] = { key: `url-${i}`, name: `url-${i}`, kind: "domains", matches: us.map((url) => ({ url })) }));
  wg["m-0"] = { key: "m-0", name: "avx-llm", kind: "managed", matches: [] };
  wg["m-1"] = { key: "m-1", name: "m-1", kind: "managed", matches: [] };
  const rules: RuleModel[] = specs.map((s, i) => ({
    name: `r${i}`,
    tier: s.tier,
    priority: s.priority,
    action: s.action,
    protocol: s.proto,
    portRanges: s.ports.map(([lo, hi]) => ({ lo, hi })),
    srcGroups: [srcKey(s)],
    dstGroups: [`cidr-${s.dstCidr}`],
    webGroups: webKeys(s),
    logging: true,
    watch: s.watch,
    decryptPolicy: s.decrypt,
    flowAppRequirement: s.app,
  }));
  return { smartGroups: sg, webGroups: wg, rules, defaultAction: { action: defaultDeny ? "DENY" : "PERMIT", logging: true } };
}

// ---- reference, written from the spec, no library helpers ----
function ipToInt(ip: string): number {
  const v4 = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
  return v4.split(".").reduce((a, o) => a * 256 + Number(o), 0);
}
function inCidr(cidr: string, ip: string): boolean {
  const [base, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipToInt(ip) / size) === Math.floor(ipToInt(base) / size);
}
function sni(p: string, host: string): boolean {
  return p.startsWith("*.") ? host.endsWith(p.slice(1)) : host === p;
}
/** `*` = any run of characters (also "/" and empty); by dynamic programming, not regex. */
function glob(pattern: string, text: string): boolean {
  const ok: boolean[][] = Array.from({ length: pattern.length + 1 }, () => new Array<boolean>(text.length + 1).fill(false));
  ok[0][0] = true;
  for (let i = 1; i <= pattern.length; i++) {
    for (let j = 0; j <= text.length; j++) {
      ok[i][j] = pattern[i - 1] === "*" ? ok[i - 1][j] || (j > 0 && ok[i][j - 1]) : j > 0 && ok[i - 1][j - 1] && pattern[i - 1] === text[j - 1];
    }
  }
  return ok[pattern.length][text.length];
}
function url(u: string, host: string, path: string): boolean {
  const slash = u.indexOf("/");
  return slash < 0 ? glob(u, host) : glob(u.slice(0, slash), host) && glob(u.slice(slash), path);
}

interface RefFlow {
  label: number;
  srcIp: number;
  dstIp: number;
  host?: number;
  proto: "TCP" | "UDP";
  port: number;
  path: number;
  tlsState: number;
  subnet: number;
  vpc: number;
  groups: string[];
  dstGroups: string[];
}

function srcMatches(s: Spec, f: RefFlow): boolean {
  const key = srcKey(s);
  if (s.srcKind === "any") return true;
  const names: Record<string, string> = { "grp-k": "Team Group", "sub-0": "runtime-subnet", "vpc-g0": "main-vpc" };
  if (f.groups.includes(key) || f.groups.includes(names[key] ?? key)) return true;
  switch (s.srcKind) {
    case "label":
      return LABELS[s.srcVal % 3] === LABELS[f.label];
    case "cidr":
      return inCidr(CIDRS[s.srcVal], IPS[f.srcIp]);
    case "subnet":
      return SUBNETS[f.subnet] === (s.srcVal % 2 === 0 ? "subnet-0" : "aws_subnet.s1");
    case "vpc":
      return VPCS[f.vpc] === (s.srcVal % 2 === 0 ? "vpc-0" : "aws_vpc.v1");
    default:
      return false; // grp-k's selector (app: zzz) matches no generated pod
  }
}

function webMatches(s: Spec, f: RefFlow): boolean {
  const keys = webKeys(s);
  if (keys.length === 0) return true;
  if (f.host === undefined) return false;
  const host = HOSTS[f.host];
  const path = PATHS[f.path] ?? "/";
  const decrypted = TLS_STATES[f.tlsState].decrypted === true;
  return keys.some((k) => {
    if (k.startsWith("wg-")) return sni(PATTERNS[Number(k.slice(3))], host);
    if (k.startsWith("url-")) return s.decrypt === "DECRYPT_ALLOWED" && decrypted && URLS[Number(k.slice(4))].some((u) => url(u, host, path));
    return f.dstGroups.includes(k) || (k === "m-0" && f.dstGroups.includes("avx-llm"));
  });
}

function tlsOk(s: Spec, f: RefFlow): boolean {
  const st = TLS_STATES[f.tlsState];
  const tls = st.tls ?? (st.decrypted ? true : undefined);
  return s.app === "TLS_REQUIRED" ? tls === true : s.app === "NOT_TLS_REQUIRED" ? tls === false : true;
}

function reference(specs: Spec[], defaultDeny: boolean, f: RefFlow) {
  const order = specs.map((s, i) => ({ s, i })).sort((a, b) => (a.s.tier === b.s.tier ? a.s.priority - b.s.priority || a.i - b.i : a.s.tier === "V1" ? -1 : 1));
  const watched: string[] = [];
  for (const { s, i } of order) {
    if (s.proto !== "ANY" && s.proto !== f.proto) continue;
    if (s.ports.length > 0 && !s.ports.some(([lo, hi]) => f.port >= lo && f.port <= hi)) continue;
    if (!tlsOk(s, f)) continue;
    if (!srcMatches(s, f)) continue;
    if (!inCidr(CIDRS[s.dstCidr], IPS[f.dstIp])) continue;
    if (!webMatches(s, f)) continue;
    if (s.watch) {
      watched.push(`r${i}`);
      continue;
    }
    return { verdict: s.action, rule: `r${i}`, watched };
  }
  return { verdict: defaultDeny ? "DENY" : "PERMIT", rule: "default-action", watched };
}

const flowArb: fc.Arbitrary<RefFlow> = fc.record({
  label: fc.nat(2),
  srcIp: fc.nat(IPS.length - 1),
  dstIp: fc.nat(3),
  host: fc.option(fc.nat(4), { nil: undefined }),
  proto: fc.constantFrom("TCP" as const, "UDP" as const),
  port: fc.integer({ min: 439, max: 452 }),
  path: fc.nat(PATHS.length - 1),
  tlsState: fc.nat(TLS_STATES.length - 1),
  subnet: fc.nat(SUBNETS.length - 1),
  vpc: fc.nat(VPCS.length - 1),
  groups: fc.subarray(NAMES, { maxLength: 2 }),
  dstGroups: fc.subarray(DST_NAMES, { maxLength: 2 }),
});

function toFlow(f: RefFlow): Flow {
  const subnet = SUBNETS[f.subnet];
  const vpc = VPCS[f.vpc];
  const path = PATHS[f.path];
  return {
    from: {
      ip: IPS[f.srcIp],
      k8s: { namespace: "ns", labels: { app: LABELS[f.label] } },
      ...(subnet !== undefined ? { subnet } : {}),
      ...(vpc !== undefined ? { vpc } : {}),
      ...(f.groups.length > 0 ? { groups: f.groups } : {}),
    },
    to: {
      ip: IPS[f.dstIp],
      ...(f.host !== undefined ? { host: HOSTS[f.host] } : {}),
      port: f.port,
      protocol: f.proto,
      ...(path !== undefined ? { path } : {}),
      ...TLS_STATES[f.tlsState],
      ...(f.dstGroups.length > 0 ? { groups: f.dstGroups } : {}),
    },
  };
}

test("GIVEN random packs and flows WHEN evaluated with the index THEN verdict, rule and watchers equal the brute-force reference", () => {
  fc.assert(
    fc.property(
      fc.array(specArb, { minLength: 1, maxLength: 25 }),
      fc.boolean(),
      fc.array(flowArb, { minLength: 1, maxLength: 15 }),
      (specs, defaultDeny, flows) => {
        const ev = new PolicyEvaluator(buildModel(specs, defaultDeny));
        for (const f of flows) {
          const got = ev.evaluate(toFlow(f));
          expect({ verdict: got.verdict, rule: got.rule, watched: got.watchedBy }).toEqual(reference(specs, defaultDeny, f));
        }
      },
    ),
    { numRuns: 200 },
  );
});

test("GIVEN the generators WHEN sampled THEN every index path and condition is exercised (URL match on a decrypting rule, managed WebGroup, named group, subnet/vpc reference)", () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(fc.array(specArb, { minLength: 1, maxLength: 25 }), fc.array(flowArb, { minLength: 1, maxLength: 15 }), (specs, flows) => {
      const ev = new PolicyEvaluator(buildModel(specs, true));
      for (const f of flows) {
        const got = ev.evaluate(toFlow(f));
        const s = specs[Number(got.rule.slice(1))];
        if (s === undefined) continue;
        seen.add(s.srcKind);
        if (s.url.length > 0 && s.sni.length === 0 && s.managed.length === 0) seen.add("url-decided");
        if (s.managed.length > 0 && s.sni.length === 0 && s.url.length === 0) seen.add("managed-decided");
        if (s.app !== "APP_UNSPECIFIED") seen.add(`app-${s.app}`);
      }
    }),
    { numRuns: 200, seed: 424242 },
  );
  expect([...seen].sort()).toEqual(
    ["any", "app-NOT_TLS_REQUIRED", "app-TLS_REQUIRED", "cidr", "label", "managed-decided", "named", "subnet", "url-decided", "vpc"].sort(),
  );
});

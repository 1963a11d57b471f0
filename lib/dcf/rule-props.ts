// The one rule vocabulary every way of writing a DCF rule shares: the pure builder (PolicyPack,
// keys as strings), the DcfPolicyPack construct (Terraform V1 / rulesets) and the FirewallPolicy
// construct (K8S tier CRD). Each adds only how it names groups and orders rules; the fields
// below mean the same, are spelled the same, default the same and are checked by the same code.
// Facts: docs/research/aviatrix-provider-schema.md §5 (port ranges max 64, ICMP has no ports).
import { DecryptPolicy, FlowAppRequirement, PortRange, RuleAction, WELL_KNOWN } from "./model";

/** At most this many port ranges per rule (provider schema). */
export const MAX_PORT_RANGES = 64;

/** A destination port: `443`, a range as text `"8000-8080"`, or `{ lo, hi }` (inclusive). */
export type PortSpec = number | string | PortRange;

/** Every rule logs its decisions unless told not to: one default for V1, rulesets and CRDs. */
export const DEFAULT_RULE_LOGGING = true;

/** Friendly log profile names → the controller's well-known log profile UUIDs. */
export const LOG_PROFILES: Readonly<Record<string, string>> = {
  start: WELL_KNOWN.logProfileSessionStart,
  end: WELL_KNOWN.logProfileSessionEnd,
  "start/end": WELL_KNOWN.logProfileSessionStartEnd,
};

/** "start" | "end" | "start/end" → its UUID; anything else (a UUID, a token) as given. */
export function logProfileId(value: string): string {
  return typeof value === "string" && Object.hasOwn(LOG_PROFILES, value) ? LOG_PROFILES[value] : value;
}

/**
 * The fields every rule has, whatever renders it. `protocol` is each renderer's own: required
 * on DcfPolicyPack rules (a permit must not widen to every protocol by omission), "ANY" by
 * default on the builder and on FirewallPolicy (jsii forbids re-declaring a member).
 */
export interface RuleCommonProps {
  /** Unique rule name (within the pack or policy). */
  readonly name: string;
  readonly action: RuleAction;
  /**
   * Destination ports: `443`, `"8000-8080"` or `{ lo, hi }`; none with ICMP.
   * @default - every port
   */
  readonly ports?: (number | string | PortRange)[];
  /** Log the rule's decisions. @default true */
  readonly logging?: boolean;
  /** Log profile: "start", "end", "start/end" (or its UUID); needs logging. @default - controller default (session start) */
  readonly logProfile?: string;
  /** TLS decryption. URL-filter WebGroups need "DECRYPT_ALLOWED". @default "DECRYPT_UNSPECIFIED" */
  readonly decryptPolicy?: DecryptPolicy;
  /** TLS profile used when decrypting. @default - the controller default when decrypting */
  readonly tlsProfile?: string;
  /** @default "APP_UNSPECIFIED" */
  readonly flowAppRequirement?: FlowAppRequirement;
  /** Watch mode: log the match and fall through. @default - true in discover mode unless promoted, else false */
  readonly watch?: boolean;
}

/** What the port checks report: the offending value, what is allowed and how to fix it. */
export interface PortProblem {
  /** Where in the ports list: `[2]`, `[2].hi`, or empty for the list as a whole. */
  readonly at: string;
  readonly got: unknown;
  /** True when `got` is already a description (`"65 port ranges"`), not the value. */
  readonly gotIsText?: boolean;
  readonly want: string;
  readonly fix?: string;
}

export const PORT_SPEC_WANT = 'a port 1..65535, a range "lo-hi" or { lo, hi }';

/**
 * 443 | "443" | "8000-8080" | { lo, hi } → PortRange, unchecked (see checkPorts); undefined
 * when the shape is none of these.
 */
export function parsePortSpec(p: unknown): PortRange | undefined {
  if (typeof p === "number") return { lo: p };
  if (typeof p === "string") {
    const m = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(p);
    if (!m) return undefined;
    return m[2] === undefined ? { lo: Number(m[1]) } : { lo: Number(m[1]), hi: Number(m[2]) };
  }
  if (p !== null && typeof p === "object" && !Array.isArray(p) && "lo" in p) return p as PortRange;
  return undefined;
}

function isPort(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 65535;
}

/**
 * The one check of a rule's ports against its protocol, for props and for parsed models alike:
 * each entry a port 1..65535 or a range lo ≤ hi (port 0 is not a port: it could read as "every
 * port" downstream), at most MAX_PORT_RANGES, none with ICMP. Returns the ranges (a one-port
 * range as a single port) or the first problem.
 */
export function checkPorts(ports: readonly unknown[], protocol: string): PortRange[] | PortProblem {
  const ranges: PortRange[] = [];
  for (let i = 0; i < ports.length; i++) {
    const r = parsePortSpec(ports[i]);
    if (r === undefined) return { at: `[${i}]`, got: ports[i], want: PORT_SPEC_WANT };
    for (const [k, v] of [
      ["lo", r.lo],
      ["hi", r.hi],
    ] as const) {
      if (v !== undefined && !isPort(v)) {
        return { at: typeof ports[i] === "object" ? `[${i}].${k}` : `[${i}]`, got: v, want: "an integer 1..65535", fix: "omit the ports to mean every port" };
      }
    }
    if (r.hi !== undefined && r.hi < r.lo) return { at: `[${i}]`, got: `${r.lo}-${r.hi}`, gotIsText: true, want: "lo ≤ hi", fix: "swap them" };
    ranges.push(r.hi === undefined || r.hi === r.lo ? { lo: r.lo } : { lo: r.lo, hi: r.hi });
  }
  if (ranges.length > MAX_PORT_RANGES)
    return { at: "", got: `${ranges.length} port ranges`, gotIsText: true, want: `at most ${MAX_PORT_RANGES}`, fix: "split the rule" };
  if (protocol.toUpperCase() === "ICMP" && ranges.length > 0)
    return { at: "", got: ports, want: "no ports with protocol ICMP", fix: "remove the ports or use TCP/UDP" };
  return ranges;
}

/**
 * A rule's `ports` prop: omitted means every port; an explicitly empty list (or a non-list) is a
 * problem, because it would render no port ranges, which the controller and the CRD read as every port.
 */
export function checkRulePorts(ports: unknown, protocol: string): PortRange[] | PortProblem {
  if (ports === undefined) return [];
  if (!Array.isArray(ports) || ports.length === 0) return { at: "", got: ports, want: "a non-empty list of ports", fix: "omit ports to mean every port" };
  return checkPorts(ports, protocol);
}

export function isPortProblem(v: PortRange[] | PortProblem): v is PortProblem {
  return !Array.isArray(v);
}

/** A problem in the library's reason grammar: `got <x>, want <y>; <fix>`. */
export function portProblemReason(p: PortProblem): string {
  const got = p.gotIsText ? String(p.got) : JSON.stringify(p.got);
  return `got ${got}, want ${p.want}${p.fix ? `; ${p.fix}` : ""}`;
}

/** The keys of {@link RuleCommonProps}; each renderer adds its own. */
export const RULE_COMMON_KEYS: readonly string[] = [
  "name",
  "action",
  "ports",
  "logging",
  "logProfile",
  "decryptPolicy",
  "tlsProfile",
  "flowAppRequirement",
  "watch",
];

/**
 * 0.1 spellings that 0.2 renamed (README, "Migration"). Plain JavaScript (or a cast) can still pass
 * them, and a dropped `port` would widen the rule to every port, so they fail with the new name.
 */
const RENAMED_RULE_KEYS: Readonly<Record<string, string>> = { port: "ports", endPort: "ports", decrypt: "decryptPolicy" };

export interface UnknownRuleKey {
  readonly key: string;
  readonly want: string;
  readonly fix: string;
}

/** The first key of `props` that the rule shape does not have; an unknown key is never ignored. */
export function unknownRuleKey(props: object, renderKeys: readonly string[]): UnknownRuleKey | undefined {
  for (const key of Object.keys(props)) {
    if (RULE_COMMON_KEYS.includes(key) || renderKeys.includes(key)) continue;
    const renamed = Object.hasOwn(RENAMED_RULE_KEYS, key) ? RENAMED_RULE_KEYS[key] : undefined;
    return renamed !== undefined
      ? { key, want: `\`${renamed}\` (renamed in 0.2)`, fix: key === "decrypt" ? "rename it to decryptPolicy" : 'write ports: [443] or ports: ["8000-8080"]' }
      : { key, want: "no such rule prop", fix: `known props: ${[...RULE_COMMON_KEYS, ...renderKeys].join(", ")}` };
  }
  return undefined;
}

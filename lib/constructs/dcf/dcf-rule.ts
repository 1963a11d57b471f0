// One DCF rule as construct props, and its eager normalisation: defaults resolved once,
// contradictions rejected with the construct path and the rule name.
import { IConstruct } from "constructs";
import { Token } from "../../core/cdktf";
import { DECRYPT_POLICIES, FLOW_APP_REQUIREMENTS, PolicyMode, PortRange, PROTOCOLS, Protocol, RULE_ACTIONS, RuleModel, WELL_KNOWN } from "../../dcf/model";
import { checkRulePorts, isPortProblem, LOG_PROFILES, logProfileId, RuleCommonProps, unknownRuleKey } from "../../dcf/rule-props";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { checkBooleanProps } from "../../core/prop-types";
import { hasUrlFilters, ISmartGroupRef, IWebGroupRef, SmartGroupInput, WebGroupInput } from "./group-refs";

/** One rule of a DcfPolicyPack: the shared rule fields (lib/dcf/rule-props.ts) with groups as constructs or refs. */
export interface DcfRuleProps extends RuleCommonProps {
  /** DCF priority: lower is evaluated first; unique within the pack. */
  readonly priority: number;
  /** TCP, UDP, ICMP or ANY (any case); required, so a permit never widens to every protocol by omission. */
  readonly protocol: Protocol | Lowercase<Protocol>;
  /** Source SmartGroups (constructs, managed/well-known refs or models). */
  readonly src: SmartGroupInput[];
  /** Destination SmartGroups (egress: `ManagedSmartGroup.publicInternet()`). */
  readonly dst: SmartGroupInput[];
  /** WebGroups restricting the destination hosts. @default - no L7 restriction */
  readonly webGroups?: WebGroupInput[];
  /** Discover mode: this rule acts instead of watching (the rule is promoted). @default false */
  readonly promote?: boolean;
  /** Force the rule to act (true) or watch (false) whatever the pack mode. @default - follows the pack mode */
  readonly enforce?: boolean;
  /** Ignore this rule for security-group orchestration. @default false */
  readonly excludeSgOrchestration?: boolean;
}

/**
 * A rule with defaults resolved and group references resolved to refs: the model's rule, with
 * constructs where the model has group keys (derived from RuleModel so the two cannot drift).
 */
export type PackRule = Omit<RuleModel, "tier" | "srcGroups" | "dstGroups" | "webGroups" | "excludeSgOrchestration" | "origin"> & {
  readonly src: readonly ISmartGroupRef[];
  readonly dst: readonly ISmartGroupRef[];
  readonly webGroups: readonly IWebGroupRef[];
  readonly excludeSgOrchestration: boolean;
};

export interface DcfRuleContext {
  readonly scope: IConstruct;
  /** Position of the rule in the pack (for error messages when the name is unusable). */
  readonly index: number;
  readonly mode: PolicyMode;
  readonly defaultLogging: boolean;
  readonly smartGroup: (input: SmartGroupInput, prop: string) => ISmartGroupRef;
  readonly webGroup: (input: WebGroupInput, prop: string) => IWebGroupRef;
}

/** Validates and normalises one rule; throws ConstructPropsError naming `rules["<name>"].<prop>`. */
/** The keys {@link DcfRuleProps} adds to the shared rule fields. */
const DCF_RULE_KEYS: readonly string[] = ["priority", "protocol", "src", "dst", "webGroups", "promote", "enforce", "excludeSgOrchestration"];

export function normalizeRule(props: DcfRuleProps, ctx: DcfRuleContext): PackRule {
  const { scope } = ctx;
  if (typeof props.name !== "string" || props.name.trim() === "") {
    throw new ConstructPropsError(scope, `rules[${ctx.index}].name`, props.name, "a non-empty rule name");
  }
  const at = `rules[${JSON.stringify(props.name)}]`;
  const fail = (prop: string, got: unknown, want: string, fix?: string): never => {
    throw new ConstructPropsError(scope, `${at}.${prop}`, got, want, fix);
  };
  const unknown = unknownRuleKey(props, DCF_RULE_KEYS);
  if (unknown !== undefined) fail(unknown.key, (props as unknown as Record<string, unknown>)[unknown.key], unknown.want, unknown.fix);
  checkBooleanProps(scope, props, ["logging", "watch", "promote", "enforce", "excludeSgOrchestration"], `${at}.`);

  if (!Number.isSafeInteger(props.priority) || props.priority < 0) {
    // Past 2^53 JSON numbers lose precision: distinct priorities could tie and first-match order would be ambiguous.
    fail(
      "priority",
      props.priority,
      Number.isInteger(props.priority) && props.priority > 0 ? "an integer ≤ 2^53-1 (larger numbers lose precision in JSON)" : "an integer ≥ 0",
      "lower numbers are evaluated first",
    );
  }
  if (!(RULE_ACTIONS as readonly string[]).includes(props.action)) fail("action", props.action, `one of ${RULE_ACTIONS.join("|")}`);
  const protocol = (typeof props.protocol === "string" ? props.protocol.toUpperCase() : props.protocol) as Protocol;
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) fail("protocol", props.protocol, `one of ${PROTOCOLS.join("|")}`);

  const ports = checkRulePorts(props.ports, protocol);
  if (isPortProblem(ports)) fail(`ports${ports.at}`, ports.gotIsText ? described(String(ports.got)) : ports.got, ports.want, ports.fix);
  const portRanges = ports as PortRange[];

  const groups = <I, R>(list: readonly I[] | undefined, prop: string, resolve: (x: I, p: string) => R, required: boolean): R[] => {
    if (list === undefined && !required) return [];
    if (!Array.isArray(list) || (required && list.length === 0)) {
      fail(prop, list, "at least one group", prop === "src" ? "e.g. a SmartGroup of the workload" : "egress rules use ManagedSmartGroup.publicInternet()");
    }
    return (list as readonly I[]).map((x, i) => {
      if (x === undefined || x === null || typeof x !== "object") fail(`${prop}[${i}]`, x, "a group construct, reference or model");
      return resolve(x, `${at}.${prop}[${i}]`);
    });
  };
  const src = groups(props.src, "src", ctx.smartGroup, true);
  const dst = groups(props.dst, "dst", ctx.smartGroup, true);
  const webGroups = groups(props.webGroups, "webGroups", ctx.webGroup, false);

  const decryptPolicy = props.decryptPolicy ?? "DECRYPT_UNSPECIFIED";
  if (!(DECRYPT_POLICIES as readonly string[]).includes(decryptPolicy)) fail("decryptPolicy", props.decryptPolicy, `one of ${DECRYPT_POLICIES.join("|")}`);
  const urlGroup = webGroups.find(hasUrlFilters);
  if (urlGroup !== undefined && decryptPolicy !== "DECRYPT_ALLOWED") {
    fail(
      "decryptPolicy",
      decryptPolicy,
      `"DECRYPT_ALLOWED" because WebGroup "${urlGroup.model.name}" has URL filters`,
      'URL filters only match decrypted flows: set decryptPolicy: "DECRYPT_ALLOWED" (with a TLS profile and MITM CA) or use SNI domains',
    );
  }
  const flowAppRequirement = props.flowAppRequirement ?? "APP_UNSPECIFIED";
  if (!(FLOW_APP_REQUIREMENTS as readonly string[]).includes(flowAppRequirement)) {
    fail("flowAppRequirement", props.flowAppRequirement, `one of ${FLOW_APP_REQUIREMENTS.join("|")}`);
  }

  // Watch / promote / enforce: explicit contradictions fail, everything else follows the mode.
  if (props.promote === true && props.enforce === false) fail("promote", true, "not together with enforce: false", "drop one of them");
  if (props.watch === true && (props.enforce === true || props.promote === true)) {
    fail("watch", true, `not together with ${props.enforce === true ? "enforce" : "promote"}: true`, "a watched rule only logs; drop one of them");
  }
  if (props.watch === false && props.enforce === false) fail("watch", false, "not together with enforce: false", "drop one of them");
  const acts = props.enforce ?? (props.watch !== undefined ? !props.watch : props.promote === true || ctx.mode === "enforce");
  const watch = !acts;

  const logging = props.logging ?? ctx.defaultLogging;
  if (watch && props.logging === false) {
    fail("logging", false, "true for a watched rule", "a watched rule that does not log does nothing; promote the rule or turn logging on");
  }
  let logProfile: string | undefined;
  if (props.logProfile !== undefined) {
    logProfile = logProfileId(props.logProfile);
    if (!Token.isUnresolved(logProfile) && !Object.values(LOG_PROFILES).includes(logProfile)) {
      fail("logProfile", props.logProfile, `"start", "end", "start/end" or one of ${Object.values(LOG_PROFILES).join(", ")}`);
    }
    if (!logging) fail("logProfile", props.logProfile, "no log profile when logging is off", "turn logging on or drop logProfile");
  }
  if (props.tlsProfile !== undefined && (typeof props.tlsProfile !== "string" || props.tlsProfile.trim() === "")) {
    fail("tlsProfile", props.tlsProfile, "a TLS profile UUID", `e.g. the controller default "${WELL_KNOWN.defaultTlsProfile}"`);
  }

  return {
    name: props.name,
    priority: props.priority,
    action: props.action,
    protocol,
    portRanges,
    src,
    dst,
    webGroups,
    logging,
    watch,
    decryptPolicy,
    tlsProfile: props.tlsProfile,
    logProfile,
    flowAppRequirement,
    excludeSgOrchestration: props.excludeSgOrchestration ?? false,
  };
}

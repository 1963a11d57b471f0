// PolicyPack: the builder for a DCF policy model. Groups and rules are validated as they are
// added (errors name the rule/group), the mode switch (discover | enforce) and per-rule
// promotion are applied when the model is produced, and the output is deterministic.
import { DcfModelError } from "../errors";
import { DefaultActionModel, MatchExpression, PolicyMode, PolicyModel, Protocol, RuleModel, SmartGroupModel, WebGroupModel, WebMatch } from "../model";
import { BUILT_IN_SMART_GROUPS, BUILT_IN_WEB_GROUPS } from "../built-in-groups";
import { canonicalExpressions, canonicalWebMatches, compareText } from "./canonical";

export { BUILT_IN_SMART_GROUPS, BUILT_IN_WEB_GROUPS } from "../built-in-groups";
import { validateMatchExpression, validateRule, validateWebMatch } from "./validate";
import { checkRulePorts, DEFAULT_RULE_LOGGING, isPortProblem, logProfileId, portProblemReason, RuleCommonProps, unknownRuleKey } from "../rule-props";

export interface PolicyPackSmartGroupProps {
  /** Display name on the controller. @default - the key */
  readonly name?: string;
  /** OR'ed match expressions (use `Select.*`). */
  readonly expressions: readonly MatchExpression[];
}

export interface PolicyPackWebGroupProps {
  /** @default - the key */
  readonly name?: string;
  /** OR'ed SNI / URL filters (use `Web.*`). */
  readonly matches: readonly WebMatch[];
}

/**
 * One rule of the pure builder: the shared rule fields (lib/dcf/rule-props.ts) with groups as
 * keys of this pack.
 */
export interface RuleProps extends RuleCommonProps {
  /** V1: DCF priority, lower first; unique per tier. K8S: position in the K8S block. */
  readonly priority: number;
  /** TCP, UDP, ICMP or ANY (any case). @default "ANY" */
  readonly protocol?: Protocol | Lowercase<Protocol>;
  /** SmartGroup keys (or WELL_KNOWN.anywhere / WELL_KNOWN.publicInternet). */
  readonly src: readonly string[];
  readonly dst: readonly string[];
  /** WebGroup keys (or WELL_KNOWN.allWeb). @default - no L7 restriction */
  readonly webGroups?: readonly string[];
  /** @default "V1" */
  readonly tier?: "V1" | "K8S";
  /** @default - not set */
  readonly excludeSgOrchestration?: boolean;
  /** @default - the builder */
  readonly origin?: string;
}

/** The keys {@link RuleProps} adds to the shared rule fields. */
const BUILDER_RULE_KEYS: readonly string[] = ["priority", "protocol", "src", "dst", "webGroups", "tier", "excludeSgOrchestration", "origin"];

export interface PolicyPackProps {
  /** discover: default PERMIT + log, rules watch; enforce: default DENY + log. @default "enforce" */
  readonly mode?: PolicyMode;
  /** Overrides the mode's default action. @default - from the mode */
  readonly defaultAction?: DefaultActionModel;
}

/**
 * Builds a PolicyModel. `add*` validate eagerly and return this (fluent); `withMode`,
 * `withDefaultAction` and `promote` return a new pack, so one base can yield both a discover
 * and an enforce variant.
 */
export class PolicyPack {
  private readonly smartGroups = new Map<string, SmartGroupModel>();
  private readonly webGroups = new Map<string, WebGroupModel>();
  private readonly rules: RuleModel[] = [];
  private readonly ruleNames = new Set<string>();
  private readonly promoted = new Set<string>();
  private mode: PolicyMode;
  private defaultAction?: DefaultActionModel;

  constructor(props: PolicyPackProps = {}) {
    this.mode = props.mode ?? "enforce";
    this.defaultAction = props.defaultAction;
    for (const g of Object.values(BUILT_IN_SMART_GROUPS)) this.smartGroups.set(g.key, g);
    for (const g of Object.values(BUILT_IN_WEB_GROUPS)) this.webGroups.set(g.key, g);
  }

  addSmartGroup(key: string, props: PolicyPackSmartGroupProps): this {
    const path = `smartGroups[${key}]`;
    this.checkNewKey(this.smartGroups, key, path);
    if (props.expressions.length === 0) throw new DcfModelError(path, "a SmartGroup needs at least one match expression");
    props.expressions.forEach((e, i) => validateMatchExpression(e, `${path}.expressions[${i}]`));
    this.smartGroups.set(key, {
      key,
      name: nonEmpty(props.name ?? key, `${path}.name`),
      kind: "selector",
      expressions: canonicalExpressions(props.expressions),
    });
    return this;
  }

  /** An Aviatrix-managed or pre-existing SmartGroup referenced by name (contents unknown offline). */
  addManagedSmartGroup(key: string, name: string): this {
    const path = `smartGroups[${key}]`;
    this.checkNewKey(this.smartGroups, key, path);
    this.smartGroups.set(key, { key, name: nonEmpty(name, `${path}.name`), kind: "managed", expressions: [] });
    return this;
  }

  addWebGroup(key: string, props: PolicyPackWebGroupProps): this {
    const path = `webGroups[${key}]`;
    this.checkNewKey(this.webGroups, key, path);
    if (props.matches.length === 0) throw new DcfModelError(path, "a WebGroup needs at least one snifilter or urlfilter");
    props.matches.forEach((m, i) => validateWebMatch(m, `${path}.matches[${i}]`));
    this.webGroups.set(key, { key, name: nonEmpty(props.name ?? key, `${path}.name`), kind: "domains", matches: canonicalWebMatches(props.matches) });
    return this;
  }

  /** An Aviatrix-managed WebGroup by name, e.g. `avx-ai-llm-providers`. */
  addManagedWebGroup(key: string, name: string): this {
    const path = `webGroups[${key}]`;
    this.checkNewKey(this.webGroups, key, path);
    this.webGroups.set(key, { key, name: nonEmpty(name, `${path}.name`), kind: "managed", matches: [] });
    return this;
  }

  addRule(props: RuleProps): this {
    const path = `rules[${props.name}]`;
    if (this.ruleNames.has(props.name)) throw new DcfModelError(path, `duplicate rule name "${props.name}"; rule names must be unique`);
    const protocol = (typeof props.protocol === "string" ? props.protocol.toUpperCase() : (props.protocol ?? "ANY")) as Protocol;
    const unknown = unknownRuleKey(props, BUILDER_RULE_KEYS);
    if (unknown !== undefined) throw new DcfModelError(`${path}.${unknown.key}`, `want ${unknown.want}; ${unknown.fix}`);
    const ports = checkRulePorts(props.ports, protocol);
    if (isPortProblem(ports)) throw new DcfModelError(`${path}.ports${ports.at}`, portProblemReason(ports));
    const rule: RuleModel = {
      name: props.name,
      tier: props.tier ?? "V1",
      priority: props.priority,
      action: props.action,
      protocol,
      portRanges: ports,
      srcGroups: sortedUnique(props.src),
      dstGroups: sortedUnique(props.dst),
      webGroups: sortedUnique(props.webGroups ?? []),
      logging: props.logging ?? DEFAULT_RULE_LOGGING,
      watch: props.watch ?? false,
      decryptPolicy: props.decryptPolicy ?? "DECRYPT_UNSPECIFIED",
      tlsProfile: props.tlsProfile,
      logProfile: props.logProfile === undefined ? undefined : logProfileId(props.logProfile),
      flowAppRequirement: props.flowAppRequirement ?? "APP_UNSPECIFIED",
      excludeSgOrchestration: props.excludeSgOrchestration,
      origin: props.origin,
    };
    validateRule(rule, path);
    const clash = this.rules.find((r) => r.tier === rule.tier && r.priority === rule.priority);
    if (clash !== undefined) {
      throw new DcfModelError(
        `${path}.priority`,
        `got ${rule.priority}, want a priority not used by another ${rule.tier} rule (rule "${clash.name}" has it); first match wins, so ties would make the order undefined`,
      );
    }
    rule.srcGroups.forEach((k) => this.checkRef(this.smartGroups, k, `${path}.src`, "SmartGroup"));
    rule.dstGroups.forEach((k) => this.checkRef(this.smartGroups, k, `${path}.dst`, "SmartGroup"));
    rule.webGroups.forEach((k) => this.checkRef(this.webGroups, k, `${path}.webGroups`, "WebGroup"));
    this.rules.push(dropUndefined(rule));
    this.ruleNames.add(props.name);
    return this;
  }

  /** A copy in another mode. */
  withMode(mode: PolicyMode): PolicyPack {
    const copy = this.clone();
    copy.mode = mode;
    return copy;
  }

  /** A copy with an explicit POST_RULES default action (overrides the mode's). */
  withDefaultAction(action: DefaultActionModel): PolicyPack {
    const copy = this.clone();
    copy.defaultAction = action;
    return copy;
  }

  /** A copy where the named rules enforce (watch off) even in discover mode. */
  promote(...ruleNames: string[]): PolicyPack {
    for (const n of ruleNames) {
      if (!this.ruleNames.has(n)) throw new DcfModelError(`promote(${n})`, `no rule named "${n}" (have ${[...this.ruleNames].sort().join(", ") || "none"})`);
    }
    const copy = this.clone();
    ruleNames.forEach((n) => copy.promoted.add(n));
    return copy;
  }

  get currentMode(): PolicyMode {
    return this.mode;
  }

  /** The model: groups sorted by key, rules in definition order with the mode applied. */
  toModel(): PolicyModel {
    const discover = this.mode === "discover";
    const rules = this.rules.map((r) => {
      const watch = this.promoted.has(r.name) ? false : discover ? true : r.watch;
      return watch === r.watch ? r : { ...r, watch };
    });
    return {
      smartGroups: sortedRecord(this.smartGroups),
      webGroups: sortedRecord(this.webGroups),
      rules,
      defaultAction: this.defaultAction ?? (discover ? { action: "PERMIT", logging: true } : { action: "DENY", logging: true }),
    };
  }

  private clone(): PolicyPack {
    const c = new PolicyPack({ mode: this.mode, defaultAction: this.defaultAction });
    this.smartGroups.forEach((v, k) => c.smartGroups.set(k, v));
    this.webGroups.forEach((v, k) => c.webGroups.set(k, v));
    c.rules.push(...this.rules);
    this.ruleNames.forEach((n) => c.ruleNames.add(n));
    this.promoted.forEach((n) => c.promoted.add(n));
    return c;
  }

  private checkNewKey(map: Map<string, unknown>, key: string, path: string): void {
    if (key.trim() === "") throw new DcfModelError(path, "group key is empty");
    if (map.has(key)) throw new DcfModelError(path, `duplicate group key "${key}"`);
  }

  private checkRef(map: Map<string, unknown>, key: string, path: string, what: string): void {
    if (!map.has(key)) {
      throw new DcfModelError(path, `unknown ${what} "${key}"; add it first with add${what}() or use a WELL_KNOWN uuid`);
    }
  }
}

function nonEmpty(v: string, path: string): string {
  if (v.trim() === "") throw new DcfModelError(path, "name is empty");
  return v;
}

function sortedUnique(list: readonly string[]): string[] {
  return [...new Set(list)].sort(compareText);
}

function sortedRecord<T>(map: Map<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of [...map.keys()].sort(compareText)) out[k] = map.get(k) as T;
  return out;
}

function dropUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

// Can a flow seen without a host name (an L4 log line carries no SNI, docs/research/dcf-logs.md)
// be judged at all? Only when the first acting rule that matches its addresses, ports and source
// does not look at the host: a WebGroup rule, or a destination FQDN SmartGroup, decides by a name
// the flow does not carry, so the verdict needs the L7 record.
import { MatchExpression, PolicyModel, RuleModel, SmartGroupModel, WebGroupModel } from "../model";
import { CompiledRule, compileFlow, compileRules, ruleMatches } from "./compile-rule";
import { orderRules } from "./evaluate";
import { Flow } from "./flow";

const ANY_DESTINATION: SmartGroupModel = { key: "*any-destination", name: "any destination", kind: "anywhere", expressions: [] };

interface HostBlindRule {
  readonly compiled: CompiledRule;
  /** The rule with its host tests removed (undefined when it has none). */
  readonly withoutHost?: CompiledRule;
}

const cache = new WeakMap<PolicyModel, readonly HostBlindRule[]>();

function matchesByName(g: SmartGroupModel): boolean {
  return g.kind === "selector" && g.expressions.some((e: MatchExpression) => e.fqdn !== undefined);
}

function prepared(model: PolicyModel): readonly HostBlindRule[] {
  let rules = cache.get(model);
  if (rules === undefined) {
    rules = compileRules(model, orderRules(model.rules)).map((c) => {
      const byName = c.dst.some(matchesByName);
      if (c.web.length === 0 && !byName) return { compiled: c };
      return { compiled: c, withoutHost: { ...c, web: [], dst: byName ? [ANY_DESTINATION] : c.dst } };
    });
    cache.set(model, rules);
  }
  return rules;
}

/**
 * The first acting (non-watch) rule that would decide `flow` by a host name it does not carry, or
 * undefined when a host-blind rule (or the default action) decides it first. `flow.to.host` must
 * be unset. Linear in the rules: meant for distinct flows, not per log line.
 */
export function hostDecidingRule(model: PolicyModel, flow: Flow): RuleModel | undefined {
  const f = compileFlow(flow);
  for (const r of prepared(model)) {
    if (r.compiled.rule.watch) continue;
    if (r.withoutHost !== undefined) {
      if (ruleMatches(r.withoutHost, f)) return r.compiled.rule;
    } else if (ruleMatches(r.compiled, f)) {
      return undefined;
    }
  }
  return undefined;
}

/** A PERMIT rule that would admit the flow if its WebGroup listed the flow's host. */
export interface AdmittingWebRule {
  readonly rule: RuleModel;
  readonly webGroup: WebGroupModel;
}

/**
 * The first acting PERMIT rule that matches `flow` on everything but the host and carries a
 * domain WebGroup: adding the host there would keep the flow. Undefined when a host-blind rule
 * decides the flow first, or no such rule exists.
 */
export function admittingWebRule(model: PolicyModel, flow: Flow): AdmittingWebRule | undefined {
  const f = compileFlow({ from: flow.from, to: { ...flow.to, host: undefined } });
  for (const r of prepared(model)) {
    if (r.compiled.rule.watch) continue;
    if (r.withoutHost === undefined) {
      if (ruleMatches(r.compiled, f)) return undefined;
      continue;
    }
    if (!r.compiled.permit || !ruleMatches(r.withoutHost, f)) continue;
    const w = r.compiled.web.find((c) => c.model.kind === "domains");
    if (w !== undefined) return { rule: r.compiled.rule, webGroup: w.model };
  }
  return undefined;
}

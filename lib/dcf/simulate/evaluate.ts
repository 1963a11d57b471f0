// The first-match simulator: V1 rules by priority (ties keep definition order) → K8S block
// (FirewallPolicy rules, already ordered by the reader) → POST_RULES default action. Watch rules
// record their match and fall through. Rules are indexed by source workload key and by SNI host
// so a flow only tests the few rules that can match it (docs/ARCHITECTURE.md §7: 100k flows × 20k rules ≤ 5 s).
import { compareEvaluationOrder } from "../attachment-points";
import { parentDomains } from "../host-match";
import { MatchExpression, PolicyModel, RuleModel } from "../model";
import { isTerraformRef, terraformRefAddress } from "../builder/tokens";
import { CompiledFlow, CompiledRule, compileFlow, compileRules, ruleMatches } from "./compile-rule";
import { DEFAULT_ACTION_RULE, EvaluationResult, Flow } from "./flow";

/** V1 → K8S → AFTER_K8S, each by container order then priority; Array.prototype.sort is stable, so ties keep order. */
export function orderRules(rules: readonly RuleModel[]): RuleModel[] {
  return [...rules].sort(compareEvaluationOrder);
}

const ALL = "*ALL";
const ANY_HOST = "*HOST";

function refOrValue(v: string): string {
  return isTerraformRef(v) ? (terraformRefAddress(v) ?? v) : v;
}

/** Keys one source expression can be found under, or undefined when it is not indexable. */
function sourceExpressionKey(e: MatchExpression): string | undefined {
  if (e.type === "k8s") {
    const tags = Object.keys(e.tags ?? {}).sort();
    if (tags.length > 0) return `L:${tags[0]}=${(e.tags as Record<string, string>)[tags[0]]}`;
    if (e.k8sNamespace !== undefined && !isTerraformRef(e.k8sNamespace)) return `N:${e.k8sNamespace}`;
    return undefined;
  }
  if ((e.type === "subnet" || e.type === "vpc") && e.resId !== undefined) return `${e.type}:${refOrValue(e.resId)}`;
  return undefined;
}

function sourceKeys(c: CompiledRule): string[] | undefined {
  const keys: string[] = [];
  for (const g of c.src) {
    if (g.kind !== "selector") return undefined;
    keys.push(`G:${g.key}`, `G:${g.name}`);
    for (const e of g.expressions) {
      const k = sourceExpressionKey(e);
      if (k === undefined) return undefined;
      keys.push(k);
    }
  }
  return keys;
}

function hostKeys(c: CompiledRule): string[] | undefined {
  if (c.web.length === 0) return undefined;
  const keys: string[] = [];
  for (const w of c.web) {
    if (w.model.kind !== "domains") return [ANY_HOST];
    for (const t of w.sni) {
      if (t.kind === "exact") keys.push(`H:${t.key}`);
      else if (t.kind === "suffix") keys.push(`S:${t.key}`);
      else return [ANY_HOST];
    }
    for (const u of w.urls) {
      if (!u.hostGlob.includes("*")) keys.push(`H:${u.hostGlob}`);
      else if (u.hostGlob.startsWith("*.") && !u.hostGlob.slice(2).includes("*")) keys.push(`S:${u.hostGlob.slice(2)}`);
      else return [ANY_HOST];
    }
  }
  return keys;
}

function flowKeys(f: CompiledFlow): string[] {
  const keys = [ALL];
  const s = f.src;
  if (s.k8s !== undefined) {
    for (const [k, v] of Object.entries(s.k8s.labels ?? {})) keys.push(`L:${k}=${v}`);
    if (s.k8s.namespace !== undefined) keys.push(`N:${s.k8s.namespace}`);
  }
  if (s.subnet !== undefined) keys.push(`subnet:${s.subnet}`);
  if (s.vpc !== undefined) keys.push(`vpc:${s.vpc}`);
  for (const g of s.groups ?? []) keys.push(`G:${g}`, `subnet:${g}`, `vpc:${g}`);
  if (f.host !== undefined) {
    keys.push(ANY_HOST, `H:${f.host}`);
    for (const p of parentDomains(f.host)) keys.push(`S:${p}`);
  }
  return keys;
}

/** An indexed evaluator over one model; build once, evaluate many flows. */
export class PolicyEvaluator {
  private readonly rules: CompiledRule[];
  private readonly index = new Map<string, number[]>();

  constructor(private readonly model: PolicyModel) {
    this.rules = compileRules(model, orderRules(model.rules));
    for (const c of this.rules) {
      const keys = sourceKeys(c) ?? hostKeys(c) ?? [ALL];
      for (const k of new Set(keys)) {
        let bucket = this.index.get(k);
        if (bucket === undefined) this.index.set(k, (bucket = []));
        bucket.push(c.ordinal);
      }
    }
  }

  /** Candidate rule ordinals for a flow, ascending and unique. */
  private candidates(f: CompiledFlow): readonly number[] {
    const buckets: number[][] = [];
    for (const k of flowKeys(f)) {
      const b = this.index.get(k);
      if (b !== undefined) buckets.push(b);
    }
    if (buckets.length === 0) return [];
    if (buckets.length === 1) return buckets[0];
    const merged = ([] as number[]).concat(...buckets).sort((a, b) => a - b);
    return merged.filter((v, i) => i === 0 || merged[i - 1] !== v);
  }

  evaluate(flow: Flow): EvaluationResult {
    const f = compileFlow(flow);
    const watchedBy: string[] = [];
    for (const ordinal of this.candidates(f)) {
      const c = this.rules[ordinal];
      if (!ruleMatches(c, f)) continue;
      if (c.rule.watch) {
        watchedBy.push(c.rule.name);
        continue;
      }
      return {
        verdict: c.permit ? "PERMIT" : "DENY",
        rule: c.rule.name,
        tier: c.rule.tier,
        watchedBy,
        logged: c.rule.logging,
        ...(c.rule.origin !== undefined ? { origin: c.rule.origin } : {}),
      };
    }
    const d = this.model.defaultAction;
    return {
      verdict: d?.action ?? "PERMIT",
      rule: DEFAULT_ACTION_RULE,
      tier: "POST_RULES",
      watchedBy,
      logged: d?.logging ?? false,
    };
  }
}

const cache = new WeakMap<PolicyModel, PolicyEvaluator>();

/** First-match verdict of one flow (the evaluator for a model is built once and cached). */
export function evaluate(model: PolicyModel, flow: Flow): EvaluationResult {
  let ev = cache.get(model);
  if (ev === undefined) cache.set(model, (ev = new PolicyEvaluator(model)));
  return ev.evaluate(flow);
}

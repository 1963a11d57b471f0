// Each distinct observed flow against the enforce policy, with the simulator (lib/dcf/simulate):
// - a flow from an unknown source is not judged (the policy selects workloads the log cannot name);
// - a flow seen only in L4 lines (no SNI) is judged only when no host-matching rule (WebGroup,
//   destination FQDN group) would decide it first; otherwise it "needs L7";
// - every remembered source/destination address pair is evaluated (CIDR rules may tell them
//   apart); the flow would be denied when any of them is.
import { globMatches, sniMatches } from "../dcf/host-match";
import { PolicyModel } from "../dcf/model";
import { PolicyEvaluator } from "../dcf/simulate/evaluate";
import { EvaluationResult, Flow, FlowSource } from "../dcf/simulate/flow";
import { hostDecidingRule } from "../dcf/simulate/host-dependence";
import { ObservedFlow } from "./flows";

export type Outcome = "kept" | "denied" | "needs-l7" | "unknown";

/** A DENY rule that names the host in a domain list (a threat/IoC list): never proposed. */
export interface DenyListMatch {
  readonly group: string;
  readonly rule: string;
}

export interface JudgedFlow {
  readonly flow: ObservedFlow;
  readonly outcome: Outcome;
  readonly result?: EvaluationResult;
  /** Why a flow is unknown or needs L7. */
  readonly reason?: string;
  readonly denyList?: DenyListMatch;
}

const MAX_VARIANTS_PER_SIDE = 8;

function sources(flow: ObservedFlow): FlowSource[] {
  const s = flow.source;
  const ips = [...flow.srcIps].slice(0, MAX_VARIANTS_PER_SIDE);
  if (s.kind === "pod") {
    const k8s = { namespace: s.namespace, labels: s.labels, pod: s.pod, ...(s.cluster !== undefined ? { cluster: s.cluster } : {}) };
    return ips.map((ip) => ({ ip, k8s }));
  }
  return ips.map((ip) => ({ ip }));
}

function flowsOf(flow: ObservedFlow): Flow[] {
  const out: Flow[] = [];
  const tls = flow.host !== undefined ? { tls: true } : {};
  for (const from of sources(flow)) {
    for (const ip of [...flow.dstIps].slice(0, MAX_VARIANTS_PER_SIDE)) {
      out.push({
        from,
        to: {
          ip,
          protocol: flow.protocol,
          ...(flow.port !== undefined ? { port: flow.port } : {}),
          ...(flow.host !== undefined ? { host: flow.host } : {}),
          ...(flow.decrypted ? { decrypted: true } : tls),
        },
      });
    }
  }
  return out;
}

interface DenyList {
  readonly rule: string;
  readonly group: string;
  readonly sni: readonly string[];
  readonly hostGlobs: readonly string[];
}

/** Host lists used by DENY rules: SNI filters (not "*"), whole-host URL filters, FQDN groups. */
function denyLists(model: PolicyModel): DenyList[] {
  const out: DenyList[] = [];
  for (const r of model.rules) {
    if (r.action !== "DENY") continue;
    for (const k of r.webGroups) {
      const w = model.webGroups[k];
      if (w === undefined || w.kind !== "domains") continue;
      const sni = w.matches.map((m) => m.sni).filter((s): s is string => s !== undefined && s.trim() !== "*");
      const hostGlobs = w.matches
        .map((m) => m.url)
        .filter((u): u is string => u !== undefined)
        .filter((u) => !u.includes("/") || /^\/\*?$/.test(u.slice(u.indexOf("/"))))
        .map((u) => (u.includes("/") ? u.slice(0, u.indexOf("/")) : u).toLowerCase());
      if (sni.length + hostGlobs.length > 0) out.push({ rule: r.name, group: w.name, sni, hostGlobs });
    }
    for (const k of r.dstGroups) {
      const g = model.smartGroups[k];
      const fqdns = g?.kind === "selector" ? g.expressions.map((e) => e.fqdn).filter((f): f is string => f !== undefined && !f.includes("${")) : [];
      if (g !== undefined && fqdns.length > 0) out.push({ rule: r.name, group: g.name, sni: fqdns, hostGlobs: [] });
    }
  }
  return out;
}

export class FlowJudge {
  private readonly evaluator: PolicyEvaluator;
  private readonly lists: DenyList[];

  constructor(private readonly model: PolicyModel) {
    this.evaluator = new PolicyEvaluator(model);
    this.lists = denyLists(model);
  }

  /** The DENY rule whose host list names `host`, if any. */
  denyListMatch(host: string): DenyListMatch | undefined {
    for (const l of this.lists) {
      if (l.sni.some((p) => sniMatches(p, host)) || l.hostGlobs.some((g) => globMatches(g, host))) return { group: l.group, rule: l.rule };
    }
    return undefined;
  }

  judge(flow: ObservedFlow): JudgedFlow {
    const denyList = flow.host !== undefined ? this.denyListMatch(flow.host) : undefined;
    const extra = denyList !== undefined ? { denyList } : {};
    if (flow.source.kind === "unknown") return { flow, outcome: "unknown", reason: flow.source.reason, ...extra };
    const variants = flowsOf(flow);
    if (flow.host === undefined && !flow.l7) {
      for (const v of variants) {
        const rule = hostDecidingRule(this.model, v);
        if (rule !== undefined) {
          return {
            flow,
            outcome: "needs-l7",
            reason: `L4 lines only (no SNI); rule "${rule.name}"${rule.origin ? ` (${rule.origin})` : ""} decides by host name`,
            ...extra,
          };
        }
      }
    }
    let chosen: EvaluationResult | undefined;
    for (const v of variants) {
      const r = this.evaluator.evaluate(v);
      if (chosen === undefined || (r.verdict === "DENY" && chosen.verdict !== "DENY")) chosen = r;
      if (chosen.verdict === "DENY") break;
    }
    const result = chosen as EvaluationResult;
    return { flow, outcome: result.verdict === "PERMIT" ? "kept" : "denied", result, ...extra };
  }
}

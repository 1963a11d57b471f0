// What `vca-cdktf logs replay` prints: one JSON object per distinct flow (--json), or a report
// grouped by workload (kept / would be denied, with the rule / needs L7 / unknown sources).
import { compareText } from "../dcf/builder/canonical";
import { ObservedFlow } from "./flows";
import { ObservedSource } from "./inventory";
import { JudgedFlow, Outcome } from "./judge";
import { ReadSummary } from "./read-logs";

export const VERDICTS: Readonly<Record<Outcome, string>> = { kept: "PERMIT", denied: "DENY", "needs-l7": "NEEDS_L7", unknown: "UNKNOWN" };

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function sortedLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(labels)
      .sort(compareText)
      .map((k) => [k, labels[k]]),
  );
}

/** The workload a flow's source names, as people say it: `namespace/workload`, `node/<name>`, or the IP. */
export function workloadName(s: ObservedSource): string {
  return s.kind === "pod" ? `${s.namespace}/${s.workload}` : s.kind === "node" ? `node/${s.node}` : s.ip;
}

export function destinationText(f: ObservedFlow): string {
  const dst = f.host ?? [...f.dstIps][0];
  return `${dst}${f.port !== undefined ? `:${f.port}` : ""}/${f.protocol.toLowerCase()}`;
}

function observedAction(f: ObservedFlow): string {
  const s = f.stats;
  return s.permits > 0 && s.denies > 0 ? "MIXED" : s.denies > 0 ? "DENY" : "PERMIT";
}

function observedEnforced(f: ObservedFlow): boolean | "mixed" | null {
  const s = f.stats;
  if (s.enforcedRecords > 0 && s.unenforcedRecords > 0) return "mixed";
  if (s.enforcedRecords > 0) return true;
  if (s.unenforcedRecords > 0) return false;
  return null;
}

function sourceJson(f: ObservedFlow): Record<string, unknown> {
  const s = f.source;
  const ips = [...f.srcIps];
  const base = { ip: ips[0] ?? s.ip, ...(ips.length > 1 ? { ips } : {}) };
  if (s.kind === "pod") {
    return {
      ...base,
      ...(s.cluster !== undefined ? { cluster: s.cluster } : {}),
      namespace: s.namespace,
      workload: s.workload,
      workloadKind: s.workloadKind,
      pod: s.pod,
      labels: sortedLabels(s.labels),
    };
  }
  if (s.kind === "node") return { ...base, node: s.node, workload: `node/${s.node}` };
  return { ...base, unknown: s.reason };
}

/** The `--json` object of one flow. */
export function flowJson(j: JudgedFlow): Record<string, unknown> {
  const f = j.flow;
  const dstIps = [...f.dstIps];
  const r = j.result;
  return {
    src: sourceJson(f),
    dst: {
      ...(f.host !== undefined ? { host: f.host } : {}),
      ip: dstIps[0],
      ...(dstIps.length > 1 ? { ips: dstIps } : {}),
      ...(f.port !== undefined ? { port: f.port } : {}),
      protocol: f.protocol,
    },
    observed: {
      count: f.stats.count,
      first: iso(f.stats.first),
      last: iso(f.stats.last),
      action: observedAction(f),
      enforced: observedEnforced(f),
      engine: f.l7 ? "L7" : "L4",
      ...(f.stats.rules.size > 0 ? { rules: [...f.stats.rules].sort(compareText) } : {}),
    },
    enforce: {
      verdict: VERDICTS[j.outcome],
      rule: r?.rule ?? null,
      tier: r?.tier ?? null,
      ...(r?.origin !== undefined ? { origin: r.origin } : {}),
      ...(j.reason !== undefined ? { reason: j.reason } : {}),
      ...(j.denyList !== undefined ? { denyList: j.denyList } : {}),
    },
  };
}

/** Flows in a stable order: by workload, then destination, port, protocol. */
export function sortJudged(flows: readonly JudgedFlow[]): JudgedFlow[] {
  const key = (j: JudgedFlow) => [
    workloadName(j.flow.source),
    j.flow.host ?? "",
    [...j.flow.dstIps][0] ?? "",
    String(j.flow.port ?? -1).padStart(6, "0"),
    j.flow.protocol,
  ];
  return [...flows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const c = compareText(ka[i], kb[i]);
      if (c !== 0) return c;
    }
    return compareText(a.flow.key, b.flow.key);
  });
}

export interface ReplayCounts {
  readonly kept: number;
  readonly denied: number;
  readonly needsL7: number;
  readonly unknown: number;
}

export function countOutcomes(flows: readonly JudgedFlow[]): ReplayCounts {
  const n = (o: Outcome) => flows.filter((j) => j.outcome === o).length;
  return { kept: n("kept"), denied: n("denied"), needsL7: n("needs-l7"), unknown: n("unknown") };
}

export function summaryLine(counts: ReplayCounts, total: number, read: ReadSummary): string {
  return (
    `${total} distinct flow${total === 1 ? "" : "s"}: ${counts.kept} kept, ${counts.denied} would be denied, ` +
    `${counts.needsL7} need${counts.needsL7 === 1 ? "s" : ""} L7, ${counts.unknown} from unknown sources ` +
    `(${read.files.length} file${read.files.length === 1 ? "" : "s"}, ${read.lines} lines: ${read.records} records, ${read.unrelated} unrelated, ${read.malformed} malformed)`
  );
}

function flowLine(j: JudgedFlow): string {
  const f = j.flow;
  const seen = `${f.stats.count} session${f.stats.count === 1 ? "" : "s"}, ${iso(f.stats.first)} … ${iso(f.stats.last)}`;
  const r = j.result;
  const decided = r === undefined ? (j.reason ?? "") : `${r.verdict} by ${r.rule} (${r.tier}${r.origin !== undefined ? ` ${r.origin}` : ""})`;
  const marks = j.denyList !== undefined ? ` [on deny list ${j.denyList.group} of rule ${j.denyList.rule}]` : "";
  return `    ${destinationText(f)}  ${seen}  ${decided}${marks}`;
}

const SECTIONS: ReadonlyArray<[Outcome, string]> = [
  ["denied", "would be denied"],
  ["needs-l7", "needs L7 (no SNI in the L4 lines; a host-matching rule decides)"],
  ["kept", "kept"],
];

/** The human report: one block per workload, unknown sources last, then the summary. */
export function humanReport(flows: readonly JudgedFlow[], read: ReadSummary): string[] {
  const sorted = sortJudged(flows);
  const out: string[] = [];
  const byWorkload = new Map<string, JudgedFlow[]>();
  for (const j of sorted) {
    if (j.outcome === "unknown") continue;
    const name = workloadName(j.flow.source);
    let list = byWorkload.get(name);
    if (list === undefined) byWorkload.set(name, (list = []));
    list.push(j);
  }
  for (const [name, list] of byWorkload) {
    const s = list[0].flow.source;
    const what = s.kind === "pod" ? `${s.workloadKind}${s.cluster !== undefined ? `, cluster ${s.cluster}` : ""}` : "node";
    out.push(`${name} (${what})`);
    for (const [outcome, title] of SECTIONS) {
      const these = list.filter((j) => j.outcome === outcome);
      if (these.length === 0) continue;
      out.push(`  ${title}:`);
      for (const j of these) out.push(flowLine(j));
    }
  }
  const unknown = sorted.filter((j) => j.outcome === "unknown");
  if (unknown.length > 0) {
    out.push("unknown sources (not judged: no pod or node held the address at the time):");
    for (const j of unknown)
      out.push(`  ${j.flow.source.ip} → ${destinationText(j.flow)}  ${j.flow.stats.count} session${j.flow.stats.count === 1 ? "" : "s"}: ${j.reason}`);
  }
  out.push(summaryLine(countOutcomes(flows), flows.length, read));
  return out;
}

// Log records → distinct observed flows (source workload, destination SNI or IP, port, protocol),
// memory bounded by the number of distinct flows plus a fixed join window — never by lines.
//
// L4 and L7 records of one TCP session are joined (docs/research/dcf-logs.md: L4 lines carry no
// SNI) by the 5-tuple (protocol, src ip:port, dst ip:port) or the L7 session id, inside a window
// of the most recent JOIN_WINDOW sessions: an L4 record waits there for its L7 record; when it
// leaves the window unjoined it counts as a flow to the destination IP. A session counts once
// however many records (L4 start/end, L7 start/end) it left.
import { canonicalIp, ObservedSource, WorkloadInventory } from "./inventory";
import { LogProtocol, LogRecord, ObservedAction } from "./records";

/** Sessions kept for joining L4 and L7 records (the gateway logs both within moments of each other). */
export const JOIN_WINDOW = 50_000;
/** Addresses remembered per flow (a CDN host has many; enough to evaluate CIDR rules faithfully). */
const MAX_IPS_PER_FLOW = 16;
const MAX_RULES_PER_FLOW = 8;
/** L4 records of one session kept while it waits for its L7 record (start + end, and a few more). */
const MAX_PENDING_RECORDS = 4;

export class ObservedStats {
  count = 0;
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;
  permits = 0;
  denies = 0;
  enforcedRecords = 0;
  unenforcedRecords = 0;
  lastAction: ObservedAction = "PERMIT";
  readonly rules = new Set<string>();

  /** One record; `newSession` counts it (later records of the same session only update). */
  add(r: LogRecord, newSession: boolean): void {
    if (newSession) this.count++;
    if (r.time < this.first) this.first = r.time;
    if (r.time >= this.last) {
      this.last = r.time;
      this.lastAction = r.action;
    }
    if (r.action === "PERMIT") this.permits++;
    else this.denies++;
    if (r.enforced === true) this.enforcedRecords++;
    else if (r.enforced === false) this.unenforcedRecords++;
    if (r.rule !== undefined && this.rules.size < MAX_RULES_PER_FLOW) this.rules.add(r.rule);
  }

}

export interface ObservedFlow {
  readonly key: string;
  /** The source as first resolved (pods of one workload share it; `srcIps` lists the addresses). */
  readonly source: ObservedSource;
  readonly srcIps: Set<string>;
  readonly host?: string;
  readonly dstIps: Set<string>;
  readonly port?: number;
  readonly protocol: LogProtocol;
  readonly stats: ObservedStats;
  /** An L7 record was seen for this flow (false = L4 lines only, no SNI). */
  l7: boolean;
  decrypted: boolean;
}

/** Labels that differ between rollouts of one workload and never select it in a policy. */
const VOLATILE_LABELS = new Set(["pod-template-hash", "controller-revision-hash", "statefulset.kubernetes.io/pod-name", "job-name", "controller-uid", "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name"]);

const sourceKeys = new WeakMap<ObservedSource, string>();

/** The flow key of a source: one per workload (pods), node, or unknown address. */
export function sourceKey(s: ObservedSource): string {
  let key = sourceKeys.get(s);
  if (key === undefined) sourceKeys.set(s, (key = computeSourceKey(s)));
  return key;
}

function computeSourceKey(s: ObservedSource): string {
  switch (s.kind) {
    case "pod": {
      const labels = Object.keys(s.labels)
        .filter((k) => !VOLATILE_LABELS.has(k))
        .sort()
        .map((k) => `${k}=${s.labels[k]}`)
        .join(",");
      return `pod|${s.cluster ?? ""}|${s.namespace}|${s.workloadKind}/${s.workload}|${labels}`;
    }
    case "node":
      return `node|${s.node}`;
    default:
      return `ip|${canonicalIp(s.ip)}`;
  }
}

interface Session {
  flow?: ObservedFlow;
  /** An L4 record (and its session's later L4 records) waiting for the L7 record. */
  pending?: { readonly source: ObservedSource; readonly records: LogRecord[] };
}

export class FlowAggregator {
  private readonly flows = new Map<string, ObservedFlow>();
  private readonly sessions = new Map<string, Session>();
  /** Session keys in arrival order (a ring): the oldest leaves when the window is full. */
  private readonly ring: Array<string | undefined> = new Array<string | undefined>(JOIN_WINDOW);
  private head = 0;
  records = 0;

  constructor(private readonly inventory: WorkloadInventory) {}

  add(r: LogRecord): void {
    this.records++;
    const source = this.inventory.resolve(r.srcIp, r.time);
    const tuple = r.protocol === "TCP" && r.srcPort !== undefined ? `t|${r.srcIp}|${r.srcPort}|${r.dstIp}|${r.dstPort}` : undefined;
    if (r.engine === "L4") {
      if (tuple === undefined) return this.flowFor(source, r, undefined).stats.add(r, true);
      const s = this.sessions.get(tuple);
      if (s?.flow !== undefined) return s.flow.stats.add(r, false);
      if (s?.pending !== undefined) {
        if (s.pending.records.length < MAX_PENDING_RECORDS) s.pending.records.push(r);
        return;
      }
      this.remember(tuple, { pending: { source, records: [r] } });
      return;
    }
    const sid = r.sessionId !== undefined ? `s|${r.sessionId}` : undefined;
    const s = (sid !== undefined ? this.sessions.get(sid) : undefined) ?? (tuple !== undefined ? this.sessions.get(tuple) : undefined);
    if (s?.flow !== undefined && s.flow.host === r.sni) {
      s.flow.stats.add(r, false);
      if (sid !== undefined && !this.sessions.has(sid)) this.remember(sid, s);
      return;
    }
    const flow = this.flowFor(source, r, r.sni);
    flow.l7 = true;
    if (r.decrypted === true) flow.decrypted = true;
    if (s?.pending !== undefined) {
      s.pending.records.forEach((p, i) => flow.stats.add(p, i === 0));
      flow.stats.add(r, false);
      s.pending = undefined;
      s.flow = flow;
    } else {
      flow.stats.add(r, true);
      const session: Session = { flow };
      if (tuple !== undefined) this.remember(tuple, session);
      if (sid !== undefined) this.remember(sid, session);
      return;
    }
    if (sid !== undefined) this.remember(sid, s);
  }

  /** Every distinct flow, pending L4 records committed (call once, after the last record). */
  finish(): ObservedFlow[] {
    for (const s of this.sessions.values()) this.commit(s);
    this.sessions.clear();
    this.ring.fill(undefined);
    return [...this.flows.values()];
  }

  // A ring, not Map delete/re-insert: iterating a Map from its start after many deletes is slow in V8.
  private remember(key: string, s: Session): void {
    if (this.sessions.has(key)) {
      this.sessions.set(key, s);
      return;
    }
    const oldest = this.ring[this.head];
    if (oldest !== undefined) {
      const gone = this.sessions.get(oldest);
      this.sessions.delete(oldest);
      if (gone !== undefined) this.commit(gone);
    }
    this.ring[this.head] = key;
    this.head = (this.head + 1) % JOIN_WINDOW;
    this.sessions.set(key, s);
  }

  /** An L4 record whose L7 record never came: a flow to the destination IP. */
  private commit(s: Session): void {
    if (s.pending === undefined) return;
    const p = s.pending;
    s.pending = undefined;
    const flow = this.flowFor(p.source, p.records[0], undefined);
    p.records.forEach((r, i) => flow.stats.add(r, i === 0));
    s.flow = flow;
  }

  private flowFor(source: ObservedSource, r: LogRecord, host: string | undefined): ObservedFlow {
    const dst = host !== undefined ? `h|${host}` : `i|${canonicalIp(r.dstIp)}`;
    const key = `${sourceKey(source)}|${dst}|${r.dstPort ?? ""}|${r.protocol}`;
    let flow = this.flows.get(key);
    if (flow === undefined) {
      flow = {
        key,
        source,
        srcIps: new Set(),
        ...(host !== undefined ? { host } : {}),
        dstIps: new Set(),
        ...(r.dstPort !== undefined ? { port: r.dstPort } : {}),
        protocol: r.protocol,
        stats: new ObservedStats(),
        l7: false,
        decrypted: false,
      };
      this.flows.set(key, flow);
    }
    if (flow.srcIps.size < MAX_IPS_PER_FLOW) flow.srcIps.add(r.srcIp);
    if (flow.dstIps.size < MAX_IPS_PER_FLOW) flow.dstIps.add(r.dstIp);
    return flow;
  }
}

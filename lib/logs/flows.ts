// Log records → distinct observed flows (source workload, destination SNI or IP, port, protocol),
// memory bounded by the number of distinct flows plus a fixed join window — never by lines.
//
// L4 and L7 records of one TCP session are joined (docs/research/dcf-logs.md: L4 lines carry no
// SNI) by the 5-tuple (protocol, src ip:port, dst ip:port) or the L7 session id, inside a window
// of the most recent JOIN_WINDOW sessions: an L4 record waits there for its L7 record; when it
// leaves the window unjoined it counts as a flow to the destination IP. A session counts once
// however many records (L4 start/end, L7 start/end) it left.
//
// This runs once per log line, so what a line repeats is derived once: per logged address its
// workload (with the times that answer holds), its canonical form and numeric IPv4 value; per
// workload its flows by destination. Strings kept for the whole run are own copies (lib/logs/own-copy.ts).
import { dottedQuad } from "./ip-text";
import { canonicalIp, ObservedSource, ValidTimes, WorkloadInventory } from "./inventory";
import { JoinWindow } from "./join-window";
import { ownCopy } from "./own-copy";
import { LogProtocol, LogRecord, ObservedAction } from "./records";

/** Sessions kept for joining L4 and L7 records (the gateway logs both within moments of each other). */
export const JOIN_WINDOW = 50_000;
/** Addresses remembered per flow (a CDN host has many; enough to evaluate CIDR rules faithfully). */
const MAX_IPS_PER_FLOW = 16;
const MAX_RULES_PER_FLOW = 8;
/** L4 records of one session kept while it waits for its L7 record (start + end, and a few more). */
const MAX_PENDING_RECORDS = 4;
/** Logged addresses whose derived facts are cached (the cache starts over when full). */
const MAX_CACHED_ADDRESSES = 100_000;

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
    if (r.rule !== undefined && this.rules.size < MAX_RULES_PER_FLOW && !this.rules.has(r.rule)) this.rules.add(ownCopy(r.rule));
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
const VOLATILE_LABELS = new Set([
  "pod-template-hash",
  "controller-revision-hash",
  "statefulset.kubernetes.io/pod-name",
  "job-name",
  "controller-uid",
  "batch.kubernetes.io/controller-uid",
  "batch.kubernetes.io/job-name",
]);

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

/** An address as logged, and what the replay derived from it. */
class LoggedAddress {
  /** The address as an unsigned 32-bit number when it is spelled as a dotted quad, else -1. */
  readonly v4: number;
  private canonicalText: string | undefined;
  /** The source this address resolved to last, valid at times [valid.from, valid.until). */
  source: ObservedSource | undefined;
  readonly valid: ValidTimes = { from: Number.NaN, until: Number.NaN };
  /** The flows of `source`'s workload. */
  flows: SourceFlows | undefined;

  constructor(readonly text: string) {
    this.v4 = dottedQuad(text);
  }

  get canonical(): string {
    if (this.canonicalText === undefined) this.canonicalText = canonicalIp(this.text);
    return this.canonicalText;
  }
}

/** The flows of one source workload (one sourceKey), by destination host or canonical IP. */
class SourceFlows {
  readonly byHost = new Map<string, ObservedFlow[]>();
  readonly byIp = new Map<string, ObservedFlow[]>();
  constructor(readonly key: string) {}
}

/** One session in the join window: its flow, or the L4 records waiting for its L7 record. */
class Session {
  flow: ObservedFlow | undefined;
  readonly pending: LogRecord[] = [];
  constructor(
    readonly source: ObservedSource,
    readonly flows: SourceFlows,
    readonly src: LoggedAddress,
    readonly dst: LoggedAddress,
  ) {}
}

function isPort16(p: number | undefined): p is number {
  return p !== undefined && (p & 0xffff) === p;
}

export class FlowAggregator {
  private readonly addresses = new Map<string, LoggedAddress>();
  private readonly bySource = new Map<string, SourceFlows>();
  /** Every flow, in the order they were first seen. */
  private readonly created: ObservedFlow[] = [];
  private readonly window = new JoinWindow<Session>(JOIN_WINDOW);
  records = 0;

  constructor(private readonly inventory: WorkloadInventory) {}

  add(r: LogRecord): void {
    this.records++;
    const src = this.address(r.srcIp);
    const dst = this.address(r.dstIp);
    const source = this.sourceAt(src, r.time);
    const flows = src.flows as SourceFlows;
    const tcp = r.protocol === "TCP" && r.srcPort !== undefined;
    // The 5-tuple as numbers when both addresses are dotted quads (no key string), else as text.
    const v4 = tcp && src.v4 >= 0 && dst.v4 >= 0 && isPort16(r.srcPort) && isPort16(r.dstPort);
    const tuple = tcp && !v4 ? `${r.srcIp}|${r.srcPort}|${r.dstIp}|${r.dstPort}` : undefined;
    if (r.engine === "L4") {
      if (!tcp) return this.flowFor(flows, source, r, src, dst, undefined).stats.add(r, true);
      const s = v4 ? this.window.getV4(src.v4, dst.v4, r.srcPort as number, r.dstPort as number) : this.window.getTuple(tuple as string);
      if (s?.flow !== undefined) return s.flow.stats.add(r, false);
      if (s !== undefined) {
        if (s.pending.length < MAX_PENDING_RECORDS) s.pending.push(r);
        return;
      }
      const waiting = new Session(source, flows, src, dst);
      waiting.pending.push(r);
      this.rememberTuple(v4, tuple, r, src, dst, waiting);
      return;
    }
    const sid = r.sessionId;
    const s =
      (sid !== undefined ? this.window.getSessionId(sid) : undefined) ??
      (!tcp ? undefined : v4 ? this.window.getV4(src.v4, dst.v4, r.srcPort as number, r.dstPort as number) : this.window.getTuple(tuple as string));
    if (s?.flow !== undefined && s.flow.host === r.sni) {
      s.flow.stats.add(r, false);
      if (sid !== undefined && !this.window.hasSessionId(sid)) this.rememberSessionId(sid, s);
      return;
    }
    const flow = this.flowFor(flows, source, r, src, dst, r.sni);
    flow.l7 = true;
    if (r.decrypted === true) flow.decrypted = true;
    if (s !== undefined && s.pending.length > 0) {
      s.pending.forEach((p, i) => flow.stats.add(p, i === 0));
      flow.stats.add(r, false);
      s.pending.length = 0;
      s.flow = flow;
    } else {
      flow.stats.add(r, true);
      const session = new Session(source, flows, src, dst);
      session.flow = flow;
      if (tcp) this.rememberTuple(v4, tuple, r, src, dst, session);
      if (sid !== undefined) this.rememberSessionId(sid, session);
      return;
    }
    if (sid !== undefined) this.rememberSessionId(sid, s);
  }

  /** Every distinct flow, pending L4 records committed (call once, after the last record). */
  finish(): ObservedFlow[] {
    for (const s of this.window.drain()) this.commit(s);
    return [...this.created];
  }

  private address(text: string): LoggedAddress {
    let a = this.addresses.get(text);
    if (a === undefined) {
      if (this.addresses.size >= MAX_CACHED_ADDRESSES) this.addresses.clear();
      a = new LoggedAddress(ownCopy(text));
      this.addresses.set(a.text, a);
    }
    return a;
  }

  /** The source of `a` at `at`, its flows in `a.flows`. */
  private sourceAt(a: LoggedAddress, at: number): ObservedSource {
    if (a.source !== undefined && at >= a.valid.from && at < a.valid.until) return a.source;
    const source = this.inventory.resolve(a.text, at, a.valid);
    if (source !== a.source) {
      a.source = source;
      const key = sourceKey(source);
      let flows = this.bySource.get(key);
      if (flows === undefined) this.bySource.set(key, (flows = new SourceFlows(key)));
      a.flows = flows;
    }
    return source;
  }

  private rememberTuple(v4: boolean, tuple: string | undefined, r: LogRecord, src: LoggedAddress, dst: LoggedAddress, s: Session): void {
    const gone = v4 ? this.window.setV4(src.v4, dst.v4, r.srcPort as number, r.dstPort as number, s) : this.window.setTuple(tuple as string, s);
    if (gone !== undefined) this.commit(gone);
  }

  private rememberSessionId(sid: string, s: Session): void {
    const gone = this.window.setSessionId(sid, s);
    if (gone !== undefined) this.commit(gone);
  }

  /** An L4 record whose L7 record never came: a flow to the destination IP. */
  private commit(s: Session): void {
    if (s.pending.length === 0) return;
    const flow = this.flowFor(s.flows, s.source, s.pending[0], s.src, s.dst, undefined);
    s.pending.forEach((r, i) => flow.stats.add(r, i === 0));
    s.pending.length = 0;
    s.flow = flow;
  }

  private flowFor(flows: SourceFlows, source: ObservedSource, r: LogRecord, src: LoggedAddress, dst: LoggedAddress, host: string | undefined): ObservedFlow {
    const byDestination = host !== undefined ? flows.byHost : flows.byIp;
    const destination = host !== undefined ? host : dst.canonical;
    let list = byDestination.get(destination);
    if (list === undefined) byDestination.set(destination, (list = []));
    let flow: ObservedFlow | undefined;
    for (const f of list) {
      if (f.port === r.dstPort && f.protocol === r.protocol) {
        flow = f;
        break;
      }
    }
    if (flow === undefined) {
      const ownHost = host !== undefined ? ownCopy(host) : undefined;
      flow = {
        key: `${flows.key}|${ownHost !== undefined ? `h|${ownHost}` : `i|${destination}`}|${r.dstPort ?? ""}|${r.protocol}`,
        source,
        srcIps: new Set(),
        ...(ownHost !== undefined ? { host: ownHost } : {}),
        dstIps: new Set(),
        ...(r.dstPort !== undefined ? { port: r.dstPort } : {}),
        protocol: r.protocol,
        stats: new ObservedStats(),
        l7: false,
        decrypted: false,
      };
      list.push(flow);
      this.created.push(flow);
    }
    if (flow.srcIps.size < MAX_IPS_PER_FLOW) flow.srcIps.add(src.text);
    if (flow.dstIps.size < MAX_IPS_PER_FLOW) flow.dstIps.add(dst.text);
    return flow;
  }
}

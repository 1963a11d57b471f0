// Who sent a logged packet: source IP + time → pod (by start time: an IP reused by pods over time
// belongs to the pod that held it then) or node. Inputs are `kubectl get pods -A -o json` and
// `kubectl get nodes -o json` (docs/research/dcf-logs.md "Tying a source IP to a workload":
// items[].status.podIP/podIPs, metadata.namespace/labels, spec.nodeName, status.startTime; node
// addresses in items[].status.addresses). An IP no inventory explains is unknown, never guessed.
import { parseIp, unmapIpv4 } from "../net/ip";
import { UserInputError } from "../util/errors";
import { readInputJson } from "../util/input-file";

export interface PodSource {
  readonly kind: "pod";
  readonly ip: string;
  readonly cluster?: string;
  readonly namespace: string;
  readonly pod: string;
  /** The owning workload: a Deployment (ReplicaSet hash stripped), StatefulSet, DaemonSet, Job… or the pod itself. */
  readonly workload: string;
  readonly workloadKind: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface NodeSource {
  readonly kind: "node";
  readonly ip: string;
  readonly node: string;
}

export interface UnknownSource {
  readonly kind: "unknown";
  readonly ip: string;
  readonly reason: string;
}

export type ObservedSource = PodSource | NodeSource | UnknownSource;

interface PodInterval {
  readonly start: number;
  /** When the pod stopped holding the IP (terminated phase); undefined = still running at inventory time. */
  readonly end?: number;
  readonly source: Omit<PodSource, "ip">;
  /** The resolved source per address spelling (one object per pod and IP: log lines repeat them). */
  readonly resolved: Map<string, PodSource>;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function items(doc: unknown, file: string, kind: "Pod" | "Node"): Obj[] {
  const command = kind === "Pod" ? "kubectl get pods -A -o json" : "kubectl get nodes -o json";
  if (!isObj(doc) || !Array.isArray(doc.items)) throw new UserInputError(`${file}: want the output of \`${command}\` (an object with items[])`);
  return doc.items.map((it, i) => {
    if (!isObj(it)) throw new UserInputError(`${file}: items[${i}]: want an object`);
    if (it.kind !== undefined && it.kind !== kind)
      throw new UserInputError(`${file}: items[${i}] is a ${JSON.stringify(it.kind)}, not a ${kind}: want the output of \`${command}\``);
    return it;
  });
}

function time(v: unknown, where: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  const t = typeof v === "string" ? Date.parse(v) : NaN;
  if (!Number.isFinite(t)) throw new UserInputError(`${where}: ${JSON.stringify(v)} is not an RFC 3339 time`);
  return t;
}

function ipOf(v: unknown, where: string): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (typeof v !== "string" || parseIp(v) === undefined) throw new UserInputError(`${where}: ${JSON.stringify(v)} is not an IP address`);
  return v;
}

function labelsOf(v: unknown, where: string): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) throw new UserInputError(`${where}: want a map of labels`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== "string") throw new UserInputError(`${where}.${k}: want a string`);
    out[k] = x;
  }
  return out;
}

/** The pod's owning workload (the ReplicaSet's pod-template-hash suffix names the Deployment). */
function owner(meta: Obj, labels: Readonly<Record<string, string>>, pod: string): { workload: string; workloadKind: string } {
  const refs = Array.isArray(meta.ownerReferences) ? (meta.ownerReferences as unknown[]).filter(isObj) : [];
  const ref = refs.find((r) => r.controller === true) ?? refs[0];
  if (ref === undefined || typeof ref.name !== "string" || typeof ref.kind !== "string") return { workload: pod, workloadKind: "Pod" };
  const hash = labels["pod-template-hash"];
  if (ref.kind === "ReplicaSet" && hash !== undefined && ref.name.endsWith(`-${hash}`)) {
    return { workload: ref.name.slice(0, -hash.length - 1), workloadKind: "Deployment" };
  }
  return { workload: ref.name, workloadKind: ref.kind };
}

function finishedAt(status: Obj): number | undefined {
  const phase = status.phase;
  if (phase !== "Succeeded" && phase !== "Failed") return undefined;
  let last: number | undefined;
  for (const cs of Array.isArray(status.containerStatuses) ? (status.containerStatuses as unknown[]) : []) {
    const t = isObj(cs) && isObj(cs.state) && isObj(cs.state.terminated) ? Date.parse(String(cs.state.terminated.finishedAt)) : NaN;
    if (Number.isFinite(t) && (last === undefined || t > last)) last = t;
  }
  return last;
}

export class WorkloadInventory {
  private readonly pods = new Map<string, PodInterval[]>();
  private readonly nodes = new Map<string, string>();
  private readonly fixed = new Map<string, NodeSource | UnknownSource>();
  readonly podCount: number;

  /**
   * @param podsDoc parsed `kubectl get pods -A -o json`
   * @param nodesDoc parsed `kubectl get nodes -o json` @default - nodes known only from pods' hostIP
   * @param cluster the cluster the pods run in (a k8s_cluster_id as the policy spells it) @default - none
   */
  constructor(podsDoc: unknown, podsFile: string, nodesDoc?: unknown, nodesFile = "--nodes", cluster?: string) {
    let count = 0;
    items(podsDoc, podsFile, "Pod").forEach((it, i) => {
      const where = `${podsFile}: items[${i}]`;
      const meta = isObj(it.metadata) ? it.metadata : {};
      const spec = isObj(it.spec) ? it.spec : {};
      const status = isObj(it.status) ? it.status : {};
      const name = typeof meta.name === "string" ? meta.name : undefined;
      const namespace = typeof meta.namespace === "string" ? meta.namespace : undefined;
      if (name === undefined || namespace === undefined) throw new UserInputError(`${where}.metadata: want name and namespace`);
      const hostIp = ipOf(status.hostIP, `${where}.status.hostIP`);
      if (hostIp !== undefined && typeof spec.nodeName === "string" && !this.nodes.has(canonicalIp(hostIp))) this.nodes.set(canonicalIp(hostIp), spec.nodeName);
      // A host-network pod shares the node's IP: its packets are the node's.
      if (spec.hostNetwork === true) return;
      const ips = new Set<string>();
      const first = ipOf(status.podIP, `${where}.status.podIP`);
      if (first !== undefined) ips.add(first);
      (Array.isArray(status.podIPs) ? (status.podIPs as unknown[]) : []).forEach((p, j) => {
        const ip = ipOf(isObj(p) ? p.ip : p, `${where}.status.podIPs[${j}].ip`);
        if (ip !== undefined) ips.add(ip);
      });
      if (ips.size === 0) return;
      const start = time(status.startTime, `${where}.status.startTime`) ?? time(meta.creationTimestamp, `${where}.metadata.creationTimestamp`);
      if (start === undefined) throw new UserInputError(`${where}: a pod with an IP needs status.startTime (or metadata.creationTimestamp) to map log times`);
      const labels = labelsOf(meta.labels, `${where}.metadata.labels`);
      const end = finishedAt(status);
      const source = { kind: "pod" as const, namespace, pod: name, labels, ...owner(meta, labels, name), ...(cluster !== undefined ? { cluster } : {}) };
      for (const ip of ips) {
        const key = canonicalIp(ip);
        let list = this.pods.get(key);
        if (list === undefined) this.pods.set(key, (list = []));
        list.push({ start, ...(end !== undefined ? { end } : {}), source, resolved: new Map() });
      }
      count++;
    });
    for (const list of this.pods.values()) list.sort((a, b) => a.start - b.start);
    this.podCount = count;
    if (nodesDoc !== undefined) {
      items(nodesDoc, nodesFile, "Node").forEach((it, i) => {
        const where = `${nodesFile}: items[${i}]`;
        const meta = isObj(it.metadata) ? it.metadata : {};
        const status = isObj(it.status) ? it.status : {};
        if (typeof meta.name !== "string") throw new UserInputError(`${where}.metadata.name: want the node name`);
        (Array.isArray(status.addresses) ? (status.addresses as unknown[]) : []).forEach((a, j) => {
          if (!isObj(a) || (a.type !== "InternalIP" && a.type !== "ExternalIP")) return;
          const ip = ipOf(a.address, `${where}.status.addresses[${j}].address`);
          if (ip !== undefined) this.nodes.set(canonicalIp(ip), meta.name as string);
        });
      });
    }
  }

  /**
   * The workload that held `ip` at `at` (epoch ms), or unknown with the reason.
   * @param valid when given, set to the times [from, until) over which `ip` resolves to the same
   *   answer (callers cache it: log lines repeat a source thousands of times); empty when unsure.
   */
  resolve(ip: string, at: number, valid?: ValidTimes): ObservedSource {
    if (valid !== undefined) {
      valid.from = Number.NEGATIVE_INFINITY;
      valid.until = Number.POSITIVE_INFINITY;
    }
    const known = this.fixed.get(ip);
    if (known !== undefined) return known;
    const key = canonicalIp(ip);
    const node = this.nodes.get(key);
    const list = node === undefined ? this.pods.get(key) : undefined;
    if (list === undefined) {
      const fixed: NodeSource | UnknownSource =
        node !== undefined ? { kind: "node", ip, node } : { kind: "unknown", ip, reason: "no pod or node in the inventory has this IP" };
      if (this.fixed.size < 100_000) this.fixed.set(ip, fixed);
      return fixed;
    }
    let i = -1;
    while (i + 1 < list.length && list[i + 1].start <= at) i++;
    if (i < 0) {
      if (valid !== undefined) valid.until = list[0].start;
      return {
        kind: "unknown",
        ip,
        reason: `seen before any inventoried pod with this IP started (${list[0].source.namespace}/${list[0].source.pod} at ${new Date(list[0].start).toISOString()})`,
      };
    }
    const held = list[i];
    if (valid !== undefined) {
      // Until the next pod with this IP starts; a pod that ended is not cached (rare, and its end is inclusive).
      valid.from = held.end === undefined ? held.start : Number.NaN;
      valid.until = i + 1 < list.length ? list[i + 1].start : Number.POSITIVE_INFINITY;
    }
    if (held.end !== undefined && at > held.end) {
      return {
        kind: "unknown",
        ip,
        reason: `seen after ${held.source.namespace}/${held.source.pod} ended (${new Date(held.end).toISOString()}) and before any later pod with this IP`,
      };
    }
    let resolved = held.resolved.get(ip);
    if (resolved === undefined) held.resolved.set(ip, (resolved = { ...held.source, ip }));
    return resolved;
  }
}

/** Times [from, until) (epoch ms) over which an address resolves to the same source. */
export interface ValidTimes {
  from: number;
  until: number;
}

const canonical = new Map<string, string>();

/** One spelling per address (IPv6 case and zero compression, IPv4-mapped IPv6 as IPv4); cached, log lines repeat addresses. */
export function canonicalIp(ip: string): string {
  let c = canonical.get(ip);
  if (c === undefined) {
    const p = parseIp(ip);
    c = p === undefined ? ip : (({ family, value }) => `${family}:${value}`)(unmapIpv4(p));
    if (canonical.size > 100_000) canonical.clear();
    canonical.set(ip, c);
  }
  return c;
}

/** Reads the inventory files named on the command line. */
export function loadInventory(podsFile: string, nodesFile: string | undefined, cluster: string | undefined): WorkloadInventory {
  const pods = readInputJson(podsFile, "--inventory");
  const nodes = nodesFile === undefined ? undefined : readInputJson(nodesFile, "--nodes");
  return new WorkloadInventory(pods, podsFile, nodes, nodesFile, cluster);
}

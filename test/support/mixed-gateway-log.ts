// A mixed discover-mode gateway log (docs/research/dcf-logs.md formats) and, built alongside it by
// the generator's own bookkeeping (not by the replay's parser), the flows and line counts a replay
// must report. It mixes what a fast reader could get wrong: legacy and 8.2 L4 headers, BSD and
// ISO 8601 (zone offset) timestamps, the L4 inner date, L7 JSON timestamps as ISO text and epoch
// seconds, L7 before L4, start+end records of one session, unjoined L4, UDP and ICMP, IPv6, an
// unknown source, junk and empty lines, CRLF, multi-byte UTF-8 (inside L7 JSON and junk), a line
// longer than a read chunk, and malformed DCF lines with their line numbers.

export interface ExpectedFlow {
  /** `namespace/workload` of a pod, or the source IP of an unknown source. */
  readonly src: string;
  readonly host?: string;
  /** The destination address as logged (the flow's first). */
  readonly ip: string;
  readonly port?: number;
  readonly protocol: "TCP" | "UDP" | "ICMP";
  count: number;
  first: number;
  last: number;
  l7: boolean;
}

export interface MixedLog {
  /** The file's bytes (UTF-8). */
  readonly bytes: Buffer;
  /** `kubectl get pods -A -o json` for the log's workloads. */
  readonly pods: unknown;
  readonly year: number;
  readonly lines: number;
  readonly records: number;
  readonly unrelated: number;
  /** Malformed DCF lines: 1-based line number → what the reason starts with. */
  readonly problems: ReadonlyArray<{ readonly line: number; readonly reason: RegExp }>;
  readonly flows: ReadonlyMap<string, ExpectedFlow>;
}

const YEAR = 2026;
const BASE = Date.UTC(YEAR, 11, 5, 10, 0, 0);
const RULE = "7f1c2e90-4b1a-4f0e-9d35-2a6c0b8e5d11";

interface Pod {
  readonly ip: string;
  readonly namespace: string;
  readonly workload: string;
  readonly pod: string;
}

const PODS: readonly Pod[] = [
  { ip: "10.7.0.10", namespace: "web", workload: "api", pod: "api-5d9c7b6f4-aaaaa" },
  { ip: "10.7.0.11", namespace: "web", workload: "api", pod: "api-5d9c7b6f4-bbbbb" },
  { ip: "10.7.0.20", namespace: "mcp", workload: "tool", pod: "tool-6b8d9c5f7-ccccc" },
  { ip: "fd00:7::20", namespace: "mcp", workload: "tool6", pod: "tool6-6b8d9c5f7-ddddd" },
];
const UNKNOWN_SOURCE = "10.9.9.9";
const SOURCES = [...PODS.map((p) => p.ip), UNKNOWN_SOURCE];
/** SNI as logged → as reported (lower case, no trailing dot), and the address it resolves to. */
const HOSTS: ReadonlyArray<{ readonly logged: string; readonly host: string; readonly ip: string }> = [
  { logged: "api.openai.com", host: "api.openai.com", ip: "104.18.7.192" },
  { logged: "Bücher.Example.", host: "bücher.example", ip: "93.184.216.34" },
  { logged: "ghcr.io", host: "ghcr.io", ip: "2606:50c0:8000::154" },
];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `Dec  5 10:00:00` (BSD: seconds only, no year). */
function bsd(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `2026-12-05T11:00:00.250+01:00` (rsyslog high precision, written in UTC+1). */
function isoPlusOne(ms: number): string {
  const d = new Date(ms + 3_600_000);
  return `${d.toISOString().slice(0, 23)}+01:00`;
}

/** `2026/12/05 10:00:00` (the legacy L4 line's own date). */
function slashed(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const seconds = (ms: number) => Math.floor(ms / 1000) * 1000;

export function mixedGatewayLog(sessions: number, seed = 11): MixedLog {
  let state = seed;
  const rnd = (n: number) => ((state = (state * 1103515245 + 12345) % 2147483648), state % n);
  const out: string[] = [];
  const problems: Array<{ line: number; reason: RegExp }> = [];
  const flows = new Map<string, ExpectedFlow>();
  let records = 0;
  let unrelated = 0;

  const emit = (line: string, kind: "record" | "unrelated" | "problem", reason?: RegExp) => {
    out.push(line);
    if (kind === "record") records++;
    else if (kind === "unrelated") unrelated++;
    else problems.push({ line: out.length, reason: reason as RegExp });
  };
  const count = (src: string, dst: { host?: string; ip: string; port?: number; protocol: ExpectedFlow["protocol"] }, times: number[], l7: boolean) => {
    const pod = PODS.find((p) => p.ip === src);
    const who = pod !== undefined ? `${pod.namespace}/${pod.workload}` : src;
    const key = [who, dst.host ?? `ip:${dst.ip}`, dst.port ?? "", dst.protocol].join(" ");
    const f = flows.get(key) ?? {
      src: who,
      ...(dst.host !== undefined ? { host: dst.host } : {}),
      ip: dst.ip,
      ...(dst.port !== undefined ? { port: dst.port } : {}),
      protocol: dst.protocol,
      count: 0,
      first: Infinity,
      last: -Infinity,
      l7: false,
    };
    flows.set(key, f);
    f.count++;
    f.first = Math.min(f.first, ...times);
    f.last = Math.max(f.last, ...times);
    f.l7 = f.l7 || l7;
  };
  const junk = (t: number) => {
    const lines = [
      `${bsd(t)} GW-spoke-10.7.0.4 kernel: [${rnd(9999)}.000] eth1: link up`,
      `${bsd(t)} GW-spoke-10.7.0.4 traffic_server[812]: NOTE: loaded plugin ✓`,
      "",
      `${bsd(t)} host sshd[1]: microseg: is a word here`,
      `${bsd(t)} GW-spoke-10.7.0.4 cloudxd: Grüße aus Köln — 日本語のログ 🚀 ${"é".repeat(rnd(40))}`,
    ];
    emit(lines[rnd(lines.length)], "unrelated");
  };

  let sport = 20000;
  for (let i = 0; i < sessions; i++) {
    const t = BASE + i * 1337; // ms; sessions a little over a second apart
    const src = SOURCES[rnd(SOURCES.length)];
    const h = HOSTS[rnd(HOSTS.length)];
    sport = sport >= 65000 ? 20000 : sport + 1;
    const kind = rnd(100);
    const legacy = rnd(2) === 0;
    const isoHeader = !legacy && rnd(3) === 0;
    const header = (ms: number) => (isoHeader ? isoPlusOne(ms) : bsd(ms));
    // L4 time as the replay must read it: the legacy inner date, the ISO header (ms), or the BSD header (s).
    const l4Time = legacy || !isoHeader ? seconds(t) : t;
    const l4 = (proto: string, dstIp: string, dport: number | undefined, ms = t) =>
      legacy
        ? `${bsd(ms)} GW-spoke-10.7.0.4 avx-gw-state-sync[1168]: ${slashed(ms)} AviatrixGwMicrosegPacket: POLICY=${RULE} SRC_MAC=60:45:bd:11:22:33 DST_MAC=12:34:56:78:9a:bc IP_SZ=60 SRC_IP=${src} DST_IP=${dstIp} PROTO=${proto}${dport === undefined ? "" : ` SRC_PORT=${sport} DST_PORT=${dport}`} DATA=0x ACT=PERMIT ENFORCED=false`
        : `${header(ms)} GW-spoke-10.7.0.4 microseg: POLICY=${RULE} SRC_IP=${src} DST_IP=${dstIp} PROTO=${proto}${dport === undefined ? "" : ` SRC_PORT=${sport} DST_PORT=${dport}`} ACT=PERMIT ENFORCED=false SESSION_EVENT=0`;
    const l7 = (ms: number, stage: string, epoch: boolean) => {
      const stamp = epoch ? String(ms / 1000) : JSON.stringify(new Date(ms).toISOString());
      const tag = legacy ? "traffic_server[812]:" : "ats_dcf:";
      return `${header(ms)} GW-spoke-10.7.0.4 ${tag} {"timestamp":${stamp},"src":"${src}","src_port":${sport},"dest":"${h.ip}","dest_port":443,"action":"PERMIT","enforced":false,"decided_by":"${RULE}","sni_hostname":"${h.logged}","session_id":"s${i}","session_stage":"${stage}","user_agent":"curl/8 (Grüße 🚀)","request_bytes":517}`;
    };
    if (kind < 50) {
      // One TLS session: L4 and L7 (either order), sometimes with an end record.
      // Epoch seconds are written with halves only, so that seconds × 1000 is exact.
      const epoch = rnd(4) === 0;
      const at = (ms: number) => (epoch ? Math.floor(ms / 500) * 500 : ms);
      const l7Times = [at(t + 5)];
      const lines = [l4("TCP", h.ip, 443), l7(at(t + 5), "start", epoch)];
      if (rnd(3) === 0) {
        lines.push(l7(at(t + 900), "end", epoch));
        l7Times.push(at(t + 900));
      }
      if (rnd(4) === 0) lines.reverse();
      for (const line of lines) emit(line, "record");
      count(src, { host: h.host, ip: h.ip, port: 443, protocol: "TCP" }, [l4Time, ...l7Times], true);
    } else if (kind < 60) {
      emit(l4("TCP", "198.51.100.7", 8443), "record"); // never joined: a flow to the address
      count(src, { ip: "198.51.100.7", port: 8443, protocol: "TCP" }, [l4Time], false);
    } else if (kind < 72) {
      emit(l4("UDP", "8.8.8.8", 53), "record");
      count(src, { ip: "8.8.8.8", port: 53, protocol: "UDP" }, [l4Time], false);
    } else if (kind < 76) {
      emit(l4("ICMP", "10.7.0.1", undefined), "record");
      count(src, { ip: "10.7.0.1", protocol: "ICMP" }, [l4Time], false);
    } else if (kind < 80) {
      emit(l7(t, "start", false).slice(0, 150 + rnd(60)), "problem", /^truncated L7 JSON/);
    } else if (kind < 82) {
      emit(l4("TCP", h.ip, 443).replace(`SRC_IP=${src}`, "SRC_IP=10.7.0"), "problem", /^SRC_IP "10\.7\.0" is not an IP address/);
    } else if (kind < 83) {
      emit(`${bsd(t)} GW-spoke-10.7.0.4 cloudxd: ${"x".repeat(5000 + rnd(3000))} ünïcödé`, "unrelated");
    } else junk(t);
  }

  const text = out.map((line) => (rnd(5) === 0 ? `${line}\r\n` : `${line}\n`)).join("");
  const items = PODS.map((p) => ({
    metadata: {
      name: p.pod,
      namespace: p.namespace,
      labels: { app: p.workload, "pod-template-hash": p.pod.split("-")[1] },
      ownerReferences: [{ kind: "ReplicaSet", name: p.pod.split("-").slice(0, 2).join("-"), controller: true }],
    },
    spec: { nodeName: "node-a" },
    status: { phase: "Running", hostIP: "10.7.64.4", podIP: p.ip, startTime: "2026-12-05T00:00:00Z" },
  }));
  return {
    bytes: Buffer.from(text, "utf8"),
    pods: { apiVersion: "v1", kind: "List", items },
    year: YEAR,
    lines: out.length,
    records,
    unrelated,
    problems,
    flows,
  };
}

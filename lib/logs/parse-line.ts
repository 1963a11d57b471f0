// One gateway syslog line → a LogRecord, a problem (a recognised DCF line that cannot be read), or
// unrelated (anything else a syslog stream carries). Formats: docs/research/dcf-logs.md.
// - L4: `AviatrixGwMicrosegPacket: K=V …` (avx-gw-state-sync header), or the 8.2 header
//   `GW-<host>-<ip> microseg: K=V …`; 8.2 may append SESSION_* fields (ignored here, they
//   describe the same session).
// - L7: `ats_dcf: {json}` (8.2) or `traffic_server[<pid>]: {json}` (legacy; Traffic Server also
//   logs plain-text diagnostics under that tag, which are unrelated).
import { isIP } from "net";
import { LogProtocol, LogRecord, ObservedAction } from "./records";
import { parseIsoTime, SyslogClock } from "./syslog-time";

export type ParsedLine =
  | { readonly kind: "record"; readonly record: LogRecord }
  | { readonly kind: "problem"; readonly reason: string }
  | { readonly kind: "unrelated" };

const UNRELATED: ParsedLine = { kind: "unrelated" };
const L4_TAG = "AviatrixGwMicrosegPacket:";
const MICROSEG_HEADER = /(?:^|\s)GW-\S+\s+microseg:\s?/;
const ATS_DCF = /(?:^|\s)ats_dcf:\s?/;
const TRAFFIC_SERVER = /(?:^|\s)traffic_server\[\d+\]:\s?/;
const PRIORITY = /^<\d{1,3}>(?:1 )?/;

function problem(reason: string): ParsedLine {
  return { kind: "problem", reason };
}

/** Parses one line; `clock` carries the file's year across BSD headers. */
export function parseLogLine(raw: string, clock: SyslogClock): ParsedLine {
  const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  const l4At = line.indexOf(L4_TAG);
  const microseg = l4At < 0 && line.includes("microseg:") ? MICROSEG_HEADER.exec(line) : null;
  const ats = l4At < 0 && microseg === null && line.includes("ats_dcf:") ? ATS_DCF.exec(line) : null;
  const ts = l4At < 0 && microseg === null && ats === null && line.includes("traffic_server[") ? TRAFFIC_SERVER.exec(line) : null;
  if (l4At < 0 && microseg === null && ats === null && ts === null) return UNRELATED;
  const body = line.charCodeAt(0) === 60 ? line.replace(PRIORITY, "") : line;
  const header = clock.header(body);
  if (l4At >= 0 || microseg !== null) {
    const payloadAt = l4At >= 0 ? l4At + L4_TAG.length : (microseg as RegExpExecArray).index + (microseg as RegExpExecArray)[0].length;
    const inner = l4At >= 0 ? clock.slashed(line.slice(0, l4At)) : undefined;
    return parseL4(line.slice(payloadAt), inner ?? header?.time);
  }
  const match = (ats ?? ts) as RegExpExecArray;
  const payload = line.slice(match.index + match[0].length).trim();
  // Traffic Server writes plain-text diagnostics under its own tag: only a JSON object is a DCF record.
  if (ts !== null && !payload.startsWith("{")) return UNRELATED;
  return parseL7(payload, header?.time, clock);
}

const PROTOCOLS: Readonly<Record<string, LogProtocol>> = { TCP: "TCP", UDP: "UDP", ICMP: "ICMP", "6": "TCP", "17": "UDP", "1": "ICMP" };

function action(value: string): ObservedAction | undefined {
  const v = value.toUpperCase();
  if (v === "DROP" || v === "DENY") return "DENY";
  if (v === "PERMIT" || v.endsWith("_PERMIT")) return "PERMIT";
  return undefined;
}

function port(value: string | number | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  const n = typeof value === "number" ? value : /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? n : null;
}

function bool(value: string | boolean | undefined): boolean | undefined | null {
  if (value === undefined) return undefined;
  if (value === true || value === false) return value;
  const v = value.toLowerCase();
  return v === "true" ? true : v === "false" ? false : null;
}

const L4_KEYS = ["POLICY", "SRC_IP", "DST_IP", "PROTO", "SRC_PORT", "DST_PORT", "ACT", "ENFORCED"] as const;
type L4Key = (typeof L4_KEYS)[number];

/**
 * Reads the `K=V` fields the replay needs from `K=V K=V …` (this runs once per L4 line: no
 * per-field objects; keys are matched in upper case as the gateway writes them).
 */
function keyValues(payload: string): Map<L4Key, string> {
  const fields = new Map<L4Key, string>();
  const n = payload.length;
  let i = 0;
  while (i < n) {
    while (i < n && (payload.charCodeAt(i) === 32 || payload.charCodeAt(i) === 9)) i++;
    let end = i;
    while (end < n && payload.charCodeAt(end) !== 32 && payload.charCodeAt(end) !== 9) end++;
    for (const k of L4_KEYS) {
      if (payload.charCodeAt(i + k.length) === 61 && payload.startsWith(k, i)) {
        fields.set(k, payload.slice(i + k.length + 1, end));
        break;
      }
    }
    i = end;
  }
  return fields;
}

function parseL4(payload: string, time: number | undefined): ParsedLine {
  const fields = keyValues(payload);
  const missing = (["SRC_IP", "DST_IP", "PROTO", "ACT"] as const).filter((k) => !fields.get(k));
  if (missing.length > 0) return problem(`L4 line without ${missing.join(", ")} (truncated?)`);
  if (time === undefined) return problem("L4 line without a timestamp");
  const srcIp = fields.get("SRC_IP") as string;
  const dstIp = fields.get("DST_IP") as string;
  if (isIP(srcIp) === 0) return problem(`SRC_IP ${JSON.stringify(srcIp)} is not an IP address`);
  if (isIP(dstIp) === 0) return problem(`DST_IP ${JSON.stringify(dstIp)} is not an IP address`);
  const protocol = PROTOCOLS[(fields.get("PROTO") as string).toUpperCase()];
  if (protocol === undefined) return problem(`PROTO ${JSON.stringify(fields.get("PROTO"))}: want TCP, UDP or ICMP`);
  const act = action(fields.get("ACT") as string);
  if (act === undefined) return problem(`ACT ${JSON.stringify(fields.get("ACT"))}: want PERMIT, DROP or DENY`);
  const srcPort = port(fields.get("SRC_PORT"));
  const dstPort = port(fields.get("DST_PORT"));
  if (srcPort === null) return problem(`SRC_PORT ${JSON.stringify(fields.get("SRC_PORT"))} is not a port`);
  if (dstPort === null) return problem(`DST_PORT ${JSON.stringify(fields.get("DST_PORT"))} is not a port`);
  if (protocol !== "ICMP" && dstPort === undefined) return problem(`${protocol} line without DST_PORT`);
  const enforced = bool(fields.get("ENFORCED"));
  if (enforced === null) return problem(`ENFORCED ${JSON.stringify(fields.get("ENFORCED"))}: want true or false`);
  const record: Mutable<LogRecord> = { engine: "L4", time, srcIp, dstIp, protocol, action: act };
  if (protocol !== "ICMP") {
    if (srcPort !== undefined) record.srcPort = srcPort;
    record.dstPort = dstPort;
  }
  if (enforced !== undefined) record.enforced = enforced;
  const rule = fields.get("POLICY");
  if (rule) record.rule = rule;
  return { kind: "record", record };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function parseL7(payload: string, headerTime: number | undefined, clock: SyslogClock): ParsedLine {
  if (!payload.startsWith("{")) return problem("ats_dcf line without a JSON object");
  let o: unknown;
  try {
    o = JSON.parse(payload);
  } catch (err) {
    const truncated = !payload.trimEnd().endsWith("}");
    return problem(`${truncated ? "truncated L7 JSON" : "invalid L7 JSON"} (${(err as Error).message})`);
  }
  if (o === null || typeof o !== "object" || Array.isArray(o)) return problem("L7 payload is not a JSON object");
  const j = o as Record<string, unknown>;
  const str = (k: string) => (typeof j[k] === "string" && (j[k] as string).trim() !== "" ? (j[k] as string).trim() : undefined);
  const missing = ["src", "dest", "dest_port", "action"].filter((k) => j[k] === undefined || j[k] === null || j[k] === "");
  if (missing.length > 0) return problem(`L7 record without ${missing.join(", ")}`);
  const srcIp = str("src");
  const dstIp = str("dest");
  if (srcIp === undefined || isIP(srcIp) === 0) return problem(`src ${JSON.stringify(j.src)} is not an IP address`);
  if (dstIp === undefined || isIP(dstIp) === 0) return problem(`dest ${JSON.stringify(j.dest)} is not an IP address`);
  const dstPort = port(j.dest_port as string | number);
  if (dstPort === null || dstPort === undefined) return problem(`dest_port ${JSON.stringify(j.dest_port)} is not a port`);
  const srcPort = j.src_port === undefined ? undefined : port(j.src_port as string | number);
  if (srcPort === null) return problem(`src_port ${JSON.stringify(j.src_port)} is not a port`);
  const act = typeof j.action === "string" ? action(j.action) : undefined;
  if (act === undefined) return problem(`action ${JSON.stringify(j.action)}: want PERMIT, DROP or DENY`);
  const enforced = j.enforced === undefined ? undefined : bool(j.enforced as string | boolean);
  if (enforced === null) return problem(`enforced ${JSON.stringify(j.enforced)}: want true or false`);
  let time = headerTime;
  if (j.timestamp !== undefined) {
    const t = typeof j.timestamp === "string" ? parseIsoTime(j.timestamp) : typeof j.timestamp === "number" && Number.isFinite(j.timestamp) ? (j.timestamp > 1e11 ? j.timestamp : j.timestamp * 1000) : undefined;
    if (t === undefined) return problem(`timestamp ${JSON.stringify(j.timestamp)} is not an ISO 8601 time or epoch`);
    clock.observe(t);
    time = t;
  }
  if (time === undefined) return problem("L7 record without a timestamp");
  const record: Mutable<LogRecord> = { engine: "L7", time, srcIp, dstIp, dstPort, protocol: "TCP", action: act };
  if (srcPort !== undefined) record.srcPort = srcPort;
  if (enforced !== undefined) record.enforced = enforced;
  const rule = str("decided_by");
  if (rule !== undefined) record.rule = rule;
  const sni = str("sni_hostname");
  if (sni !== undefined) record.sni = sni.toLowerCase().replace(/\.+$/, "");
  const sessionId = str("session_id");
  if (sessionId !== undefined) record.sessionId = sessionId;
  if (str("decrypted_by") !== undefined) record.decrypted = true;
  return { kind: "record", record };
}

// One gateway syslog line → a LogRecord, a problem (a recognised DCF line that cannot be read), or
// unrelated (anything else a syslog stream carries). Formats: docs/research/dcf-logs.md.
// - L4: `AviatrixGwMicrosegPacket: K=V …` (avx-gw-state-sync header), or the 8.2 header
//   `GW-<host>-<ip> microseg: K=V …`; 8.2 may append SESSION_* fields (ignored here, they
//   describe the same session).
// - L7: `ats_dcf: {json}` (8.2) or `traffic_server[<pid>]: {json}` (legacy; Traffic Server also
//   logs plain-text diagnostics under that tag, which are unrelated).
import { isIpAddress } from "./ip-text";
import { LogProtocol, LogRecord, ObservedAction } from "./records";
import { isJsSpace, parseIsoTime, SyslogClock } from "./syslog-time";

export type ParsedLine =
  | { readonly kind: "record"; readonly record: LogRecord }
  | { readonly kind: "problem"; readonly reason: string }
  | { readonly kind: "unrelated" };

const UNRELATED: ParsedLine = { kind: "unrelated" };
const L4_TAG = "AviatrixGwMicrosegPacket:";
const MICROSEG_HEADER = /(?:^|\s)GW-\S+\s+microseg:\s?/;
const TRAFFIC_SERVER = /(?:^|\s)traffic_server\[\d+\]:\s?/;
const PRIORITY = /^<\d{1,3}>(?:1 )?/;

function problem(reason: string): ParsedLine {
  return { kind: "problem", reason };
}

/** Parses one line; `clock` carries the file's year across BSD headers. */
export function parseLogLine(raw: string, clock: SyslogClock): ParsedLine {
  const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  // Both L4 tags contain "icroseg" (AviatrixGwMicrosegPacket:, microseg:): one scan rules both out.
  const microsegAt = line.indexOf("icroseg");
  const l4At = microsegAt < 0 ? -1 : line.indexOf(L4_TAG, microsegAt - 11);
  const microseg = l4At < 0 && microsegAt >= 0 && line.includes("microseg:", microsegAt - 1) ? MICROSEG_HEADER.exec(line) : null;
  const atsAt = l4At < 0 && microseg === null ? tagAt(line, "ats_dcf:") : -1;
  const ts = l4At < 0 && microseg === null && atsAt < 0 && line.includes("traffic_server[") ? TRAFFIC_SERVER.exec(line) : null;
  if (l4At < 0 && microseg === null && atsAt < 0 && ts === null) return UNRELATED;
  const headerTime = clock.header(line.charCodeAt(0) === 60 ? line.replace(PRIORITY, "") : line);
  if (l4At >= 0 || microseg !== null) {
    const payloadAt = l4At >= 0 ? l4At + L4_TAG.length : (microseg as RegExpExecArray).index + (microseg as RegExpExecArray)[0].length;
    const inner = l4At >= 0 ? clock.slashed(line, l4At) : undefined;
    return parseL4(line, payloadAt, inner ?? headerTime);
  }
  // The tag's optional trailing `\s` needs no skipping: the payload is trimmed.
  const payload = (atsAt >= 0 ? line.slice(atsAt + 8) : line.slice((ts as RegExpExecArray).index + (ts as RegExpExecArray)[0].length)).trim();
  // Traffic Server writes plain-text diagnostics under its own tag: only a JSON object is a DCF record.
  if (ts !== null && !payload.startsWith("{")) return UNRELATED;
  return parseL7(payload, headerTime, clock);
}

/** Where `tag` first starts the line or follows a `\s` (as /(?:^|\s)tag/ finds it), or -1. */
function tagAt(line: string, tag: string): number {
  for (let at = line.indexOf(tag); at >= 0; at = line.indexOf(tag, at + 1)) {
    if (at === 0 || isJsSpace(line.charCodeAt(at - 1))) return at;
  }
  return -1;
}

const PROTOCOLS: ReadonlyMap<string, LogProtocol> = new Map([
  ["TCP", "TCP"],
  ["UDP", "UDP"],
  ["ICMP", "ICMP"],
  ["6", "TCP"],
  ["17", "UDP"],
  ["1", "ICMP"],
]);

function protocol(value: string): LogProtocol | undefined {
  return PROTOCOLS.get(value) ?? PROTOCOLS.get(value.toUpperCase());
}

function action(value: string): ObservedAction | undefined {
  if (value === "PERMIT") return "PERMIT";
  const v = value.toUpperCase();
  if (v === "DROP" || v === "DENY") return "DENY";
  if (v === "PERMIT" || v.endsWith("_PERMIT")) return "PERMIT";
  return undefined;
}

/** A port as text: 1–5 ASCII digits, at most 65535. */
function portText(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  const n = value.length;
  if (n === 0 || n > 5) return null;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  return v <= 65535 ? v : null;
}

/** A port as JSON gives it: a number, or text as portText reads it. */
function port(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== "number") return portText(String(value));
  return Number.isInteger(value) && value >= 0 && value <= 65535 ? value : null;
}

function bool(value: unknown): boolean | undefined | null {
  if (value === undefined) return undefined;
  if (value === true || value === false) return value;
  if (typeof value !== "string") return null;
  if (value === "false") return false;
  if (value === "true") return true;
  const v = value.toLowerCase();
  return v === "true" ? true : v === "false" ? false : null;
}

/** Does the token at `i` start with `key=`? */
function isKey(line: string, i: number, key: string): boolean {
  return line.charCodeAt(i + key.length) === 61 && line.startsWith(key, i);
}

/**
 * An L4 payload, line[from…]: `K=V` tokens separated by spaces or tabs. Only the fields the replay
 * needs are read (keys in upper case as the gateway writes them; the last one of a key wins),
 * straight from the line: this runs for half of all log lines.
 */
function parseL4(line: string, from: number, time: number | undefined): ParsedLine {
  let policy: string | undefined;
  let srcIp: string | undefined;
  let dstIp: string | undefined;
  let proto: string | undefined;
  let srcPortText: string | undefined;
  let dstPortText: string | undefined;
  let act: string | undefined;
  let enforcedText: string | undefined;
  const n = line.length;
  const tabs = line.indexOf("\t", from) >= 0;
  let i = from;
  while (i < n) {
    let c = line.charCodeAt(i);
    while (c === 32 || c === 9) c = line.charCodeAt(++i);
    if (i >= n) break;
    let end: number;
    if (tabs) {
      end = i;
      while (end < n && line.charCodeAt(end) !== 32 && line.charCodeAt(end) !== 9) end++;
    } else {
      end = line.indexOf(" ", i);
      if (end < 0) end = n;
    }
    switch (c) {
      case 80: // P
        if (isKey(line, i, "POLICY")) policy = line.slice(i + 7, end);
        else if (isKey(line, i, "PROTO")) proto = line.slice(i + 6, end);
        break;
      case 83: // S
        if (isKey(line, i, "SRC_IP")) srcIp = line.slice(i + 7, end);
        else if (isKey(line, i, "SRC_PORT")) srcPortText = line.slice(i + 9, end);
        break;
      case 68: // D
        if (isKey(line, i, "DST_IP")) dstIp = line.slice(i + 7, end);
        else if (isKey(line, i, "DST_PORT")) dstPortText = line.slice(i + 9, end);
        break;
      case 65: // A
        if (isKey(line, i, "ACT")) act = line.slice(i + 4, end);
        break;
      case 69: // E
        if (isKey(line, i, "ENFORCED")) enforcedText = line.slice(i + 9, end);
        break;
    }
    i = end;
  }
  if (!srcIp || !dstIp || !proto || !act) {
    const missing = [srcIp ? "" : "SRC_IP", dstIp ? "" : "DST_IP", proto ? "" : "PROTO", act ? "" : "ACT"].filter((k) => k !== "");
    return problem(`L4 line without ${missing.join(", ")} (truncated?)`);
  }
  if (time === undefined) return problem("L4 line without a timestamp");
  if (!isIpAddress(srcIp)) return problem(`SRC_IP ${JSON.stringify(srcIp)} is not an IP address`);
  if (!isIpAddress(dstIp)) return problem(`DST_IP ${JSON.stringify(dstIp)} is not an IP address`);
  const proto4 = protocol(proto);
  if (proto4 === undefined) return problem(`PROTO ${JSON.stringify(proto)}: want TCP, UDP or ICMP`);
  const act4 = action(act);
  if (act4 === undefined) return problem(`ACT ${JSON.stringify(act)}: want PERMIT, DROP or DENY`);
  const srcPort = portText(srcPortText);
  const dstPort = portText(dstPortText);
  if (srcPort === null) return problem(`SRC_PORT ${JSON.stringify(srcPortText)} is not a port`);
  if (dstPort === null) return problem(`DST_PORT ${JSON.stringify(dstPortText)} is not a port`);
  if (proto4 !== "ICMP" && dstPort === undefined) return problem(`${proto4} line without DST_PORT`);
  const enforced = bool(enforcedText);
  if (enforced === null) return problem(`ENFORCED ${JSON.stringify(enforcedText)}: want true or false`);
  const record: Mutable<LogRecord> = { engine: "L4", time, srcIp, dstIp, protocol: proto4, action: act4 };
  if (proto4 !== "ICMP") {
    if (srcPort !== undefined) record.srcPort = srcPort;
    record.dstPort = dstPort;
  }
  if (enforced !== undefined) record.enforced = enforced;
  if (policy) record.rule = policy;
  return { kind: "record", record };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A JSON field that is missing for the replay: absent, null or "". */
function absent(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}

/** A JSON string field, trimmed; undefined when it is not a string or only whitespace. */
function text(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  const t = v.trim();
  return t === "" ? undefined : t;
}

/** The SNI as policies match it: lower case, without the root label's dot. */
function normalSni(sni: string): string {
  const lower = sni.toLowerCase();
  return lower.charCodeAt(lower.length - 1) === 46 ? lower.replace(/\.+$/, "") : lower;
}

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
  if (absent(j.src) || absent(j.dest) || absent(j.dest_port) || absent(j.action)) {
    const missing = ["src", "dest", "dest_port", "action"].filter((k) => absent(j[k]));
    return problem(`L7 record without ${missing.join(", ")}`);
  }
  const srcIp = text(j.src);
  const dstIp = text(j.dest);
  if (srcIp === undefined || !isIpAddress(srcIp)) return problem(`src ${JSON.stringify(j.src)} is not an IP address`);
  if (dstIp === undefined || !isIpAddress(dstIp)) return problem(`dest ${JSON.stringify(j.dest)} is not an IP address`);
  const dstPort = port(j.dest_port);
  if (dstPort === null || dstPort === undefined) return problem(`dest_port ${JSON.stringify(j.dest_port)} is not a port`);
  const srcPort = port(j.src_port);
  if (srcPort === null) return problem(`src_port ${JSON.stringify(j.src_port)} is not a port`);
  const act = typeof j.action === "string" ? action(j.action) : undefined;
  if (act === undefined) return problem(`action ${JSON.stringify(j.action)}: want PERMIT, DROP or DENY`);
  const enforced = bool(j.enforced);
  if (enforced === null) return problem(`enforced ${JSON.stringify(j.enforced)}: want true or false`);
  let time = headerTime;
  const stamp = j.timestamp;
  if (stamp !== undefined) {
    const t = typeof stamp === "string" ? parseIsoTime(stamp) : typeof stamp === "number" && Number.isFinite(stamp) ? (stamp > 1e11 ? stamp : stamp * 1000) : undefined;
    if (t === undefined) return problem(`timestamp ${JSON.stringify(stamp)} is not an ISO 8601 time or epoch`);
    clock.observe(t);
    time = t;
  }
  if (time === undefined) return problem("L7 record without a timestamp");
  const record: Mutable<LogRecord> = { engine: "L7", time, srcIp, dstIp, dstPort, protocol: "TCP", action: act };
  if (srcPort !== undefined) record.srcPort = srcPort;
  if (enforced !== undefined) record.enforced = enforced;
  const rule = text(j.decided_by);
  if (rule !== undefined) record.rule = rule;
  const sni = text(j.sni_hostname);
  if (sni !== undefined) record.sni = normalSni(sni);
  const sessionId = text(j.session_id);
  if (sessionId !== undefined) record.sessionId = sessionId;
  if (text(j.decrypted_by) !== undefined) record.decrypted = true;
  return { kind: "record", record };
}

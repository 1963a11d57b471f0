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
  { readonly kind: "record"; readonly record: LogRecord } | { readonly kind: "problem"; readonly reason: string } | { readonly kind: "unrelated" };

const UNRELATED: ParsedLine = { kind: "unrelated" };
const L4_TAG = "AviatrixGwMicrosegPacket:";
const PRIORITY = /^<\d{1,3}>(?:1 )?/;

function problem(reason: string): ParsedLine {
  return { kind: "problem", reason };
}

/** Parses one line; `clock` carries the file's year across BSD headers. */
export function parseLogLine(raw: string, clock: SyslogClock): ParsedLine {
  const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  // Both L4 tags contain "icroseg" (AviatrixGwMicrosegPacket:, microseg:): one scan rules both out.
  const tagsAt = line.indexOf("icroseg");
  const l4At = tagsAt < 0 ? -1 : line.indexOf(L4_TAG, tagsAt - 11);
  const microsegAt = l4At < 0 && tagsAt >= 0 ? microsegPayloadAt(line, tagsAt - 1) : -1;
  const atsAt = l4At < 0 && microsegAt < 0 ? tagAt(line, "ats_dcf:") : -1;
  const tsAt = l4At < 0 && microsegAt < 0 && atsAt < 0 ? trafficServerPayloadAt(line) : -1;
  if (l4At < 0 && microsegAt < 0 && atsAt < 0 && tsAt < 0) return UNRELATED;
  const headerTime = clock.header(line.charCodeAt(0) === 60 ? line.replace(PRIORITY, "") : line);
  if (l4At >= 0) return parseL4(line, l4At + L4_TAG.length, clock.slashed(line, l4At) ?? headerTime);
  if (microsegAt >= 0) return parseL4(line, microsegAt, headerTime);
  // The tag's optional trailing `\s` needs no skipping: the payload is trimmed.
  const payload = line.slice(atsAt >= 0 ? atsAt + 8 : tsAt).trim();
  // Traffic Server writes plain-text diagnostics under its own tag: only a JSON object is a DCF record.
  if (tsAt >= 0 && !payload.startsWith("{")) return UNRELATED;
  return parseL7(payload, headerTime, clock);
}

/**
 * Where the payload starts after the first /(?:^|\s)GW-\S+\s+microseg:\s?/ (the 8.2 L4 header:
 * the gateway's name, whitespace, the tag), or -1. Each "microseg:" has one candidate match: the
 * whitespace run before it and the word before that, which must start with "GW-".
 */
function microsegPayloadAt(line: string, from: number): number {
  for (let m = line.indexOf("microseg:", from); m >= 0; m = line.indexOf("microseg:", m + 1)) {
    let wordEnd = m;
    while (wordEnd > 0 && isJsSpace(line.charCodeAt(wordEnd - 1))) wordEnd--;
    if (wordEnd === m) continue;
    let word = wordEnd;
    while (word > 0 && !isJsSpace(line.charCodeAt(word - 1))) word--;
    if (wordEnd - word < 4 || !line.startsWith("GW-", word)) continue;
    return isJsSpace(line.charCodeAt(m + 9)) ? m + 10 : m + 9;
  }
  return -1;
}

/** Where the payload starts after the first /(?:^|\s)traffic_server\[\d+\]:\s?/, or -1. */
function trafficServerPayloadAt(line: string): number {
  for (let at = line.indexOf("traffic_server["); at >= 0; at = line.indexOf("traffic_server[", at + 1)) {
    if (at > 0 && !isJsSpace(line.charCodeAt(at - 1))) continue;
    const digits = at + 15;
    let i = digits;
    for (let c = line.charCodeAt(i); c >= 48 && c <= 57; c = line.charCodeAt(++i));
    if (i === digits || line.charCodeAt(i) !== 93 || line.charCodeAt(i + 1) !== 58) continue;
    return isJsSpace(line.charCodeAt(i + 2)) ? i + 3 : i + 2;
  }
  return -1;
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

/** Is line[from, to) exactly `word`? */
function isWord(line: string, from: number, to: number, word: string): boolean {
  return to - from === word.length && line.startsWith(word, from);
}

/**
 * An L4 payload, line[from…]: `K=V` tokens separated by spaces or tabs. Only the fields the replay
 * needs are read (keys in upper case as the gateway writes them; the last one of a key wins),
 * straight from the line, as positions of their values: this runs for half of all log lines, and
 * the common values (PERMIT, false, TCP, ports) are read without cutting strings.
 */
function parseL4(line: string, from: number, time: number | undefined): ParsedLine {
  // [start, end) of each value; -1 = absent.
  let policy = -1;
  let policyEnd = -1;
  let src = -1;
  let srcEnd = -1;
  let dst = -1;
  let dstEnd = -1;
  let proto = -1;
  let protoEnd = -1;
  let sport = -1;
  let sportEnd = -1;
  let dport = -1;
  let dportEnd = -1;
  let act = -1;
  let actEnd = -1;
  let enf = -1;
  let enfEnd = -1;
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
        if (isKey(line, i, "POLICY")) {
          policy = i + 7;
          policyEnd = end;
        } else if (isKey(line, i, "PROTO")) {
          proto = i + 6;
          protoEnd = end;
        }
        break;
      case 83: // S
        if (isKey(line, i, "SRC_IP")) {
          src = i + 7;
          srcEnd = end;
        } else if (isKey(line, i, "SRC_PORT")) {
          sport = i + 9;
          sportEnd = end;
        }
        break;
      case 68: // D
        if (isKey(line, i, "DST_IP")) {
          dst = i + 7;
          dstEnd = end;
        } else if (isKey(line, i, "DST_PORT")) {
          dport = i + 9;
          dportEnd = end;
        }
        break;
      case 65: // A
        if (isKey(line, i, "ACT")) {
          act = i + 4;
          actEnd = end;
        }
        break;
      case 69: // E
        if (isKey(line, i, "ENFORCED")) {
          enf = i + 9;
          enfEnd = end;
        }
        break;
    }
    i = end;
  }
  // Absent or empty is missing.
  if (srcEnd <= src || dstEnd <= dst || protoEnd <= proto || actEnd <= act) {
    const missing = [srcEnd > src ? "" : "SRC_IP", dstEnd > dst ? "" : "DST_IP", protoEnd > proto ? "" : "PROTO", actEnd > act ? "" : "ACT"].filter(
      (k) => k !== "",
    );
    return problem(`L4 line without ${missing.join(", ")} (truncated?)`);
  }
  if (time === undefined) return problem("L4 line without a timestamp");
  const srcIp = line.slice(src, srcEnd);
  const dstIp = line.slice(dst, dstEnd);
  if (!isIpAddress(srcIp)) return problem(`SRC_IP ${JSON.stringify(srcIp)} is not an IP address`);
  if (!isIpAddress(dstIp)) return problem(`DST_IP ${JSON.stringify(dstIp)} is not an IP address`);
  const proto4 = isWord(line, proto, protoEnd, "TCP") ? "TCP" : isWord(line, proto, protoEnd, "UDP") ? "UDP" : protocol(line.slice(proto, protoEnd));
  if (proto4 === undefined) return problem(`PROTO ${JSON.stringify(line.slice(proto, protoEnd))}: want TCP, UDP or ICMP`);
  const act4 = isWord(line, act, actEnd, "PERMIT") ? "PERMIT" : action(line.slice(act, actEnd));
  if (act4 === undefined) return problem(`ACT ${JSON.stringify(line.slice(act, actEnd))}: want PERMIT, DROP or DENY`);
  const srcPort = portAt(line, sport, sportEnd);
  const dstPort = portAt(line, dport, dportEnd);
  if (srcPort === null) return problem(`SRC_PORT ${JSON.stringify(valueAt(line, sport, sportEnd))} is not a port`);
  if (dstPort === null) return problem(`DST_PORT ${JSON.stringify(valueAt(line, dport, dportEnd))} is not a port`);
  if (proto4 !== "ICMP" && dstPort === undefined) return problem(`${proto4} line without DST_PORT`);
  const enforced = enf < 0 ? undefined : isWord(line, enf, enfEnd, "false") ? false : isWord(line, enf, enfEnd, "true") ? true : bool(line.slice(enf, enfEnd));
  if (enforced === null) return problem(`ENFORCED ${JSON.stringify(valueAt(line, enf, enfEnd))}: want true or false`);
  const record: Mutable<LogRecord> = { engine: "L4", time, srcIp, dstIp, protocol: proto4, action: act4 };
  if (proto4 !== "ICMP") {
    if (srcPort !== undefined) record.srcPort = srcPort;
    record.dstPort = dstPort;
  }
  if (enforced !== undefined) record.enforced = enforced;
  if (policyEnd > policy) record.rule = line.slice(policy, policyEnd);
  return { kind: "record", record };
}

/** The text of a value (undefined when absent), for messages. */
function valueAt(line: string, from: number, to: number): string | undefined {
  return from < 0 ? undefined : line.slice(from, to);
}

/** A port in line[from, to) (absent when from < 0): 1–5 ASCII digits, at most 65535; null otherwise. */
function portAt(line: string, from: number, to: number): number | undefined | null {
  if (from < 0) return undefined;
  const n = to - from;
  if (n === 0 || n > 5) return null;
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  return v <= 65535 ? v : null;
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
    const t =
      typeof stamp === "string" ? parseIsoTime(stamp) : typeof stamp === "number" && Number.isFinite(stamp) ? (stamp > 1e11 ? stamp : stamp * 1000) : undefined;
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

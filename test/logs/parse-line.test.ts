// Gateway syslog lines (docs/research/dcf-logs.md) → records, problems or unrelated lines.
import { parseLogLine } from "../../lib/logs/parse-line";
import { SyslogClock } from "../../lib/logs/syslog-time";

const LEGACY_L4 =
  "May 25 15:57:43 GW-spoke-a-10.4.0.5 avx-gw-state-sync[1168]: 2022/05/25 15:57:43 AviatrixGwMicrosegPacket: POLICY=54ea65c4-2bd8-4f2a-9e34-3c1c5d3b6f10 SRC_MAC=0a:1b:2c:3d:4e:5f DST_MAC=0a:1b:2c:3d:4e:60 IP_SZ=84 SRC_IP=10.4.187.253 DST_IP=10.5.144.38 PROTO=ICMP SRC_PORT=0 DST_PORT=0 DATA=0x ACT=PERMIT ENFORCED=true";
const MICROSEG_82 =
  "Dec  5 10:04:11 GW-obot-aks-spoke-10.1.0.4 microseg: POLICY=9b2f0e0a SRC_IP=10.1.128.16 DST_IP=8.8.8.8 PROTO=UDP SRC_PORT=53411 DST_PORT=53 DATA=0x ACT=DROP ENFORCED=false SESSION_EVENT=1 SESSION_END_REASON=3 SESSION_PACKET_COUNT=2 SESSION_BYTE_COUNT=190 SESSION_DURATION=30000000000";
const ATS =
  'Dec  5 10:00:01 GW-obot-aks-spoke-10.1.0.4 ats_dcf: {"timestamp":"2026-12-05T10:00:01Z","src":"10.1.128.15","src_port":51514,"dest":"104.18.7.192","dest_port":443,"action":"PERMIT","enforced":false,"decided_by":"9b2f0e0a","sni_hostname":"API.OpenAI.com.","session_id":"c1a","session_stage":"start","request_bytes":517,"response_bytes":0,"session_time":0}';

function parse(line: string, year = 2026) {
  return parseLogLine(line, new SyslogClock(year));
}

describe("parseLogLine", () => {
  test("GIVEN the legacy L4 header WHEN parsed THEN the record carries the inner date's year and ICMP has no ports", () => {
    const p = parse(LEGACY_L4);
    expect(p).toEqual({
      kind: "record",
      record: {
        engine: "L4",
        time: Date.UTC(2022, 4, 25, 15, 57, 43),
        srcIp: "10.4.187.253",
        dstIp: "10.5.144.38",
        protocol: "ICMP",
        action: "PERMIT",
        enforced: true,
        rule: "54ea65c4-2bd8-4f2a-9e34-3c1c5d3b6f10",
      },
    });
  });

  test("GIVEN the 8.2 `microseg:` header with session-end fields WHEN parsed THEN DROP reads as DENY and the year comes from the clock", () => {
    const p = parse(MICROSEG_82, 2026);
    expect(p.kind).toBe("record");
    if (p.kind !== "record") return;
    expect(p.record).toMatchObject({
      engine: "L4",
      protocol: "UDP",
      srcPort: 53411,
      dstPort: 53,
      action: "DENY",
      enforced: false,
      time: Date.UTC(2026, 11, 5, 10, 4, 11),
    });
  });

  test("GIVEN an ats_dcf JSON line WHEN parsed THEN the SNI is normalised and the JSON timestamp wins", () => {
    const p = parse(ATS, 1999);
    expect(p).toEqual({
      kind: "record",
      record: {
        engine: "L7",
        time: Date.UTC(2026, 11, 5, 10, 0, 1),
        srcIp: "10.1.128.15",
        srcPort: 51514,
        dstIp: "104.18.7.192",
        dstPort: 443,
        protocol: "TCP",
        action: "PERMIT",
        enforced: false,
        rule: "9b2f0e0a",
        sni: "api.openai.com",
        sessionId: "c1a",
      },
    });
  });

  test("GIVEN a legacy traffic_server[pid] JSON line THEN it is an L7 record; its plain-text diagnostics are unrelated", () => {
    expect(parse(ATS.replace("ats_dcf:", "traffic_server[812]:")).kind).toBe("record");
    expect(parse("Dec  5 10:00:02 GW-x-10.1.0.4 traffic_server[812]: NOTE: loaded plugin").kind).toBe("unrelated");
  });

  test("GIVEN a truncated L7 line WHEN parsed THEN it is a problem that says truncated", () => {
    const p = parse(ATS.slice(0, 200));
    expect(p.kind).toBe("problem");
    if (p.kind === "problem") expect(p.reason).toMatch(/^truncated L7 JSON/);
  });

  test.each([
    [LEGACY_L4.replace(/ ACT=PERMIT ENFORCED=true$/, ""), /without ACT/],
    [LEGACY_L4.replace("SRC_IP=10.4.187.253", "SRC_IP=10.4.187"), /SRC_IP "10.4.187" is not an IP/],
    [LEGACY_L4.replace("PROTO=ICMP", "PROTO=GRE"), /PROTO "GRE": want TCP, UDP or ICMP/],
    [MICROSEG_82.replace("DST_PORT=53", "DST_PORT=70000"), /DST_PORT "70000" is not a port/],
    [MICROSEG_82.replace("ACT=DROP", "ACT=MAYBE"), /ACT "MAYBE"/],
    [ATS.replace('"dest_port":443,', ""), /without dest_port/],
    [ATS.replace('"enforced":false', '"enforced":"no"'), /enforced "no"/],
    [ATS.replace('"timestamp":"2026-12-05T10:00:01Z"', '"timestamp":"yesterday"'), /timestamp "yesterday"/],
    ["Dec  5 10:00:01 GW-x-10.1.0.4 ats_dcf: not json", /without a JSON object/],
    ["Dec  5 10:00:01 GW-x-10.1.0.4 ats_dcf: {}", /without src, dest, dest_port, action/],
  ])("GIVEN a malformed DCF line WHEN parsed THEN the reason names the field (%#)", (line, reason) => {
    const p = parse(line);
    expect(p.kind).toBe("problem");
    if (p.kind === "problem") expect(p.reason).toMatch(reason);
  });

  test.each([
    ["a no-break space around the 8.2 tag (JavaScript \\s)", "GW-x\u00a0microseg:\u00a0L4", "record"],
    ["tabs between the L4 fields", "GW-x microseg:\tL4TABS", "record"],
    ["a gateway word that does not start with GW-", "host-GW-x microseg: L4", "unrelated"],
    ["GW- with nothing after it", "GW- microseg: L4", "unrelated"],
    ["a traffic_server tag after a tab, no space after it", "GW-x\ttraffic_server[812]:JSON", "record"],
    ["traffic_server without a pid", "GW-x traffic_server[]: JSON", "unrelated"],
    ["traffic_server inside a longer word", "GW-x x-traffic_server[812]: JSON", "unrelated"],
    ["ats_dcf inside a longer word", "GW-x not_ats_dcf: JSON", "unrelated"],
  ])("GIVEN %s WHEN the tag is looked for THEN the line is %s as the tag patterns say", (_case, rest, kind) => {
    const l4 = "SRC_IP=10.0.0.1 DST_IP=1.1.1.1 PROTO=TCP SRC_PORT=1 DST_PORT=443 ACT=PERMIT";
    const json = '{"timestamp":"2026-12-05T10:00:01Z","src":"10.0.0.1","dest":"1.1.1.1","dest_port":443,"action":"PERMIT"}';
    const line = `Dec  5 10:00:01 ${rest.replace("L4TABS", l4.replace(/ /g, "\t")).replace("L4", l4).replace("JSON", json)}`;
    expect(parse(line).kind).toBe(kind);
  });

  test("GIVEN lines from other programs WHEN parsed THEN they are unrelated", () => {
    for (const line of ["Dec  5 10:00:01 GW-x-10.1.0.4 kernel: eth0 up", "", "garbage", "Dec  5 10:00:01 host sshd[1]: microseg: is a word"]) {
      expect(parse(line).kind).toBe("unrelated");
    }
  });

  test("GIVEN an ISO 8601 header and a syslog priority WHEN parsed THEN the zone offset is applied", () => {
    const p = parse("<134>1 2026-12-05T11:00:01+01:00 GW-x-10.1.0.4 microseg: SRC_IP=10.0.0.1 DST_IP=1.1.1.1 PROTO=TCP SRC_PORT=1 DST_PORT=443 ACT=PERMIT");
    expect(p.kind === "record" && p.record.time).toBe(Date.UTC(2026, 11, 5, 10, 0, 1));
  });

  test("GIVEN BSD headers running from December into January WHEN one clock reads them THEN the year advances", () => {
    const clock = new SyslogClock(2026);
    const line = (h: string) => `${h} GW-x-10.1.0.4 microseg: SRC_IP=10.0.0.1 DST_IP=1.1.1.1 PROTO=TCP SRC_PORT=1 DST_PORT=443 ACT=PERMIT`;
    const a = parseLogLine(line("Dec 31 23:59:59"), clock);
    const b = parseLogLine(line("Jan  1 00:00:01"), clock);
    expect(a.kind === "record" && new Date(a.record.time).toISOString()).toBe("2026-12-31T23:59:59.000Z");
    expect(b.kind === "record" && new Date(b.record.time).toISOString()).toBe("2027-01-01T00:00:01.000Z");
  });
});

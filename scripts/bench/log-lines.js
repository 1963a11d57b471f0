// Synthetic discover-mode gateway logs for the log-replay bench (and its small jest check), in the
// formats of docs/research/dcf-logs.md: legacy L4 + traffic_server L7 lines, 8.2 `microseg:` L4
// lines with session-end fields + `ats_dcf:` L7 lines, UDP DNS, unknown sources, unrelated
// syslog lines. Deterministic (seeded), written in chunks so memory stays flat.
"use strict";
const fs = require("fs");

const HOSTS = ["api.openai.com", "charts.obot.ai", "api.github.com", "httpbin.org", "webhook.site", "api.search.brave.com", "ghcr.io", "mcr.microsoft.com"];

function pad(n, w = 2) {
  return String(n).padStart(w, "0");
}

/** The pods of the synthetic cluster: `pods` workloads in obot-mcp, one pod each. */
function inventory(pods) {
  const items = [];
  for (let i = 0; i < pods; i++) {
    const ip = `10.1.${128 + Math.floor(i / 250)}.${(i % 250) + 2}`;
    const app = i % 2 === 0 ? "ms1kbsng" : "pt5rfqaz";
    items.push({
      metadata: {
        name: `mcp-${i}-6d5c4b3a2f-abcde`,
        namespace: "obot-mcp",
        labels: { app, "mcp-user-id": `u${i}`, "pod-template-hash": "6d5c4b3a2f" },
        ownerReferences: [{ kind: "ReplicaSet", name: `mcp-${i}-6d5c4b3a2f`, controller: true }],
      },
      spec: { nodeName: "aks-nodepool1-0" },
      status: { phase: "Running", hostIP: "10.1.64.4", podIP: ip, startTime: "2025-12-05T00:00:00Z" },
    });
  }
  return { apiVersion: "v1", kind: "List", items };
}

/**
 * Writes `lines` log lines to `file` for `pods` workloads; returns the number written.
 * About 45% L4, 45% L7, 5% UDP, 3% unknown sources, 2% unrelated.
 */
function writeLog(file, lines, pods) {
  const fd = fs.openSync(file, "w");
  let seed = 7;
  const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  let chunk = [];
  let sport = 1024;
  let written = 0;
  for (let i = 0; written < lines; i++) {
    const t = 1_764_928_800_000 + i * 37; // 2025-12-05T10:00:00Z + 37 ms a session
    const d = new Date(t);
    const hms = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const bsd = `Dec  5 ${hms}`;
    const p = rnd(pods);
    const src = rnd(100) < 3 ? `10.1.250.${rnd(200) + 1}` : `10.1.${128 + Math.floor(p / 250)}.${(p % 250) + 2}`;
    const host = HOSTS[rnd(HOSTS.length)];
    const dst = `104.18.${rnd(8)}.${(HOSTS.indexOf(host) * 7) % 250}`;
    sport = sport >= 65000 ? 1024 : sport + 1;
    const kind = rnd(100);
    if (kind < 2) {
      chunk.push(`${bsd} GW-obot-aks-spoke-10.1.0.4 kernel: [${i}.000] eth1: link up`);
      written++;
    } else if (kind < 7) {
      chunk.push(
        `${bsd} GW-obot-aks-spoke-10.1.0.4 microseg: POLICY=9b2f0e0a-6c1d-4e2f-8a3b-4c5d6e7f8091 SRC_MAC=60:45:bd:11:22:66 DST_MAC=12:34:56:78:9a:bc IP_SZ=74 SRC_IP=${src} DST_IP=8.8.${rnd(2) + 4}.8 PROTO=UDP SRC_PORT=${sport} DST_PORT=53 DATA=0x ACT=PERMIT ENFORCED=false SESSION_EVENT=1 SESSION_END_REASON=3 SESSION_PACKET_COUNT=2 SESSION_BYTE_COUNT=190 SESSION_DURATION=30000000000`,
      );
      written++;
    } else {
      const legacy = kind % 2 === 0;
      const l4 = legacy
        ? `${bsd} GW-obot-aks-spoke-10.1.0.4 avx-gw-state-sync[1168]: 2025/12/05 ${hms} AviatrixGwMicrosegPacket: POLICY=7f1c2e90-4b1a-4f0e-9d35-2a6c0b8e5d11 SRC_MAC=60:45:bd:11:22:33 DST_MAC=12:34:56:78:9a:bc IP_SZ=60 SRC_IP=${src} DST_IP=${dst} PROTO=TCP SRC_PORT=${sport} DST_PORT=443 DATA=0x ACT=PERMIT ENFORCED=false`
        : `${bsd} GW-obot-aks-spoke-10.1.0.4 microseg: POLICY=7f1c2e90-4b1a-4f0e-9d35-2a6c0b8e5d11 SRC_MAC=60:45:bd:11:22:33 DST_MAC=12:34:56:78:9a:bc IP_SZ=60 SRC_IP=${src} DST_IP=${dst} PROTO=TCP SRC_PORT=${sport} DST_PORT=443 DATA=0x ACT=PERMIT ENFORCED=false`;
      const tag = legacy ? "traffic_server[812]:" : "ats_dcf:";
      const l7 = `${bsd} GW-obot-aks-spoke-10.1.0.4 ${tag} {"timestamp":"${d.toISOString()}","src":"${src}","src_port":${sport},"dest":"${dst}","dest_port":443,"action":"PERMIT","enforced":false,"decided_by":"7f1c2e90-4b1a-4f0e-9d35-2a6c0b8e5d11","sni_hostname":"${host}","session_id":"s${i}","session_stage":"start","request_bytes":517,"response_bytes":0,"session_time":0}`;
      chunk.push(l4);
      written++;
      if (written < lines) {
        chunk.push(l7);
        written++;
      }
    }
    if (chunk.length >= 10000) {
      fs.writeSync(fd, chunk.join("\n") + "\n");
      chunk = [];
    }
  }
  if (chunk.length > 0) fs.writeSync(fd, chunk.join("\n") + "\n");
  fs.closeSync(fd);
  return written;
}

module.exports = { inventory, writeLog, HOSTS };

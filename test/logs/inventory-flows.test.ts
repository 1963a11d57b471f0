// Source IP + time → workload (pod start times, IP reuse, nodes, unknown), and log records →
// distinct flows with L4/L7 joined by 5-tuple or session id.
import { FlowAggregator, JOIN_WINDOW } from "../../lib/logs/flows";
import { WorkloadInventory } from "../../lib/logs/inventory";
import { LogRecord } from "../../lib/logs/records";
import { UserInputError } from "../../lib/util/errors";

const T = (hms: string) => Date.parse(`2026-12-05T${hms}Z`);

function pod(ns: string, name: string, ip: string, start: string, extra: Record<string, unknown> = {}) {
  return {
    metadata: {
      name,
      namespace: ns,
      labels: { app: name.split("-")[0], "pod-template-hash": "abc12" },
      ownerReferences: [{ kind: "ReplicaSet", name: `${name.split("-")[0]}-abc12`, controller: true }],
    },
    spec: { nodeName: "node-a" },
    status: { phase: "Running", hostIP: "10.0.64.4", podIP: ip, startTime: `2026-12-05T${start}Z` },
    ...extra,
  };
}

const JOB = {
  metadata: { name: "sync-1-xyz", namespace: "ops", labels: { job: "sync" }, ownerReferences: [{ kind: "Job", name: "sync-1", controller: true }] },
  spec: { nodeName: "node-a" },
  status: {
    phase: "Succeeded",
    podIP: "10.0.128.30",
    startTime: "2026-12-05T09:00:00Z",
    containerStatuses: [{ state: { terminated: { finishedAt: "2026-12-05T09:30:00Z" } } }],
  },
};

const inventory = new WorkloadInventory(
  {
    items: [
      pod("web", "api-abc12-1", "10.0.128.15", "08:00:00"),
      JOB,
      pod("mcp", "rogue-abc12-2", "10.0.128.30", "10:00:00"),
      pod("kube-system", "proxy-1", "10.0.64.4", "07:00:00", { spec: { hostNetwork: true } }),
    ],
  },
  "pods.json",
  {
    items: [
      {
        metadata: { name: "node-b" },
        status: {
          addresses: [
            { type: "InternalIP", address: "10.0.64.5" },
            { type: "Hostname", address: "node-b" },
          ],
        },
      },
    ],
  },
  "nodes.json",
  "cluster-1",
);

describe("WorkloadInventory", () => {
  test("GIVEN a Deployment pod WHEN resolved THEN the ReplicaSet hash is stripped and the cluster is set", () => {
    expect(inventory.resolve("10.0.128.15", T("10:00:00"))).toMatchObject({
      kind: "pod",
      namespace: "web",
      workload: "api",
      workloadKind: "Deployment",
      cluster: "cluster-1",
    });
  });

  test("GIVEN an IP reused by two pods over time WHEN resolved at different times THEN each time maps to the pod that held it", () => {
    expect(inventory.resolve("10.0.128.30", T("09:10:00"))).toMatchObject({ kind: "pod", namespace: "ops", workload: "sync-1", workloadKind: "Job" });
    expect(inventory.resolve("10.0.128.30", T("10:05:00"))).toMatchObject({ kind: "pod", namespace: "mcp", workload: "rogue" });
  });

  test("GIVEN times outside every pod's life WHEN resolved THEN the source is unknown with the reason", () => {
    expect(inventory.resolve("10.0.128.30", T("08:00:00"))).toMatchObject({ kind: "unknown", reason: expect.stringMatching(/before any inventoried pod/) });
    expect(inventory.resolve("10.0.128.30", T("09:45:00"))).toMatchObject({ kind: "unknown", reason: expect.stringMatching(/after ops\/sync-1-xyz ended/) });
    expect(inventory.resolve("10.9.9.9", T("09:45:00"))).toMatchObject({ kind: "unknown", reason: "no pod or node in the inventory has this IP" });
  });

  test("GIVEN node addresses (nodes inventory, or a pod's hostIP) and a host-network pod WHEN resolved THEN they are nodes", () => {
    expect(inventory.resolve("10.0.64.5", T("09:00:00"))).toEqual({ kind: "node", ip: "10.0.64.5", node: "node-b" });
    expect(inventory.resolve("10.0.64.4", T("09:00:00"))).toEqual({ kind: "node", ip: "10.0.64.4", node: "node-a" });
  });

  test("GIVEN a validity out-parameter WHEN resolved THEN it spans exactly the times with the same answer (callers cache by it)", () => {
    const valid = { from: 0, until: 0 };
    const at = (ip: string, hms: string) => (inventory.resolve(ip, T(hms), valid), { ...valid });
    expect(at("10.0.128.15", "10:00:00")).toEqual({ from: T("08:00:00"), until: Infinity });
    expect(at("10.0.128.30", "10:05:00")).toEqual({ from: T("10:00:00"), until: Infinity });
    expect(at("10.0.128.30", "08:00:00")).toEqual({ from: -Infinity, until: T("09:00:00") });
    expect(at("10.9.9.9", "08:00:00")).toEqual({ from: -Infinity, until: Infinity });
    // A pod that ended: its end is inclusive and the IP is unknown after it, so nothing is cached.
    expect(at("10.0.128.30", "09:10:00").from).toBeNaN();
    expect(at("10.0.128.30", "09:45:00").from).toBeNaN();
  });

  test("GIVEN a malformed inventory WHEN loaded THEN the error names the file and item", () => {
    expect(() => new WorkloadInventory({ kind: "Pod" }, "pods.json")).toThrow(UserInputError);
    expect(() => new WorkloadInventory({ items: [pod("a", "b-1", "10.0.0.300", "08:00:00")] }, "pods.json")).toThrow(
      'pods.json: items[0].status.podIP: "10.0.0.300" is not an IP address',
    );
    expect(() => new WorkloadInventory({ items: [{ metadata: { name: "x", namespace: "y" }, status: { podIP: "10.0.0.1" } }] }, "pods.json")).toThrow(
      /items\[0\]: a pod with an IP needs status.startTime/,
    );
  });
});

function l4(hms: string, sport: number, extra: Partial<LogRecord> = {}): LogRecord {
  return {
    engine: "L4",
    time: T(hms),
    srcIp: "10.0.128.15",
    srcPort: sport,
    dstIp: "104.18.7.192",
    dstPort: 443,
    protocol: "TCP",
    action: "PERMIT",
    enforced: false,
    ...extra,
  };
}

function l7(hms: string, sport: number, extra: Partial<LogRecord> = {}): LogRecord {
  return { ...l4(hms, sport), engine: "L7", sni: "api.openai.com", ...extra };
}

describe("FlowAggregator", () => {
  test("GIVEN L4 and L7 records of one session in either order WHEN aggregated THEN they are one session of the host flow", () => {
    const agg = new FlowAggregator(inventory);
    agg.add(l4("10:00:00", 5000));
    agg.add(l7("10:00:00", 5000, { sessionId: "s1" }));
    agg.add(l7("10:00:05", 5000, { sessionId: "s1" }));
    agg.add(l7("10:01:00", 5001, { sessionId: "s2" }));
    agg.add(l4("10:01:00", 5001));
    const flows = agg.finish();
    expect(flows).toHaveLength(1);
    expect(flows[0]).toMatchObject({ host: "api.openai.com", port: 443, protocol: "TCP", l7: true });
    expect(flows[0].stats.count).toBe(2);
    expect(flows[0].stats.first).toBe(T("10:00:00"));
    expect(flows[0].stats.last).toBe(T("10:01:00"));
  });

  test("GIVEN an L4 record with no L7 record WHEN aggregated THEN it is an L4-only flow to the address", () => {
    const agg = new FlowAggregator(inventory);
    agg.add(l4("10:00:00", 6000, { dstIp: "1.2.3.4" }));
    agg.add(l4("10:00:09", 6000, { dstIp: "1.2.3.4", action: "DENY" }));
    const [f] = agg.finish();
    expect(f).toMatchObject({ l7: false, port: 443 });
    expect(f.host).toBeUndefined();
    expect([...f.dstIps]).toEqual(["1.2.3.4"]);
    expect(f.stats).toMatchObject({ count: 1, permits: 1, denies: 1 });
  });

  test("GIVEN more sessions than the join window WHEN aggregated THEN waiting L4 records become flows and memory stays bounded", () => {
    const agg = new FlowAggregator(inventory);
    for (let i = 0; i < JOIN_WINDOW + 10; i++) agg.add(l4("10:00:00", 1024 + (i % 60000), { dstIp: `1.2.${i % 4}.4` }));
    const flows = agg.finish();
    expect(flows).toHaveLength(4);
    expect(flows.reduce((n, f) => n + f.stats.count, 0)).toBe(JOIN_WINDOW + 10);
  });

  test("GIVEN pods of one Deployment with different IPs and pod-template-hash WHEN aggregated THEN they are one workload", () => {
    const rollout = pod("web", "api-zz999-2", "10.0.128.16", "08:00:00");
    rollout.metadata.labels["pod-template-hash"] = "zz999";
    rollout.metadata.ownerReferences[0].name = "api-zz999";
    const inv = new WorkloadInventory({ items: [pod("web", "api-abc12-1", "10.0.128.15", "08:00:00"), rollout] }, "pods.json");
    const agg = new FlowAggregator(inv);
    agg.add(l7("10:00:00", 1, {}));
    agg.add(l7("10:00:00", 2, { srcIp: "10.0.128.16" }));
    const flows = agg.finish();
    expect(flows).toHaveLength(1);
    expect([...flows[0].srcIps].sort()).toEqual(["10.0.128.15", "10.0.128.16"]);
  });
});

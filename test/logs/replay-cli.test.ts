// `vca logs replay` end to end on the Obot seed lab (docs/research/dcf-logs.md formats): the
// discover-mode synth of vca-obot-aks, the servers' FirewallPolicies, the lab's gateway logs
// (test/fixtures/dcf/obot-seed-lab/logs) and its pod inventory.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { load } from "js-yaml";
import { buildBlueprintsApp } from "../../examples/blueprints/app";
import { runVca } from "../support/run-cli";

const LAB = path.join(__dirname, "../fixtures/dcf/obot-seed-lab");
const MANIFESTS = path.join(__dirname, "../../examples/blueprints/obot-aks/firewall-policies");
const PODS = path.join(LAB, "inventory/pods.json");
const NODES = path.join(LAB, "inventory/nodes.json");
const LOGS = path.join(LAB, "logs");

let out: string;
let synth: string;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "vca-replay-"));
  buildBlueprintsApp(out, { "vca:stacks": "vca-obot-aks", "vca:mode": "discover", "vca:preflightBaseline": path.join(out, "none.json") }).synth();
  synth = path.join(out, "stacks/vca-obot-aks/cdk.tf.json");
});

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

type FlowLine = { src: Record<string, unknown>; dst: Record<string, unknown>; observed: Record<string, unknown>; enforce: Record<string, unknown> };

function find(flows: FlowLine[], workload: string, dst: string): FlowLine {
  const hit = flows.find((f) => `${f.src.namespace ?? ""}/${f.src.workload ?? f.src.ip}` === workload && (f.dst.host ?? f.dst.ip) === dst);
  if (hit === undefined) throw new Error(`no flow ${workload} → ${dst} in ${JSON.stringify(flows.map((f) => [f.src.workload, f.dst.host ?? f.dst.ip]))}`);
  return hit;
}

describe("vca logs replay (Obot seed lab, discover → enforce)", () => {
  test("GIVEN the lab's discover logs WHEN replayed against vca-obot-aks in enforce THEN approved traffic is kept, exfiltration and new destinations would be denied, exit 1", async () => {
    const proposal = path.join(out, "proposal.yaml");
    const r = await runVca(
      "logs",
      "replay",
      "--synth",
      out,
      "--stack",
      "vca-obot-aks",
      "--manifests",
      MANIFESTS,
      "--logs",
      LOGS,
      "--inventory",
      PODS,
      "--nodes",
      NODES,
      "--json",
      "--propose",
      proposal,
    );
    expect(r.code).toBe(1);
    const flows = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as FlowLine);
    // Kept: the benign server's approved API, Obot's own chart repository, the nodes' registries.
    expect(find(flows, "obot-mcp/ms1kbsng", "api.openai.com").enforce).toEqual({
      verdict: "PERMIT",
      rule: "allow-approved-egress",
      tier: "K8S",
      origin: "obot-mcp/obot-mnp1-ms1kbsng-fw",
    });
    expect(find(flows, "obot-system/obot", "charts.obot.ai").enforce).toMatchObject({ verdict: "PERMIT", rule: "allow-obot-system", tier: "V1" });
    expect(find(flows, "/node/aks-nodepool1-31415926-vmss000000", "mcr.microsoft.com").enforce).toMatchObject({
      verdict: "PERMIT",
      rule: "allow-k8s-control-plane",
    });
    // Would be denied: the rogue server's exfiltration, the benign server's new destination.
    for (const host of ["httpbin.org", "webhook.site", "8.8.8.8"])
      expect(find(flows, "obot-mcp/pt5rfqaz", host).enforce).toMatchObject({
        verdict: "DENY",
        rule: "deny-all-external",
        origin: "obot-mcp/obot-mnp1-pt5rfqaz-fw",
      });
    expect(find(flows, "obot-mcp/ms1kbsng", "api.search.brave.com").enforce).toMatchObject({ verdict: "DENY", rule: "deny-all-external", tier: "K8S" });
    // The IP 10.1.128.30 changed hands: a chart-sync Job first (kept), the rogue's second replica later (denied).
    expect(find(flows, "obot-system/obot-chart-sync-29431200", "charts.obot.ai").enforce).toMatchObject({ verdict: "PERMIT" });
    expect(find(flows, "obot-mcp/pt5rfqaz", "charts.obot.ai")).toMatchObject({ src: { ip: "10.1.128.30" }, enforce: { verdict: "DENY" } });
    // L4 without SNI where a WebGroup rule decides: not judged; unknown source: not guessed.
    expect(find(flows, "obot-mcp/ms1kbsng", "104.18.6.192").enforce).toMatchObject({ verdict: "NEEDS_L7", rule: null });
    expect(find(flows, "/10.1.200.9", "93.184.216.34").enforce).toMatchObject({ verdict: "UNKNOWN" });
    // One session seen as L4 + L7 (legacy) and one as L7 start/end + L4 start/end (8.2) = 2 sessions.
    expect(find(flows, "obot-mcp/ms1kbsng", "api.openai.com").observed).toEqual({
      count: 2,
      first: "2026-12-05T10:00:01.000Z",
      last: "2026-12-05T10:01:09.000Z",
      action: "PERMIT",
      enforced: false,
      engine: "L7",
      rules: ["7f1c2e90-4b1a-4f0e-9d35-2a6c0b8e5d11"],
    });
    // The truncated L7 line is reported as file:line.
    expect(r.stderr).toContain(`${path.join(LOGS, "spoke-gw-8.2.log")}:9: truncated L7 JSON`);
    // Brownfield blueprints do not own the default action: their own closing denies act instead.
    expect(r.stderr).toContain("enforce: the synth does not manage the default action; assuming the controller's is PERMIT");
    expect(r.stderr).toMatch(/rules in watch mode now act \([^)]*contain-obot-mcp-servers/);
    // The proposal lists the benign server's new destination, not the rogue's traffic.
    const text = fs.readFileSync(proposal, "utf8");
    expect(text).toMatch(/^# Proposed by `vca-cdktf logs replay` — FOR REVIEW, NOTHING WAS APPLIED\./);
    const doc = load(text) as { obot: { servers: Array<{ id: string; egressDomains: string[] }> }; denyAllServers: Array<{ id: string }> };
    expect(doc.obot.servers).toEqual([{ id: "ms1kbsng", namespace: "obot-mcp", egressDomains: ["api.search.brave.com"] }]);
    expect(doc.denyAllServers.map((s) => s.id)).toEqual(["pt5rfqaz"]);
    expect(text).not.toMatch(/httpbin|webhook/);
  });

  test("GIVEN the human report WHEN printed THEN flows are grouped by workload with the deciding rule", async () => {
    const r = await runVca("logs", "replay", "--synth", synth, "--manifests", MANIFESTS, "--logs", LOGS, "--inventory", PODS);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    const at = lines.indexOf("obot-mcp/pt5rfqaz (Deployment, cluster ${lower(azurerm_kubernetes_cluster.cluster.id)})");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe("  would be denied:");
    expect(lines[at + 2]).toMatch(/^ {4}8\.8\.8\.8:53\/udp .* DENY by deny-all-external \(K8S obot-mcp\/obot-mnp1-pt5rfqaz-fw\)$/);
    expect(r.stdout).toMatch(
      /^13 distinct flows: 6 kept, 5 would be denied, 1 needs L7, 1 from unknown sources \(2 files, 27 lines: 23 records, 3 unrelated, 1 malformed\)$/m,
    );
  });

  test("GIVEN --strict and a truncated line WHEN replayed THEN exit 2 names file:line and no proposal is written", async () => {
    const proposal = path.join(out, "strict.yaml");
    const r = await runVca(
      "logs",
      "replay",
      "--synth",
      synth,
      "--manifests",
      MANIFESTS,
      "--logs",
      LOGS,
      "--inventory",
      PODS,
      "--strict",
      "--propose",
      proposal,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("spoke-gw-8.2.log:9: truncated L7 JSON");
    expect(fs.existsSync(proposal)).toBe(false);
  });

  test("GIVEN logs of approved traffic only WHEN replayed THEN exit 0 and the proposal says there is nothing to add", async () => {
    const logs = path.join(out, "approved.log");
    fs.writeFileSync(
      logs,
      fs
        .readFileSync(path.join(LOGS, "spoke-gw-legacy.log"), "utf8")
        .split("\n")
        .filter((l) => /api\.openai\.com|charts\.obot\.ai|SRC_PORT=(51514|40122) /.test(l))
        .join("\n"),
    );
    const proposal = path.join(out, "none.yaml");
    const r = await runVca("logs", "replay", "--synth", synth, "--manifests", MANIFESTS, "--logs", logs, "--inventory", PODS, "--propose", proposal);
    expect(r.stderr).not.toContain("logs replay: enforce would not keep");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 distinct flows: 2 kept, 0 would be denied/m);
    expect(fs.readFileSync(proposal, "utf8")).toContain("# Nothing to propose");
  });

  test.each([
    [["--inventory", "missing.json"], /missing\.json: cannot read --inventory/],
    [["--inventory", path.join(LAB, "scenarios.yaml")], /scenarios\.yaml: --inventory is not valid JSON/],
    [["--inventory", NODES], /want the output of `kubectl get pods -A -o json`/],
    [["--inventory", PODS, "--cluster", "aws_eks_cluster.other"], /--cluster "aws_eks_cluster.other": not a cluster the policy selects/],
    [["--inventory", PODS, "--year", "twenty"], /--year: want a four-digit year/],
  ])("GIVEN bad input %# WHEN replayed THEN exit 2 with the file or option named", async (extra, message) => {
    const r = await runVca("logs", "replay", "--synth", synth, "--manifests", MANIFESTS, "--logs", LOGS, ...extra);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test("GIVEN --cluster naming the synth's cluster by Terraform address WHEN replayed THEN pods belong to it", async () => {
    const r = await runVca(
      "logs",
      "replay",
      "--synth",
      synth,
      "--manifests",
      MANIFESTS,
      "--logs",
      LOGS,
      "--inventory",
      PODS,
      "--cluster",
      "azurerm_kubernetes_cluster.cluster",
      "--json",
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('"cluster":"${lower(azurerm_kubernetes_cluster.cluster.id)}"');
  });
});

// --propose: each denied destination in the form the workload's blueprint consumes — a LibreChat
// custom endpoint, a WebGroup domain of the PERMIT rule that would admit it — hosts on a DENY
// rule's list (threat/IoC) marked instead, IP-only flows left for review.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { load } from "js-yaml";
import { runVca } from "../support/run-cli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-propose-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SYNTH = {
  resource: {
    aviatrix_smart_group: {
      workers: { name: "workers", selector: { match_expressions: [{ type: "k8s", k8s_namespace: "jobs" }] } },
      chat: { name: "chat", selector: { match_expressions: [{ type: "k8s", k8s_namespace: "librechat" }] } },
    },
    aviatrix_web_group: {
      ioc: { name: "threat-ioc", selector: { match_expressions: [{ snifilter: "*.evil.example" }, { urlfilter: "github.com/bad/repo/*" }] } },
      apis: { name: "worker-apis", selector: { match_expressions: [{ snifilter: "api.stripe.com" }] } },
      llm: { name: "chat-llm", selector: { match_expressions: [{ snifilter: "api.openai.com" }] } },
    },
    aviatrix_distributed_firewalling_policy_list: {
      p: {
        policies: [
          {
            name: "deny-ioc",
            priority: 5,
            action: "DENY",
            protocol: "TCP",
            port_ranges: [{ lo: 443 }],
            src_smart_groups: ["def000ad-0000-0000-0000-000000000000"],
            dst_smart_groups: ["def000ad-0000-0000-0000-000000000001"],
            web_groups: ["${aviatrix_web_group.ioc.uuid}"],
            logging: true,
            watch: true,
          },
          {
            name: "allow-worker-apis",
            priority: 10,
            action: "PERMIT",
            protocol: "TCP",
            port_ranges: [{ lo: 443 }],
            src_smart_groups: ["${aviatrix_smart_group.workers.uuid}"],
            dst_smart_groups: ["def000ad-0000-0000-0000-000000000001"],
            web_groups: ["${aviatrix_web_group.apis.uuid}"],
            logging: true,
            watch: true,
          },
          {
            name: "allow-chat-llm",
            priority: 20,
            action: "PERMIT",
            protocol: "TCP",
            port_ranges: [{ lo: 443 }],
            src_smart_groups: ["${aviatrix_smart_group.chat.uuid}"],
            dst_smart_groups: ["def000ad-0000-0000-0000-000000000001"],
            web_groups: ["${aviatrix_web_group.llm.uuid}"],
            logging: true,
            watch: true,
          },
        ],
      },
    },
    aviatrix_distributed_firewalling_default_action_rule: { d: { action: "PERMIT", logging: true } },
  },
};

function pod(ns: string, name: string, ip: string, labels: Record<string, string>) {
  return { metadata: { name, namespace: ns, labels }, spec: { nodeName: "n1" }, status: { phase: "Running", podIP: ip, startTime: "2026-12-05T00:00:00Z" } };
}

function l7(src: string, host: string, dst = "104.16.1.1"): string {
  return `Dec  5 10:00:01 GW-lab-10.0.0.4 ats_dcf: {"timestamp":"2026-12-05T10:00:01Z","src":"${src}","src_port":40000,"dest":"${dst}","dest_port":443,"action":"PERMIT","enforced":false,"sni_hostname":"${host}"}`;
}

test("GIVEN denied destinations of several kinds WHEN proposed THEN each takes its blueprint's form and IoC hosts are marked, not proposed", async () => {
  const synth = path.join(dir, "cdk.tf.json");
  const pods = path.join(dir, "pods.json");
  const logs = path.join(dir, "gw.log");
  const proposal = path.join(dir, "out", "proposal.yaml");
  fs.writeFileSync(synth, JSON.stringify(SYNTH));
  fs.writeFileSync(
    pods,
    JSON.stringify({
      items: [pod("jobs", "worker", "10.0.1.10", { app: "worker" }), pod("librechat", "librechat-0", "10.0.1.20", { "app.kubernetes.io/name": "librechat" })],
    }),
  );
  fs.writeFileSync(
    logs,
    [
      l7("10.0.1.10", "api.stripe.com"),
      l7("10.0.1.10", "hooks.slack.com"),
      l7("10.0.1.10", "c2.evil.example"),
      l7("10.0.1.10", "github.com"),
      l7("10.0.1.20", "api.mistral.ai"),
      l7("10.0.1.20", "api.openai.com"),
      "Dec  5 10:00:02 GW-lab-10.0.0.4 microseg: SRC_IP=10.0.1.10 DST_IP=52.1.2.3 PROTO=TCP SRC_PORT=41000 DST_PORT=5432 ACT=PERMIT ENFORCED=false",
    ].join("\n"),
  );
  const r = await runVca("logs", "replay", "--synth", synth, "--logs", logs, "--inventory", pods, "--propose", proposal, "--json");
  expect(r.code).toBe(1);
  const verdicts = r.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l))
    .map((f) => [f.dst.host ?? f.dst.ip, f.enforce.verdict, f.enforce.rule]);
  expect(verdicts).toEqual(
    expect.arrayContaining([
      ["api.stripe.com", "PERMIT", "allow-worker-apis"],
      ["hooks.slack.com", "DENY", "default-action"],
      ["c2.evil.example", "DENY", "deny-ioc"],
      ["api.mistral.ai", "DENY", "default-action"],
      ["api.openai.com", "PERMIT", "allow-chat-llm"],
      ["52.1.2.3", "DENY", "default-action"],
    ]),
  );
  const doc = load(fs.readFileSync(proposal, "utf8")) as Record<string, unknown>;
  expect(doc.webGroups).toEqual([{ name: "worker-apis", rule: "allow-worker-apis", domains: ["github.com", "hooks.slack.com"], workloads: ["jobs/worker"] }]);
  expect(doc.librechat).toEqual({
    endpoints: { custom: [{ name: "api.mistral.ai", baseURL: "https://api.mistral.ai", workloads: ["librechat/librechat-0"] }] },
  });
  expect(doc.denyListed).toEqual([{ workload: "jobs/worker", host: "c2.evil.example", group: "threat-ioc", rule: "deny-ioc" }]);
  expect(doc.review).toEqual([expect.objectContaining({ workload: "jobs/worker", destination: "52.1.2.3:5432/tcp", deniedBy: "default-action" })]);
  expect(doc.obot).toBeUndefined();
  // github.com is on the IoC list only by path (github.com/bad/repo/*), so the host itself is proposable.
});

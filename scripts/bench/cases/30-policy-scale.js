// docs/ARCHITECTURE.md §7 policy scale: 10,000 MCP servers (10k WebGroups, 20k rules) synthesize (app.synth()
// to a temp dir) in ≤ 15 s and ≤ 2 GiB RSS; 5,000 → 10,000 servers costs ≤ 2.2× (linear).
// Each server: a SmartGroup of its pods, a WebGroup of its egress domains, a permit to those
// domains on tcp/443 and a deny + log of anything else from the server's pods.
// Runs against dist/ (npm run build). `node 30-policy-scale.js --child <servers>` is one synth.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "../../..");
// VCA_BENCH_DIST: an alternative build output directory (default dist/).
const dist = process.env.VCA_BENCH_DIST || path.join(root, "dist");

function synthServers(servers) {
  const { App, TerraformStack } = require(path.join(dist, "lib/core/cdktf"));
  const lib = require(path.join(dist, "lib/index"));
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-bench-policy-"));
  const app = new App({ outdir, skipValidation: false });
  const stack = new TerraformStack(app, "policy-scale");
  new lib.AviatrixProvider(stack, "aviatrix", { controllerVersion: "9.0.10", credentials: "env" });
  const pack = new lib.DcfPolicyPack(stack, "dcf", { mode: "enforce" });
  const internet = lib.ManagedSmartGroup.publicInternet();
  for (let i = 0; i < servers; i++) {
    const pods = new lib.SmartGroup(stack, `mcp_${i}_pods`, {
      matchExpressions: [{ type: "k8s", k8sClusterId: "aks-obot", k8sNamespace: "obot-mcp", tags: { "mcp-server-id": `ms1${i}` } }],
    });
    const egress = new lib.WebGroup(stack, `mcp_${i}_egress`, { domains: [`api.mcp-${i}.example.com`, `*.mcp-${i}.example.net`] });
    pack.addRule({
      name: `mcp-${i}-permit`,
      priority: 100 + 2 * i,
      action: "PERMIT",
      protocol: "TCP",
      ports: [443],
      src: [pods],
      dst: [internet],
      webGroups: [egress],
    });
    pack.addRule({ name: `mcp-${i}-deny`, priority: 101 + 2 * i, action: "DENY", protocol: "ANY", src: [pods], dst: [internet] });
  }
  app.synth();
  const out = JSON.parse(fs.readFileSync(path.join(outdir, "stacks/policy-scale/cdk.tf.json"), "utf8"));
  const rules = out.resource.aviatrix_distributed_firewalling_policy_list.dcf.policies.length;
  const webGroups = Object.keys(out.resource.aviatrix_web_group).length;
  fs.rmSync(outdir, { recursive: true, force: true });
  if (rules !== 2 * servers || webGroups !== servers) throw new Error(`expected ${2 * servers} rules and ${servers} web groups, got ${rules} and ${webGroups}`);
}

if (process.argv[2] === "--child") {
  synthServers(Number(process.argv[3]));
} else {
  const { timeNode, emit } = require("../measure");
  const half = timeNode([__filename, "--child", "5000"], { cwd: root, runs: 2 });
  emit({ name: "policy-scale-5k-servers", ...half });
  const full = timeNode([__filename, "--child", "10000"], { cwd: root, runs: 2 });
  emit({
    name: "policy-scale-10k-servers",
    ...full,
    ratio: +(full.ms / half.ms).toFixed(2),
    cpuRatio: +(full.cpuMs / half.cpuMs).toFixed(2),
    baseline: "policy-scale-5k-servers",
  });
}

// Offline validation at policy scale: a document with 10,000 WebGroups and a 20,000-rule policy
// list (the docs/ARCHITECTURE.md §7 MCP-server scale) must validate well under a second. Measured two ways:
// in-process (schema load excluded, the cost a jest matcher pays per stack) and as a cold
// `vca validate` process on the written file (module load + JSON parse + validation).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { timeFn, timeNode, emit } = require("../measure");

const root = path.resolve(__dirname, "../../..");
const { validateTerraformJson } = require(path.join(process.env.VCA_BENCH_DIST || path.join(root, "dist"), "lib/validate"));

const RULES = 20000;
const WEB_GROUPS = 10000;

function largeDocument() {
  const webGroups = {};
  for (let i = 0; i < WEB_GROUPS; i++) {
    webGroups[`mcp_${i}`] = {
      name: `mcp-${i}`,
      selector: { match_expressions: [{ snifilter: `mcp-${i}.example.com` }, { snifilter: `*.mcp-${i}.example.net` }] },
    };
  }
  const policies = [];
  for (let i = 0; i < RULES; i++) {
    const server = i >> 1;
    policies.push(
      i % 2 === 0
        ? {
            name: `mcp-${server}-allow`,
            action: "PERMIT",
            priority: 100 + i,
            protocol: "TCP",
            logging: true,
            src_smart_groups: [`\${aviatrix_smart_group.mcp.uuid}`],
            dst_smart_groups: ["${aviatrix_smart_group.any.uuid}"],
            web_groups: [`\${aviatrix_web_group.mcp_${server}.uuid}`],
            port_ranges: [{ lo: 443 }],
          }
        : {
            name: `mcp-${server}-deny`,
            action: "DENY",
            priority: 100 + i,
            protocol: "ANY",
            logging: true,
            src_smart_groups: [`\${aviatrix_smart_group.mcp.uuid}`],
            dst_smart_groups: ["${aviatrix_smart_group.any.uuid}"],
          },
    );
  }
  return {
    terraform: { required_providers: { aviatrix: { source: "AviatrixSystems/aviatrix", version: "~> 10.0.1" } } },
    resource: {
      aviatrix_smart_group: {
        mcp: { name: "mcp", selector: { match_expressions: [{ type: "k8s", k8s_cluster_id: "c", k8s_namespace: "obot-mcp" }] } },
        any: { name: "any", selector: { match_expressions: [{ cidr: "0.0.0.0/0" }] } },
      },
      aviatrix_web_group: webGroups,
      aviatrix_distributed_firewalling_policy_list: { main: { policies } },
    },
  };
}

(async () => {
  const doc = largeDocument();
  validateTerraformJson({ resource: { aviatrix_smart_group: { warm: { name: "w", selector: { match_expressions: [{ cidr: "10.0.0.0/8" }] } } } } }); // load schemas
  const inProcess = await timeFn(() => validateTerraformJson(doc));
  if (inProcess.value.length !== 0) throw new Error(`bench document should be clean, got ${inProcess.value.length} findings`);
  emit({ name: "validate-20k-rules", ms: inProcess.ms, rssMb: inProcess.rssMb });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-bench-validate-"));
  const file = path.join(dir, "cdk.tf.json");
  fs.writeFileSync(file, JSON.stringify(doc));
  const cold = timeNode([path.join(root, "bin/vca-cdktf.js"), "validate", file], { cwd: root, runs: 3 });
  emit({ name: "validate-20k-rules-cli", ...cold });
  fs.rmSync(dir, { recursive: true, force: true });
})().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});

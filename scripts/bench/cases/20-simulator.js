// docs/ARCHITECTURE.md §7 simulator budget: 100,000 flows against a 20,000-rule pack in ≤ 5 s.
// Pack: 10,000 Obot MCP servers as FirewallPolicies (allow-approved-egress + deny-all-external
// each, K8S tier) behind a few V1 infra rules; flows mix permitted, denied and unknown hosts.
"use strict";
const path = require("path");
const { timeFn, emit } = require("../measure");

// VCA_BENCH_DIST: an alternative build output directory (default dist/).
const dist = path.join(process.env.VCA_BENCH_DIST || path.join(__dirname, "../../../dist"), "lib/dcf");
const { modelFromFirewallPolicies } = require(path.join(dist, "crd/from-crd"));
const { mergeModels } = require(path.join(dist, "merge"));
const { PolicyPack } = require(path.join(dist, "builder/policy-pack"));
const { Select, Web } = require(path.join(dist, "builder/selectors"));
const { PolicyEvaluator } = require(path.join(dist, "simulate/evaluate"));
const { WELL_KNOWN } = require(path.join(dist, "model"));

const SERVERS = 10000;
const FLOWS = 100000;

function server(i) {
  const id = `ms${i}`;
  return {
    where: `bench[${i}]`,
    policy: {
      apiVersion: "networking.aviatrix.com/v1alpha1",
      kind: "FirewallPolicy",
      metadata: { name: `obot-mnp${i}-fw`, namespace: "obot-mcp" },
      spec: {
        smartGroups: [{ name: "any-destination", selectors: [{ cidr: "0.0.0.0/0" }] }],
        webGroups: [{ name: `obot-${id}-approved-domains`, domains: [`api${i}.example.com`, `*.svc${i}.example.org`] }],
        rules: [
          {
            name: "allow-approved-egress",
            action: "permit",
            selector: { matchLabels: { app: id } },
            destinationSmartGroups: [{ name: "any-destination" }],
            webGroups: [{ name: `obot-${id}-approved-domains` }],
            protocol: "tcp",
            port: 443,
            logging: true,
          },
          {
            name: "deny-all-external",
            action: "deny",
            selector: { matchLabels: { app: id } },
            destinationSmartGroups: [{ name: "any-destination" }],
            protocol: "any",
            logging: true,
          },
        ],
      },
    },
  };
}

const v1 = new PolicyPack({ mode: "enforce" })
  .addSmartGroup("nodes", { expressions: [Select.cidr("10.0.0.0/24")] })
  .addWebGroup("infra", { matches: Web.domains(["*.azurecr.io", "mcr.microsoft.com", "ghcr.io"]) })
  .addRule({
    name: "infra",
    priority: 1,
    action: "PERMIT",
    protocol: "TCP",
    ports: [443],
    src: ["nodes"],
    dst: [WELL_KNOWN.publicInternet],
    webGroups: ["infra"],
  })
  .toModel();
const model = mergeModels(v1, modelFromFirewallPolicies(Array.from({ length: SERVERS }, (_, i) => server(i))));

let seed = 42;
const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
const flows = Array.from({ length: FLOWS }, (_, i) => {
  const s = rnd(SERVERS);
  const kind = i % 4;
  const host = kind === 0 ? `api${s}.example.com` : kind === 1 ? `x.svc${s}.example.org` : kind === 2 ? `api${rnd(SERVERS)}.example.com` : "exfil.attacker.io";
  return {
    from: { ip: `10.244.${s % 250}.${s % 200}`, k8s: { namespace: "obot-mcp", labels: { app: `ms${s}` } } },
    to: { host, port: kind === 3 ? 8443 : 443, protocol: "TCP" },
  };
});

(async () => {
  const r = await timeFn(() => {
    const ev = new PolicyEvaluator(model);
    let permits = 0;
    for (const f of flows) if (ev.evaluate(f).verdict === "PERMIT") permits++;
    return permits;
  });
  if (model.rules.length < 20000) throw new Error(`pack too small: ${model.rules.length}`);
  emit({ name: "simulate-100k-flows-20k-rules", ms: r.ms, rssMb: r.rssMb, ratio: Math.round((r.ms / 5000) * 100) / 100, baseline: "budget 5000 ms" });
  if (r.value === 0 || r.value === FLOWS) throw new Error(`implausible verdict mix: ${r.value} permits`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

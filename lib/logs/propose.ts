// `--propose <file>`: the destinations each workload used that enforce would deny, written for
// review (never applied) in the form the workload's blueprint input takes:
// - an Obot MCP server (pods labelled app=<server id> + mcp-user-id, docs/research/k8s-obot-crds.md
//   §2.1, or governed by an Obot FirewallPolicy `obot-<mnp>-fw`): `egressDomains` of that server
//   in the servers file of `vca-cdktf obot policies` (Obot's translation permits tcp/443 only);
// - a LibreChat pod (app.kubernetes.io/name=librechat, the chart's label): a librechat.yaml
//   `endpoints.custom[]` entry, which the shim turns into egress;
// - anything a PERMIT rule with a domain WebGroup would admit but for the host: a domain of that
//   WebGroup (for a ZeroTrustForAi stack that WebGroup is an AI provider's `domains`, named in
//   `webGroup`);
// - the rest (no host name, or no rule admits the workload at all) is listed for review, and
//   hosts on a DENY rule's host list (threat/IoC lists) are marked, never proposed.
import * as path from "path";
import { dump } from "js-yaml";
import { compareText } from "../dcf/builder/canonical";
import { PolicyModel } from "../dcf/model";
import { admittingWebRule } from "../dcf/simulate/host-dependence";
import { writeFilesAtomically } from "../util/atomic-write";
import { PodSource } from "./inventory";
import { JudgedFlow } from "./judge";
import { destinationText, workloadName } from "./report";

const OBOT_POLICY = /^obot-.+-fw$/;
const LIBRECHAT_LABEL = "app.kubernetes.io/name";

export interface Proposal {
  readonly obot: { servers: Array<{ id: string; namespace: string; egressDomains: string[] }> };
  readonly librechat: { endpoints: { custom: Array<{ name: string; baseURL: string; workloads: string[] }> } };
  readonly webGroups: Array<{ name: string; rule: string; domains: string[]; workloads: string[] }>;
  /** Obot servers declared deny-all (their FirewallPolicy permits nothing): their traffic is never proposed. */
  readonly denyAllServers: Array<{ id: string; namespace: string; policy: string; deniedDestinations: number }>;
  readonly review: Array<{ workload: string; destination: string; deniedBy: string; reason: string }>;
  readonly denyListed: Array<{ workload: string; host: string; group: string; rule: string }>;
}

function obotServerId(s: PodSource, j: JudgedFlow): string | undefined {
  const app = s.labels.app;
  if (app === undefined) return undefined;
  if (s.labels["mcp-user-id"] !== undefined) return app;
  const origin = j.result?.origin;
  if (j.result?.tier === "K8S" && origin !== undefined) {
    const [ns, policy] = origin.split("/");
    if (ns === s.namespace && policy !== undefined && OBOT_POLICY.test(policy)) return app;
  }
  return undefined;
}

function addUnique(list: string[], v: string): void {
  if (!list.includes(v)) list.push(v);
}

/** Builds the proposal from the judged flows (only "would be denied" flows contribute). */
export function buildProposal(model: PolicyModel, flows: readonly JudgedFlow[]): Proposal {
  const p: Proposal = { obot: { servers: [] }, librechat: { endpoints: { custom: [] } }, webGroups: [], denyAllServers: [], review: [], denyListed: [] };
  for (const j of flows) {
    if (j.outcome !== "denied") continue;
    const f = j.flow;
    const who = workloadName(f.source);
    const deniedBy = `${j.result?.rule}${j.result?.origin !== undefined ? ` (${j.result.origin})` : ""}`;
    const review = (reason: string) => p.review.push({ workload: who, destination: destinationText(f), deniedBy, reason });
    if (j.denyList !== undefined && f.host !== undefined) {
      p.denyListed.push({ workload: who, host: f.host, group: j.denyList.group, rule: j.denyList.rule });
      continue;
    }
    const s = f.source;
    const server = s.kind === "pod" ? obotServerId(s, j) : undefined;
    if (server !== undefined) {
      const origin = j.result?.tier === "K8S" ? j.result.origin : undefined;
      if (origin !== undefined && !model.rules.some((r) => r.origin === origin && r.action !== "DENY")) {
        // denyAllEgress: true — the server was approved for no egress at all; widening it is not a review item.
        let entry = p.denyAllServers.find((x) => x.id === server && x.namespace === (s as PodSource).namespace);
        if (entry === undefined) p.denyAllServers.push((entry = { id: server, namespace: (s as PodSource).namespace, policy: origin, deniedDestinations: 0 }));
        entry.deniedDestinations++;
        continue;
      }
    }
    if (f.host === undefined) {
      review("no host name was logged (IP only): a domain cannot be proposed; if intended, write a rule for the address");
      continue;
    }
    const host = f.host;
    if (s.kind === "pod") {
      if (server !== undefined) {
        if (f.protocol !== "TCP" || f.port !== 443) {
          review(`Obot MCP server ${server}: its FirewallPolicy permits egressDomains on tcp/443 only`);
          continue;
        }
        let entry = p.obot.servers.find((x) => x.id === server && x.namespace === s.namespace);
        if (entry === undefined) p.obot.servers.push((entry = { id: server, namespace: s.namespace, egressDomains: [] }));
        addUnique(entry.egressDomains, host);
        continue;
      }
      if (s.labels[LIBRECHAT_LABEL] === "librechat" && f.protocol === "TCP" && f.port === 443) {
        let entry = p.librechat.endpoints.custom.find((x) => x.name === host);
        if (entry === undefined) p.librechat.endpoints.custom.push((entry = { name: host, baseURL: `https://${host}`, workloads: [] }));
        addUnique(entry.workloads, who);
        continue;
      }
    }
    const ip = [...f.dstIps][0];
    const srcIp = [...f.srcIps][0];
    const from =
      s.kind === "pod"
        ? { ip: srcIp, k8s: { namespace: s.namespace, labels: s.labels, pod: s.pod, ...(s.cluster !== undefined ? { cluster: s.cluster } : {}) } }
        : { ip: srcIp };
    const admit = admittingWebRule(model, { from, to: { host, ip, protocol: f.protocol, ...(f.port !== undefined ? { port: f.port } : {}), tls: true } });
    if (admit === undefined) {
      review("no PERMIT rule with a domain WebGroup matches this workload and port: a new rule is needed, not a domain");
      continue;
    }
    let entry = p.webGroups.find((x) => x.name === admit.webGroup.name && x.rule === admit.rule.name);
    if (entry === undefined) p.webGroups.push((entry = { name: admit.webGroup.name, rule: admit.rule.name, domains: [], workloads: [] }));
    addUnique(entry.domains, host);
    addUnique(entry.workloads, who);
  }
  for (const s of p.obot.servers) s.egressDomains.sort(compareText);
  p.obot.servers.sort((a, b) => compareText(`${a.namespace}/${a.id}`, `${b.namespace}/${b.id}`));
  p.denyAllServers.sort((a, b) => compareText(`${a.namespace}/${a.id}`, `${b.namespace}/${b.id}`));
  p.librechat.endpoints.custom.sort((a, b) => compareText(a.name, b.name));
  for (const w of p.webGroups) {
    w.domains.sort(compareText);
    w.workloads.sort(compareText);
  }
  p.webGroups.sort((a, b) => compareText(a.name, b.name) || compareText(a.rule, b.rule));
  return p;
}

export function proposalIsEmpty(p: Proposal): boolean {
  return (
    p.obot.servers.length + p.librechat.endpoints.custom.length + p.webGroups.length + p.denyAllServers.length + p.review.length + p.denyListed.length === 0
  );
}

/** The proposal as commented YAML (only the sections that have entries). */
export function renderProposal(p: Proposal, synth: string): string {
  const sections: string[] = [
    "# Proposed by `vca-cdktf logs replay` — FOR REVIEW, NOTHING WAS APPLIED.",
    `# Destinations seen in discover mode that the enforce policy of ${synth} would deny,`,
    "# in the form each workload's blueprint input takes. Copy what you approve.",
  ];
  const section = (comment: string, value: unknown) => sections.push("", comment, dump(value, { lineWidth: -1, noRefs: true }).trimEnd());
  if (p.obot.servers.length > 0) {
    section("# Obot MCP servers: add to each server's egressDomains (servers file of `vca-cdktf obot policies`, or the server's settings in Obot).", {
      obot: { servers: p.obot.servers },
    });
  }
  if (p.librechat.endpoints.custom.length > 0) {
    section("# LibreChat: custom endpoints for librechat.yaml (add apiKey and models; the shim derives egress from baseURL).", { librechat: p.librechat });
  }
  if (p.webGroups.length > 0) {
    section("# WebGroup domains: add to the WebGroup the named PERMIT rule uses (a ZeroTrustForAi provider's `domains` when the WebGroup is one).", {
      webGroups: p.webGroups,
    });
  }
  if (p.denyListed.length > 0)
    section("# NOT PROPOSED: hosts on a DENY rule's host list (threat / IoC). Investigate the workload.", { denyListed: p.denyListed });
  if (p.denyAllServers.length > 0) {
    section("# NOT PROPOSED: Obot MCP servers declared deny-all (denyAllEgress) tried to reach the Internet; the report lists where. Investigate them.", {
      denyAllServers: p.denyAllServers,
    });
  }
  if (p.review.length > 0) section("# Needs a decision, not a domain:", { review: p.review });
  if (proposalIsEmpty(p)) sections.push("", "# Nothing to propose: enforce keeps every observed flow that has a known source.");
  return `${sections.join("\n")}\n`;
}

/** Writes the proposal file atomically (temp file + rename in the same directory). */
export function writeProposal(file: string, text: string): void {
  writeFilesAtomically(path.dirname(file), new Map([[path.basename(file), text]]));
}

// Each Kubernetes blueprint ends with its own scoped denies, evaluated after the K8S block
// (TERRAFORM_AFTER_K8S_MANAGED side), like the seed's per-server deny-all: whatever the
// controller's default action is (a brownfield controller is often PERMIT), the stack's
// workloads reach only what its rules and FirewallPolicies permit. The denies are scoped to the
// stack's own SmartGroups, so nothing else on the controller changes.
//   workload pods (LibreChat, its data stores, obot-system, MCP servers, Zero Trust for AI workloads) → Anywhere (IPv4 and IPv6,
//   public and private: east-west is denied too);
//   nodes and kube-system pods → Public Internet (they also talk to private cluster and VPC services the customer runs).
import { DcfPolicyPack } from "../../lib/constructs/dcf/dcf-policy-pack";
import { WellKnownSmartGroups } from "../../lib/constructs/dcf/group-refs";
import { SmartGroup } from "../../lib/constructs/dcf/smart-group";
import type { LibreChatWorkload } from "./librechat-workload";
import type { ObotWorkload } from "./obot-workload";

/** Priorities of the closing denies (their own ruleset; the order only matters for reading logs). */
export const CONTAINMENT_PRIORITIES = {
  librechatPods: 100,
  dataStores: 110,
  obotSystem: 120,
  mcpServers: 130,
  aiWorkloads: 140,
  kubeSystem: 190,
  nodes: 200,
} as const;

export interface ContainmentSources {
  readonly nodes: SmartGroup;
  /** kube-system pods (pod SNAT is off, so they leave with pod IPs). */
  readonly kubeSystem?: SmartGroup;
  readonly librechat?: LibreChatWorkload;
  readonly obot?: ObotWorkload;
  /** Zero Trust for AI workload groups by key (their own sources). */
  readonly aiWorkloads?: ReadonlyMap<string, SmartGroup>;
}

export function addContainmentDenies(pack: DcfPolicyPack, s: ContainmentSources): void {
  const anywhere = WellKnownSmartGroups.anywhere();
  const deny = (name: string, priority: number, src: SmartGroup, dst = anywhere) =>
    pack.addRule({ name, priority, action: "DENY", protocol: "ANY", src: [src], dst: [dst], logging: true });
  if (s.librechat) {
    deny("contain-librechat-pods", CONTAINMENT_PRIORITIES.librechatPods, s.librechat.pods);
    deny("contain-librechat-data-stores", CONTAINMENT_PRIORITIES.dataStores, s.librechat.dataStores);
  }
  if (s.obot) {
    deny("contain-obot-system", CONTAINMENT_PRIORITIES.obotSystem, s.obot.obotSystem);
    deny("contain-obot-mcp-servers", CONTAINMENT_PRIORITIES.mcpServers, s.obot.mcpServers);
  }
  [...(s.aiWorkloads ?? new Map<string, SmartGroup>()).entries()].forEach(([key, group], i) =>
    deny(`contain-ai-workload-${key}`, CONTAINMENT_PRIORITIES.aiWorkloads + i, group),
  );
  // kube-system, like the nodes, talks to private cluster and VPC services: Public Internet only.
  if (s.kubeSystem) deny("contain-kube-system-internet", CONTAINMENT_PRIORITIES.kubeSystem, s.kubeSystem, WellKnownSmartGroups.publicInternet());
  deny("contain-nodes-internet", CONTAINMENT_PRIORITIES.nodes, s.nodes, WellKnownSmartGroups.publicInternet());
}

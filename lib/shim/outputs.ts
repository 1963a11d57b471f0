// The files `vca shim librechat` writes, computed in full before anything touches the disk.
import { MitmCaCertificate, renderMitmCaConfigMap } from "./mitm-ca";
import type { LibreChatEgressModel } from "./model";
import { FirewallPolicyOptions, renderFirewallPolicyYaml } from "./render/crd";
import { renderEgressJson } from "./render/json";
import { renderEgressMarkdown } from "./render/markdown";

export const OUTPUT_FILES = {
  firewallPolicy: "firewall-policy.yaml",
  egressJson: "egress.json",
  egressMd: "egress.md",
  mitmCa: "mitm-ca-configmap.yaml",
} as const;

export function shimOutputs(model: LibreChatEgressModel, policy: FirewallPolicyOptions, mitmCa?: MitmCaCertificate): Map<string, string> {
  const files = new Map<string, string>([
    [OUTPUT_FILES.firewallPolicy, renderFirewallPolicyYaml(model, policy)],
    [OUTPUT_FILES.egressJson, renderEgressJson(model)],
    [OUTPUT_FILES.egressMd, renderEgressMarkdown(model, policy)],
  ]);
  if (mitmCa) files.set(OUTPUT_FILES.mitmCa, renderMitmCaConfigMap(mitmCa, { namespace: policy.namespace }));
  return files;
}

// The one YAML renderer of FirewallPolicy objects: the FirewallPolicy construct's toYaml(), the
// LibreChat shim's firewall-policy.yaml and the Obot previews all print through it, so the same
// object is the same text everywhere. Mapping keys that are Go maps on the controller (labels,
// annotations, tags, matchLabels, extArgs) are sorted, as Go's encoders do; struct fields keep
// their order; lists sit at their parent's indent, as kubectl/sigs.k8s.io/yaml print them.
import * as yaml from "js-yaml";
import { compareText } from "../builder/canonical";
import { FIREWALL_POLICY_API_VERSION, FIREWALL_POLICY_KIND, FirewallPolicyObject } from "./firewall-policy-types";

const GO_MAP_KEYS = new Set(["labels", "annotations", "tags", "matchLabels", "extArgs"]);

function sortGoMaps(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => sortGoMaps(v));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (key !== undefined && GO_MAP_KEYS.has(key)) entries.sort(([a], [b]) => compareText(a, b));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortGoMaps(v, k)]));
}

/** One FirewallPolicy object as a YAML document (no `---`). */
export function firewallPolicyToYaml(policy: FirewallPolicyObject): string {
  return yaml.dump(sortGoMaps(policy), { lineWidth: -1, noRefs: true, sortKeys: false, noArrayIndent: true });
}

/** The one way the library assembles a FirewallPolicy object from its metadata and spec. */
export function firewallPolicyObject(metadata: FirewallPolicyObject["metadata"], spec: FirewallPolicyObject["spec"]): FirewallPolicyObject {
  return { apiVersion: FIREWALL_POLICY_API_VERSION, kind: FIREWALL_POLICY_KIND, metadata, spec };
}

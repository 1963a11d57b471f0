// The pictures the README shows, one per blueprint (docs/diagrams/<stack>.svg, plus the Mermaid
// source <stack>.mmd): each stack synthesized in enforce mode, parsed back into the policy model
// (with the Obot servers' FirewallPolicies, which Obot's controller creates at runtime), drawn by
// `vca-cdktf diagram`'s code. `npm run diagrams` rewrites them; a test fails when they are stale.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadPolicyModel } from "../../lib/cli/load-policy";
import { PolicyModel } from "../../lib/dcf/model";
import { renderDot } from "../../lib/diagram/dot";
import { renderMermaid } from "../../lib/diagram/mermaid";
import { policyGraph } from "../../lib/diagram/policy-graph";
import { renderSvg } from "../../lib/diagram/svg";
import { BLUEPRINT_STACK_IDS, buildBlueprintsApp } from "./app";

/** Where the pictures live, relative to the repository root. */
export const DIAGRAMS_DIR = "docs/diagrams";
export const REGENERATE = "npm run diagrams";

/** FirewallPolicies drawn with a stack (relative to examples/blueprints). */
const MANIFESTS: Readonly<Record<string, string>> = { "vca-obot-aks": "obot-aks/firewall-policies", "vca-obot-eks": "obot-eks/firewall-policies" };

export interface BlueprintPolicy {
  readonly id: string;
  readonly model: PolicyModel;
}

/**
 * Every blueprint's enforce-mode policy, synthesized into a temp dir that is removed again; or read
 * from `synthesized`, an app already synthesized in enforce mode (the tests' shared synth).
 */
export async function blueprintPolicies(blueprintsDir = __dirname, synthesized?: string): Promise<BlueprintPolicy[]> {
  const out = synthesized ?? fs.mkdtempSync(path.join(os.tmpdir(), "vca-diagrams-"));
  try {
    if (synthesized === undefined)
      buildBlueprintsApp(out, {
        "vca:mode": "enforce",
        "vca:stacks": BLUEPRINT_STACK_IDS.join(","),
        "vca:preflightBaseline": path.join(out, "none.json"),
      }).synth();
    const policies: BlueprintPolicy[] = [];
    for (const id of BLUEPRINT_STACK_IDS) {
      const manifests = MANIFESTS[id] !== undefined ? [path.join(blueprintsDir, MANIFESTS[id])] : [];
      policies.push({ id, model: await loadPolicyModel(path.join(out, "stacks", id, "cdk.tf.json"), manifests) });
    }
    return policies;
  } finally {
    if (synthesized === undefined) fs.rmSync(out, { recursive: true, force: true });
  }
}

/** File name (inside DIAGRAMS_DIR) → content, for every blueprint. */
export async function blueprintDiagrams(policies: readonly BlueprintPolicy[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const { id, model } of policies) {
    const graph = policyGraph(model);
    files.set(`${id}.mmd`, renderMermaid(graph, id));
    files.set(`${id}.svg`, await renderSvg(renderDot(graph, id)));
  }
  return files;
}

// Loads the deployed policy for `vca simulate` and `vca analyze`: Terraform JSON (cdk.tf.json, or
// a .tf file converted with @cdktf/hcl2json) parsed back into the model, merged with any
// FirewallPolicy manifests (one K8S tier). One loader, so both commands see the same model.
import { firewallPoliciesFromPath } from "../dcf/crd/read-yaml";
import { formatOpaqueGroupUse, opaqueGroupUses } from "../dcf/opaque-groups";
import { PolicyModel } from "../dcf/model";
import { policyModelFromTerraform } from "../dcf/terraform/from-terraform";
import { UserInputError } from "../util/errors";
import { MAX_JSON_INPUT_BYTES, readInputText } from "../util/input-file";

async function readTerraform(file: string): Promise<unknown> {
  const text = readInputText(file, "--synth", MAX_JSON_INPUT_BYTES);
  if (file.endsWith(".tf")) {
    const { parse } = await import("@cdktf/hcl2json");
    try {
      return await parse(file, text);
    } catch (err) {
      throw new UserInputError(`${file}: cannot parse HCL: ${(err as Error).message}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UserInputError(`${file}: invalid JSON: ${(err as Error).message}`);
  }
}

export async function loadPolicyModel(synth: string, manifests: readonly string[]): Promise<PolicyModel> {
  const doc = await readTerraform(synth);
  // Every FirewallPolicy (kubernetes_manifest in the synth + --manifests) goes into ONE K8S tier,
  // so rule order depends on namespace/name only, never on which input a policy came from.
  const policies = manifests.flatMap((m) => firewallPoliciesFromPath(m));
  return policyModelFromTerraform(doc, synth, policies);
}

/**
 * Prints one note per rule that depends on managed / unresolved groups (their verdicts and
 * findings rest on membership the tool cannot see); with `strict` that is an input error (exit 2)
 * and nothing else is printed.
 */
export function reportOpaqueGroups(model: PolicyModel, consequence: string, strict: boolean, note: (line: string) => void): void {
  const lines = opaqueGroupUses(model).map((u) => formatOpaqueGroupUse(u, consequence));
  if (strict && lines.length > 0) {
    throw new UserInputError(
      `--strict-refs: ${lines.length} rule${lines.length === 1 ? "" : "s"} depend${lines.length === 1 ? "s" : ""} on groups whose members are unknown offline:\n` +
        lines.map((l) => `  ${l.replace(/^note: /, "")}`).join("\n") +
        "\ndefine the groups in the configuration (selectors), or drop --strict-refs and name them in the scenario flows (from.groups / to.groups)",
    );
  }
  for (const l of lines) note(l);
}

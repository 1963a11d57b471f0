// Combining models read from several sources (synthesized Terraform + FirewallPolicy manifests).
import { canonicalJson } from "./builder/canonical";
import { DcfModelError } from "./errors";
import { PolicyModel } from "./model";
import { sortedByKey } from "./builder/canonical";

/** Union of groups (same key must mean the same group) and rules; the first default action wins. */
export function mergeModels(...models: readonly PolicyModel[]): PolicyModel {
  const smartGroups: Record<string, PolicyModel["smartGroups"][string]> = {};
  const webGroups: Record<string, PolicyModel["webGroups"][string]> = {};
  const add = <T>(into: Record<string, T>, from: Readonly<Record<string, T>>, what: string) => {
    for (const [k, v] of Object.entries(from)) {
      // Key order is not meaning: compare canonical JSON (models from different readers differ in it).
      if (k in into && canonicalJson(into[k]) !== canonicalJson(v)) {
        throw new DcfModelError(`${what}[${k}]`, "defined twice with different contents");
      }
      into[k] = v;
    }
  };
  for (const m of models) {
    add(smartGroups, m.smartGroups, "smartGroups");
    add(webGroups, m.webGroups, "webGroups");
  }
  const defaultAction = models.find((m) => m.defaultAction !== undefined)?.defaultAction;
  return {
    smartGroups: sortedByKey(smartGroups),
    webGroups: sortedByKey(webGroups),
    rules: models.flatMap((m) => m.rules),
    ...(defaultAction !== undefined ? { defaultAction } : {}),
  };
}

// Rules whose matching depends on groups whose members are unknown offline: "managed" groups
// (Aviatrix-managed or pre-existing, referenced by name/UUID) and "unresolved" Terraform
// references. The simulator matches them only when a flow names the group, so a DENY on such a
// group silently never fires in a scenario; the CLI says so (and --strict-refs refuses).
import { PolicyModel, RuleModel } from "./model";

export interface OpaqueGroupUse {
  readonly rule: RuleModel;
  /** `"<name>" (managed|unresolved)` per group, in src, dst, web order. */
  readonly groups: readonly string[];
}

export function opaqueGroupUses(model: PolicyModel): OpaqueGroupUse[] {
  const out: OpaqueGroupUse[] = [];
  for (const rule of model.rules) {
    const groups: string[] = [];
    const add = (kind: string | undefined, name: string, what: string) => {
      if (kind === "managed" || kind === "unresolved") groups.push(`${what} "${name}" (${kind})`);
    };
    for (const k of rule.srcGroups) add(model.smartGroups[k]?.kind, model.smartGroups[k]?.ref ?? model.smartGroups[k]?.name ?? k, "source SmartGroup");
    for (const k of rule.dstGroups) add(model.smartGroups[k]?.kind, model.smartGroups[k]?.ref ?? model.smartGroups[k]?.name ?? k, "destination SmartGroup");
    for (const k of rule.webGroups) add(model.webGroups[k]?.kind, model.webGroups[k]?.ref ?? model.webGroups[k]?.name ?? k, "WebGroup");
    if (groups.length > 0) out.push({ rule, groups: [...new Set(groups)] });
  }
  return out;
}

/** One line per rule; `consequence` says what depends on the unknown membership. */
export function formatOpaqueGroupUse(u: OpaqueGroupUse, consequence: string): string {
  const where = u.rule.origin !== undefined ? ` (${u.rule.origin})` : "";
  return `note: ${u.rule.action} rule "${u.rule.name}"${where} uses ${u.groups.join(", ")} whose members are unknown offline; ${consequence}`;
}

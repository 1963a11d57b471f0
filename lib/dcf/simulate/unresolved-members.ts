// WebGroup domains and SmartGroup CIDRs that are unresolved Terraform references
// (`${var.allowed}`) have no members offline, so a flow silently matches none of them. To tell
// when a verdict rests on that, the flow is also evaluated against an optimistic copy of the
// model in which every such member matches everything; when the deciding rule differs, the flow
// carries a note naming the groups (and `vca-cdktf simulate --strict` makes that exit 2).
import { isTerraformRef } from "../builder/tokens";
import { MatchExpression, PolicyModel, SmartGroupModel, WebGroupModel, WebMatch } from "../model";

export interface UnresolvedMembers {
  /** The model with every unresolved member matching everything. */
  readonly optimistic: PolicyModel;
  /** Group key → its display name and the unresolved values. */
  readonly groups: ReadonlyMap<string, { readonly name: string; readonly values: readonly string[] }>;
}

function openExpression(e: MatchExpression): MatchExpression[] | undefined {
  // FQDN references stay as they are: flows join them by naming the address (`to.groups`).
  if (e.cidr !== undefined && isTerraformRef(e.cidr)) return [{ cidr: "0.0.0.0/0" }, { cidr: "::/0" }];
  return undefined;
}

function openMatch(m: WebMatch): WebMatch | undefined {
  if (m.sni !== undefined && isTerraformRef(m.sni)) return { sni: "*" };
  if (m.url !== undefined && isTerraformRef(m.url)) return { url: "*" };
  return undefined;
}

/** Undefined when the model has no unresolved members (the common case: no second evaluator). */
export function unresolvedMembers(model: PolicyModel): UnresolvedMembers | undefined {
  const groups = new Map<string, { name: string; values: string[] }>();
  const smartGroups: Record<string, SmartGroupModel> = {};
  for (const [key, g] of Object.entries(model.smartGroups)) {
    if (g.kind !== "selector") {
      smartGroups[key] = g;
      continue;
    }
    const values: string[] = [];
    const expressions = g.expressions.flatMap((e) => {
      const open = openExpression(e);
      if (open === undefined) return [e];
      values.push(e.cidr as string);
      return [e, ...open];
    });
    smartGroups[key] = values.length ? { ...g, expressions } : g;
    if (values.length) groups.set(key, { name: g.name, values });
  }
  const webGroups: Record<string, WebGroupModel> = {};
  for (const [key, w] of Object.entries(model.webGroups)) {
    if (w.kind !== "domains") {
      webGroups[key] = w;
      continue;
    }
    const values: string[] = [];
    const matches = w.matches.flatMap((m) => {
      const open = openMatch(m);
      if (open === undefined) return [m];
      values.push((m.sni ?? m.url) as string);
      return [m, open];
    });
    webGroups[key] = values.length ? { ...w, matches } : w;
    if (values.length) groups.set(`web:${key}`, { name: w.name, values });
  }
  if (groups.size === 0) return undefined;
  return { optimistic: { ...model, smartGroups, webGroups }, groups };
}

import { BUILT_IN_WEB_GROUPS } from "../built-in-groups";
import { MatchExpression, PolicyModel, RuleModel, SmartGroupModel, WebGroupModel, WELL_KNOWN } from "../model";
import { isCatchAllCidr } from "../../net/ip";

// Group facts the checks share: "is this the whole Internet", "does this WebGroup match any host".

/** An expression that is nothing but a catch-all CIDR (0.0.0.0/0, ::/0). */
function isCatchAllExpression(e: MatchExpression): boolean {
  const keys = Object.keys(e).filter((k) => (e as Record<string, unknown>)[k] !== undefined);
  return keys.length === 1 && e.cidr !== undefined && isCatchAllCidr(e.cidr.trim());
}

/** Every address: Anywhere, or a selector with a catch-all CIDR (Public Internet is not every address). */
export function isAllAddresses(group: SmartGroupModel | undefined): boolean {
  if (group === undefined) return false;
  if (group.kind === "anywhere") return true;
  return group.kind === "selector" && group.expressions.some(isCatchAllExpression);
}

/** Every address, or Public Internet. */
function isInternetWide(group: SmartGroupModel | undefined): boolean {
  return group?.kind === "publicInternet" || isAllAddresses(group);
}

/**
 * Could Kubernetes workloads (pods) be members? Anywhere; a k8s selector; a CIDR, subnet or VPC
 * selector (pod IPs come from node subnets with VPC CNIs, or from any private range); a managed or
 * unresolved group whose contents are unknown offline. Not: Public Internet, FQDN, site/S2C,
 * external feeds, VM, serverless or node selectors.
 */
export function couldContainK8sWorkloads(group: SmartGroupModel | undefined): boolean {
  if (group === undefined) return false;
  switch (group.kind) {
    case "anywhere":
    case "managed":
    case "unresolved":
      return true;
    case "publicInternet":
      return false;
    default:
      return group.expressions.some((e) => e.type === "k8s" || e.type === "subnet" || e.type === "vpc" || e.cidr !== undefined);
  }
}

export function hasInternetWideDestination(model: PolicyModel, dstGroups: readonly string[]): boolean {
  return dstGroups.some((k) => isInternetWide(model.smartGroups[k]));
}

// SNI "*" (or a URL filter that is only "*" or "*" + "/*"), or the built-in All-Web group: the
// group stops restricting hosts.
export function matchAllEntries(group: WebGroupModel): string[] {
  if (group.kind === "allWeb") return [BUILT_IN_WEB_GROUPS[WELL_KNOWN.allWeb].name];
  if (group.kind !== "domains") return [];
  const out: string[] = [];
  for (const m of group.matches) {
    if (m.sni !== undefined && m.sni.trim() === "*") out.push(`snifilter "${m.sni}"`);
    if (m.url !== undefined && /^\*(\/\*)?$/.test(m.url.trim())) out.push(`urlfilter "${m.url}"`);
  }
  return out;
}

export function hasUrlFilter(group: WebGroupModel | undefined): boolean {
  return group !== undefined && group.kind === "domains" && group.matches.some((m) => m.url !== undefined);
}

export function webGroupName(model: PolicyModel, key: string): string {
  return model.webGroups[key]?.name ?? key;
}

/** A terminal DENY on every protocol and port to an Internet-wide destination, no L7 filter: a rule that closes its sources. */
export function isCatchAllDeny(model: PolicyModel, r: RuleModel): boolean {
  return (
    r.action === "DENY" &&
    !r.watch &&
    r.protocol === "ANY" &&
    r.portRanges.length === 0 &&
    r.webGroups.length === 0 &&
    hasInternetWideDestination(model, r.dstGroups)
  );
}

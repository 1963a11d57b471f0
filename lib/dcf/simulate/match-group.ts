// Does an endpoint (flow source or destination) belong to a SmartGroup? Selector semantics:
// expressions are OR'ed, fields inside one are AND'ed. Fields a flow cannot describe (account,
// region, zone) do not constrain the match. Terraform references (`${aws_subnet.x.id}`) match a
// flow value naming the address (`aws_subnet.x`).
import { sniMatches } from "../host-match";
import { MatchExpression, SmartGroupModel } from "../model";
import { isTerraformRef, terraformRefAddress } from "../builder/tokens";
import { FlowK8sEndpoint } from "./flow";
import { cidrContainsIp, isCatchAllCidr, isInternalHost, isPublicIp } from "../../net";

/** Flow source and destination as one shape. */
export interface Endpoint {
  readonly side: "src" | "dst";
  readonly ip?: string;
  readonly k8s?: FlowK8sEndpoint;
  readonly subnet?: string;
  readonly vpc?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly groups?: readonly string[];
  /** Normalised host (destination only). */
  readonly host?: string;
  readonly feeds?: readonly string[];
}

/** A model value equals a flow value; references compare by Terraform address. */
export function valueMatches(modelValue: string, flowValue: string | undefined): boolean {
  if (flowValue === undefined) return false;
  if (modelValue === flowValue) return true;
  return isTerraformRef(modelValue) && terraformRefAddress(modelValue) === flowValue;
}

function subset(want: Readonly<Record<string, string>> | undefined, have: Readonly<Record<string, string>> | undefined): boolean {
  if (want === undefined) return true;
  const keys = Object.keys(want);
  if (keys.length === 0) return true;
  if (have === undefined) return false;
  return keys.every((k) => have[k] === want[k]);
}

/** The external-feed token a flow names to be a member: `<feed>` or `<feed>:<primary arg>`. */
function externalToken(e: MatchExpression): string {
  const args = e.extArgs ?? {};
  const primary =
    e.external === "geo"
      ? (args.country_iso_code ?? args.continent_code)
      : e.external === "azureips" || e.external === "githubips"
        ? args.service_name
        : e.external === "threatiq"
          ? undefined
          : Object.keys(args)
              .sort()
              .map((k) => args[k])[0];
  return primary === undefined ? `${e.external}` : `${e.external}:${primary}`;
}

function named(ep: Endpoint, value: string): boolean {
  return ep.groups !== undefined && ep.groups.some((g) => valueMatches(value, g));
}

function expressionMatches(e: MatchExpression, ep: Endpoint): boolean {
  if (e.cidr !== undefined) {
    if (isTerraformRef(e.cidr)) return named(ep, e.cidr) || valueMatches(e.cidr, ep.subnet) || valueMatches(e.cidr, ep.vpc);
    if (ep.ip !== undefined) return cidrContainsIp(e.cidr, ep.ip);
    // No address in the flow: only a catch-all CIDR is certain to contain it.
    return isCatchAllCidr(e.cidr);
  }
  if (e.fqdn !== undefined) {
    if (isTerraformRef(e.fqdn)) return named(ep, e.fqdn) || valueMatches(e.fqdn, ep.host);
    return ep.host !== undefined && sniMatches(e.fqdn, ep.host);
  }
  if (e.site !== undefined) return named(ep, e.site) || named(ep, `site:${e.site}`);
  if (e.s2c !== undefined) return named(ep, e.s2c) || named(ep, `s2c:${e.s2c}`);
  if (e.external !== undefined) {
    const token = externalToken(e);
    return ep.feeds !== undefined && ep.feeds.includes(token);
  }
  switch (e.type) {
    case "k8s": {
      const k = ep.k8s;
      if (k === undefined) return false;
      if (e.k8sClusterId !== undefined && !valueMatches(e.k8sClusterId, k.cluster)) return false;
      if (e.k8sNamespace !== undefined && !valueMatches(e.k8sNamespace, k.namespace)) return false;
      if (e.k8sPod !== undefined && !valueMatches(e.k8sPod, k.pod)) return false;
      if (e.k8sService !== undefined && !valueMatches(e.k8sService, k.service)) return false;
      if (e.name !== undefined && !named(ep, e.name)) return false;
      return subset(e.tags, k.labels);
    }
    case "vpc":
    case "subnet": {
      const have = e.type === "vpc" ? ep.vpc : ep.subnet;
      if (have === undefined && !(e.name !== undefined && named(ep, e.name))) return false;
      if (e.resId !== undefined && !valueMatches(e.resId, have)) return false;
      if (e.name !== undefined && !valueMatches(e.name, have) && !named(ep, e.name)) return false;
      return subset(e.tags, ep.tags);
    }
    case "vm":
    case "k8s_node":
    case "serverless": {
      if (e.resId === undefined && e.name === undefined && e.tags === undefined) return ep.tags !== undefined;
      if (e.resId !== undefined && !named(ep, e.resId)) return false;
      if (e.name !== undefined && !named(ep, e.name)) return false;
      return subset(e.tags, ep.tags);
    }
    default:
      return false;
  }
}

export function smartGroupMatches(g: SmartGroupModel, ep: Endpoint): boolean {
  if (g.kind === "anywhere") return true;
  if (ep.groups !== undefined && (ep.groups.includes(g.key) || ep.groups.includes(g.name))) return true;
  switch (g.kind) {
    case "publicInternet":
      if (ep.ip !== undefined) return isPublicIp(ep.ip);
      // A name that only resolves inside the cluster/VPC (svc.cluster.local, metadata.google.internal,
      // single-label, localhost) never leaves for the Internet.
      return ep.side === "dst" && ep.host !== undefined && !isInternalHost(ep.host);
    case "managed":
      return false;
    case "unresolved": {
      if (g.ref === undefined) return false;
      return named(ep, g.ref) || valueMatches(g.ref, ep.subnet) || valueMatches(g.ref, ep.vpc);
    }
    case "selector":
      return g.expressions.some((e) => expressionMatches(e, ep));
    default:
      return false;
  }
}

// One helper per SmartGroup match-expression kind, so callers never spell provider field names.
// Each returns a validated, canonical MatchExpression. Facts: docs/research/aviatrix-provider-schema.md §5,
// docs/research/k8s-obot-crds.md §5.2.
import { MatchExpression, SmartGroupType } from "../model";
import { canonicalExpression } from "./canonical";
import { validateMatchExpression } from "./validate";

/** Attributes shared by the resource types (vm, vpc, subnet, k8s_node, serverless). */
export interface ResourceSelectorProps {
  /** Cloud resource id (instance, VPC, subnet id, function ARN). @default - any id */
  readonly resId?: string;
  /** @default - any name */
  readonly name?: string;
  /** Cloud tags, all must match. @default - no tag constraint */
  readonly tags?: Readonly<Record<string, string>>;
  /** @default - any account */
  readonly accountId?: string;
  /** @default - any account */
  readonly accountName?: string;
  /** @default - any region */
  readonly region?: string;
  /** @default - any zone */
  readonly zone?: string;
}

/** Kubernetes workload selection (type k8s). */
export interface K8sSelectorProps {
  /** `cluster_id` of the onboarded aviatrix_kubernetes_cluster. @default - any cluster (set it for V1 sources) */
  readonly cluster?: string;
  /** @default - any namespace */
  readonly namespace?: string;
  /** Pod name; needs cluster and namespace, excludes service. @default - any pod */
  readonly pod?: string;
  /** @default - any service */
  readonly service?: string;
  /** Pod labels (rendered as tags), all must match. @default - no label constraint */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface ThreatIqArgs {
  /** @default - any protocol */
  readonly protocol?: string;
  /** @default - any threat type */
  readonly type?: string;
  /** @default - any severity */
  readonly severity?: string;
}

export interface GeoArgs {
  /** ISO 3166-1 alpha-2, e.g. "CN". @default - any country */
  readonly countryIsoCode?: string;
  /** @default - not constrained */
  readonly isInEu?: boolean;
  /** e.g. "EU". @default - any continent */
  readonly continentCode?: string;
}

function checked(e: MatchExpression, what: string): MatchExpression {
  validateMatchExpression(e, `selector ${what}`);
  return canonicalExpression(e);
}

function compact(args: Record<string, string | undefined>): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(args)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

function resource(type: SmartGroupType, p: ResourceSelectorProps): MatchExpression {
  return checked({ type, ...p }, `${type}(${JSON.stringify(p)})`);
}

/** Match-expression helpers, one per kind. */
export const Select = {
  cidr: (cidr: string): MatchExpression => checked({ cidr }, `cidr("${cidr}")`),
  fqdn: (fqdn: string): MatchExpression => checked({ fqdn }, `fqdn("${fqdn}")`),
  site: (site: string): MatchExpression => checked({ site }, `site("${site}")`),
  s2c: (s2c: string): MatchExpression => checked({ s2c }, `s2c("${s2c}")`),
  vm: (p: ResourceSelectorProps = {}): MatchExpression => resource("vm", p),
  vpc: (p: ResourceSelectorProps = {}): MatchExpression => resource("vpc", p),
  subnet: (p: ResourceSelectorProps = {}): MatchExpression => resource("subnet", p),
  k8sNode: (p: ResourceSelectorProps = {}): MatchExpression => resource("k8s_node", p),
  serverless: (p: ResourceSelectorProps = {}): MatchExpression => resource("serverless", p),
  k8s: (p: K8sSelectorProps & Pick<ResourceSelectorProps, "accountId" | "accountName" | "region" | "zone" | "name">): MatchExpression =>
    checked(
      {
        type: "k8s",
        k8sClusterId: p.cluster,
        k8sNamespace: p.namespace,
        k8sPod: p.pod,
        k8sService: p.service,
        tags: p.labels,
        name: p.name,
        accountId: p.accountId,
        accountName: p.accountName,
        region: p.region,
        zone: p.zone,
      },
      `k8s(${JSON.stringify(p)})`,
    ),
  threatIq: (a: ThreatIqArgs = {}): MatchExpression =>
    checked({ external: "threatiq", extArgs: compact({ protocol: a.protocol, type: a.type, severity: a.severity }) }, "threatIq"),
  geo: (a: GeoArgs): MatchExpression =>
    checked(
      {
        external: "geo",
        extArgs: compact({
          country_iso_code: a.countryIsoCode,
          is_in_eu: a.isInEu === undefined ? undefined : String(a.isInEu),
          continent_code: a.continentCode,
        }),
      },
      "geo",
    ),
  azureIps: (a: { readonly serviceName: string; readonly region?: string }): MatchExpression =>
    checked({ external: "azureips", extArgs: compact({ service_name: a.serviceName, region: a.region }) }, "azureIps"),
  githubIps: (a: { readonly serviceName: string }): MatchExpression =>
    checked({ external: "githubips", extArgs: compact({ service_name: a.serviceName }) }, "githubIps"),
  /** Any other external feed by id, with feed-specific args. */
  feed: (id: string, args: Readonly<Record<string, string>> = {}): MatchExpression =>
    checked({ external: id, extArgs: Object.keys(args).length > 0 ? args : undefined }, `feed("${id}")`),
} as const;

/** WebGroup match helpers. */
export const Web = {
  /** An SNI filter: exact host or a leading `*.` wildcard (subdomains only). */
  sni: (domain: string) => ({ sni: domain }),
  /** A URL filter on `host/path` (glob `*`); only applies to decrypted flows. */
  url: (glob: string) => ({ url: glob }),
  /** One SNI filter per domain. */
  domains: (domains: readonly string[]) => domains.map((d) => ({ sni: d })),
} as const;

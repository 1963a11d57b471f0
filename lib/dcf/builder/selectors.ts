// One helper per SmartGroup match-expression kind, so callers never spell provider field names.
// Each returns a validated, canonical MatchExpression. Facts: docs/research/aviatrix-provider-schema.md §5,
// docs/research/k8s-obot-crds.md §5.2.
import { MatchExpression, SmartGroupType, WebMatch } from "../model";
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
  /** @default - any name */
  readonly name?: string;
  /** @default - any account */
  readonly accountId?: string;
  /** @default - any account */
  readonly accountName?: string;
  /** @default - any region */
  readonly region?: string;
  /** @default - any zone */
  readonly zone?: string;
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

/** Cloud service IP ranges published by Azure (the `azureips` feed). */
export interface AzureIpsArgs {
  /** Azure service tag, e.g. "AzureFrontDoor.FirstParty". */
  readonly serviceName: string;
  /** @default - every region */
  readonly region?: string;
}

/** Service IP ranges published by GitHub (the `githubips` feed). */
export interface GithubIpsArgs {
  /** GitHub service, e.g. "actions". */
  readonly serviceName: string;
}

/** Match-expression helpers, one per kind (static methods, so every jsii language has them). */
export class Select {
  public static cidr(cidr: string): MatchExpression {
    return checked({ cidr }, `cidr("${cidr}")`);
  }

  public static fqdn(fqdn: string): MatchExpression {
    return checked({ fqdn }, `fqdn("${fqdn}")`);
  }

  public static site(site: string): MatchExpression {
    return checked({ site }, `site("${site}")`);
  }

  public static s2c(s2c: string): MatchExpression {
    return checked({ s2c }, `s2c("${s2c}")`);
  }

  public static vm(p: ResourceSelectorProps = {}): MatchExpression {
    return resource("vm", p);
  }

  public static vpc(p: ResourceSelectorProps = {}): MatchExpression {
    return resource("vpc", p);
  }

  public static subnet(p: ResourceSelectorProps = {}): MatchExpression {
    return resource("subnet", p);
  }

  public static k8sNode(p: ResourceSelectorProps = {}): MatchExpression {
    return resource("k8s_node", p);
  }

  public static serverless(p: ResourceSelectorProps = {}): MatchExpression {
    return resource("serverless", p);
  }

  public static k8s(p: K8sSelectorProps): MatchExpression {
    return checked(
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
    );
  }

  public static threatIq(a: ThreatIqArgs = {}): MatchExpression {
    return checked({ external: "threatiq", extArgs: compact({ protocol: a.protocol, type: a.type, severity: a.severity }) }, "threatIq");
  }

  public static geo(a: GeoArgs): MatchExpression {
    return checked(
      {
        external: "geo",
        extArgs: compact({
          country_iso_code: a.countryIsoCode,
          is_in_eu: a.isInEu === undefined ? undefined : String(a.isInEu),
          continent_code: a.continentCode,
        }),
      },
      "geo",
    );
  }

  public static azureIps(a: AzureIpsArgs): MatchExpression {
    return checked({ external: "azureips", extArgs: compact({ service_name: a.serviceName, region: a.region }) }, "azureIps");
  }

  public static githubIps(a: GithubIpsArgs): MatchExpression {
    return checked({ external: "githubips", extArgs: compact({ service_name: a.serviceName }) }, "githubIps");
  }

  /** Any other external feed by id, with feed-specific args. */
  public static feed(id: string, args: Readonly<Record<string, string>> = {}): MatchExpression {
    return checked({ external: id, extArgs: Object.keys(args).length > 0 ? args : undefined }, `feed("${id}")`);
  }

  private constructor() {}
}

/** WebGroup match helpers. */
export class Web {
  /** An SNI filter: exact host or a leading `*.` wildcard (subdomains only). */
  public static sni(domain: string): WebMatch {
    return { sni: domain };
  }

  /** A URL filter on `host/path` (glob `*`); only applies to decrypted flows. */
  public static url(glob: string): WebMatch {
    return { url: glob };
  }

  /** One SNI filter per domain. */
  public static domains(domains: string[]): WebMatch[] {
    return domains.map((d) => ({ sni: d }));
  }

  private constructor() {}
}

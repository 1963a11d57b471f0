// WebGroup = where: an `aviatrix_web_group` of SNI domains (exact or `*.` wildcard) and/or URL
// filters (`host/path` globs, only effective on decrypted flows).
import { Construct } from "constructs";
import { canonicalWebMatches } from "../../dcf/builder/canonical";
import { validateWebMatch } from "../../dcf/builder/validate";
import { WebGroupModel, WebMatch } from "../../dcf/model";
import { resolveTokens } from "../../core/resolve-tokens";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { registerControllerName } from "./controller-names";
import { IWebGroupRef } from "./group-refs";
import { LeanWebGroupResource } from "./lean-group-resources";
import { withConstructPath } from "./model-checks";

const BRAND = Symbol.for("vca-cdktf.WebGroup");

export interface WebGroupProps {
  /** Name of the group on the controller. @default - the construct id */
  readonly name?: string;
  /**
   * SNI filters: exact hosts (`api.openai.com`) or leading wildcards (`*.openai.com`, subdomains
   * only). Written lower-case punycode, sorted, de-duplicated. @default - no SNI filters
   */
  readonly domains?: string[];
  /**
   * URL filters (`host/path` globs). Rules using this group must set `decryptPolicy: "DECRYPT_ALLOWED"`.
   * @default - no URL filters
   */
  readonly urls?: string[];
  /** Further matches as model values (`Web.sni(...)`, `Web.url(...)`). @default - none */
  readonly matches?: WebMatch[];
}

/** An Aviatrix WebGroup (`aviatrix_web_group`). At least one domain or URL is required. */
export class WebGroup extends Construct implements IWebGroupRef {
  public static isWebGroup(x: unknown): x is WebGroup {
    return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[BRAND] === true;
  }

  /**
   * A WebGroup from a domains model (kind "domains").
   * TypeScript-only (the policy model has no jsii form; README "jsii").
   * @jsii ignore
   */
  public static fromModel(scope: Construct, id: string, model: WebGroupModel): WebGroup {
    if (model.kind !== "domains") {
      throw new ConstructPropsError(
        { path: `${scope.node.path}/${id}`, construct: "WebGroup" },
        "model.kind",
        model.kind,
        `"domains"`,
        "reference All-Web or managed groups with WellKnownWebGroups / ManagedWebGroup instead of rendering them",
      );
    }
    return new WebGroup(scope, id, { name: model.name, matches: [...model.matches] });
  }

  /**
   * The underlying `aviatrix_web_group` resource.
   * TypeScript-only (a lean resource class with a generic base; README "jsii").
   * @jsii ignore
   */
  public readonly resource: LeanWebGroupResource;
  public readonly name: string;
  /** Canonical matches: SNI filters first, then URL filters, each sorted. */
  public readonly matches: WebMatch[];

  constructor(scope: Construct, id: string, props: WebGroupProps) {
    super(scope, id);
    Object.defineProperty(this, BRAND, { value: true });
    this.name = props.name ?? id;
    if (this.name.trim() === "") {
      throw new ConstructPropsError(this, "name", props.name, "a non-empty name", "omit it to use the construct id");
    }
    const given: Array<[string, WebMatch]> = [
      ...(props.domains ?? []).map((d, i): [string, WebMatch] => [`domains[${i}]`, { sni: d }]),
      ...(props.urls ?? []).map((u, i): [string, WebMatch] => [`urls[${i}]`, { url: u }]),
      ...(props.matches ?? []).map((m, i): [string, WebMatch] => [`matches[${i}]`, m]),
    ];
    if (given.length === 0) {
      throw new ConstructPropsError(
        this,
        "domains",
        described("no domains, urls or matches"),
        "at least one SNI domain or URL filter",
        "an empty WebGroup matches nothing; use WellKnownWebGroups.allWeb() to mean any host",
      );
    }
    for (const [prop, m] of given) {
      if (typeof m.sni === "string" && m.sni.trim() === "*") {
        // "*" would silently widen this group to every host: make that an explicit choice.
        throw new ConstructPropsError(
          this,
          prop,
          described(`"*"`),
          'an exact host or a leading "*." wildcard',
          "use WellKnownWebGroups.allWeb() to allow any host",
        );
      }
      if (typeof m.sni === "string" && /^[a-z]+:\/\//i.test(m.sni.trim())) {
        throw new ConstructPropsError(this, prop, m.sni, "a host name without scheme", "drop the scheme (SNI filters match host names only)");
      }
      withConstructPath(this, prop, () => validateWebMatch(m, prop));
    }
    this.matches = withConstructPath(this, "domains", () => canonicalWebMatches(given.map(([, m]) => m)));
    this.resource = new LeanWebGroupResource(this, "Default", {
      name: this.name,
      selector: {
        matchExpressions: this.matches.map((m) => (m.sni !== undefined ? { snifilter: m.sni } : { urlfilter: m.url })),
      },
    });
    registerControllerName(this, "aviatrix_web_group", this.name);
  }

  /** `${aviatrix_web_group.<id>.uuid}` (a token). */
  public get uuid(): string {
    return this.resource.uuid;
  }

  /** True when the group has URL filters (which need decrypting rules). */
  public get hasUrlFilters(): boolean {
    return this.matches.some((m) => m.url !== undefined);
  }

  /** The Terraform address, `aviatrix_web_group.<logical id>`. */
  public get address(): string {
    return `${this.resource.terraformResourceType}.${this.resource.friendlyUniqueId}`;
  }

  public get model(): WebGroupModel {
    return {
      key: this.address,
      name: this.name,
      kind: "domains",
      matches: resolveTokens(this, this.matches) as WebMatch[],
    };
  }
}

// SmartGroup = who: an `aviatrix_smart_group` rendered from match expressions (OR'ed blocks,
// AND'ed fields). Build expressions with `Select.*` from lib/dcf; the model is the same data.
import { Construct } from "constructs";
import { SmartGroupSelectorMatchExpressions } from "../../aviatrix/gen/providers/aviatrix/smart-group";
import { canonicalExpressions } from "../../dcf/builder/canonical";
import { validateMatchExpression } from "../../dcf/builder/validate";
import { MatchExpression, SmartGroupModel } from "../../dcf/model";
import { resolveTokens } from "../../core/resolve-tokens";
import { ConstructPropsError } from "../../core/construct-props-error";
import { registerControllerName } from "./controller-names";
import { ISmartGroupRef } from "./group-refs";
import { LeanSmartGroupResource } from "./lean-group-resources";
import { withConstructPath } from "./model-checks";

const BRAND = Symbol.for("vca-cdktf.SmartGroup");

export interface SmartGroupProps {
  /** Name of the group on the controller. @default - the construct id */
  readonly name?: string;
  /**
   * Match expressions: a workload is a member when it matches any expression (all fields of an
   * expression must match). Build them with `Select.k8s(...)`, `Select.cidr(...)`, … Order and
   * duplicates do not matter: the output is sorted and de-duplicated.
   */
  readonly matchExpressions: MatchExpression[];
}

/** An Aviatrix SmartGroup (`aviatrix_smart_group`). */
export class SmartGroup extends Construct implements ISmartGroupRef {
  public static isSmartGroup(x: unknown): x is SmartGroup {
    return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[BRAND] === true;
  }

  /**
   * A SmartGroup from a selector model (kind "selector").
   * TypeScript-only (the policy model has no jsii form; README "jsii").
   * @jsii ignore
   */
  public static fromModel(scope: Construct, id: string, model: SmartGroupModel): SmartGroup {
    if (model.kind !== "selector") {
      throw new ConstructPropsError(
        { path: `${scope.node.path}/${id}`, construct: "SmartGroup" },
        "model.kind",
        model.kind,
        `"selector"`,
        "reference built-in or managed groups with WellKnownSmartGroups / ManagedSmartGroup instead of rendering them",
      );
    }
    return new SmartGroup(scope, id, { name: model.name, matchExpressions: [...model.expressions] });
  }

  /**
   * The underlying `aviatrix_smart_group` resource.
   * TypeScript-only (a lean resource class with a generic base; README "jsii").
   * @jsii ignore
   */
  public readonly resource: LeanSmartGroupResource;
  public readonly name: string;
  /** Canonical (sorted, de-duplicated) match expressions. */
  public readonly expressions: MatchExpression[];

  constructor(scope: Construct, id: string, props: SmartGroupProps) {
    super(scope, id);
    Object.defineProperty(this, BRAND, { value: true });
    this.name = props.name ?? id;
    if (this.name.trim() === "") {
      throw new ConstructPropsError(this, "name", props.name, "a non-empty name", "omit it to use the construct id");
    }
    if (!Array.isArray(props.matchExpressions) || props.matchExpressions.length === 0) {
      throw new ConstructPropsError(
        this,
        "matchExpressions",
        props.matchExpressions,
        "at least one match expression",
        'e.g. [Select.k8s({ cluster, namespace: "app" })]',
      );
    }
    props.matchExpressions.forEach((e, i) => withConstructPath(this, `matchExpressions[${i}]`, () => validateMatchExpression(e, `matchExpressions[${i}]`)));
    this.expressions = canonicalExpressions(props.matchExpressions);
    this.resource = new LeanSmartGroupResource(this, "Default", {
      name: this.name,
      selector: { matchExpressions: this.expressions.map(toResourceExpression) },
    });
    registerControllerName(this, "aviatrix_smart_group", this.name);
  }

  /** `${aviatrix_smart_group.<id>.uuid}` (a token). */
  public get uuid(): string {
    return this.resource.uuid;
  }

  /** The Terraform address, `aviatrix_smart_group.<logical id>`: the key rules use in the model. */
  public get address(): string {
    return `${this.resource.terraformResourceType}.${this.resource.friendlyUniqueId}`;
  }

  /** The group as model data; Terraform references in fields appear as `${…}` text. */
  public get model(): SmartGroupModel {
    return {
      key: this.address,
      name: this.name,
      kind: "selector",
      expressions: resolveTokens(this, this.expressions) as MatchExpression[],
    };
  }
}

/** Model field names → binding field names (the binding spells k8s_* as k8S*, s2c as s2C). */
export function toResourceExpression(e: MatchExpression): SmartGroupSelectorMatchExpressions {
  return {
    cidr: e.cidr,
    fqdn: e.fqdn,
    site: e.site,
    s2C: e.s2c,
    type: e.type,
    resId: e.resId,
    name: e.name,
    tags: e.tags as Record<string, string> | undefined,
    accountId: e.accountId,
    accountName: e.accountName,
    region: e.region,
    zone: e.zone,
    k8SClusterId: e.k8sClusterId,
    k8SNamespace: e.k8sNamespace,
    k8SPod: e.k8sPod,
    k8SService: e.k8sService,
    external: e.external,
    extArgs: e.extArgs as Record<string, string> | undefined,
  };
}

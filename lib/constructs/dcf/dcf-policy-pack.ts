// DCF policy = what is allowed: priority-ordered rules (first match wins) plus, only when asked,
// the POST_RULES default action, with discover/enforce as one switch. Renders a ruleset attached
// at an attachment point (default; brownfield: it adds rules next to the customer's) or, on a
// controller this stack owns, the V1 policy list; exposes the same data as a PolicyModel for the
// simulator, analyzer and preflight. Attachment points: lib/dcf/attachment-points.ts.
import { Construct } from "constructs";
import { ITerraformDependable, IResolvable, IResolveContext, Lazy, TerraformStack } from "../../core/cdktf";
import { DataAviatrixDcfAttachmentPoint } from "../../aviatrix/gen/providers/aviatrix/data-aviatrix-dcf-attachment-point";
import { DcfRuleset } from "../../aviatrix/gen/providers/aviatrix/dcf-ruleset";
import { DistributedFirewallingDefaultActionRule } from "../../aviatrix/gen/providers/aviatrix/distributed-firewalling-default-action-rule";
import { DistributedFirewallingPolicyList } from "../../aviatrix/gen/providers/aviatrix/distributed-firewalling-policy-list";
import {
  DCF_POSITIONS,
  DcfPosition,
  isRootAttachmentPoint,
  Placement,
  placementOf,
  positionOfName,
  positionOfRoot,
  V1_LIST_ORDER,
} from "../../dcf/attachment-points";
import { DefaultActionModel, PolicyMode, PolicyModel, SmartGroupModel, WebGroupModel } from "../../dcf/model";
import { LOG_PROFILES } from "../../dcf/rule-props";
import { DcfRuleProps, normalizeRule, PackRule } from "./dcf-rule";
import { resolveTokens } from "../../core/resolve-tokens";
import { ConstructPropsError, described } from "../../core/construct-props-error";
import { PREFLIGHT_FACTS, type PreflightFact, type PreflightFactSource } from "../../preflight/facts";
import {
  isSmartGroupRef,
  isWebGroupRef,
  ISmartGroupRef,
  IWebGroupRef,
  SmartGroupInput,
  WebGroupInput,
  WellKnownSmartGroups,
  WellKnownWebGroups,
} from "./group-refs";
import { ManagedSmartGroup, ManagedWebGroup } from "./managed-groups";
import { byPriority, GroupKeys, renderRuleBlock, ruleMayHoldTokens, ruleToModel } from "./policy-render";
import { SmartGroup } from "./smart-group";
import { registerControllerName } from "./controller-names";
import { DCF_MIN_VERSIONS, requireControllerVersion } from "./version-gates";
import { WebGroup } from "./web-group";
import { sortedByKey } from "../../dcf/builder/canonical";
import { checkBooleanProps } from "../../core/prop-types";
import { own } from "../../util/own";
import { ensureSecretScan } from "../../secrets/terraform-scan";

const BRAND = Symbol.for("vca-cdktf.DcfPolicyPack");

/** How the pack is written to Terraform. */
export type DcfRenderMode = "policyList" | "ruleset";
/**
 * A root attachment point (`TERRAFORM_BEFORE_UI_MANAGED`, `TERRAFORM_AFTER_UI_MANAGED`,
 * `TERRAFORM_AFTER_K8S_MANAGED`; one object each) or a named point a policy group declares
 * (e.g. one DcfControllerBaseline declares per blueprint).
 */
export type DcfAttachmentPointName = string;

export interface DcfDefaultActionProps {
  /** @default - "PERMIT" in discover mode, "DENY" in enforce mode */
  readonly action?: "PERMIT" | "DENY";
  /** @default true */
  readonly logging?: boolean;
  /** "start", "end", "start/end" or a log profile UUID (controller ≥ 8.2.0). @default - controller default */
  readonly logProfile?: string;
}

export interface DcfPolicyPackProps {
  /**
   * discover: rules watch (log and fall through) and a managed default action is PERMIT + log;
   * enforce: rules act and a managed default action is DENY + log.
   * @default "enforce"
   */
  readonly mode?: PolicyMode;
  /** Default logging of rules that do not set `logging`. @default true */
  readonly logging?: boolean;
  /** The POST_RULES default action, when `manageDefaultAction` is on. @default - from `mode`, logged */
  readonly defaultAction?: DcfDefaultActionProps;
  /**
   * Whether this pack owns the controller's default action (a controller-wide singleton that
   * decides every flow no rule matched, for every workload on the controller). Only on a
   * controller this stack owns; the rule is created after this pack's rules, so the permits
   * bootstrap traffic needs exist before a DENY default lands.
   * @default false
   */
  readonly manageDefaultAction?: boolean;
  /**
   * "ruleset": `aviatrix_dcf_ruleset` attached at `attachmentPoint` (controller ≥ 8.2.0); it adds
   * rules and leaves every other rule on the controller alone. "policyList": the V1 list
   * (`aviatrix_distributed_firewalling_policy_list`, a controller singleton that REPLACES every
   * V1 rule) — only on a controller this stack owns.
   * @default "ruleset"
   */
  readonly renderAs?: DcfRenderMode;
  /** Name of the ruleset (ruleset mode). @default - the construct id */
  readonly rulesetName?: string;
  /** Where the ruleset attaches (ruleset mode). @default "TERRAFORM_BEFORE_UI_MANAGED" */
  readonly attachmentPoint?: DcfAttachmentPointName;
  /**
   * Which side of the K8S (FirewallPolicy) block a named attachment point is evaluated on; the
   * simulator and analyzer read it back from the synthesized JSON. Root points imply it.
   * @default - from a root point; from a named point's suffix (`…-after-k8s`), else "before-k8s"
   */
  readonly position?: DcfPosition;
  /**
   * Names of rules that act even in discover mode (promoted one by one from watch to enforce),
   * as if each had `promote: true`. @default - none
   */
  readonly promoteRules?: string[];
  /** Rules to add now; more with `addRule`. @default - none */
  readonly rules?: DcfRuleProps[];
  /** Resources that must exist first, e.g. a `DcfFeature`. @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/** A DCF policy pack: rules, default action and the model they make. */
export class DcfPolicyPack extends Construct implements PreflightFactSource {
  public static isDcfPolicyPack(x: unknown): x is DcfPolicyPack {
    return typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[BRAND] === true;
  }

  public readonly mode: PolicyMode;
  public readonly renderAs: DcfRenderMode;
  /**
   * The resolved default action, or undefined when not managed here.
   * TypeScript-only (the policy model has no jsii form; README "jsii").
   * @jsii ignore
   */
  public readonly defaultAction?: DefaultActionModel;
  /** `aviatrix_distributed_firewalling_policy_list` (policyList mode). */
  public readonly policyList?: DistributedFirewallingPolicyList;
  /** `aviatrix_dcf_ruleset` (ruleset mode). */
  public readonly ruleset?: DcfRuleset;
  public readonly defaultActionRule?: DistributedFirewallingDefaultActionRule;
  /** The attachment point the ruleset hangs from (ruleset mode). */
  public readonly attachmentPoint?: DcfAttachmentPointName;
  /**
   * Where the rules are evaluated (tier and order within it).
   * TypeScript-only (the policy model has no jsii form; README "jsii").
   * @jsii ignore
   */
  public readonly placement: Placement;

  private readonly defaultLogging: boolean;
  private readonly promoted: ReadonlySet<string>;
  private readonly rulesByName = new Map<string, PackRule>();
  private readonly namesByPriority = new Map<number, string>();
  /** Rules whose rendered block may hold tokens: all that cdktf's preparing pass needs to see. */
  private readonly tokenRules = new Set<PackRule>();
  // Groups rendered on demand from model inputs, by model key, so a model used twice is one resource.
  private readonly renderedSmartGroups = new Map<string, ISmartGroupRef>();
  private readonly renderedWebGroups = new Map<string, IWebGroupRef>();

  constructor(scope: Construct, id: string, props: DcfPolicyPackProps = {}) {
    super(scope, id);
    ensureSecretScan(this);
    checkBooleanProps(this, props, ["logging", "manageDefaultAction"]);
    Object.defineProperty(this, BRAND, { value: true });
    this.mode = props.mode ?? "enforce";
    if (this.mode !== "discover" && this.mode !== "enforce") {
      throw new ConstructPropsError(this, "mode", props.mode, `"discover" or "enforce"`);
    }
    this.renderAs = props.renderAs ?? "ruleset";
    if (this.renderAs !== "policyList" && this.renderAs !== "ruleset") {
      throw new ConstructPropsError(this, "renderAs", props.renderAs, `"policyList" or "ruleset"`);
    }
    this.defaultLogging = props.logging ?? true;
    this.promoted = new Set(props.promoteRules ?? []);
    const dependsOn = props.dependsOn ? [...props.dependsOn] : undefined;
    const rules = Lazy.anyValue({ produce: (context: IResolveContext) => this.renderBlocks(context) }) as IResolvable;

    if (this.renderAs === "policyList") {
      // "Default": the singleton takes the pack's own address (aviatrix_distributed_firewalling_policy_list.<id>).
      this.policyList = new DistributedFirewallingPolicyList(this, "Default", { policies: rules, dependsOn });
      if (props.attachmentPoint !== undefined || props.position !== undefined) {
        throw new ConstructPropsError(
          this,
          "attachmentPoint",
          props.attachmentPoint ?? props.position,
          'nothing with renderAs: "policyList" (the V1 list is evaluated before the K8S block)',
          'drop it, or use renderAs: "ruleset"',
        );
      }
      this.placement = { tier: "V1", order: V1_LIST_ORDER };
    } else {
      const attachmentPoint = props.attachmentPoint ?? "TERRAFORM_BEFORE_UI_MANAGED";
      if (typeof attachmentPoint !== "string" || attachmentPoint.trim() === "") {
        throw new ConstructPropsError(
          this,
          "attachmentPoint",
          attachmentPoint,
          "a root attachment point (TERRAFORM_BEFORE_UI_MANAGED, TERRAFORM_AFTER_UI_MANAGED, TERRAFORM_AFTER_K8S_MANAGED) or a named point a policy group declares",
        );
      }
      if (props.position !== undefined && !DCF_POSITIONS.includes(props.position)) {
        throw new ConstructPropsError(this, "position", props.position, `"before-k8s" or "after-k8s"`);
      }
      const position = isRootAttachmentPoint(attachmentPoint)
        ? positionOfRoot(attachmentPoint)
        : (props.position ?? positionOfName(attachmentPoint) ?? "before-k8s");
      if (props.position !== undefined && props.position !== position) {
        throw new ConstructPropsError(
          this,
          "position",
          props.position,
          `"${position}" (${attachmentPoint} is evaluated ${position === "after-k8s" ? "after" : "before"} the K8S block)`,
          "drop position; root attachment points imply it",
        );
      }
      this.attachmentPoint = attachmentPoint;
      this.placement = placementOf(attachmentPoint, position);
      const name = props.rulesetName ?? id;
      if (name.trim() === "") throw new ConstructPropsError(this, "rulesetName", name, "a non-empty name");
      this.ruleset = new DcfRuleset(this, "Default", { name, rules, dependsOn });
      registerControllerName(this.ruleset, "aviatrix_dcf_ruleset", name);
      const point = new DataAviatrixDcfAttachmentPoint(this, "attachment_point", { name: attachmentPoint });
      point.overrideLogicalId(this.ruleset.friendlyUniqueId);
      this.ruleset.attachTo = point.id;
      // Terraform ignores "//" properties; the simulator reads where a named point is evaluated.
      if (!isRootAttachmentPoint(attachmentPoint)) this.ruleset.addOverride("//.vca.position", position);
      requireControllerVersion(this, 'renderAs: "ruleset"', DCF_MIN_VERSIONS.ruleset);
    }

    if (props.manageDefaultAction ?? false) {
      const d = props.defaultAction ?? {};
      const action = d.action ?? (this.mode === "discover" ? "PERMIT" : "DENY");
      if (action !== "PERMIT" && action !== "DENY") {
        throw new ConstructPropsError(this, "defaultAction.action", d.action, `"PERMIT" or "DENY"`);
      }
      const logging = d.logging ?? true;
      let logProfile: string | undefined;
      if (d.logProfile !== undefined) {
        logProfile = own(LOG_PROFILES, d.logProfile) ?? d.logProfile;
        if (!Object.values(LOG_PROFILES).includes(logProfile)) {
          throw new ConstructPropsError(this, "defaultAction.logProfile", d.logProfile, `"start", "end", "start/end" or a log profile UUID`);
        }
        if (!logging)
          throw new ConstructPropsError(
            this,
            "defaultAction.logProfile",
            d.logProfile,
            "no log profile when logging is off",
            "turn logging on or drop logProfile",
          );
      }
      this.defaultAction = { action, logging, ...(logProfile !== undefined ? { logProfile } : {}) };
      // After this pack's rules: a DENY default must not land before the permits that let the
      // workloads bootstrap (image pulls, cluster join, the control plane).
      this.defaultActionRule = new DistributedFirewallingDefaultActionRule(this, "default_action", {
        action,
        logging,
        logProfile,
        dependsOn: [...(dependsOn ?? []), (this.policyList ?? this.ruleset)!],
      });
      this.defaultActionRule.overrideLogicalId((this.policyList ?? this.ruleset)!.friendlyUniqueId);
      requireControllerVersion(this, "the default action rule", DCF_MIN_VERSIONS.defaultActionRule);
      if (logProfile !== undefined) requireControllerVersion(this, "defaultAction.logProfile", DCF_MIN_VERSIONS.logProfile);
    }
    requireControllerVersion(this, "rule logProfile", DCF_MIN_VERSIONS.logProfile, () =>
      [...this.rulesByName.values()].some((r) => r.logProfile !== undefined),
    );
    this.node.addValidation({ validate: () => this.validateSingletons() });
    for (const rule of props.rules ?? []) this.addRule(rule);
  }

  /** Adds a rule; validates it now (duplicate name or priority, ports, decryption, …). */
  public addRule(given: DcfRuleProps): this {
    const props =
      this.promoted.has(given.name) && given.promote === undefined && given.watch === undefined && given.enforce === undefined
        ? { ...given, promote: true }
        : given;
    const rule = normalizeRule(props, {
      scope: this,
      index: this.rulesByName.size,
      mode: this.mode,
      defaultLogging: this.defaultLogging,
      smartGroup: (input, prop) => this.smartGroupRef(input, prop),
      webGroup: (input, prop) => this.webGroupRef(input, prop),
    });
    const at = `rules[${JSON.stringify(rule.name)}]`;
    if (this.rulesByName.has(rule.name)) {
      throw new ConstructPropsError(this, `${at}.name`, rule.name, "a name unique in the pack", "rename one of the rules");
    }
    const clash = this.namesByPriority.get(rule.priority);
    if (clash !== undefined) {
      throw new ConstructPropsError(
        this,
        `${at}.priority`,
        described(String(rule.priority)),
        `a priority not used by another rule (rule "${clash}" has it)`,
        "give each rule its own priority: first match wins, so ties would make the order undefined",
      );
    }
    this.rulesByName.set(rule.name, rule);
    this.namesByPriority.set(rule.priority, rule.name);
    if (ruleMayHoldTokens(rule, TerraformStack.of(this))) this.tokenRules.add(rule);
    return this;
  }

  /** Preflight: the policy model and the discover/enforce switch. */
  /** @internal */
  public [PREFLIGHT_FACTS](): readonly PreflightFact[] {
    return [{ kind: "dcf-policy", model: this.model, mode: this.mode }];
  }

  /** Whether the pack has a rule of that name. */
  public hasRule(name: string): boolean {
    return this.rulesByName.has(name);
  }

  /**
   * Rules in evaluation order (by priority).
   * TypeScript-only (the policy model has no jsii form; README "jsii").
   * @jsii ignore
   */
  public get rules(): PackRule[] {
    return byPriority(this.rulesByName.values());
  }

  /**
   * The pack as a PolicyModel: every referenced group (keyed by Terraform address or UUID),
   * the rules (tier V1, by priority) and the default action. Terraform references appear as
   * `${…}` text, as in the synthesized JSON.
   * TypeScript-only (the policy model has no jsii form; README "jsii").
   * @jsii ignore
   */
  public get model(): PolicyModel {
    const keys = new GroupKeys();
    const smartGroups: Record<string, SmartGroupModel> = {};
    const webGroups: Record<string, WebGroupModel> = {};
    const seen = new Set<string>();
    const rules = this.rules.map((rule) => {
      for (const ref of [...rule.src, ...rule.dst]) {
        const key = keys.of(ref);
        if (!seen.has(key)) {
          seen.add(key);
          smartGroups[key] = ref.model;
        }
      }
      for (const ref of rule.webGroups) {
        const key = keys.of(ref);
        if (!seen.has(`web:${key}`)) {
          seen.add(`web:${key}`);
          webGroups[key] = ref.model;
        }
      }
      const model = ruleToModel(rule, keys, this.ruleOrigin(rule));
      return { ...model, tier: this.placement.tier, ...(this.placement.order !== 0 ? { order: this.placement.order } : {}) };
    });
    return {
      smartGroups: sortedByKey(smartGroups),
      webGroups: sortedByKey(webGroups),
      rules: resolveTokens(this, rules),
      ...(this.defaultAction !== undefined ? { defaultAction: this.defaultAction } : {}),
    };
  }

  private ruleOrigin(rule: PackRule): string {
    const owner = (this.policyList ?? this.ruleset)!;
    const type = owner.terraformResourceType;
    return `${type}.${owner.friendlyUniqueId}[${JSON.stringify(rule.name)}]`;
  }

  private renderBlocks(context: IResolveContext): Record<string, unknown>[] {
    const keys = new GroupKeys(TerraformStack.of(this));
    // The preparing pass only registers tokens (cross-stack references) and discards its output:
    // render just the rules that may hold tokens for it (lib/core/prepare-skip).
    const rules = context.preparing ? byPriority(this.tokenRules) : this.rules;
    return rules.map((r) => renderRuleBlock(r, keys));
  }

  private smartGroupRef(input: SmartGroupInput, prop: string): ISmartGroupRef {
    if (isSmartGroupRef(input)) return input;
    const model = input as SmartGroupModel;
    switch (model.kind) {
      case "anywhere":
        return WellKnownSmartGroups.anywhere();
      case "publicInternet":
        return WellKnownSmartGroups.publicInternet();
      case "unresolved":
        if (!model.ref) throw new ConstructPropsError(this, prop, model, "an unresolved group with its `ref` text");
        return { uuid: model.ref, model };
      case "selector":
      case "managed": {
        const existing = this.renderedSmartGroups.get(model.key);
        if (existing) return existing;
        const id = `sg_${safeId(model.key)}`;
        const ref = model.kind === "selector" ? SmartGroup.fromModel(this, id, model) : ManagedSmartGroup.fromName(this, id, model.name);
        this.renderedSmartGroups.set(model.key, ref);
        return ref;
      }
      default:
        throw new ConstructPropsError(this, prop, input, "a SmartGroup construct, a ManagedSmartGroup reference or a SmartGroupModel");
    }
  }

  private webGroupRef(input: WebGroupInput, prop: string): IWebGroupRef {
    if (isWebGroupRef(input)) return input;
    const model = input as WebGroupModel;
    switch (model.kind) {
      case "allWeb":
        return WellKnownWebGroups.allWeb();
      case "unresolved":
        if (!model.ref) throw new ConstructPropsError(this, prop, model, "an unresolved group with its `ref` text");
        return { uuid: model.ref, model };
      case "domains":
      case "managed": {
        const existing = this.renderedWebGroups.get(model.key);
        if (existing) return existing;
        const id = `wg_${safeId(model.key)}`;
        const ref = model.kind === "domains" ? WebGroup.fromModel(this, id, model) : ManagedWebGroup.fromName(this, id, model.name);
        this.renderedWebGroups.set(model.key, ref);
        return ref;
      }
      default:
        throw new ConstructPropsError(this, prop, input, "a WebGroup construct, a ManagedWebGroup reference or a WebGroupModel");
    }
  }

  /** The V1 list and the default action are controller singletons: one owner per stack. */
  private validateSingletons(): string[] {
    const errors: string[] = [];
    if (this.renderAs === "policyList" && this.rulesByName.size === 0) {
      errors.push(
        ConstructPropsError.validationMessage(
          this,
          "rules",
          described("none"),
          "at least one rule",
          "an empty V1 policy list would delete every V1 rule on the controller — add rules or drop the pack",
        ),
      );
    }
    const packs = TerraformStack.of(this).node.findAll().filter(DcfPolicyPack.isDcfPolicyPack);
    const first = <T>(pick: (p: DcfPolicyPack) => T | undefined) => packs.find((p) => pick(p) !== undefined);
    if (this.policyList && first((p) => p.policyList) !== this) {
      errors.push(
        ConstructPropsError.validationMessage(
          this,
          "renderAs",
          described(`a second "policyList" pack in the stack (first: ${first((p) => p.policyList)!.node.path})`),
          "one — the V1 list is a controller singleton",
          'merge the packs or use renderAs: "ruleset"',
        ),
      );
    }
    const samePoint = this.attachmentPoint && packs.find((p) => p.attachmentPoint === this.attachmentPoint);
    if (samePoint && samePoint !== this) {
      errors.push(
        ConstructPropsError.validationMessage(
          this,
          "attachmentPoint",
          described(`${this.attachmentPoint} already used by ${samePoint.node.path}`),
          "one object per attachment point",
          "use the other attachment point or merge the packs",
        ),
      );
    }
    if (this.defaultActionRule && first((p) => p.defaultActionRule) !== this) {
      errors.push(
        ConstructPropsError.validationMessage(
          this,
          "manageDefaultAction",
          described(`a second pack managing the default action (first: ${first((p) => p.defaultActionRule)!.node.path})`),
          "one",
          "set manageDefaultAction: false on all but one pack",
        ),
      );
    }
    return errors;
  }
}

function safeId(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]+/g, "_");
}

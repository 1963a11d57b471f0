// Brownfield by default: a blueprint adds its own rulesets to a controller that already runs DCF
// and never takes over controller-wide singletons (the V1 policy list, the default action, the
// feature flags). Its rulesets attach to two named attachment points that the controller's
// baseline (DcfControllerBaseline, owned once per controller) declares for it — one evaluated
// before the K8S block, one after (lib/dcf/attachment-points.ts). Owning the controller is an
// explicit opt-in for a dedicated controller (the seed labs): then the stack enables DCF, owns
// the default action and attaches at the root attachment points itself.
import { IConstruct } from "constructs";
import type { DcfRenderMode } from "../lib/constructs/dcf/dcf-policy-pack";
import { ConstructPropsError } from "../lib/core/construct-props-error";
import { DcfPosition } from "../lib/dcf/attachment-points";

/** The attachment points a blueprint's rulesets hang from. */
export interface StackAttachmentPoints {
  /** Evaluated before the K8S block: the stack's permits and its early, scoped denies. @default "<namePrefix>-before-k8s" */
  readonly beforeK8s?: string;
  /** Evaluated after the K8S block: the stack's closing, scoped denies. @default "<namePrefix>-after-k8s" */
  readonly afterK8s?: string;
}

export interface ControllerOwnershipProps {
  /**
   * Own the whole controller — only for a controller dedicated to this stack (the seed lab):
   * enables DCF and its feature flags (`aviatrix_config_feature`; destroying the stack turns them
   * off controller-wide), sets the POST_RULES default action (created after the rules that permit
   * bootstrap traffic) and attaches the rulesets at the root attachment points.
   * @default false - brownfield: only the stack's own objects, attached at `attachmentPoints`
   */
  readonly ownController?: boolean;
  /**
   * Named attachment points the controller baseline declares for this stack
   * (`ControllerBaselineStack` / `DcfControllerBaseline` with the stack's prefix as a consumer).
   * @default - "<namePrefix>-before-k8s" and "<namePrefix>-after-k8s"
   */
  readonly attachmentPoints?: StackAttachmentPoints;
}

/** Where one ruleset of a stack attaches. */
export interface RulesetPlacement {
  readonly attachmentPoint: string;
  readonly position: DcfPosition;
}

export interface ControllerOwnership {
  readonly owned: boolean;
  readonly beforeK8s: RulesetPlacement;
  readonly afterK8s: RulesetPlacement;
}

/** The attachment point names a baseline declares for a consumer prefix. */
export function consumerAttachmentPoints(prefix: string): Required<StackAttachmentPoints> {
  return { beforeK8s: `${prefix}-before-k8s`, afterK8s: `${prefix}-after-k8s` };
}

export function controllerOwnership(scope: IConstruct, prop: string, prefix: string, props: ControllerOwnershipProps): ControllerOwnership {
  const owned = props.ownController ?? false;
  if (typeof owned !== "boolean") throw new ConstructPropsError(scope, `${prop}.ownController`, owned, "true or false");
  if (owned) {
    if (props.attachmentPoints !== undefined) {
      throw new ConstructPropsError(
        scope,
        `${prop}.attachmentPoints`,
        props.attachmentPoints,
        "nothing when ownController is true (the stack attaches at the root points)",
        "drop one of them",
      );
    }
    return {
      owned,
      beforeK8s: { attachmentPoint: "TERRAFORM_BEFORE_UI_MANAGED", position: "before-k8s" },
      afterK8s: { attachmentPoint: "TERRAFORM_AFTER_K8S_MANAGED", position: "after-k8s" },
    };
  }
  const defaults = consumerAttachmentPoints(prefix);
  const given = props.attachmentPoints ?? {};
  const pick = (key: keyof StackAttachmentPoints): string => {
    const v = given[key] ?? defaults[key];
    if (typeof v !== "string" || v.trim() === "") throw new ConstructPropsError(scope, `${prop}.attachmentPoints.${key}`, v, "an attachment point name");
    return v;
  };
  const beforeK8s = pick("beforeK8s");
  const afterK8s = pick("afterK8s");
  if (beforeK8s === afterK8s) {
    throw new ConstructPropsError(
      scope,
      `${prop}.attachmentPoints`,
      given,
      "two different points (each holds one object)",
      "name the baseline's two points for this stack",
    );
  }
  return { owned, beforeK8s: { attachmentPoint: beforeK8s, position: "before-k8s" }, afterK8s: { attachmentPoint: afterK8s, position: "after-k8s" } };
}

/** How a stack's policy pack lands on the controller, as props: a ruleset at the stack's attachment point by default; the V1 list and the default action only on an owned controller. */
export function ownedPolicy(
  scope: IConstruct,
  stack: string,
  prefix: string,
  props: ControllerOwnershipProps & { readonly renderAs?: DcfRenderMode; readonly manageDefaultAction?: boolean },
): { readonly ownership: ControllerOwnership; readonly renderAs: DcfRenderMode; readonly manageDefaultAction: boolean } {
  const ownership = controllerOwnership(scope, stack, prefix, props);
  const renderAs = props.renderAs ?? "ruleset";
  if (renderAs === "policyList" && !ownership.owned) {
    throw new ConstructPropsError(
      scope,
      `${stack}.renderAs`,
      renderAs,
      '"ruleset" unless ownController is true',
      "the V1 policy list is a controller singleton that replaces every V1 rule: only on a controller this stack owns",
    );
  }
  return { ownership, renderAs, manageDefaultAction: props.manageDefaultAction ?? ownership.owned };
}

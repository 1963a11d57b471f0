// vca-dcf-baseline: the controller baseline of the example app (stacks/controller-baseline-stack.ts).
// Applied once per controller, by the team that owns the controller, before any blueprint: it
// declares the named attachment points the blueprints' rulesets attach to. Its list of points is
// read from the blueprint stacks themselves (their DcfPolicyPacks' attachment points), so it cannot
// drift from what the blueprints look up by name.
import { TerraformStack } from "../../../lib/core/cdktf";
import type { App } from "../../../lib/core/cdktf";
import { DcfPolicyPack } from "../../../lib/constructs/dcf/dcf-policy-pack";
import { isRootAttachmentPoint } from "../../../lib/dcf/attachment-points";
import { Preflight } from "../../../lib/preflight/preflight";
import { UserInputError } from "../../../lib/util/errors";
import { AviatrixProvider } from "../../../lib/constructs/aviatrix/aviatrix-provider";
import { DcfControllerBaseline } from "../../../lib/constructs/dcf/dcf-controller-baseline";
import { consumerAttachmentPoints } from "../../../stacks/controller-ownership";

/** Lab value, like the blueprints' (the same controller they target). */
const CONTROLLER_VERSION = "9.0.10";

/**
 * The consumer prefixes of `stacks`, in the given order: each stack's rulesets attach to the named
 * points `<prefix>-before-k8s` / `<prefix>-after-k8s`. Stacks that own the controller (root
 * attachment points) consume nothing.
 * @throws UserInputError when a stack's named points do not follow the baseline's naming
 */
export function attachmentConsumersOf(stacks: readonly TerraformStack[]): string[] {
  const consumers: string[] = [];
  for (const stack of stacks) {
    const named = stack.node
      .findAll()
      .filter((c): c is DcfPolicyPack => c instanceof DcfPolicyPack)
      .map((p) => p.attachmentPoint)
      .filter((p): p is string => p !== undefined && !isRootAttachmentPoint(p));
    if (named.length === 0) continue;
    const before = named.find((p) => p.endsWith("-before-k8s"));
    const prefix = before?.slice(0, -"-before-k8s".length);
    const expected = prefix === undefined ? undefined : consumerAttachmentPoints(prefix);
    const unexpected = named.filter((p) => expected === undefined || (p !== expected.beforeK8s && p !== expected.afterK8s));
    if (prefix === undefined || unexpected.length > 0) {
      throw new UserInputError(
        `${stack.node.id}: attachment point(s) ${(unexpected.length > 0 ? unexpected : named).map((p) => JSON.stringify(p)).join(", ")} are not ones the controller baseline declares ` +
          `("<namePrefix>-before-k8s" / "<namePrefix>-after-k8s"); use the default attachmentPoints, or leave the controller baseline out and declare them in your own baseline`,
      );
    }
    if (!consumers.includes(prefix)) consumers.push(prefix);
  }
  return consumers;
}

/**
 * Adds the (still empty) baseline stack `id`, so it comes first in the app and the manifest; call
 * the returned function once the blueprints are built (the same objects as ControllerBaselineStack).
 */
export function addDcfBaseline(app: App, id: string): (blueprints: readonly TerraformStack[]) => TerraformStack {
  const stack = new TerraformStack(app, id);
  return (blueprints) => {
    const consumers = attachmentConsumersOf(blueprints);
    if (consumers.length === 0) {
      throw new UserInputError(`${id}: none of the selected blueprints attaches to a named attachment point, so there is nothing to declare; leave ${id} out`);
    }
    new AviatrixProvider(stack, "aviatrix", { controllerVersion: CONTROLLER_VERSION });
    new DcfControllerBaseline(stack, "baseline", { consumers });
    Preflight.of(stack, { controllerVersion: CONTROLLER_VERSION });
    return stack;
  };
}

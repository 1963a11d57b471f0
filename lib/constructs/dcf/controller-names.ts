// Controller object names are global on the controller: two SmartGroups (or WebGroups, rulesets,
// policy groups, gateways) with one name are one object to the controller, so a second stack
// would fight the first over it (and destroying either deletes the other's). Every construct that
// names a controller object registers the name here; one validation per stack rejects a name
// that another construct anywhere in the app also uses. Linear: one map per app.
import { IConstruct } from "constructs";
import { TerraformStack, Token } from "../../core/cdktf";
import { ConstructPropsError, described } from "../../core/construct-props-error";

/** Kinds that share a name space on the controller. */
export type ControllerNameKind = "aviatrix_smart_group" | "aviatrix_web_group" | "aviatrix_dcf_ruleset" | "aviatrix_dcf_policy_group" | "gateway";

interface Registration {
  readonly construct: IConstruct;
  readonly kind: ControllerNameKind;
  readonly name: string;
}

interface AppRegistry {
  readonly byKey: Map<string, Registration[]>;
  readonly stacks: Set<IConstruct>;
}

const registries = new WeakMap<IConstruct, AppRegistry>();

function registryOf(construct: IConstruct): AppRegistry {
  const root = construct.node.root;
  let r = registries.get(root);
  if (r === undefined) registries.set(root, (r = { byKey: new Map(), stacks: new Set() }));
  return r;
}

/**
 * Records that `construct` creates controller object `name` of `kind`. Names that are Terraform
 * tokens (known only at apply) are not checked.
 */
export function registerControllerName(construct: IConstruct, kind: ControllerNameKind, name: string): void {
  if (Token.isUnresolved(name)) return;
  const registry = registryOf(construct);
  const key = `${kind}\u0000${name}`;
  let list = registry.byKey.get(key);
  if (list === undefined) registry.byKey.set(key, (list = []));
  list.push({ construct, kind, name });
  const stack = TerraformStack.of(construct);
  if (registry.stacks.has(stack)) return;
  registry.stacks.add(stack);
  stack.node.addValidation({ validate: () => duplicateNameErrors(registry, stack) });
}

function duplicateNameErrors(registry: AppRegistry, stack: IConstruct): string[] {
  const errors: string[] = [];
  for (const list of registry.byKey.values()) {
    if (list.length < 2) continue;
    for (const r of list) {
      if (TerraformStack.of(r.construct) !== stack) continue;
      const others = list.filter((o) => o !== r).map((o) => o.construct.node.path);
      errors.push(
        new ConstructPropsError(
          { path: r.construct.node.path, construct: r.kind },
          "name",
          described(`"${r.name}", also used by ${others.join(", ")}`),
          "a name no other object of the app uses (controller names are global)",
          "derive the name from the stack's namePrefix (give each stack its own prefix)",
        ).message,
      );
    }
  }
  return errors;
}

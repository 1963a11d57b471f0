// The Kubernetes stacks' name prefix: ^[a-z][a-z0-9-]{0,23}$ (it ends up in cluster, node pool
// and SmartGroup names), as the blueprints validate name_prefix.
import { IConstruct } from "constructs";
import { ConstructPropsError } from "../../lib/core/construct-props-error";

export function checkK8sNamePrefix(scope: IConstruct, prop: string, value: unknown): string {
  if (typeof value !== "string" || !/^[a-z][a-z0-9-]{0,23}$/.test(value)) {
    throw new ConstructPropsError(scope, prop, value, "lower-case letters, digits and '-', starting with a letter, at most 24 characters", 'pick a short prefix such as "librechat-eks"');
  }
  return value;
}

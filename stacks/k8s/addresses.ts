// Small helpers for preflight facts: Terraform addresses and literal-only values.
import { TerraformResource, Token } from "../../lib/core/cdktf";

/** `<type>.<logical id>` of a resource, as depends_on and preflight facts name it. */
export function terraformAddress(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/** The value when it is a literal; undefined when it is a Terraform token (known at plan time only). */
export function tokenFreeOrUndefined(value: string): string | undefined {
  return Token.isUnresolved(value) ? undefined : value;
}

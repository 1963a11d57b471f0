// Typed error for the Kubernetes VCA stacks' props: `[<path>] <Stack>.<prop>: got <x>, want <y>; <fix>`.
// Extends UserInputError so the CLI maps it to exit 2.
import { IConstruct } from "constructs";
import { Token } from "../../lib/core/cdktf";
import { UserInputError } from "../../lib/util/errors";

export class K8sStackPropsError extends UserInputError {
  public readonly constructPath: string;
  public readonly prop: string;

  constructor(scope: IConstruct | string, prop: string, received: unknown, want: string, fix: string) {
    const path = typeof scope === "string" ? scope : scope.node.path;
    super(`[${path}] ${prop}: got ${showValue(received)}, want ${want}; ${fix}`);
    this.name = "K8sStackPropsError";
    this.constructPath = path;
    this.prop = prop;
  }
}

function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return Token.isUnresolved(value) ? "<token>" : JSON.stringify(value);
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** `^[a-z][a-z0-9-]*$`, as the blueprints validate name_prefix. */
export function checkNamePrefix(scope: IConstruct, prop: string, value: unknown): string {
  if (typeof value !== "string" || !/^[a-z][a-z0-9-]{0,23}$/.test(value)) {
    throw new K8sStackPropsError(scope, prop, value, "lower-case letters, digits and '-', starting with a letter, at most 24 characters", 'pick a short prefix such as "librechat-eks"');
  }
  return value;
}

/** A literal, non-empty string (names that end up in resource names and selectors). */
export function checkLiteral(scope: IConstruct, prop: string, value: unknown, fix: string): string {
  if (typeof value !== "string" || Token.isUnresolved(value) || value.trim() === "") {
    throw new K8sStackPropsError(scope, prop, value, "a non-empty literal string", fix);
  }
  return value;
}

/** Exactly one of two alternatives is set. */
export function checkOneOf(scope: IConstruct, prop: string, a: [string, unknown], b: [string, unknown]): void {
  if ((a[1] === undefined) === (b[1] === undefined)) {
    throw new K8sStackPropsError(scope, prop, { [a[0]]: a[1] !== undefined, [b[0]]: b[1] !== undefined }, `exactly one of ${a[0]} or ${b[0]}`, `set ${a[0]} to create it here, or ${b[0]} to use an existing one`);
  }
}

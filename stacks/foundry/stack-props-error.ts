// Typed error for stack props: `[<construct path>] <Stack>.<prop>: got <x>, want <y>; <fix>`.
// Extends UserInputError so the CLI maps it to exit 2. Shared by the Foundry and AgentCore stacks.
import { IConstruct } from "constructs";
import { Token } from "../../lib/core/cdktf";
import { UserInputError } from "../../lib/util/errors";

export class StackPropsError extends UserInputError {
  /** Construct path of the stack (or helper) that rejected the prop. */
  public readonly constructPath: string;
  /** `<Stack>.<prop>`, e.g. `FoundryByoVnetStack.location`. */
  public readonly prop: string;

  constructor(scope: IConstruct | string, prop: string, received: unknown, want: string, fix: string) {
    const path = typeof scope === "string" ? scope : scope.node.path;
    super(`[${path}] ${prop}: got ${showValue(received)}, want ${want}; ${fix}`);
    this.name = "StackPropsError";
    this.constructPath = path;
    this.prop = prop;
  }
}

/** Short rendition of a received value (tokens print as <token>). */
export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return Token.isUnresolved(value) ? "<token>" : JSON.stringify(value);
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Checks a string prop is a non-empty literal (or a token) and returns it. */
export function requireText(scope: IConstruct, prop: string, value: unknown, fix: string): string {
  if (typeof value !== "string" || (!Token.isUnresolved(value) && value.trim() === "")) {
    throw new StackPropsError(scope, prop, value, "a non-empty string", fix);
  }
  return value;
}

/** Name prefixes as the blueprints validate them (`^[a-z][a-z0-9-]*$`). */
export function checkNamePrefix(scope: IConstruct, prop: string, value: string, maxLength: number): string {
  if (typeof value !== "string" || !/^[a-z][a-z0-9-]*$/.test(value) || value.length > maxLength) {
    throw new StackPropsError(scope, prop, value, `lower-case letters, digits and hyphens, starting with a letter, at most ${maxLength} characters (^[a-z][a-z0-9-]*$)`, "pick a short prefix such as \"acme-vca\"");
  }
  return value;
}

/** Domains for WebGroups: non-empty list of non-empty strings, no "*" (never widen egress silently). */
export function checkDomains(scope: IConstruct, prop: string, value: unknown, allowEmpty: boolean): readonly string[] {
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0)) {
    throw new StackPropsError(scope, prop, value, allowEmpty ? "a list of domains" : "a non-empty list of domains", "list exact hosts or *.example.com wildcards");
  }
  value.forEach((d, i) => {
    if (typeof d !== "string" || d.trim() === "" || d.trim() === "*" || /^[a-z]+:\/\//i.test(d) || d.includes("/")) {
      throw new StackPropsError(scope, `${prop}[${i}]`, d, "a host name (exact or a leading *. wildcard), no scheme, path or bare \"*\"", "write e.g. \"api.example.com\" or \"*.example.com\"");
    }
  });
  return value as string[];
}

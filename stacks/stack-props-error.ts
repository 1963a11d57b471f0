// The one typed error for the props of every stack (EKS, AKS, GKE, Foundry, AgentCore) and the
// checks they share: `[<construct path>] <prop>: got <x>, want <y>; <fix>`. Extends
// UserInputError so the CLI maps it to exit 2.
import { IConstruct } from "constructs";
import { Token } from "../lib/core/cdktf";
import { UserInputError } from "../lib/util/errors";

export class StackPropsError extends UserInputError {
  /** Construct path of the stack (or helper) that rejected the prop. */
  public readonly constructPath: string;
  /** The prop as the stack names it, e.g. `FoundryByoVnetStack.location` or `newCluster.name`. */
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

/** A literal, non-empty string (names that end up in resource names and selectors). */
export function checkLiteral(scope: IConstruct, prop: string, value: unknown, fix: string): string {
  if (typeof value !== "string" || Token.isUnresolved(value) || value.trim() === "") {
    throw new StackPropsError(scope, prop, value, "a non-empty literal string", fix);
  }
  return value;
}

/** Exactly one of two alternatives is set. */
export function checkOneOf(scope: IConstruct, prop: string, a: [string, unknown], b: [string, unknown]): void {
  if ((a[1] === undefined) === (b[1] === undefined)) {
    throw new StackPropsError(scope, prop, { [a[0]]: a[1] !== undefined, [b[0]]: b[1] !== undefined }, `exactly one of ${a[0]} or ${b[0]}`, `set ${a[0]} to create it here, or ${b[0]} to use an existing one`);
  }
}

/** Rules to promote (act in discover mode) are named by a suffix of the stack's rule table. */
export function checkRuleSuffixes(scope: IConstruct, prop: string, given: readonly string[], known: readonly string[]): readonly string[] {
  given.forEach((r, i) => {
    if (!known.includes(r)) throw new StackPropsError(scope, `${prop}[${i}]`, r, `one of ${known.join(", ")}`, "name the rule by its suffix");
  });
  return given;
}

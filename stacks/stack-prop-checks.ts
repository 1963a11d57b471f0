// The prop checks every stack (EKS, AKS, GKE, Foundry, AgentCore) shares. Each throws the one
// ConstructPropsError (`[<construct path>] <Construct>.<prop>: got <x>, want <y>; <fix>`, exit 2).
import { IConstruct } from "constructs";
import { ConstructPropsError, isUnresolved } from "../lib/core/construct-props-error";

/** Checks a string prop is a non-empty literal (or a token) and returns it. */
export function requireText(scope: IConstruct, prop: string, value: unknown, fix: string): string {
  if (typeof value !== "string" || (!isUnresolved(value) && value.trim() === "")) {
    throw new ConstructPropsError(scope, prop, value, "a non-empty string", fix);
  }
  return value;
}

/** Name prefixes as the blueprints validate them (`^[a-z][a-z0-9-]*$`, at most `maxLength`). */
export function checkNamePrefix(scope: IConstruct, prop: string, value: unknown, maxLength: number): string {
  if (typeof value !== "string" || !/^[a-z][a-z0-9-]*$/.test(value) || value.length > maxLength) {
    throw new ConstructPropsError(
      scope,
      prop,
      value,
      `lower-case letters, digits and hyphens, starting with a letter, at most ${maxLength} characters (^[a-z][a-z0-9-]*$)`,
      'pick a short prefix such as "acme-vca"',
    );
  }
  return value;
}

/** Domains for WebGroups: non-empty list of non-empty strings, no "*" (never widen egress silently). */
export function checkDomains(scope: IConstruct, prop: string, value: unknown, allowEmpty: boolean): string[] {
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0)) {
    throw new ConstructPropsError(
      scope,
      prop,
      value,
      allowEmpty ? "a list of domains" : "a non-empty list of domains",
      "list exact hosts or *.example.com wildcards",
    );
  }
  value.forEach((d, i) => {
    if (typeof d !== "string" || d.trim() === "" || d.trim() === "*" || /^[a-z]+:\/\//i.test(d) || d.includes("/")) {
      throw new ConstructPropsError(
        scope,
        `${prop}[${i}]`,
        d,
        'a host name (exact or a leading *. wildcard), no scheme, path or bare "*"',
        'write e.g. "api.example.com" or "*.example.com"',
      );
    }
  });
  return value as string[];
}

/** A literal, non-empty string (names that end up in resource names and selectors). */
export function checkLiteral(scope: IConstruct, prop: string, value: unknown, fix: string): string {
  if (typeof value !== "string" || isUnresolved(value) || value.trim() === "") {
    throw new ConstructPropsError(scope, prop, value, "a non-empty literal string", fix);
  }
  return value;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An Azure subscription id: a GUID, and never the all-zero placeholder (it would win over ARM_SUBSCRIPTION_ID). */
export function checkSubscriptionId(scope: IConstruct, prop: string, value: unknown): string {
  if (typeof value === "string" && isUnresolved(value)) return value;
  if (typeof value !== "string" || !GUID.test(value) || /^[0-]+$/.test(value)) {
    throw new ConstructPropsError(
      scope,
      prop,
      value,
      "an Azure subscription id (a GUID other than 00000000-…)",
      "leave it unset to use ARM_SUBSCRIPTION_ID / az login, or pass `az account show --query id -o tsv`",
    );
  }
  return value;
}

/** Exactly one of two alternatives is set. */
export function checkOneOf(scope: IConstruct, prop: string, a: [string, unknown], b: [string, unknown]): void {
  if ((a[1] === undefined) === (b[1] === undefined)) {
    throw new ConstructPropsError(
      scope,
      prop,
      { [a[0]]: a[1] !== undefined, [b[0]]: b[1] !== undefined },
      `exactly one of ${a[0]} or ${b[0]}`,
      `set ${a[0]} to create it here, or ${b[0]} to use an existing one`,
    );
  }
}

/** Rules to promote (act in discover mode) are named by a suffix of the stack's rule table. */
export function checkRuleSuffixes(scope: IConstruct, prop: string, given: readonly string[], known: readonly string[]): readonly string[] {
  given.forEach((r, i) => {
    if (!known.includes(r)) throw new ConstructPropsError(scope, `${prop}[${i}]`, r, `one of ${known.join(", ")}`, "name the rule by its suffix");
  });
  return given;
}

// Runtime type checks at the construct prop boundary. TypeScript types vanish at run time, and a
// JavaScript (or JSON-driven) caller can pass `watch: "false"`, which is truthy: a DENY would turn
// into a log-only rule. Every boolean prop goes through here before it is read.
import { IConstruct } from "constructs";
import { ConstructLocation, ConstructPropsError } from "./construct-props-error";

/**
 * Throws a ConstructPropsError for the first of `names` in `props` that is set but not a boolean.
 * `prefix` is the prop path of `props` itself (e.g. `rules["allow-x"].`).
 */
export function checkBooleanProps(scope: IConstruct | ConstructLocation, props: object | undefined | null, names: readonly string[], prefix = ""): void {
  if (props === undefined || props === null || typeof props !== "object") return;
  for (const name of names) {
    if (!Object.hasOwn(props, name)) continue;
    const value = (props as Record<string, unknown>)[name];
    if (value === undefined || typeof value === "boolean") continue;
    const text = typeof value === "string" ? value.trim().toLowerCase() : undefined;
    const hint = text === "true" || text === "false" ? `write ${text} without quotes` : "strings and numbers are not read as booleans";
    throw new ConstructPropsError(scope, `${prefix}${name}`, value, "true or false (a boolean)", hint);
  }
}

/** The boolean, or `fallback` when unset; anything else is a ConstructPropsError. */
export function booleanProp(scope: IConstruct | ConstructLocation, prop: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  checkBooleanProps(scope, { [prop]: value }, [prop]);
  return value as boolean;
}

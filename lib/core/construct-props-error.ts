// The one typed error for construct and stack props (docs/ARCHITECTURE.md §8), in the library's
// one error grammar `<where>: <reason>` (LocatedInputError):
//   [<construct path>] <Construct>.<prop>: got <received>, want <allowed>; <fix>
// It is a UserInputError, so the CLI maps it to exit 2. describeValue and isUnresolved are
// the one way the library renders a received value and tells a token from a literal.
import { IConstruct } from "constructs";
import { LocatedInputError } from "../util/errors";
import { Token } from "./cdktf";

/** Where a prop was rejected when there is no construct object at hand (static helpers, pre-construction checks). */
export interface ConstructLocation {
  /** Construct path, e.g. `stack/gw` (or the construct name when the construct does not exist yet). */
  readonly path: string;
  /** Construct class name, e.g. `SpokeGateway`. */
  readonly construct: string;
}

/** A received value that is already phrased for the message (`"two different groups named \"x\""`), shown as is. */
export class DescribedValue {
  constructor(public readonly text: string) {}
}

/** Marks text that describes the received value instead of being the value. */
export function described(text: string): DescribedValue {
  return new DescribedValue(text);
}

/** How an unresolved cdktf token prints in messages: its value is only known at plan/apply time. */
export const UNRESOLVED_TOKEN_TEXT = "<unresolved token>";
const MAX_VALUE_CHARS = 120;

export class ConstructPropsError extends LocatedInputError {
  /** Construct path of the construct that rejected the prop, e.g. `stack/pack`. */
  public readonly constructPath: string;
  /** Class name of that construct, e.g. `DcfPolicyPack`. */
  public readonly construct: string;
  /** The prop (or prop path, e.g. `rules[2].ports`) as given, without the construct name. */
  public readonly prop: string;
  /** The received value as the message shows it. */
  public readonly received: string;
  /** What is allowed. */
  public readonly allowed: string;
  /** How to fix it. @default - no hint beyond `allowed` */
  public readonly fix?: string;

  /**
   * For a reason a model validator already phrased with its own got/want (lib/dcf/builder):
   * `[<path>] <Construct>.<prop>: <reason>`.
   */
  public static because(scope: IConstruct | ConstructLocation, prop: string, reason: string): ConstructPropsError {
    return new ConstructPropsError(scope, prop, described(""), "", undefined, reason);
  }

  /**
   * The message for a synth-time `node.addValidation` result: the same format without the leading
   * `[<path>] `, which cdktf prepends to every validation error itself.
   */
  public static validationMessage(scope: IConstruct, prop: string, received: unknown, allowed: string, fix?: string): string {
    const error = new ConstructPropsError(scope, prop, received, allowed, fix);
    return error.message.slice(`[${error.constructPath}] `.length);
  }

  /**
   * @param received the raw value (rendered with describeValue) or `described("…")` text
   * @param allowed what the prop accepts, e.g. `"discover" or "enforce"`
   * @param fix how to repair the input
   */
  constructor(scope: IConstruct | ConstructLocation, prop: string, received: unknown, allowed: string, fix?: string, reason?: string) {
    const { path, construct } = locate(scope);
    const shown = describeValue(received);
    const where = `[${path}] ${/^[A-Z][A-Za-z0-9]*\./.test(prop) ? prop : `${construct}.${prop}`}`;
    super(where, reason ?? `got ${shown}, want ${allowed}${fix ? `; ${fix}` : ""}`);
    this.name = "ConstructPropsError";
    this.constructPath = path;
    this.construct = construct;
    this.prop = prop;
    this.received = reason ?? shown;
    this.allowed = allowed;
    this.fix = fix;
  }
}

/** True for a cdktf token (string, number, list or map) whose value is only known at plan/apply time. */
export function isUnresolved(value: unknown): boolean {
  return value !== undefined && value !== null && Token.isUnresolved(value);
}

/**
 * A short, deterministic rendition of a received value: strings quoted (long ones cut), numbers
 * as written (`Infinity`, `NaN`, `-0`), tokens as `<unresolved token>`, constructs by class and
 * path, `nothing` for undefined; structures as JSON cut at 120 characters.
 */
export function describeValue(value: unknown): string {
  if (value instanceof DescribedValue) return value.text;
  if (value === undefined) return "nothing";
  if (isUnresolved(value)) return UNRESOLVED_TOKEN_TEXT;
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS - 3)}...` : value);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "function":
      return `<function ${value.name || "anonymous"}>`;
    case "symbol":
      return value.toString();
    case "boolean":
      return String(value);
  }
  const text = structureText(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 3)}...` : text;
}

function structureText(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (v === undefined || typeof v === "function" || typeof v === "symbol") return v;
        if (isUnresolved(v)) return UNRESOLVED_TOKEN_TEXT;
        if (typeof v === "number" && !Number.isFinite(v)) return String(v);
        if (typeof v === "bigint") return `${v}n`;
        if (v !== null && typeof v === "object") {
          if (isConstruct(v)) return `<${v.constructor.name} ${v.node.path}>`;
          if (seen.has(v)) return "<circular>";
          seen.add(v);
        }
        return v;
      }) ?? String(value)
    );
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function isConstruct(v: object): v is IConstruct {
  const node = (v as { node?: { path?: unknown } }).node;
  return typeof node === "object" && node !== null && typeof node.path === "string";
}

function locate(scope: IConstruct | ConstructLocation): ConstructLocation {
  if ("node" in scope && scope.node) return { path: scope.node.path, construct: scope.constructor.name };
  return scope as ConstructLocation;
}

// Names the library used before the error classes were unified; the same class, so
// `instanceof` and `.because` keep working. Kept for existing callers only.
/** @deprecated use ConstructPropsError (the same class) */
export const DcfValidationError = ConstructPropsError;
/** @deprecated use ConstructPropsError (the same class) */
export type DcfValidationError = ConstructPropsError;
/** @deprecated use ConstructPropsError (the same class) */
export const NetworkPropError = ConstructPropsError;
/** @deprecated use ConstructPropsError (the same class) */
export type NetworkPropError = ConstructPropsError;
/** @deprecated use ConstructPropsError (the same class) */
export const StackPropsError = ConstructPropsError;
/** @deprecated use ConstructPropsError (the same class) */
export type StackPropsError = ConstructPropsError;

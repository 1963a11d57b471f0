// Typed construct errors: `[<construct path>] <prop>: got <x>, want <y>; <fix>`.
// Extends UserInputError so the CLI maps it to exit 2.
import { IConstruct } from "constructs";
import { UserInputError } from "../../util/errors";

export class DcfValidationError extends UserInputError {
  /** Construct path of the offending construct (e.g. `stack/pack`). */
  public readonly constructPath: string;
  /** The prop (or prop path, e.g. `rules[2].ports`) that is wrong. */
  public readonly prop: string;

  /** An error whose reason is already phrased (e.g. by a model validator, with its own got/want). */
  public static because(scope: IConstruct | string, prop: string, reason: string): DcfValidationError {
    return new DcfValidationError(scope, prop, "", "", undefined, reason);
  }

  constructor(scope: IConstruct | string, prop: string, got: string, want: string, fix?: string, reason?: string) {
    const path = typeof scope === "string" ? scope : scope.node.path;
    super(`[${path}] ${prop}: ${reason ?? `got ${got}, want ${want}${fix ? `; ${fix}` : ""}`}`);
    this.name = "DcfValidationError";
    this.constructPath = path;
    this.prop = prop;
  }
}

/** Short, readable rendition of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return String(value);
  }
}

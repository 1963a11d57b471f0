import { Construct } from "constructs";
import { UserInputError } from "../../util/errors";

/**
 * A construct received a prop it cannot render. Carries the construct path and the prop so
 * the CLI (exit 2) and tests can point at the exact input; the message says what was
 * received, what is allowed and how to fix it.
 */
export class ConstructPropsError extends UserInputError {
  public readonly constructPath: string;
  public readonly prop: string;

  constructor(scope: Construct | string, prop: string, problem: string) {
    const path = typeof scope === "string" ? scope : scope.node.path;
    super(`[${path}] ${prop}: ${problem}`);
    this.name = "ConstructPropsError";
    this.constructPath = path;
    this.prop = prop;
  }
}

/** Short, deterministic rendering of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (value === undefined) return "nothing";
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

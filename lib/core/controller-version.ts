// Aviatrix controller versions and the provider pin derived from them.
// Since provider 8.0.0 the provider version equals the controller version, and the provider
// refuses to configure unless MajorMinor(controller) == MajorMinor(provider)
// (docs/research/aviatrix-provider-schema.md §7). So the pin is `~> X.Y.Z`: same major.minor,
// patch floor = the controller's patch.
import { UserInputError } from "../util/errors";

const VERSION_PATTERN = /^(\d{1,4})\.(\d{1,4})(?:\.(\d{1,5}))?$/;

/** An Aviatrix controller version such as `9.0.10` (or `8.2`, read as `8.2.0`). */
export class ControllerVersion {
  /**
   * Parses `X.Y` or `X.Y.Z` (an optional leading `v` or `UserConnect-` prefix is accepted).
   * @param where names the input (file, prop, YAML path) in the error message
   */
  public static parse(text: string, where = "controllerVersion"): ControllerVersion {
    if (typeof text !== "string") {
      throw new UserInputError(`${where}: got ${JSON.stringify(text)}, want a version string like "9.0.10"`);
    }
    const parsed = ControllerVersion.tryParse(text);
    if (!parsed) {
      throw new UserInputError(
        `${where}: got ${JSON.stringify(text)}, want an Aviatrix controller version "X.Y" or "X.Y.Z" (e.g. "9.0.10"); ` +
          `use the version shown in CoPilot/Controller settings`,
      );
    }
    return parsed;
  }

  /** True when `text` parses as a controller version. */
  public static isValid(text: string): boolean {
    return ControllerVersion.tryParse(text) !== undefined;
  }

  /** Like `parse`, but undefined instead of an error (for checks that report, not throw). */
  public static tryParse(text: unknown): ControllerVersion | undefined {
    if (typeof text !== "string") return undefined;
    const m = VERSION_PATTERN.exec(
      text
        .trim()
        .replace(/^UserConnect-/i, "")
        .replace(/^v/i, ""),
    );
    return m ? new ControllerVersion(Number(m[1]), Number(m[2]), m[3] === undefined ? 0 : Number(m[3])) : undefined;
  }

  /** Negative when a < b, 0 when equal, positive when a > b. */
  public static compare(a: ControllerVersion | string, b: ControllerVersion | string): number {
    const x = typeof a === "string" ? ControllerVersion.parse(a) : a;
    const y = typeof b === "string" ? ControllerVersion.parse(b) : b;
    return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
  }

  private constructor(
    public readonly major: number,
    public readonly minor: number,
    public readonly patch: number,
  ) {}

  /** True when this version is the same as or newer than `other` (e.g. `atLeast("8.2.10")`). */
  public atLeast(other: ControllerVersion | string): boolean {
    return ControllerVersion.compare(this, other) >= 0;
  }

  /** True when this version is older than `other`. */
  public before(other: ControllerVersion | string): boolean {
    return ControllerVersion.compare(this, other) < 0;
  }

  /** Same major.minor: the provider's configure-time compatibility check. */
  public sameMajorMinor(other: ControllerVersion | string): boolean {
    const y = typeof other === "string" ? ControllerVersion.parse(other) : other;
    return this.major === y.major && this.minor === y.minor;
  }

  /** `X.Y` */
  public get majorMinor(): string {
    return `${this.major}.${this.minor}`;
  }

  /** The Terraform provider constraint for this controller: `~> X.Y.Z`. */
  public providerConstraint(): string {
    return `~> ${this.toString()}`;
  }

  public isEqualTo(other: ControllerVersion | string): boolean {
    return ControllerVersion.compare(this, other) === 0;
  }

  public toString(): string {
    return `${this.major}.${this.minor}.${this.patch}`;
  }

  public toJSON(): string {
    return this.toString();
  }
}

/** Parses a controller version (`X.Y` / `X.Y.Z`); throws UserInputError on garbage. */
export function parseControllerVersion(text: string, where?: string): ControllerVersion {
  return ControllerVersion.parse(text, where);
}

/** Compares two controller versions: negative, 0 or positive. */
export function compareControllerVersions(a: ControllerVersion | string, b: ControllerVersion | string): number {
  return ControllerVersion.compare(a, b);
}

/** The Aviatrix provider constraint (`~> X.Y.Z`) for a controller version. */
export function providerConstraint(controllerVersion: ControllerVersion | string): string {
  const v = typeof controllerVersion === "string" ? ControllerVersion.parse(controllerVersion) : controllerVersion;
  return v.providerConstraint();
}

/** One comparison of a Terraform version constraint, e.g. `~> 9.0.1` or `< 10`. */
export interface VersionConstraintPart {
  readonly op: "=" | "!=" | ">" | ">=" | "<" | "<=" | "~>";
  /** The version with missing segments read as 0 (`10` → 10.0.0). */
  readonly version: ControllerVersion;
  /** How many segments were written (1–3): `~> 9.0` (2) allows every 9.x, `~> 9.0.1` (3) only 9.0.x. */
  readonly segments: number;
}

const CONSTRAINT_PART = /^(~>|!=|>=|<=|=|>|<)?\s*v?(\d{1,4})(?:\.(\d{1,4}))?(?:\.(\d{1,5}))?$/;

/**
 * The one parser for Terraform version constraints (`~> 9.0.1`, `>= 9.0, < 10`, `9.0.10`):
 * comma-separated comparisons, a bare version meaning `=`. Undefined when any part does not
 * parse (pre-release versions, garbage, empty), so callers never act on half a constraint.
 */
export function parseVersionConstraint(constraint: string): readonly VersionConstraintPart[] | undefined {
  if (typeof constraint !== "string") return undefined;
  const parts: VersionConstraintPart[] = [];
  for (const raw of constraint.split(",")) {
    const m = CONSTRAINT_PART.exec(raw.trim());
    if (!m) return undefined;
    const segments = m[4] !== undefined ? 3 : m[3] !== undefined ? 2 : 1;
    const version = ControllerVersion.parse(`${m[2]}.${m[3] ?? 0}.${m[4] ?? 0}`);
    parts.push({ op: (m[1] ?? "=") as VersionConstraintPart["op"], version, segments });
  }
  return parts;
}

/**
 * The lowest version a constraint allows, from its first `=`, `~>` or `>=` part (`~> 8.2` →
 * 8.2.0, `>= 9.0.0, < 10` → 9.0.0); undefined when it has no lower bound or does not parse.
 */
export function constraintFloor(constraint: string): ControllerVersion | undefined {
  return parseVersionConstraint(constraint)?.find((p) => p.op === "=" || p.op === "~>" || p.op === ">=")?.version;
}

/**
 * The one controller major.minor a Terraform version constraint allows, e.g. "~> 9.0.0",
 * "9.0.1", ">= 9.0.0, < 9.1.0" → "9.0"; undefined when it allows more than one major.minor
 * (">= 8.0", "~> 9.0" = every 9.x) or does not parse. The provider only configures against a
 * controller of its own major.minor, so this is what a pin must name.
 */
export function pinnedMajorMinor(constraint: string): string | undefined {
  const parts = parseVersionConstraint(constraint);
  if (!parts) return undefined;
  let exact: ControllerVersion | undefined;
  let lower: ControllerVersion | undefined;
  let upper: ControllerVersion | undefined;
  for (const { op, version, segments } of parts) {
    if (op === "=" && segments >= 2) exact = version;
    else if (op === "~>" && segments === 3)
      exact = version; // ~> 9.0.1 allows 9.0.x only
    else if (op === ">=") lower = version;
    else if (op === "<") upper = version;
    else return undefined; // "~> 9.0" allows every 9.x; "= 9" is not a controller version
  }
  if (exact) return exact.majorMinor;
  if (lower && upper && upper.patch === 0 && upper.major === lower.major && upper.minor === lower.minor + 1) return lower.majorMinor;
  return undefined;
}

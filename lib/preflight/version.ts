// Small, dependency-free version helpers for preflight rules. Controller, provider, chart and
// Obot versions are all "[v]MAJOR.MINOR[.PATCH][-suffix]"; a missing part counts as 0.
// (lib/core/controller-version.ts may offer a richer type; preflight only needs parse/compare.)

export interface Version {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly text: string;
}

const VERSION_RE = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/;

/** Parses "9.0", "v0.21.0", "10.0.1-beta"; undefined when the text is not a version. */
export function parseVersion(text: string): Version | undefined {
  const m = VERSION_RE.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0), text: text.trim() };
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** True when `have` ≥ `min` (both as text); undefined when either does not parse. */
export function atLeast(have: string, min: string): boolean | undefined {
  const h = parseVersion(have);
  const m = parseVersion(min);
  if (!h || !m) return undefined;
  return compareVersions(h, m) >= 0;
}

/**
 * The major.minor a provider version constraint pins, e.g. "~> 9.0.0", "9.0.1", ">= 9.0.0, < 9.1.0"
 * → "9.0". Undefined when the constraint allows more than one major.minor (e.g. ">= 8.0", "~> 9.0").
 */
export function pinnedMajorMinor(constraint: string): string | undefined {
  let exact: Version | undefined;
  let lower: Version | undefined;
  let upper: Version | undefined;
  for (const part of constraint.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^(~>|=|>=|<)?\s*(v?\d+(?:\.\d+){0,2})$/.exec(part);
    const v = m ? parseVersion(m[2]) : undefined;
    if (!m || !v) return undefined;
    const op = m[1] ?? "=";
    const segments = m[2].replace(/^v/, "").split(".").length;
    if (op === "=") exact = v;
    else if (op === "~>" && segments === 3) exact = v; // ~> 9.0.1 allows 9.0.x only
    else if (op === ">=") lower = v;
    else if (op === "<") upper = v;
    else return undefined; // "~> 9.0" allows every 9.x
  }
  if (exact) return `${exact.major}.${exact.minor}`;
  if (lower && upper && upper.patch === 0 && upper.major === lower.major && upper.minor === lower.minor + 1) {
    return `${lower.major}.${lower.minor}`;
  }
  return undefined;
}

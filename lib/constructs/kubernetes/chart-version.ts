// Helm chart versions as pinned in props: `10.1.0`, `v0.21.0`, `v0.26.0-alpha1`.
// Only what version gates need: parse, compare (a pre-release sorts before its release).
const CHART_VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export interface ChartVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease?: string;
  /** The text as given (kept for the helm_release `version`). */
  readonly text: string;
}

/** Returns undefined when `text` is not an exact `X.Y.Z` (optionally `v`-prefixed) version. */
export function parseChartVersion(text: string): ChartVersion | undefined {
  const m = CHART_VERSION.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4], text };
}

/** Negative when a < b, 0 when equal, positive when a > b (semver precedence, build ignored). */
export function compareChartVersions(a: ChartVersion, b: ChartVersion): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return core;
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === undefined) return 1;
  if (b.prerelease === undefined) return -1;
  return comparePrerelease(a.prerelease, b.prerelease);
}

const NUMERIC = /^\d+$/;

/**
 * Semver §11.4: compare dot-separated identifiers left to right — numeric ones numerically
 * (rc.2 < rc.10), numeric before alphanumeric, alphanumeric ones in ASCII order; when all
 * shared identifiers are equal, the longer list is higher (alpha < alpha.1).
 */
function comparePrerelease(a: string, b: string): number {
  const x = a.split(".");
  const y = b.split(".");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const order = compareIdentifier(x[i], y[i]);
    if (order !== 0) return order;
  }
  return x.length - y.length;
}

function compareIdentifier(a: string, b: string): number {
  const aNum = NUMERIC.test(a);
  const bNum = NUMERIC.test(b);
  if (aNum && bNum) {
    // Compared as digit strings, not Number(): identifiers may exceed 2^53.
    const [p, q] = [a.replace(/^0+(?=\d)/, ""), b.replace(/^0+(?=\d)/, "")];
    return p.length - q.length || (p < q ? -1 : p > q ? 1 : 0);
  }
  if (aNum !== bNum) return aNum ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `v` is at or above `floor` (`floor` written as `X.Y.Z`). */
export function chartVersionAtLeast(v: ChartVersion, floor: string): boolean {
  return compareChartVersions(v, parseChartVersion(floor)!) >= 0;
}

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
  return a.prerelease < b.prerelease ? -1 : 1;
}

/** True when `v` is at or above `floor` (`floor` written as `X.Y.Z`). */
export function chartVersionAtLeast(v: ChartVersion, floor: string): boolean {
  return compareChartVersions(v, parseChartVersion(floor)!) >= 0;
}

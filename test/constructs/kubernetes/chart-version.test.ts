// Chart version precedence as version gates use it: semver §11, pre-release identifiers
// compared one by one (numeric numerically, numeric < alphanumeric), build metadata ignored.
import * as fc from "fast-check";
import { chartVersionAtLeast, compareChartVersions, parseChartVersion } from "../../../lib/constructs/kubernetes/chart-version";

const v = (text: string) => {
  const parsed = parseChartVersion(text);
  if (!parsed) throw new Error(`test fixture ${text} does not parse`);
  return parsed;
};
const sign = (n: number) => Math.sign(n);

describe("compareChartVersions", () => {
  // The semver §11.4 example chain, plus the cases whole-string comparison got wrong.
  const ascending = [
    "1.0.0-alpha",
    "1.0.0-alpha.1",
    "1.0.0-alpha.beta",
    "1.0.0-beta",
    "1.0.0-beta.2",
    "1.0.0-beta.11",
    "1.0.0-rc.1",
    "1.0.0-rc.2",
    "1.0.0-rc.10",
    "1.0.0",
    "1.0.1-0",
    "1.0.1-9",
    "1.0.1-10",
    "1.0.1-a",
    "1.0.1",
  ];

  test("GIVEN the semver §11 precedence chain WHEN every pair is compared THEN the order matches the chain", () => {
    for (let i = 0; i < ascending.length; i++) {
      for (let j = 0; j < ascending.length; j++) {
        expect([ascending[i], ascending[j], sign(compareChartVersions(v(ascending[i]), v(ascending[j])))]).toEqual([ascending[i], ascending[j], sign(i - j)]);
      }
    }
  });

  test("GIVEN rc.10 and rc.2 WHEN compared THEN rc.10 is newer (numeric identifiers compare numerically)", () => {
    expect(compareChartVersions(v("10.1.0-rc.10"), v("10.1.0-rc.2"))).toBeGreaterThan(0);
    expect(chartVersionAtLeast(v("10.1.0-rc.10"), "10.1.0")).toBe(false);
  });

  test("GIVEN numeric identifiers beyond 2^53 WHEN compared THEN they still order by value", () => {
    expect(compareChartVersions(v("1.0.0-9007199254740993"), v("1.0.0-9007199254740992"))).toBeGreaterThan(0);
  });

  test("GIVEN versions differing only in build metadata or the v prefix WHEN compared THEN they are equal", () => {
    expect(compareChartVersions(v("v0.26.0-alpha1+build.5"), v("0.26.0-alpha1"))).toBe(0);
  });

  test("GIVEN any two pre-release lists WHEN compared both ways THEN the result is antisymmetric and 0 only for equal lists", () => {
    const ident = fc.oneof(fc.nat({ max: 30 }).map(String), fc.constantFrom("alpha", "beta", "rc", "a1"));
    const pre = fc.array(ident, { minLength: 1, maxLength: 3 }).map((ids) => ids.join("."));
    fc.assert(
      fc.property(pre, pre, (a, b) => {
        const ab = compareChartVersions(v(`1.0.0-${a}`), v(`1.0.0-${b}`));
        const ba = compareChartVersions(v(`1.0.0-${b}`), v(`1.0.0-${a}`));
        expect(sign(ab) + sign(ba)).toBe(0);
        expect(ab === 0).toBe(a === b);
      }),
      { numRuns: 200 },
    );
  });
});

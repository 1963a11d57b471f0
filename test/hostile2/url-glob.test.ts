// Class: the URL-filter matcher runs in polynomial time whatever the pattern (issue 15 item 11).
import * as fc from "fast-check";
import { globMatches, urlMatches } from "../../lib/dcf/host-match";

/** Reference semantics: the obvious regex (fine on small inputs). */
const viaRegex = (glob: string, text: string) =>
  new RegExp(
    `^${glob
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join("[\\s\\S]*")}$`,
  ).test(text);

describe("URL filter matching is linear-ish", () => {
  const cases: Array<[string, string, string]> = [
    ["*a ×25 + *b vs 60 a's", `a.com/${"*a".repeat(25)}*b`, `/${"a".repeat(60)}`],
    ["*a ×40 + *b vs 200 a's", `a.com/${"*a".repeat(40)}*b`, `/${"a".repeat(200)}`],
    ["*ab ×30 vs abab…", `a.com/${"*ab".repeat(30)}*c`, `/${"ab".repeat(100)}`],
    ["host glob *a*a*a…", `${"*a".repeat(30)}*b.com/x`, "/x"],
  ];
  test.each(cases)("%s", (_n, pattern, path) => {
    const start = Date.now();
    expect(urlMatches(pattern, "a.com", path, true)).toBe(false);
    expect(Date.now() - start).toBeLessThan(200);
  });

  test("same answers as the regex on small inputs (property)", () => {
    const alpha = fc.constantFrom("a", "b", "*", "/", ".");
    fc.assert(
      fc.property(
        fc.array(alpha, { maxLength: 8 }).map((a) => a.join("")),
        fc
          .array(
            alpha.filter((c) => c !== "*"),
            { maxLength: 10 },
          )
          .map((a) => a.join("")),
        (glob, text) => globMatches(glob, text) === viaRegex(glob, text),
      ),
      { numRuns: 5000 },
    );
  });
});

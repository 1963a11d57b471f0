import { globMatches, normalizeHost, normalizeSniPattern, parentDomains, sniMatches, urlMatches } from "../../lib/dcf/host-match";

describe("normalizeHost", () => {
  test("GIVEN mixed case, trailing dots and IDN WHEN normalised THEN lower-case punycode without dot", () => {
    expect(normalizeHost("API.OpenAI.com.")).toBe("api.openai.com");
    expect(normalizeHost("  bücher.example  ")).toBe("xn--bcher-kva.example");
    expect(normalizeHost("BÜCHER.example.")).toBe("xn--bcher-kva.example");
    expect(normalizeHost("")).toBe("");
    expect(normalizeHost("...")).toBe("");
  });
});

describe("sniMatches", () => {
  test.each([
    ["*.example.com", "a.example.com", true],
    ["*.example.com", "a.b.example.com", true],
    ["*.example.com", "example.com", false],
    ["*.example.com", "example.com.evil.io", false],
    ["*.example.com", "badexample.com", false],
    ["*.example.com", "A.EXAMPLE.COM.", true],
    ["example.com", "example.com", true],
    ["example.com", "www.example.com", false],
    ["Example.COM.", "example.com", true],
    ["*.bücher.example", "shop.xn--bcher-kva.example", true],
    ["xn--bcher-kva.example", "BÜCHER.example", true],
    ["*", "anything.io", true],
    ["*", "", false],
    ["api.openai.com", "", false],
  ])("GIVEN pattern %s WHEN host %s THEN %s", (pattern, host, want) => {
    expect(sniMatches(pattern, host)).toBe(want);
  });

  test("GIVEN a wildcard in the middle WHEN normalised THEN it is rejected with the pattern named", () => {
    expect(() => normalizeSniPattern("api.*.com")).toThrow('invalid SNI filter "api.*.com"');
    expect(() => normalizeSniPattern("*.")).toThrow('invalid SNI filter "*."');
    expect(sniMatches("api.*.com", "api.x.com")).toBe(false);
  });
});

describe("urlMatches", () => {
  const ioc = "github.com/*shai-hulud*";
  test("GIVEN a host/path glob WHEN the flow is decrypted THEN host and path are matched", () => {
    expect(urlMatches(ioc, "GitHub.com", "/evil/shai-hulud-repo", true)).toBe(true);
    expect(urlMatches(ioc, "github.com", "/torvalds/linux", true)).toBe(false);
    expect(urlMatches(ioc, "api.github.com", "/shai-hulud", true)).toBe(false);
  });
  test("GIVEN the same request WHEN not decrypted THEN a URL filter never matches", () => {
    expect(urlMatches(ioc, "github.com", "/evil/shai-hulud-repo", false)).toBe(false);
  });
  test("GIVEN a host-only pattern WHEN any path THEN matches; path defaults to /", () => {
    expect(urlMatches("*.github.com", "api.github.com", undefined, true)).toBe(true);
    expect(urlMatches("github.com/", "github.com", undefined, true)).toBe(true);
    expect(urlMatches("github.com/a", "github.com", "a", true)).toBe(true);
  });
  test("GIVEN regex metacharacters in a glob THEN they are literal", () => {
    expect(globMatches("a.b(c)", "a.b(c)")).toBe(true);
    expect(globMatches("a.b", "axb")).toBe(false);
  });
});

test("parentDomains lists proper parents nearest first", () => {
  expect(parentDomains("a.b.c")).toEqual(["b.c", "c"]);
  expect(parentDomains("c")).toEqual([]);
});

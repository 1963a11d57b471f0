// Property tests (fast-check, modest runs): outputs only contain declared hosts, internal hosts
// are never permitted, removing one endpoint removes exactly its entries, and reordering keys or
// lists changes nothing.
import fc from "fast-check";
import * as yaml from "js-yaml";
import { librechatEgressModel, renderEgressJson } from "../../lib/shim";

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const publicHost = fc.tuple(label, label, fc.constantFrom("com", "ai", "io", "net")).map(([a, b, t]) => `${a}.${b}.${t}`);
const internalHost = fc.oneof(
  label.map((l) => `${l}`),
  label.map((l) => `${l}.ns.svc.cluster.local`),
  label.map((l) => `${l}.svc`),
  fc.constantFrom("localhost", "host.docker.internal", "10.1.2.3", "192.168.0.9", "[fd00::5]", "100.64.1.1", "169.254.169.254"),
);
const host = fc.oneof({ weight: 3, arbitrary: publicHost }, { weight: 1, arbitrary: internalHost });
const port = fc.constantFrom(undefined, 443, 8443, 9000);
const url = fc.tuple(fc.constantFrom("https", "http"), host, port).map(([s, h, p]) => `${s}://${h}${p ? `:${p}` : ""}/v1`);

const configArb = fc.record({
  endpoints: fc.array(url, { maxLength: 6 }),
  mcp: fc.array(url, { maxLength: 5 }),
});

type Cfg = { endpoints: string[]; mcp: string[] };

function toDoc(c: Cfg): Record<string, unknown> {
  const doc: Record<string, unknown> = { version: "1.3.17", actions: { allowedDomains: ["example.com"] } };
  if (c.endpoints.length > 0)
    doc.endpoints = { custom: c.endpoints.map((u, i) => ({ name: `e${i}`, apiKey: "${K}", baseURL: u, models: { default: ["m"] } })) };
  if (c.mcp.length > 0) doc.mcpServers = Object.fromEntries(c.mcp.map((u, i) => [`s${i}`, { type: "streamable-http", url: u }]));
  return doc;
}

const run = (doc: unknown) => librechatEgressModel({ config: yaml.dump(doc), envKeys: [] });
const hostOf = (u: string) => new URL(u).hostname.replace(/^\[|\]$/g, "");

describe("GIVEN random configs", () => {
  test("every permitted domain is a public host declared in the config (plus the declared allowlist)", () => {
    fc.assert(
      fc.property(configArb, (c) => {
        const m = run(toDoc(c));
        const declared = new Set([...c.endpoints, ...c.mcp].map(hostOf).concat(["example.com"]));
        for (const g of m.groups) for (const d of g.domains) expect(declared.has(d)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  test("internal hosts are never permitted and always listed as internal", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("https", "http"), internalHost), { minLength: 1, maxLength: 5 }), (pairs) => {
        const urls = pairs.map(([s, h]) => `${s}://${h}/x`);
        const m = run(toDoc({ endpoints: urls, mcp: urls }));
        const permitted = new Set(m.groups.flatMap((g) => g.domains));
        for (const u of urls) expect(permitted.has(hostOf(u))).toBe(false);
        const internal = new Set(m.internal.map((i) => i.host.replace(/^\[(.*)\](:\d+)?$/, "$1").replace(/^([^:]+):\d+$/, "$1")));
        for (const u of urls) expect(internal.has(hostOf(u))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  test("removing one custom endpoint removes exactly the destinations only it declared", () => {
    fc.assert(
      fc.property(
        configArb.filter((c) => c.endpoints.length > 0),
        fc.nat(),
        (c, k) => {
          const i = k % c.endpoints.length;
          const full = run(toDoc(c));
          const docWithout = toDoc(c) as { endpoints: { custom: unknown[] } };
          docWithout.endpoints.custom.splice(i, 1);
          if (docWithout.endpoints.custom.length === 0) delete (docWithout as Record<string, unknown>).endpoints;
          const less = run(docWithout);
          const removedPath = `endpoints.custom[name=e${i}].baseURL`;
          const expected = full.groups
            .map((g) => ({ name: g.name, domains: g.destinations.filter((d) => d.from.some((f) => f !== removedPath)).map((d) => d.domain) }))
            .filter((g) => g.domains.length > 0);
          expect(less.groups.map((g) => ({ name: g.name, domains: [...g.domains] }))).toEqual(expected);
        },
      ),
      { numRuns: 30 },
    );
  });

  test("reordering mapping keys and the custom-endpoint list changes no byte of egress.json", () => {
    fc.assert(
      fc.property(configArb, fc.integer(), (c, seed) => {
        const doc = toDoc(c) as Record<string, unknown> & { endpoints?: { custom: unknown[] }; mcpServers?: Record<string, unknown> };
        const rnd = fc.sample(fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 8 }), { seed, numRuns: 1 })[0];
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, j) => [rnd[j % rnd.length] * 100 + j, x] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, x]) => x);
        const reordered: Record<string, unknown> = Object.fromEntries(shuffle(Object.entries(doc)));
        if (doc.endpoints) reordered.endpoints = { custom: shuffle([...doc.endpoints.custom]) };
        if (doc.mcpServers) reordered.mcpServers = Object.fromEntries(shuffle(Object.entries(doc.mcpServers)));
        expect(renderEgressJson(run(reordered))).toBe(renderEgressJson(run(doc)));
      }),
      { numRuns: 30 },
    );
  });
});

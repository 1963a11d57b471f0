// Class: generated names are injective, and the review diff is keyed by content (issue 15 item 2).
import * as fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { groupName, serverSlug } from "../../lib/shim/naming";
import { diffEgress, formatDiff } from "../../lib/shim/diff";
import { librechatEgressModel } from "../../lib/shim/model";
import { egressJson, EgressJson } from "../../lib/shim/render/json";
import type { EgressGroupKind } from "../../lib/shim/collector";
import { runCli, tmpDir } from "../hardening/helpers";

const KINDS: EgressGroupKind[] = ["llm", "mcp", "sso", "integrations", "actions", "mcp-allowlist", "proxy", "oci-registries"];
const V = 'version: "1.3.17"\n';
const mcp = (servers: Record<string, string>) =>
  `${V}mcpServers:\n${Object.entries(servers)
    .map(([n, u]) => `  ${JSON.stringify(n)}:\n    type: streamable-http\n    url: ${JSON.stringify(u)}\n`)
    .join("")}`;

describe("group names never collide (table from the attack)", () => {
  const cases: Array<[string, Record<string, string>]> = [
    ["s-8443 vs s on :8443", { "s-8443": "https://b.example.com/", s: "https://exfil.attacker.io:8443/" }],
    ["s on http vs s-http", { s: "http://exfil.attacker.io/", "s-http": "https://b.example.com/" }],
    ["s on http:8080 vs s-http-8080", { s: "http://exfil.attacker.io:8080/", "s-http-8080": "https://b.example.com/" }],
    ["allowlist-8443 vs the allowlist group", { "allowlist-8443": "https://exfil.attacker.io/", other: "https://b.example.com/" }],
    ["upper-case twin", { Docs: "https://exfil.attacker.io/", docs: "https://b.example.com/" }],
  ];
  test.each(cases)("%s", (_name, servers) => {
    const extra = _name.startsWith("allowlist") ? `mcpSettings:\n  allowedDomains: ["b.example.com:8443", "exfil.attacker.io"]\n` : "";
    const m = librechatEgressModel({ config: mcp(servers) + extra });
    const names = m.groups.map((g) => g.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("naming properties", () => {
  const input = fc.record({
    kind: fc.constantFrom(...KINDS),
    server: fc.option(
      fc.oneof(
        fc.string({ maxLength: 50 }),
        fc.stringMatching(/^[a-z0-9-]{1,45}$/),
        fc.constantFrom("s", "s-8443", "s-http", "allowlist", "allowlist-8443", "x", "server"),
      ),
      { nil: undefined },
    ),
    port: fc.oneof(fc.constantFrom(80, 443, 8443, 8080), fc.integer({ min: 1, max: 65535 })),
    tls: fc.boolean(),
  });
  const key = (i: { kind: EgressGroupKind; server?: string; port: number; tls: boolean }) =>
    JSON.stringify([i.kind, i.kind === "mcp" ? (i.server ?? null) : null, i.port, i.tls]);

  test("no two inputs map to one group name", () => {
    fc.assert(
      fc.property(input, input, (a, b) => {
        if (key(a) === key(b)) return true;
        return groupName(a.kind, a.server, a.port, a.tls) !== groupName(b.kind, b.server, b.port, b.tls);
      }),
      { numRuns: 20000 },
    );
  });

  test("names are DNS-1123 friendly", () => {
    fc.assert(fc.property(input, (a) => /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(groupName(a.kind, a.server, a.port, a.tls))));
  });

  test("a clean server name is kept readable", () => {
    expect(serverSlug("docs")).toBe("docs");
    expect(groupName("mcp", "s", 8443, true)).toBe("librechat-mcp--s--8443");
    expect(groupName("mcp", "s-8443", 443, true)).toBe("librechat-mcp--s-8443");
  });
});

describe("shim diff is keyed by content", () => {
  const doc = (groups: Array<[string, number, string[]]>): EgressJson => ({
    webGroups: groups.map(([name, port, domains]) => ({ name, purpose: "p", domains, port, protocol: "tcp", from: [] })),
    internal: [],
    warnings: [],
  });

  test("a second group with the same name still shows its hosts", () => {
    const before = doc([["librechat-mcp-s-8443", 443, ["b.example.com"]]]);
    const after = doc([
      ["librechat-mcp-s-8443", 443, ["b.example.com"]],
      ["librechat-mcp-s-8443", 8443, ["exfil.attacker.io"]],
    ]);
    const d = diffEgress(before, after);
    expect(d.changed).toBe(true);
    expect(formatDiff(d)).toMatch(/\+ exfil\.attacker\.io/);
  });

  const groups = fc.array(
    fc.tuple(
      fc.constantFrom("a", "b", "librechat-llm", "c"),
      fc.constantFrom(443, 8443, 80),
      fc.array(fc.constantFrom("x.io", "y.io", "z.io", "evil.io"), { maxLength: 3 }),
    ),
    { maxLength: 5 },
  );
  test("the diff names every host added (property)", () => {
    fc.assert(
      fc.property(groups, groups, (a, b) => {
        const before = doc(a);
        const after = doc(b);
        const had = new Set(a.flatMap(([n, p, ds]) => ds.map((d) => `${n}|${p}|${d}`)));
        const text = formatDiff(diffEgress(before, after));
        const addedHosts = b.flatMap(([n, p, ds]) => ds.filter((d) => !had.has(`${n}|${p}|${d}`)));
        for (const h of addedHosts) if (!text.includes(`+ ${h}`)) return false;
        return addedHosts.length === 0 || !text.startsWith("no egress changes");
      }),
      { numRuns: 2000 },
    );
  });

  test("vca shim diff names the new destination (the attack, end to end)", async () => {
    const dir = tmpDir();
    const oldModel = librechatEgressModel({ config: mcp({ "s-8443": "https://b.example.com/" }) });
    const newModel = librechatEgressModel({ config: mcp({ "s-8443": "https://b.example.com/", s: "https://exfil.attacker.io:8443/" }) });
    fs.writeFileSync(path.join(dir, "old.json"), JSON.stringify(egressJson(oldModel)));
    fs.writeFileSync(path.join(dir, "new.json"), JSON.stringify(egressJson(newModel)));
    const r = await runCli(["shim", "diff", path.join(dir, "old.json"), path.join(dir, "new.json"), "--exit-code"]);
    expect(r.stdout).toMatch(/\+ exfil\.attacker\.io/);
    expect(r.code).toBe(1);
  });
});

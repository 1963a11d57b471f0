// Determinism: the same input gives byte-identical output — across two synths of the example app,
// and across reorderings of inputs that carry no order (YAML keys, server lists, domain lists, the
// order rules and groups are added in when priorities define the order).
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { TerraformStack, Testing } from "../../lib/core/cdktf";
import { DcfPolicyPack, DcfRuleProps, ManagedSmartGroup, SmartGroup, WebGroup } from "../../lib/constructs/dcf";
import { obotPreviewFiles, parseServersYaml } from "../../lib/obot";
import { librechatEgressModel, LibreChatEgressModelProps, shimOutputs } from "../../lib/shim";
import { loadAnnotations } from "../../lib/shim/annotations";
import { FIXTURES, readTree, REPO, runCli, synthBlueprints, tmpDir } from "./helpers";
import { sharedBlueprintsOut } from "../support/shared-blueprints";

/** Deterministic pseudo-random permutation (no Math.random: a failure must reproduce). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let s = seed >>> 0 || 1;
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Every mapping's keys in another order (values untouched, lists keep their order). */
function shuffleKeys(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) return v.map((x, i) => shuffleKeys(x, seed + i + 1));
  if (v === null || typeof v !== "object") return v;
  const entries = shuffled(Object.entries(v as Record<string, unknown>), seed);
  return Object.fromEntries(entries.map(([k, x], i) => [k, shuffleKeys(x, seed * 31 + i + 7)]));
}

const asText = (tree: Map<string, Buffer>) => new Map([...tree].map(([k, b]) => [k, b.toString("utf8")]));

describe("GIVEN the blueprints example app", () => {
  test("WHEN synthesized twice THEN every file (cdk.tf.json, manifest, preflight JSON/SARIF) is byte-identical", () => {
    // One synthesis is the shared one (another process, possibly another run); the other is fresh.
    const a = sharedBlueprintsOut();
    const b = tmpDir("vca-det-b-");
    synthBlueprints(b);
    const ta = readTree(a);
    const tb = readTree(b);
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    expect([...ta.keys()].filter((f) => f.endsWith("cdk.tf.json")).length).toBeGreaterThanOrEqual(5);
    for (const [file, bytes] of ta) {
      // Compare as text first for a readable diff, then the bytes themselves.
      expect({ file, text: bytes.toString("utf8").split(a).join("<out>") }).toEqual({ file, text: tb.get(file)!.toString("utf8").split(b).join("<out>") });
    }
    // Nothing in the output may depend on where it was written.
    for (const [file, bytes] of ta) expect({ file, mentionsOutdir: bytes.includes(a) }).toEqual({ file, mentionsOutdir: false });
    // …nor on where the repository was cloned: cdktf's default local backend wrote process.cwd() into
    // every stack; the blueprints use a relative state path instead (examples/blueprints/relative-state.ts).
    for (const [file, bytes] of ta)
      expect({ file, mentionsCheckout: bytes.includes(process.cwd()) || bytes.includes(REPO) }).toEqual({ file, mentionsCheckout: false });
    for (const [file, bytes] of ta) {
      const m = /^stacks\/([^/]+)\/cdk\.tf\.json$/.exec(file.split(path.sep).join("/"));
      if (m)
        expect({ file, backend: JSON.parse(bytes.toString("utf8")).terraform.backend }).toEqual({
          file,
          backend: { local: { path: `../../../terraform.${m[1]}.tfstate` } },
        });
    }
    fs.rmSync(b, { recursive: true, force: true });
  });
});

describe("GIVEN inputs reordered without changing their meaning", () => {
  const full = path.join(FIXTURES, "librechat/vendor");
  const configs: Array<[string, string, string[], Partial<LibreChatEgressModelProps>]> = [
    [
      "lab librechat.yaml",
      fs.readFileSync(path.join(REPO, "examples/blueprints/librechat/librechat.yaml"), "utf8"),
      ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "MISTRAL_API_KEY", "GITHUB_MCP_TOKEN"],
      {},
    ],
    [
      "LibreChat's full example config",
      fs.readFileSync(path.join(full, "full/librechat.yaml"), "utf8"),
      ["OPENAI_API_KEY", "GROQ_API_KEY", "MISTRAL_API_KEY"],
      { annotations: loadAnnotations(path.join(full, "annotations.yaml")) },
    ],
  ];

  test.each(configs)("%s: shuffled keys, reversed custom endpoints and env keys → identical shim files", (_name, text, envKeys, extra) => {
    const doc = yaml.load(text) as Record<string, any>;
    const baseline = shimOutputs(librechatEgressModel({ config: text, configName: "librechat.yaml", envKeys, ...extra }), {});
    for (const seed of [1, 2, 3]) {
      const re = shuffleKeys(doc, seed) as Record<string, any>;
      if (Array.isArray(re.endpoints?.custom)) re.endpoints.custom = [...re.endpoints.custom].reverse();
      const files = shimOutputs(librechatEgressModel({ config: yaml.dump(re), configName: "librechat.yaml", envKeys: [...envKeys].reverse(), ...extra }), {});
      expect(files).toEqual(baseline);
    }
    expect(baseline.get("egress.json")).toMatch(/"domains"/);
  });

  test("`vca shim librechat` run twice writes byte-identical files", async () => {
    const cfg = path.join(REPO, "examples/blueprints/librechat/librechat.yaml");
    const [a, b] = [tmpDir(), tmpDir()];
    for (const out of [a, b]) expect((await runCli(["shim", "librechat", "--config", cfg, "--env-keys", "OPENAI_API_KEY", "--out", out])).code).toBe(0);
    expect(asText(readTree(a))).toEqual(asText(readTree(b)));
  });

  test("obot servers in another order, with domains reversed → the same FirewallPolicy files", () => {
    const text = fs.readFileSync(path.join(REPO, "examples/blueprints/obot/servers.yaml"), "utf8");
    const doc = yaml.load(text) as { servers: Array<Record<string, unknown>> };
    const more = { servers: [...doc.servers, { id: "zz9multi", egressDomains: ["b.example.com", "*.a.example.org", "a.example.com"] }] };
    const baseline = obotPreviewFiles(parseServersYaml(yaml.dump(more), "servers.yaml"), { namespace: "obot-mcp", defaultDenyAllEgress: true });
    const reordered = {
      servers: shuffled(more.servers, 5).map((s) => ({
        ...(shuffleKeys(s, 9) as object),
        ...(Array.isArray(s.egressDomains) ? { egressDomains: [...(s.egressDomains as string[])].reverse() } : {}),
      })),
    };
    const files = obotPreviewFiles(parseServersYaml(yaml.dump(reordered), "servers.yaml"), { namespace: "obot-mcp", defaultDenyAllEgress: true });
    expect(new Map([...files].sort())).toEqual(new Map([...baseline].sort()));
    expect(files.size).toBe(more.servers.length);
  });

  test("a DCF pack built with rules and groups added in another order (priorities fixed) synthesizes identically", () => {
    type Spec = {
      name: string;
      priority: number;
      action: DcfRuleProps["action"];
      protocol: DcfRuleProps["protocol"];
      ports?: number[];
      src: string;
      web?: string;
    };
    const rules: Spec[] = [
      { name: "llm", priority: 10, action: "PERMIT", protocol: "TCP", ports: [443], src: "pods", web: "llm" },
      { name: "tools", priority: 20, action: "PERMIT", protocol: "TCP", ports: [443, 8443], src: "pods", web: "tools" },
      { name: "dns-exfil", priority: 5, action: "DENY", protocol: "UDP", ports: [53], src: "pods" },
      { name: "nodes", priority: 30, action: "PERMIT", protocol: "TCP", ports: [443], src: "nodes", web: "registries" },
      { name: "deny-rest", priority: 1000, action: "DENY", protocol: "ANY", src: "pods" },
    ];
    const smart: Record<string, string> = { pods: "10.244.0.0/16", nodes: "10.0.0.0/24" };
    const web: Record<string, string[]> = {
      llm: ["api.openai.com", "api.anthropic.com"],
      tools: ["*.github.com", "api.ipify.org"],
      registries: ["ghcr.io", "*.azurecr.io", "mcr.microsoft.com"],
    };
    const build = (seed: number) => {
      const stack = new TerraformStack(Testing.app(), "det");
      const sg = Object.fromEntries(shuffled(Object.keys(smart), seed).map((k) => [k, new SmartGroup(stack, k, { matchExpressions: [{ cidr: smart[k] }] })]));
      const wg = Object.fromEntries(shuffled(Object.keys(web), seed).map((k) => [k, new WebGroup(stack, `web_${k}`, { domains: shuffled(web[k], seed) })]));
      const pack = new DcfPolicyPack(stack, "pack", { mode: "enforce" });
      for (const r of shuffled(rules, seed)) {
        pack.addRule({
          name: r.name,
          priority: r.priority,
          action: r.action,
          protocol: r.protocol,
          ports: r.ports,
          src: [sg[r.src]],
          dst: [ManagedSmartGroup.publicInternet()],
          ...(r.web ? { webGroups: [wg[r.web]] } : {}),
        });
      }
      return Testing.synth(stack);
    };
    const baseline = build(0);
    for (const seed of [11, 12, 13, 14]) expect(build(seed)).toBe(baseline);
    // Rule order in the output follows priority, whatever the insertion order.
    const policies = JSON.parse(baseline).resource.aviatrix_dcf_ruleset.pack.rules as Array<{ priority: number }>;
    expect(policies.map((p) => p.priority)).toEqual([5, 10, 20, 30, 1000]);
  });
});

import { hasErrors } from "../../../lib/core/finding";
import { analyze, PolicyFinding, formatPolicyFinding } from "../../../lib/dcf/analyze";
import { ANY, cidrGroup, INTERNET, model, rule, sniGroup, urlGroup } from "./model-helpers";
import type { RuleModel } from "../../../lib/dcf/model";

function byId(findings: PolicyFinding[], id: string): PolicyFinding[] {
  return findings.filter((f) => f.id === id);
}

const web = [sniGroup("llm", "api.openai.com", "api.anthropic.com")];

describe("analyze: a clean pack", () => {
  test("GIVEN a scoped permit, a catch-all deny and default DENY WHEN analyzed THEN no findings", () => {
    const m = model(
      [
        rule("llm", { priority: 10, webGroups: ["llm"] }),
        rule("deny-rest", { priority: 1000, action: "DENY", protocol: "ANY", portRanges: [], dstGroups: [ANY] }),
      ],
      { webGroups: web },
    );
    expect(analyze(m)).toEqual([]);
  });
});

describe("shadowed-rule", () => {
  test("GIVEN a rule hidden behind an earlier broader rule THEN it is reported with the covering rule", () => {
    const m = model(
      [rule("broad", { priority: 10, webGroups: ["wild"], portRanges: [{ lo: 80, hi: 443 }] }), rule("narrow", { priority: 20, webGroups: ["llm"] })],
      { webGroups: [...web, sniGroup("wild", "*.openai.com", "*.anthropic.com", "api.anthropic.com")] },
    );
    const f = byId(analyze(m), "shadowed-rule");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", rule: "narrow" });
    expect(formatPolicyFinding(f[0])).toMatchSnapshot();
  });

  test("GIVEN a DENY hidden behind a PERMIT THEN it is an error", () => {
    const m = model([rule("allow-all-443", { priority: 10 }), rule("block-443", { priority: 20, action: "DENY" })]);
    const f = byId(analyze(m), "shadowed-rule");
    expect(f.map((x) => [x.rule, x.severity])).toEqual([["block-443", "error"]]);
    expect(f[0].explanation).toContain("traffic it should block is permitted");
  });

  test("GIVEN Anywhere as the earlier source THEN any later source is covered", () => {
    const m = model([
      rule("deny-any", { priority: 5, action: "DENY", srcGroups: [ANY], protocol: "ANY", portRanges: [] }),
      rule("permit-app", { priority: 9 }),
    ]);
    expect(byId(analyze(m), "shadowed-rule").map((f) => [f.rule, f.severity])).toEqual([["permit-app", "warning"]]);
  });

  test.each([
    ["a narrower earlier web group", { webGroups: ["one"] }, { webGroups: ["llm"] }],
    ["a different source", { srcGroups: ["other"] }, {}],
    ["fewer ports", { portRanges: [{ lo: 80 }] }, {}],
    ["a narrower protocol", { protocol: "UDP" }, {}],
    ["watch mode", { watch: true }, {}],
    ["the same priority (undefined order)", { priority: 20 }, {}],
    ["a decrypt condition", { decryptPolicy: "DECRYPT_ALLOWED" }, {}],
    ["a TLS requirement", { flowAppRequirement: "TLS_REQUIRED" }, {}],
    ["a wildcard that does not cover the apex", { webGroups: ["wild-apex"] }, { webGroups: ["apex"] }],
    ["ICMP port semantics", { protocol: "ANY", portRanges: [{ lo: 0, hi: 65535 }] }, { protocol: "ICMP", portRanges: [] }],
  ] as const)("GIVEN %s on the earlier rule THEN nothing is reported", (_why, earlier, later) => {
    const m = model([rule("first", { priority: 10, ...earlier }), rule("second", { priority: 20, ...later })], {
      webGroups: [...web, sniGroup("one", "api.openai.com"), sniGroup("wild-apex", "*.example.com"), sniGroup("apex", "example.com")],
    });
    expect(byId(analyze(m), "shadowed-rule")).toEqual([]);
  });

  test("GIVEN a V1 rule covering a K8S rule THEN the K8S rule is unreachable whatever its priority", () => {
    const m = model([rule("v1", { priority: 500 }), rule("crd", { tier: "K8S", priority: 0, webGroups: ["llm"] })], { webGroups: web });
    expect(byId(analyze(m), "shadowed-rule").map((f) => f.rule)).toEqual(["crd"]);
  });

  test("GIVEN URL filters THEN an SNI entry for the URL's host covers them, a different host does not", () => {
    const groups = [urlGroup("gh-urls", "github.com/evil/*"), sniGroup("gh", "github.com"), sniGroup("gl", "gitlab.com")];
    const decrypts = { decryptPolicy: "DECRYPT_ALLOWED" as const };
    const covered = model([rule("a", { priority: 1, webGroups: ["gh"] }), rule("b", { priority: 2, webGroups: ["gh-urls"], ...decrypts })], {
      webGroups: groups,
    });
    expect(byId(analyze(covered), "shadowed-rule").map((f) => f.rule)).toEqual(["b"]);
    const notCovered = model([rule("a", { priority: 1, webGroups: ["gl"] }), rule("b", { priority: 2, webGroups: ["gh-urls"], ...decrypts })], {
      webGroups: groups,
    });
    expect(byId(analyze(notCovered), "shadowed-rule")).toEqual([]);
  });

  test("GIVEN the same URL WebGroup WHEN the earlier rule does not decrypt and the later one does THEN the later rule is reachable (inert URL entries cover nothing)", () => {
    const groups = [urlGroup("gh-urls", "github.com/evil/*")];
    const m = model(
      [
        rule("a", { priority: 1, webGroups: ["gh-urls"], decryptPolicy: "DECRYPT_UNSPECIFIED" }),
        rule("b", { priority: 2, action: "DENY", webGroups: ["gh-urls"], decryptPolicy: "DECRYPT_ALLOWED" }),
      ],
      { webGroups: groups },
    );
    expect(byId(analyze(m), "shadowed-rule")).toEqual([]);
  });
});

describe("duplicate-priority", () => {
  test("GIVEN two V1 rules with one priority and different actions THEN error; same action THEN warning", () => {
    const mixed = model([rule("a", { priority: 10, webGroups: ["llm"] }), rule("b", { priority: 10, action: "DENY", srcGroups: ["other"] })], {
      webGroups: web,
    });
    expect(byId(analyze(mixed), "duplicate-priority").map((f) => [f.rule, f.severity])).toEqual([["b", "error"]]);
    const same = model([rule("a", { priority: 10, webGroups: ["llm"] }), rule("b", { priority: 10, srcGroups: ["other"], webGroups: ["llm"] })], {
      webGroups: web,
    });
    expect(byId(analyze(same), "duplicate-priority").map((f) => f.severity)).toEqual(["warning"]);
  });

  test("GIVEN equal priorities in different tiers or distinct V1 priorities THEN nothing", () => {
    const m = model(
      [
        rule("a", { priority: 10, webGroups: ["llm"] }),
        rule("b", { priority: 10, tier: "K8S", srcGroups: ["other"], webGroups: ["llm"] }),
        rule("c", { priority: 11, srcGroups: ["other"], webGroups: ["llm"] }),
      ],
      { webGroups: web },
    );
    expect(byId(analyze(m), "duplicate-priority")).toEqual([]);
  });
});

describe("v1-deny-preempts-k8s-permit", () => {
  const ID = "v1-deny-preempts-k8s-permit";
  const denyAll = rule("v1-deny-mcp", { priority: 3, action: "DENY", protocol: "ANY", portRanges: [], dstGroups: [INTERNET] });
  // As the CRD reader models a FirewallPolicy rule's source: pods of the policy's namespace.
  const mcpPods = {
    key: "pods",
    name: "pods",
    kind: "selector" as const,
    expressions: [{ type: "k8s" as const, k8sNamespace: "obot-mcp", tags: { app: "ms1kbsng" } }],
  };
  const crdPermit = rule("allow-approved-egress", { tier: "K8S", priority: 0, srcGroups: ["pods"], webGroups: ["llm"], origin: "obot-mcp/obot-x-fw" });

  test("GIVEN a V1 catch-all DENY from a CIDR that may hold the pods and K8S permits THEN error naming both rules", () => {
    const f = byId(analyze(model([denyAll, crdPermit], { webGroups: web, smartGroups: [mcpPods] })), ID);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([["v1-deny-mcp", "error"]]);
    expect(f[0].explanation).toContain('"obot-mcp/obot-x-fw/allow-approved-egress"');
    expect(formatPolicyFinding(f[0])).toMatchSnapshot();
  });

  test("GIVEN a scoped V1 deny that is not a deny-all but can match the permit (same namespace, TCP 443, the permitted host) THEN error naming both", () => {
    const nsGroup = { key: "mcp-ns", name: "mcp-ns", kind: "selector" as const, expressions: [{ type: "k8s" as const, k8sNamespace: "obot-mcp" }] };
    const openai = sniGroup("openai", "api.openai.com");
    const deny = rule("deny-openai-from-mcp", { priority: 7, action: "DENY", srcGroups: ["mcp-ns"], webGroups: ["openai"] });
    const f = byId(analyze(model([deny, crdPermit], { webGroups: [...web, openai], smartGroups: [mcpPods, nsGroup] })), ID);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([["deny-openai-from-mcp", "error"]]);
    expect(f[0].explanation).toMatch(/DENY "deny-openai-from-mcp" .*FirewallPolicy permit "obot-mcp\/obot-x-fw\/allow-approved-egress"/);
  });

  test("GIVEN denies that provably cannot meet the permit THEN nothing", () => {
    const groups = [
      mcpPods,
      { key: "other-ns", name: "other-ns", kind: "selector" as const, expressions: [{ type: "k8s" as const, k8sNamespace: "librechat" }] },
      {
        key: "other-app",
        name: "other-app",
        kind: "selector" as const,
        expressions: [{ type: "k8s" as const, k8sNamespace: "obot-mcp", tags: { app: "pt5rfqaz" } }],
      },
      { key: "threats", name: "threats", kind: "selector" as const, expressions: [{ external: "threatiq" }] },
      { key: "vms", name: "vms", kind: "selector" as const, expressions: [{ type: "vm" as const, tags: { role: "bastion" } }] },
      { key: "partner", name: "partner", kind: "selector" as const, expressions: [{ fqdn: "partner.example.com" }] },
    ];
    const other = sniGroup("paste", "pastebin.com");
    const cidrPermit = { ...crdPermit, srcGroups: ["pod-cidr"] };
    expect(
      byId(analyze(model([{ ...denyAll, srcGroups: ["app"] }, cidrPermit], { webGroups: web, smartGroups: [cidrGroup("pod-cidr", "10.9.0.0/16")] })), ID),
    ).toEqual([]);
    const cases: RuleModel[] = [
      ...["other-ns", "other-app", "threats", "vms", "partner", INTERNET].map((src) => ({ ...denyAll, srcGroups: [src] })),
      { ...denyAll, srcGroups: ["pods"], protocol: "UDP", portRanges: [{ lo: 53 }] },
      { ...denyAll, srcGroups: ["pods"], protocol: "TCP", portRanges: [{ lo: 8443 }] },
      { ...denyAll, srcGroups: ["pods"], protocol: "TCP", portRanges: [{ lo: 443 }], webGroups: ["paste"] },
      { ...denyAll, srcGroups: ["pods"], watch: true },
      { ...denyAll, srcGroups: ["pods"], tier: "AFTER_K8S" },
    ];
    for (const deny of cases) {
      expect([deny.name, byId(analyze(model([deny, crdPermit], { webGroups: [...web, other], smartGroups: groups })), ID)]).toEqual([deny.name, []]);
    }
  });

  test.each([
    ["Anywhere", ANY],
    ["a k8s selector", "k8s-sel"],
    ["a subnet selector", "subnet-sel"],
    ["an unresolved group", "${var.src}"],
  ])("GIVEN a V1 deny-all from %s and K8S permits THEN error", (_what, src) => {
    const groups = [
      mcpPods,
      { key: "k8s-sel", name: "k8s-sel", kind: "selector" as const, expressions: [{ type: "k8s" as const, k8sNamespace: "obot-mcp" }] },
      { key: "subnet-sel", name: "subnet-sel", kind: "selector" as const, expressions: [{ type: "subnet" as const, resId: "subnet-1" }] },
      { key: "${var.src}", name: "var.src", kind: "unresolved" as const, expressions: [], ref: "${var.src}" },
    ];
    const deny = { ...denyAll, srcGroups: [src] };
    expect(byId(analyze(model([deny, crdPermit], { webGroups: web, smartGroups: groups })), ID).map((f) => f.severity)).toEqual(["error"]);
  });

  test("GIVEN no K8S tier THEN nothing", () => {
    expect(byId(analyze(model([denyAll], { webGroups: web })), ID)).toEqual([]);
  });
});

describe("url-filter-without-decryption", () => {
  test("GIVEN a URL filter on a rule without DECRYPT_ALLOWED THEN error; with it THEN nothing", () => {
    const groups = [urlGroup("ioc", "github.com/evil/*")];
    const bad = model([rule("deny-ioc", { priority: 1, action: "DENY", webGroups: ["ioc"], decryptPolicy: "DECRYPT_NOT_ALLOWED" })], { webGroups: groups });
    const f = byId(analyze(bad), "url-filter-without-decryption");
    expect(f.map((x) => [x.rule, x.severity])).toEqual([["deny-ioc", "error"]]);
    expect(formatPolicyFinding(f[0])).toMatchSnapshot();
    const ok = model([rule("deny-ioc", { priority: 1, action: "DENY", webGroups: ["ioc"], decryptPolicy: "DECRYPT_ALLOWED" })], { webGroups: groups });
    expect(byId(analyze(ok), "url-filter-without-decryption")).toEqual([]);
  });
});

describe("decrypt-control-plane", () => {
  const groups = [
    sniGroup("aws", "sts.us-east-2.amazonaws.com", "api.ecr.us-east-2.amazonaws.com"),
    sniGroup("aks", "mcr.microsoft.com"),
    sniGroup("wild", "*"),
    sniGroup("tools", "api.github.com"),
  ];
  test.each([
    ["aws", "error"],
    ["aks", "error"],
    ["wild", "warning"],
  ])("GIVEN DECRYPT_ALLOWED on %s THEN %s", (g, severity) => {
    const m = model([rule("r", { priority: 1, webGroups: [g], decryptPolicy: "DECRYPT_ALLOWED" })], { webGroups: groups });
    expect(byId(analyze(m), "decrypt-control-plane").map((f) => f.severity)).toEqual([severity]);
  });

  test("GIVEN control-plane hosts without decryption, or decryption of other hosts THEN nothing", () => {
    const m = model(
      [
        rule("aws", { priority: 1, webGroups: ["aws"], decryptPolicy: "DECRYPT_NOT_ALLOWED" }),
        rule("tools", { priority: 2, webGroups: ["tools"], decryptPolicy: "DECRYPT_ALLOWED" }),
      ],
      { webGroups: groups },
    );
    expect(byId(analyze(m), "decrypt-control-plane")).toEqual([]);
  });

  test("GIVEN the snapshot wording THEN it names the host and why", () => {
    const m = model([rule("r", { priority: 1, webGroups: ["aws"], decryptPolicy: "DECRYPT_ALLOWED" })], { webGroups: groups });
    const found = byId(analyze(m), "decrypt-control-plane");
    expect(found).toEqual([{ id: "decrypt-control-plane", severity: "error", rule: "r", explanation: expect.any(String) }]);
    expect(found[0].explanation).toMatch(/"sts\.us-east-2\.amazonaws\.com", "api\.ecr\.us-east-2\.amazonaws\.com" in WebGroup "aws"/);
    expect(found[0].explanation).toContain("MITM CA");
    expect(found.map(formatPolicyFinding)).toMatchSnapshot();
  });
});

describe("ports-on-icmp", () => {
  test("GIVEN ICMP with ports THEN error; ICMP without ports THEN nothing", () => {
    const bad = model([rule("ping", { priority: 1, protocol: "ICMP", portRanges: [{ lo: 8 }], srcGroups: ["app"], dstGroups: ["other"] })]);
    expect(byId(analyze(bad), "ports-on-icmp").map((f) => [f.rule, f.severity])).toEqual([["ping", "error"]]);
    const ok = model([rule("ping", { priority: 1, protocol: "ICMP", portRanges: [], dstGroups: ["other"] })]);
    expect(byId(analyze(ok), "ports-on-icmp")).toEqual([]);
  });
});

describe("empty-group", () => {
  test("GIVEN an empty SmartGroup and an empty WebGroup THEN errors naming both", () => {
    const m = model([rule("r", { priority: 1, srcGroups: ["nothing"], webGroups: ["none"] })], {
      smartGroups: [{ key: "nothing", name: "nothing", kind: "selector", expressions: [{}] }],
      webGroups: [{ key: "none", name: "none", kind: "domains", matches: [] }],
    });
    const f = byId(analyze(m), "empty-group");
    expect(f.map((x) => x.severity)).toEqual(["error", "error"]);
    expect(f.map((x) => x.explanation)).toMatchSnapshot();
  });

  test("GIVEN managed / anywhere groups without expressions THEN nothing", () => {
    const m = model([rule("r", { priority: 1, dstGroups: [ANY, "mgd"], webGroups: ["llm"] })], {
      smartGroups: [{ key: "mgd", name: "managed", kind: "managed", expressions: [] }],
      webGroups: web,
    });
    expect(byId(analyze(m), "empty-group")).toEqual([]);
  });
});

describe("internet-permit-without-webgroup", () => {
  test.each([[INTERNET], [ANY], ["zero"]])("GIVEN a permit to %s without WebGroup THEN warning", (dst) => {
    const m = model([rule("open", { priority: 1, dstGroups: [dst] })], { smartGroups: [cidrGroup("zero", "0.0.0.0/0")] });
    expect(byId(analyze(m), "internet-permit-without-webgroup").map((f) => [f.rule, f.severity])).toEqual([["open", "warning"]]);
  });

  test("GIVEN a WebGroup, a private destination or a deny THEN nothing", () => {
    const m = model(
      [
        rule("a", { priority: 1, webGroups: ["llm"] }),
        rule("b", { priority: 2, dstGroups: ["other"] }),
        rule("c", { priority: 3, action: "DENY", srcGroups: ["other"] }),
      ],
      { webGroups: web },
    );
    expect(byId(analyze(m), "internet-permit-without-webgroup")).toEqual([]);
  });
});

describe("match-all-domain", () => {
  test("GIVEN a `*` WebGroup used by a permit THEN warning; used only by a deny THEN info", () => {
    const groups = [sniGroup("star", "*")];
    const permit = model([rule("p", { priority: 1, webGroups: ["star"] })], { webGroups: groups });
    expect(byId(analyze(permit), "match-all-domain").map((f) => [f.rule, f.severity])).toEqual([["p", "warning"]]);
    const deny = model([rule("d", { priority: 1, action: "DENY", webGroups: ["star"] })], { webGroups: groups });
    expect(byId(analyze(deny), "match-all-domain").map((f) => f.severity)).toEqual(["info"]);
  });

  test("GIVEN wildcard subdomains only THEN nothing", () => {
    const m = model([rule("p", { priority: 1, webGroups: ["w"] })], { webGroups: [sniGroup("w", "*.openai.com")] });
    expect(byId(analyze(m), "match-all-domain")).toEqual([]);
  });
});

describe("missing-default-deny", () => {
  const permit = rule("llm", { priority: 10, webGroups: ["llm"] });
  test("GIVEN no managed default and no final deny THEN warning", () => {
    const f = byId(analyze(model([permit], { webGroups: web, defaultAction: null })), "missing-default-deny");
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
    expect(f[0].explanation).toMatchSnapshot();
  });

  test("GIVEN discover mode (PERMIT + log) THEN info; PERMIT without log THEN warning", () => {
    expect(
      byId(analyze(model([permit], { webGroups: web, defaultAction: { action: "PERMIT", logging: true } })), "missing-default-deny").map((f) => f.severity),
    ).toEqual(["info"]);
    expect(
      byId(analyze(model([permit], { webGroups: web, defaultAction: { action: "PERMIT", logging: false } })), "missing-default-deny").map((f) => f.severity),
    ).toEqual(["warning"]);
  });

  test("GIVEN default DENY, or a final V1 catch-all deny THEN nothing", () => {
    expect(byId(analyze(model([permit], { webGroups: web })), "missing-default-deny")).toEqual([]);
    const finalDeny = rule("deny", { priority: 1000, action: "DENY", protocol: "ANY", portRanges: [], srcGroups: [ANY], dstGroups: [ANY] });
    expect(byId(analyze(model([permit, finalDeny], { webGroups: web, defaultAction: null })), "missing-default-deny")).toEqual([]);
    const zero = cidrGroup("zero", "0.0.0.0/0");
    const cidrDeny = { ...finalDeny, srcGroups: ["zero"], dstGroups: ["zero"] };
    expect(byId(analyze(model([permit, cidrDeny], { webGroups: web, smartGroups: [zero], defaultAction: null })), "missing-default-deny")).toEqual([]);
  });

  test("GIVEN a closing deny scoped to the permitted source (brownfield containment) THEN nothing; scoped to another source THEN warning naming the open one", () => {
    const scoped = rule("contain-app", { priority: 1000, action: "DENY", protocol: "ANY", portRanges: [], srcGroups: ["app"], dstGroups: [ANY] });
    expect(byId(analyze(model([permit, scoped], { webGroups: web, defaultAction: null })), "missing-default-deny")).toEqual([]);
    const toInternet = { ...scoped, dstGroups: [INTERNET] };
    expect(byId(analyze(model([permit, toInternet], { webGroups: web, defaultAction: null })), "missing-default-deny")).toEqual([]);
    // In a ruleset evaluated after the K8S block it still closes the source.
    expect(byId(analyze(model([permit, { ...scoped, tier: "AFTER_K8S" }], { webGroups: web, defaultAction: null })), "missing-default-deny")).toEqual([]);
    const other = { ...scoped, srcGroups: ["other"] };
    const f = byId(analyze(model([permit, other], { webGroups: web, defaultAction: null })), "missing-default-deny");
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
    expect(f[0].explanation).toContain('"app" (permitted by llm)');
    // A deny with an L7 filter or to a narrow destination closes nothing; a deny BEFORE the permit neither.
    const early = { ...scoped, priority: 1 };
    expect(byId(analyze(model([permit, early], { webGroups: web, defaultAction: null })), "missing-default-deny")).toHaveLength(1);
  });
});

describe("ordering and severities", () => {
  test("GIVEN mixed findings THEN errors come first and hasErrors is true", () => {
    const m = model([rule("ping", { priority: 1, protocol: "ICMP", portRanges: [{ lo: 8 }], dstGroups: ["other"] }), rule("open", { priority: 2 })], {
      defaultAction: null,
    });
    const f = analyze(m);
    expect(f.map((x) => x.severity)).toEqual(["error", "warning", "warning"]);
    expect(hasErrors(f)).toBe(true);
    expect(analyze(m)).toEqual(f);
  });
});

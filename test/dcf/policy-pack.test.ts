import { PolicyPack } from "../../lib/dcf/builder/policy-pack";
import { Select, Web } from "../../lib/dcf/builder/selectors";
import { WELL_KNOWN } from "../../lib/dcf/model";
import { evaluate } from "../../lib/dcf/simulate/evaluate";
import { Flow } from "../../lib/dcf/simulate/flow";
import { expectInputError } from "../support/expect-error";

function base(): PolicyPack {
  return new PolicyPack()
    .addSmartGroup("pods", { name: "mcp-pods", expressions: [Select.k8s({ cluster: "aks-1", namespace: "obot-mcp", labels: { app: "x" } })] })
    .addWebGroup("llm", { matches: [...Web.domains(["API.OpenAI.com.", "*.anthropic.com"]), Web.url("github.com/*/ioc*")] })
    .addManagedWebGroup("avx-llm", "avx-ai-llm-providers")
    .addRule({ name: "watch-all", priority: 5, action: "PERMIT", src: ["pods"], dst: [WELL_KNOWN.anywhere], watch: true })
    .addRule({
      name: "llm",
      priority: 10,
      action: "PERMIT",
      protocol: "TCP",
      ports: [443, "8443-8444"],
      src: ["pods"],
      dst: [WELL_KNOWN.publicInternet],
      webGroups: ["llm"],
    })
    .addRule({ name: "icmp-deny", priority: 20, action: "DENY", protocol: "ICMP", src: ["pods"], dst: [WELL_KNOWN.anywhere] });
}

const pod = { k8s: { cluster: "aks-1", namespace: "obot-mcp", labels: { app: "x", tier: "a" } } };
const flow = (to: Flow["to"]): Flow => ({ from: pod, to });

describe("PolicyPack", () => {
  test("GIVEN a minimal pack WHEN modelled THEN snapshot (enforce default DENY + log, builtins present)", () => {
    const m = new PolicyPack().addSmartGroup("a", { expressions: [Select.cidr("10.0.0.0/8")] }).toModel();
    expect(m.defaultAction).toEqual({ action: "DENY", logging: true });
    expect(m.rules).toEqual([]);
    expect(m.smartGroups.a).toEqual({ key: "a", name: "a", kind: "selector", expressions: [{ cidr: "10.0.0.0/8" }] });
    // The built-in groups are always present, under their well-known uuids.
    expect(Object.values(m.smartGroups).map((g) => [g.key, g.name])).toEqual(
      expect.arrayContaining([
        [WELL_KNOWN.anywhere, "Anywhere"],
        [WELL_KNOWN.publicInternet, "Public Internet"],
      ]),
    );
    expect(Object.values(m.webGroups).map((w) => w.name)).toEqual(["All-Web"]);
    expect(m).toMatchSnapshot();
  });

  test("GIVEN an everything-on pack WHEN modelled THEN snapshot with sorted domains and selectors", () => {
    const m = base()
      .addSmartGroup("all-kinds", {
        expressions: [
          Select.threatIq({ severity: "high" }),
          Select.geo({ countryIsoCode: "CN" }),
          Select.azureIps({ serviceName: "AzureFrontDoor.FirstParty" }),
          Select.githubIps({ serviceName: "actions" }),
          Select.feed("custom", { list: "x" }),
          Select.vm({ tags: { b: "2", a: "1" } }),
          Select.vpc({ resId: "vpc-1" }),
          Select.subnet({ name: "runtime" }),
          Select.k8sNode({ region: "eastus" }),
          Select.serverless({ resId: "arn:aws:lambda:x" }),
          Select.fqdn("api.github.com"),
          Select.site("hq"),
          Select.s2c("dc1"),
        ],
      })
      .toModel();
    expect(m.webGroups.llm.matches).toEqual([{ sni: "*.anthropic.com" }, { sni: "api.openai.com" }, { url: "github.com/*/ioc*" }]);
    expect(m).toMatchSnapshot();
  });

  test("GIVEN enforce WHEN an LLM flow THEN watch rule records and falls through to the permit", () => {
    const r = evaluate(base().toModel(), flow({ host: "api.openai.com", port: 443, protocol: "TCP" }));
    expect(r).toMatchObject({ verdict: "PERMIT", rule: "llm", tier: "V1", watchedBy: ["watch-all"], logged: true });
  });

  test("GIVEN port ranges WHEN ports inside/outside THEN matched/not", () => {
    const m = base().toModel();
    expect(evaluate(m, flow({ host: "api.openai.com", port: 8444, protocol: "TCP" })).rule).toBe("llm");
    expect(evaluate(m, flow({ host: "api.openai.com", port: 8445, protocol: "TCP" })).rule).toBe("default-action");
    expect(evaluate(m, flow({ host: "api.openai.com", port: 443, protocol: "UDP" })).rule).toBe("default-action");
  });

  test("GIVEN ICMP and ANY rules WHEN ICMP flow THEN the ICMP deny decides", () => {
    expect(evaluate(base().toModel(), flow({ ip: "8.8.8.8", protocol: "ICMP" }))).toMatchObject({ verdict: "DENY", rule: "icmp-deny" });
  });

  test("GIVEN URL filters on a DECRYPT_ALLOWED rule WHEN decrypted or not THEN only the decrypted flow matches the URL", () => {
    const m = base()
      .addWebGroup("ioc", { matches: [Web.url("github.com/*/ioc*")] })
      .addRule({
        name: "ioc-deny",
        priority: 8,
        action: "DENY",
        protocol: "TCP",
        ports: [443],
        src: ["pods"],
        dst: [WELL_KNOWN.publicInternet],
        webGroups: ["ioc"],
        decryptPolicy: "DECRYPT_ALLOWED",
      })
      .toModel();
    expect(evaluate(m, flow({ host: "github.com", path: "/a/ioc-1", port: 443, protocol: "TCP", decrypted: true })).rule).toBe("ioc-deny");
    expect(evaluate(m, flow({ host: "github.com", path: "/a/ioc-1", port: 443, protocol: "TCP" })).rule).toBe("default-action");
  });

  test("GIVEN URL filters on a rule without DECRYPT_ALLOWED WHEN a decrypted flow matches the URL THEN the rule does not match (the controller never decrypts for it)", () => {
    const m = base().toModel();
    expect(m.rules.find((r) => r.name === "llm")?.decryptPolicy).toBe("DECRYPT_UNSPECIFIED");
    expect(evaluate(m, flow({ host: "github.com", path: "/a/ioc-1", port: 443, protocol: "TCP", decrypted: true })).rule).toBe("default-action");
  });

  test("GIVEN *.x WHEN x itself or x.evil.io THEN no match; IDN/case/trailing dot normalised", () => {
    const m = base().toModel();
    expect(evaluate(m, flow({ host: "anthropic.com", port: 443, protocol: "TCP" })).rule).toBe("default-action");
    expect(evaluate(m, flow({ host: "anthropic.com.evil.io", port: 443, protocol: "TCP" })).rule).toBe("default-action");
    expect(evaluate(m, flow({ host: "API.Anthropic.COM.", port: 443, protocol: "TCP" })).rule).toBe("llm");
  });

  test("GIVEN a rule with WebGroups WHEN the flow has no host THEN it never matches", () => {
    expect(evaluate(base().toModel(), flow({ ip: "1.2.3.4", port: 443, protocol: "TCP" })).rule).toBe("default-action");
  });

  test("GIVEN discover mode WHEN any flow THEN every rule watches and the default PERMIT + log decides; promotion enforces one rule", () => {
    const discover = base().withMode("discover");
    const r = evaluate(discover.toModel(), flow({ ip: "8.8.8.8", protocol: "ICMP" }));
    expect(r).toMatchObject({ verdict: "PERMIT", rule: "default-action", tier: "POST_RULES", watchedBy: ["watch-all", "icmp-deny"], logged: true });
    const promoted = discover.promote("icmp-deny");
    expect(evaluate(promoted.toModel(), flow({ ip: "8.8.8.8", protocol: "ICMP" })).rule).toBe("icmp-deny");
    expect(base().toModel().defaultAction).toEqual({ action: "DENY", logging: true });
  });

  test("GIVEN managed WebGroup WHEN the flow names it THEN matched; otherwise not", () => {
    const m = base()
      .addRule({ name: "managed", priority: 1, action: "PERMIT", protocol: "TCP", src: ["pods"], dst: [WELL_KNOWN.anywhere], webGroups: ["avx-llm"] })
      .toModel();
    expect(evaluate(m, flow({ host: "api.mistral.ai", port: 443, protocol: "TCP", groups: ["avx-ai-llm-providers"] })).rule).toBe("managed");
    expect(evaluate(m, flow({ host: "api.mistral.ai", port: 443, protocol: "TCP" })).rule).toBe("default-action");
  });

  describe("eager validation (error messages snapshotted)", () => {
    const cases: Array<[string, () => unknown, string]> = [
      [
        "port out of range",
        () => base().addRule({ name: "p", priority: 1, action: "PERMIT", protocol: "TCP", ports: [70000], src: ["pods"], dst: ["pods"] }),
        "rules[p].ports[0]",
      ],
      [
        "lo > hi",
        () => base().addRule({ name: "p", priority: 1, action: "PERMIT", protocol: "TCP", ports: [{ lo: 500, hi: 400 }], src: ["pods"], dst: ["pods"] }),
        "rules[p].ports[0]",
      ],
      [
        "too many ranges",
        () =>
          base().addRule({
            name: "p",
            priority: 1,
            action: "PERMIT",
            protocol: "TCP",
            ports: Array.from({ length: 65 }, (_, i) => i + 1),
            src: ["pods"],
            dst: ["pods"],
          }),
        "rules[p].ports",
      ],
      [
        "ports with ICMP",
        () => base().addRule({ name: "p", priority: 1, action: "DENY", protocol: "ICMP", ports: [1], src: ["pods"], dst: ["pods"] }),
        "rules[p].ports",
      ],
      ["fractional priority", () => base().addRule({ name: "p", priority: 1.5, action: "DENY", src: ["pods"], dst: ["pods"] }), "rules[p].priority"],
      ["empty name", () => base().addRule({ name: " ", priority: 1, action: "DENY", src: ["pods"], dst: ["pods"] }), "rules[ ]"],
      ["duplicate rule", () => base().addRule({ name: "llm", priority: 1, action: "DENY", src: ["pods"], dst: ["pods"] }), "rules[llm]"],
      ["unknown group", () => base().addRule({ name: "p", priority: 1, action: "DENY", src: ["nope"], dst: ["pods"] }), "rules[p].src"],
      ["sni and url together", () => new PolicyPack().addWebGroup("w", { matches: [{ sni: "a.com", url: "a.com/x" }] }), "webGroups[w].matches[0]"],
      ["mid wildcard", () => new PolicyPack().addWebGroup("w", { matches: [Web.sni("api.*.com")] }), "webGroups[w].matches[0]"],
      ["k8s field without type k8s", () => Select.vm({ tags: { a: "b" }, ...({ k8sNamespace: "x" } as object) } as never), "k8sNamespace"],
      [
        "cidr with other fields",
        () => new PolicyPack().addSmartGroup("g", { expressions: [{ cidr: "10.0.0.0/8", type: "vm" }] }),
        "smartGroups[g].expressions[0]",
      ],
      ["bad cidr", () => Select.cidr("10.0.0.0/33"), 'cidr("10.0.0.0/33")'],
      ["pod without cluster", () => Select.k8s({ namespace: "n", pod: "p" }), "k8sPod"],
      ["unknown ext arg", () => Select.feed("geo", { country: "CN" }), '"country"'],
      ["promote unknown", () => base().promote("missing"), '"missing"'],
    ];
    test.each(cases)("%s", (_label, fn, names) => {
      expect(expectInputError(fn, names)).toMatchSnapshot();
    });
  });
});

// Rule conditions the gateway applies beyond L3/L4: URL filters need a DECRYPT_ALLOWED rule and a
// decrypted flow; flow_app_requirement matches only flows whose TLS-ness is known to fit.
import { parseScenarios } from "../../lib/dcf/simulate/scenarios";
import { evaluate } from "../../lib/dcf/simulate/evaluate";
import { Flow } from "../../lib/dcf/simulate/flow";
import { FlowAppRequirement, PolicyModel, RuleModel, WELL_KNOWN } from "../../lib/dcf/model";
import { expectInputError } from "../support/expect-error";

function rule(name: string, flowAppRequirement: FlowAppRequirement, over: Partial<RuleModel> = {}): RuleModel {
  return {
    name,
    tier: "V1",
    priority: 10,
    action: "PERMIT",
    protocol: "TCP",
    portRanges: [{ lo: 443 }],
    srcGroups: [WELL_KNOWN.anywhere],
    dstGroups: [WELL_KNOWN.anywhere],
    webGroups: [],
    logging: true,
    watch: false,
    decryptPolicy: "DECRYPT_UNSPECIFIED",
    flowAppRequirement,
    ...over,
  };
}

function modelOf(...rules: RuleModel[]): PolicyModel {
  return {
    smartGroups: { [WELL_KNOWN.anywhere]: { key: WELL_KNOWN.anywhere, name: "Anywhere", kind: "anywhere", expressions: [] } },
    webGroups: { urls: { key: "urls", name: "urls", kind: "domains", matches: [{ url: "github.com/evil/*" }] } },
    rules,
    defaultAction: { action: "DENY", logging: true },
  };
}

const to = (extra: Partial<Flow["to"]>): Flow => ({ from: {}, to: { host: "api.example.com", port: 443, protocol: "TCP", ...extra } });

describe("flow_app_requirement", () => {
  const m = modelOf(rule("tls-only", "TLS_REQUIRED"));
  test.each([
    ["tls: true", { tls: true }, "tls-only"],
    ["decrypted (implies TLS)", { decrypted: true }, "tls-only"],
    ["tls unknown", {}, "default-action"],
    ["tls: false", { tls: false }, "default-action"],
  ] as const)("GIVEN a TLS_REQUIRED permit WHEN the flow is %s THEN the deciding rule is %s", (_what, extra, want) => {
    expect(evaluate(m, to(extra)).rule).toBe(want);
  });

  const plain = modelOf(rule("plain-only", "NOT_TLS_REQUIRED"));
  test.each([
    ["tls: false", { tls: false }, "plain-only"],
    ["tls unknown", {}, "default-action"],
    ["tls: true", { tls: true }, "default-action"],
  ] as const)("GIVEN a NOT_TLS_REQUIRED permit WHEN the flow is %s THEN the deciding rule is %s", (_what, extra, want) => {
    expect(evaluate(plain, to(extra)).rule).toBe(want);
  });

  test("GIVEN an unspecified requirement WHEN TLS is known either way or unknown THEN the rule matches", () => {
    const any = modelOf(rule("any", "APP_UNSPECIFIED"));
    for (const extra of [{}, { tls: true }, { tls: false }]) expect(evaluate(any, to(extra)).rule).toBe("any");
  });
});

describe("URL filters need DECRYPT_ALLOWED on the rule", () => {
  const deny = (decryptPolicy: RuleModel["decryptPolicy"]) =>
    rule("url-deny", "APP_UNSPECIFIED", { action: "DENY", priority: 1, webGroups: ["urls"], decryptPolicy });
  const permitAll = rule("permit-all", "APP_UNSPECIFIED", { priority: 2 });
  const evil: Flow = { from: {}, to: { host: "github.com", path: "/evil/x", port: 443, protocol: "TCP", decrypted: true } };

  test.each(["DECRYPT_UNSPECIFIED", "DECRYPT_NOT_ALLOWED"] as const)(
    "GIVEN a URL deny with %s WHEN a decrypted flow hits the URL THEN the deny does not match and the permit decides",
    (p) => {
      expect(evaluate(modelOf(deny(p), permitAll), evil).rule).toBe("permit-all");
    },
  );

  test("GIVEN a URL deny with DECRYPT_ALLOWED WHEN the flow is decrypted THEN it is denied; not decrypted THEN it passes to the permit", () => {
    const m = modelOf(deny("DECRYPT_ALLOWED"), permitAll);
    expect(evaluate(m, evil)).toMatchObject({ verdict: "DENY", rule: "url-deny" });
    expect(evaluate(m, { ...evil, to: { ...evil.to, decrypted: false } }).rule).toBe("permit-all");
  });
});

describe("scenario to.tls", () => {
  const parse = (to: string) => () => parseScenarios(`flows:\n  - name: f\n    to: ${to}\n`, "s.yaml");

  test("GIVEN tls: true WHEN parsed THEN the flow carries it", () => {
    expect(parseScenarios("flows:\n  - name: f\n    to: { host: a.io, port: 443, protocol: tcp, tls: true }\n", "s.yaml")[0].flow.to.tls).toBe(true);
  });

  test("GIVEN tls that is not a boolean WHEN parsed THEN the error names the path and explains the values", () => {
    expect(expectInputError(parse("{ host: a.io, port: 443, protocol: tcp, tls: yes-please }"), "s.yaml: flows[0].to.tls")).toMatchInlineSnapshot(
      `"s.yaml: flows[0].to.tls: want true or false (got "yes-please"); true = a TLS session (TLS_REQUIRED rules match), false = plaintext (NOT_TLS_REQUIRED rules match), unset = unknown (neither matches)"`,
    );
  });

  test("GIVEN tls: false and decrypted: true WHEN parsed THEN it is a contradiction", () => {
    expect(expectInputError(parse("{ host: a.io, port: 443, protocol: tcp, tls: false, decrypted: true }"), "s.yaml: flows[0].to.tls")).toMatchInlineSnapshot(
      `"s.yaml: flows[0].to.tls: a decrypted flow is TLS: drop tls: false or decrypted: true"`,
    );
  });
});

import { ANYWHERE, expectFindings, findingsOf, model, OK_POLICY, OK_WEB, rule, stackWith, statuses, web } from "../helpers";

const policy = (m = OK_POLICY, mode: "enforce" | "discover" = "enforce") =>
  stackWith([{ kind: "dcf-policy", model: m, mode }], { controllerVersion: "9.0" }).preflight;

describe("AVX-DCF1: enforce mode has a final default deny", () => {
  test("non-compliant: default action PERMIT", () => {
    const p = policy(model([rule("a", { webGroups: ["llm"] })], [OK_WEB], { defaultAction: { action: "PERMIT", logging: true } }));
    const found = expectFindings(p, "AVX-DCF1", [
      { status: "non-compliant", severity: "error", constructPath: "test-stack/facts", got: expect.stringContaining("default action PERMIT") },
    ]);
    expect(found.map((f) => f.message)).toMatchSnapshot();
  });
  test("compliant: default action DENY, or a last catch-all deny rule", () => {
    expect(statuses(policy(), "AVX-DCF1")).toEqual(["compliant"]);
    const catchAll = rule("deny-all", {
      priority: 1000,
      action: "DENY",
      protocol: "ANY",
      portRanges: [],
      srcGroups: [ANYWHERE.key],
      dstGroups: [ANYWHERE.key],
    });
    expect(statuses(policy(model([rule("a", { webGroups: ["llm"] }), catchAll], [OK_WEB], { defaultAction: undefined })), "AVX-DCF1")).toEqual(["compliant"]);
  });
  test("not applicable in discover mode", () => {
    expect(statuses(policy(OK_POLICY, "discover"), "AVX-DCF1")).toEqual([]);
  });
});

describe("AVX-DCF2: discover mode is a warning", () => {
  test("non-compliant (WARN): discover", () => {
    expect(findingsOf(policy(OK_POLICY, "discover"), "AVX-DCF2").map((f) => [f.status, f.severity])).toEqual([["non-compliant", "warning"]]);
  });
  test("compliant: enforce", () => {
    expect(statuses(policy(), "AVX-DCF2")).toEqual(["compliant"]);
  });
});

describe("AVX-DCF3: no wildcard permits", () => {
  test("non-compliant: '*' WebGroup, All-Web, internet without WebGroup", () => {
    const m = model(
      [rule("star", { webGroups: ["star"] }), rule("allweb", { webGroups: ["all"] }), rule("naked", { protocol: "ANY", portRanges: [] })],
      [web("star", [{ sni: "*" }]), web("all", [], "allWeb")],
    );
    // The cause is the policy analyzer's finding (vca analyze says the same).
    expect(findingsOf(policy(m), "AVX-DCF3").map((f) => `${f.status} ${f.id}: ${f.cause}`)).toEqual([
      expect.stringMatching(/^non-compliant AVX-DCF3\[star\]: WebGroup "star" has snifilter "\*", which matches every host/),
      expect.stringMatching(/^non-compliant AVX-DCF3\[allweb\]: WebGroup "all" has All-Web, which matches every host/),
      expect.stringMatching(/^non-compliant AVX-DCF3\[naked\]: PERMIT rule "naked" .* Internet-wide destination without a WebGroup/),
    ]);
  });
  test("compliant: named domains; watched rules and denies are not permits", () => {
    const m = model(
      [rule("llm", { webGroups: ["llm"] }), rule("watch", { watch: true, webGroups: ["star"] }), rule("deny", { action: "DENY", webGroups: ["star"] })],
      [OK_WEB, web("star", [{ sni: "*" }])],
    );
    expect(statuses(policy(m), "AVX-DCF3")).toEqual(["compliant"]);
  });
});

describe("AVX-DCF4: URL filters only on decrypting rules", () => {
  const urls = web("paths", [{ url: "github.com/org/*" }]);
  test("non-compliant: URL WebGroup without decryption", () => {
    const found = expectFindings(policy(model([rule("gh", { webGroups: ["paths"] })], [urls])), "AVX-DCF4", [
      {
        id: "AVX-DCF4[gh]",
        status: "non-compliant",
        severity: "error",
        constructPath: "test-stack/facts",
        cause: expect.stringMatching(/rule "gh" uses URL filters \(WebGroup "paths"\)/),
      },
    ]);
    expect(found.map((f) => f.message)).toMatchSnapshot();
  });
  test("compliant: DECRYPT_ALLOWED", () => {
    expect(statuses(policy(model([rule("gh", { webGroups: ["paths"], decryptPolicy: "DECRYPT_ALLOWED" })], [urls])), "AVX-DCF4")).toEqual(["compliant"]);
  });
});

describe("AVX-DCF5: no broad decryption of control-plane destinations", () => {
  test("non-compliant: decrypting *.azmk8s.io, '*', or no WebGroup", () => {
    const m = model(
      [
        rule("aks", { webGroups: ["infra"], decryptPolicy: "DECRYPT_ALLOWED" }),
        rule("star", { webGroups: ["star"], decryptPolicy: "DECRYPT_ALLOWED" }),
        rule("naked", { decryptPolicy: "DECRYPT_ALLOWED" }),
      ],
      [web("infra", [{ sni: "*.hcp.westeurope.azmk8s.io" }, { sni: "mcr.microsoft.com" }]), web("star", [{ sni: "*" }])],
    );
    expect(findingsOf(policy(m), "AVX-DCF5").map((f) => `${f.status} ${f.id}: ${f.cause}`)).toEqual([
      expect.stringMatching(
        /^non-compliant AVX-DCF5\[aks\]: rule "aks" decrypts .*"\*\.hcp\.westeurope\.azmk8s\.io", "mcr\.microsoft\.com"|^non-compliant AVX-DCF5\[aks\]: rule "aks" decrypts .*azmk8s/,
      ),
      expect.stringMatching(/^non-compliant AVX-DCF5\[star\]: rule "star" decrypts .*"\*" in WebGroup "star"/),
      expect.stringMatching(
        /^non-compliant AVX-DCF5\[naked\]: rule "naked" decrypts \(DECRYPT_ALLOWED\) every host of an Internet-wide destination \(no WebGroup\)/,
      ),
    ]);
  });
  test("compliant: decrypting application domains only", () => {
    expect(statuses(policy(model([rule("llm", { webGroups: ["llm"], decryptPolicy: "DECRYPT_ALLOWED" })], [OK_WEB])), "AVX-DCF5")).toEqual(["compliant"]);
  });
});

import * as fs from "fs";
import * as path from "path";
import { Testing } from "../../lib/core/cdktf";
import { Preflight } from "../../lib/preflight/preflight";
import { FactConstruct, model, OK_POLICY, rule, stackWith } from "./helpers";
import { expectInputError } from "../support/expect-error";

describe("Preflight engine", () => {
  test("GIVEN an ERROR finding WHEN the stack is synthesized with validations THEN synth fails with the DESIGN message format", () => {
    const { stack } = stackWith(
      [{ kind: "dcf-policy", model: model([rule("all", { protocol: "ANY", portRanges: [] })], [], { defaultAction: undefined }), mode: "enforce" }],
      {
        controllerVersion: "9.0",
      },
    );
    expect(() => Testing.synth(stack, true)).toThrow(
      /\[ERROR at test-stack\/facts\] AVX-DCF1: the policy is in enforce mode but nothing denies traffic of its workloads that no rule permits \(got default action unmanaged \(controller default PERMIT\), no closing deny for app, want a closing DENY scoped to each permitted source, or default action DENY\); end the policy with a DENY/,
    );
  });

  test("GIVEN a compliant stack WHEN synthesized THEN no error and the summary is an annotation", () => {
    const { stack, preflight } = stackWith([{ kind: "dcf-policy", model: OK_POLICY, mode: "enforce" }], { controllerVersion: "9.0" });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    const infos = stack.node.metadata.filter((m) => m.type === "@cdktf/info").map((m) => m.data);
    expect(infos).toContain(preflight.result!.summaryLine);
    expect(preflight.result!.summary.errors).toBe(0);
  });

  test("GIVEN a warning finding WHEN synthesized THEN it becomes a warning annotation on the construct, not a failure", () => {
    const { stack } = stackWith([{ kind: "dcf-policy", model: OK_POLICY, mode: "discover" }], { controllerVersion: "9.0" });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    const facts = stack.node.findChild("facts");
    const warnings = facts.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringMatching(/^\[WARNING at test-stack\/facts\] AVX-DCF2: /)]);
  });

  test("GIVEN app.synth WHEN the stack has findings THEN JSON and SARIF reports are written with a one-line summary", () => {
    const { app, stack } = stackWith([{ kind: "dcf-policy", model: OK_POLICY, mode: "discover" }], { controllerVersion: "9.0" });
    app.synth();
    const dir = path.join(app.outdir, "preflight");
    const report = JSON.parse(fs.readFileSync(path.join(dir, "test-stack.json"), "utf8"));
    expect(report.stack).toBe(stack.node.id);
    expect(report.summaryLine).toMatch(
      new RegExp(
        `^preflight test-stack: \\d+ checks \\(\\d+/${Preflight.rules().length} rules applied\\), \\d+ passed, 0 errors, 1 warning, 0 unknown, 0 acknowledged$`,
      ),
    );
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === "AVX-DCF2").status).toBe("non-compliant");
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, "test-stack.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].tool.driver.rules).toHaveLength(Preflight.rules().length);
    expect(sarif.runs[0].results).toEqual([expect.objectContaining({ ruleId: "AVX-DCF2", level: "warning" })]);
  });

  test("GIVEN two evaluations THEN reports are byte-identical (deterministic)", () => {
    const { app } = stackWith([{ kind: "dcf-policy", model: OK_POLICY, mode: "discover" }], { controllerVersion: "9.0" });
    app.synth();
    const file = path.join(app.outdir, "preflight", "test-stack.json");
    const first = fs.readFileSync(file, "utf8");
    app.synth();
    expect(fs.readFileSync(file, "utf8")).toBe(first);
  });

  test("GIVEN reports: false THEN nothing is written", () => {
    const { app } = stackWith([{ kind: "dcf-policy", model: OK_POLICY, mode: "enforce" }], { controllerVersion: "9.0", reports: false });
    app.synth();
    expect(fs.existsSync(path.join(app.outdir, "preflight"))).toBe(false);
  });

  test("GIVEN a rule that throws THEN the result is an unknown finding, not a crash or a pass", () => {
    const { preflight } = stackWith([], {
      additionalRules: [
        {
          id: "AVX-APP99",
          area: "APP",
          name: "boom",
          severity: "error",
          cause: "boom",
          explanation: "x",
          fix: "y",
          suppressible: false,
          reads: "-",
          check: () => {
            throw new Error("kaboom");
          },
        },
      ],
    });
    const f = preflight.evaluate().findings.find((x) => x.ruleId === "AVX-APP99")!;
    expect(f.status).toBe("unknown");
    expect(f.message).toContain("kaboom");
  });

  test("GIVEN Preflight.of twice THEN one engine is installed (one validation)", () => {
    const { stack, preflight } = stackWith();
    expect(Preflight.of(stack)).toBe(preflight);
    expect(Preflight.of(new FactConstruct(stack, "child", []))).toBe(preflight);
  });
});

describe("Preflight.acknowledge", () => {
  const discover = [{ kind: "dcf-policy" as const, model: OK_POLICY, mode: "discover" as const }];

  test("GIVEN a valid acknowledgement on an ancestor THEN the finding is acknowledged with its reason", () => {
    const { stack, preflight } = stackWith(discover, { controllerVersion: "9.0" });
    Preflight.acknowledge(stack, { id: "AVX-DCF2", reason: "ticket NET-123: discovery until go-live" });
    const f = preflight.evaluate().findings.find((x) => x.ruleId === "AVX-DCF2")!;
    expect(f.status).toBe("acknowledged");
    expect(f.acknowledgement).toEqual({ reason: "ticket NET-123: discovery until go-live", at: "test-stack" });
    expect(f.message).toMatch(/^\[ACKNOWLEDGED at test-stack\/facts\] AVX-DCF2: .*\[acknowledged at test-stack: ticket NET-123/);
  });

  test("GIVEN an expired acknowledgement THEN the finding is active again and says so", () => {
    const { stack, preflight } = stackWith(discover, { controllerVersion: "9.0" });
    Preflight.acknowledge(stack, { id: "AVX-DCF2", reason: "ticket NET-123 approved", expires: "2026-05-31" });
    const f = preflight.evaluate().findings.find((x) => x.ruleId === "AVX-DCF2")!;
    expect(f.status).toBe("non-compliant");
    expect(f.note).toBe("acknowledgement expired on 2026-05-31");
  });

  test("GIVEN an acknowledgement expiring today THEN it still holds (inclusive)", () => {
    const { stack, preflight } = stackWith(discover, { controllerVersion: "9.0" });
    Preflight.acknowledge(stack, { id: "AVX-DCF2", reason: "ticket NET-123 approved", expires: "2026-06-01" });
    expect(preflight.evaluate().findings.find((x) => x.ruleId === "AVX-DCF2")!.status).toBe("acknowledged");
  });

  test("GIVEN a non-suppressible rule THEN the acknowledgement is ignored and the finding says so", () => {
    const { stack, preflight } = stackWith([{ kind: "dcf-policy", model: model([rule("a")], [], { defaultAction: undefined }), mode: "enforce" }], {
      controllerVersion: "9.0",
    });
    Preflight.acknowledge(stack, { id: "AVX-DCF1", reason: "we really want this one" });
    const f = preflight.evaluate().findings.find((x) => x.ruleId === "AVX-DCF1")!;
    expect(f.status).toBe("non-compliant");
    expect(f.message).toContain("[acknowledgement ignored: AVX-DCF1 cannot be acknowledged]");
  });

  test("GIVEN a finding-level id THEN only that finding is acknowledged", () => {
    const wild = model([rule("one", { protocol: "ANY", portRanges: [] }), rule("two", { protocol: "ANY", portRanges: [] })]);
    const { stack, preflight } = stackWith([{ kind: "dcf-policy", model: wild, mode: "enforce" }], { controllerVersion: "9.0" });
    Preflight.acknowledge(stack, { id: "AVX-DCF3[one]", reason: "break-glass rule, ticket SEC-9" });
    expect(
      preflight
        .evaluate()
        .findings.filter((x) => x.ruleId === "AVX-DCF3")
        .map((f) => [f.id, f.status]),
    ).toEqual([
      ["AVX-DCF3[one]", "acknowledged"],
      ["AVX-DCF3[two]", "non-compliant"],
    ]);
  });

  test.each([
    [{ id: "AVX-NOPE1", reason: "a long enough reason" }, "AVX-NOPE1"],
    [{ id: "not-an-id", reason: "a long enough reason" }, '"not-an-id"'],
    [{ id: "AVX-DCF2", reason: "short" }, '"short"'],
    [{ id: "AVX-DCF2", reason: "a long enough reason", expires: "2026-02-30" }, '"2026-02-30"'],
  ])("GIVEN bad input %j THEN acknowledge throws a clear error naming the construct path", (ack, names) => {
    const { stack } = stackWith();
    expect(expectInputError(() => Preflight.acknowledge(stack, ack), "test-stack", names)).toMatchSnapshot();
  });
});

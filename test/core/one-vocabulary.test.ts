// One finding shape + severity scale and one error grammar across the library's checks (issue 16).
import { App, TerraformStack } from "cdktf";
import { ConstructPropsError } from "../../lib/core/construct-props-error";
import { hasErrors, isSeverity, SEVERITIES, severityLabel, severityRank } from "../../lib/core/finding";
import { DcfModelError } from "../../lib/dcf/errors";
import { PreflightAcknowledgementError } from "../../lib/preflight/acknowledge";
import { parseReport } from "../../lib/preflight/read-report";
import { validateTerraformJson } from "../../lib/validate/validate-terraform-json";
import { LocatedInputError, UserInputError } from "../../lib/util/errors";

describe("one severity scale", () => {
  test("GIVEN the scale THEN it is error, warning, info, most severe first", () => {
    expect([...SEVERITIES]).toEqual(["error", "warning", "info"]);
    expect(["info", "error", "warning"].sort((a, b) => severityRank(a as "info") - severityRank(b as "info"))).toEqual(["error", "warning", "info"]);
    expect(SEVERITIES.map(severityLabel)).toEqual(["ERROR", "WARNING", "INFO"]);
    expect(["error", "WARN", "ERROR", 1, undefined].map(isSeverity)).toEqual([true, false, false, false, false]);
  });

  test("GIVEN findings THEN only an error blocks", () => {
    expect(
      hasErrors([
        { id: "a", severity: "warning" },
        { id: "b", severity: "info" },
      ]),
    ).toBe(false);
    expect(
      hasErrors([
        { id: "a", severity: "warning" },
        { id: "b", severity: "error" },
      ]),
    ).toBe(true);
  });

  test("GIVEN validation findings THEN they carry an id and a severity of the one scale", () => {
    const validation = validateTerraformJson({
      resource: {
        aviatrix_distributed_firewalling_policy_list: {
          p: { policies: [{ name: "x", action: "BLOCK", priority: 1, protocol: "TCP", src_smart_groups: ["a"], dst_smart_groups: ["b"] }] },
        },
      },
    });
    expect(validation.length).toBeGreaterThan(0);
    for (const f of validation) expect([isSeverity(f.severity), typeof f.id]).toEqual([true, "string"]);
    expect(validation.map((f) => f.id)).toContain("enum");
  });

  test("GIVEN a preflight report of 0.1 (level ERROR) or of now (severity error) THEN both count the error", () => {
    const finding = { status: "non-compliant", message: "[ERROR at s/x] AVX-DCF1: no default deny" };
    expect(parseReport({ stack: "s", findings: [{ ...finding, level: "ERROR" }] }, "r.json").errors).toBe(1);
    expect(parseReport({ stack: "s", findings: [{ ...finding, severity: "error" }] }, "r.json").errors).toBe(1);
    expect(parseReport({ stack: "s", findings: [{ ...finding, level: "WARN" }] }, "r.json").findings[0].severity).toBe("warning");
    expect(() => parseReport({ stack: "s", findings: [{ ...finding, severity: "fatal" }] }, "r.json")).toThrow(
      /r\.json: findings\[0\]\.severity: got "fatal", want error\|warning\|info/,
    );
  });
});

describe("one error grammar: <where>: <reason>", () => {
  test("GIVEN a construct prop error THEN where names the construct path and prop, reason says got/want/fix", () => {
    const stack = new TerraformStack(new App(), "s");
    const err = new ConstructPropsError(stack, "mode", "x", '"discover" or "enforce"', "pick one");
    expect(err).toBeInstanceOf(LocatedInputError);
    expect(err).toBeInstanceOf(UserInputError);
    expect([err.where, err.reason]).toEqual(["[s] TerraformStack.mode", 'got "x", want "discover" or "enforce"; pick one']);
    expect(err.message).toBe(`${err.where}: ${err.reason}`);
  });

  test("GIVEN a model error and an acknowledgement error THEN they have the same shape", () => {
    const model = new DcfModelError("rules[web].portRanges[0]", "port out of range (got 0, want an integer 1..65535)");
    expect(model).toBeInstanceOf(LocatedInputError);
    expect([model.where, model.path, model.message]).toEqual([
      "rules[web].portRanges[0]",
      "rules[web].portRanges[0]",
      "rules[web].portRanges[0]: port out of range (got 0, want an integer 1..65535)",
    ]);
    const ack = new PreflightAcknowledgementError("s/x", "reason too short");
    expect(ack).toBeInstanceOf(LocatedInputError);
    expect(ack.message).toBe(`${ack.where}: ${ack.reason}`);
  });
});

describe("one context-key prefix: vca:", () => {
  test("GIVEN vca:controllerVersion THEN it is read; GIVEN only the 0.1 avx: key THEN it still works with a deprecation note", () => {
    const { contextValue, CONTEXT_KEYS } = jest.requireActual("../../lib/core/context-keys") as typeof import("../../lib/core/context-keys");
    const now = new TerraformStack(new App({ context: { "vca:controllerVersion": "8.1" } }), "s");
    expect(contextValue(now, CONTEXT_KEYS.controllerVersion)).toBe("8.1");
    const writes: string[] = [];
    const spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (writes.push(String(chunk)), true));
    try {
      const old = new TerraformStack(new App({ context: { "avx:preflightBaseline": "old.json" } }), "s");
      expect(contextValue(old, CONTEXT_KEYS.preflightBaseline)).toBe("old.json");
    } finally {
      spy.mockRestore();
    }
    expect(writes).toEqual(['vca: context key "avx:preflightBaseline" is deprecated; use "vca:preflightBaseline"\n']);
  });
});

describe("both context-key spellings set", () => {
  const { contextValue, CONTEXT_KEYS } = jest.requireActual("../../lib/core/context-keys") as typeof import("../../lib/core/context-keys");

  test("GIVEN vca: and avx: with different values THEN it is an error naming both (neither is picked silently)", () => {
    const stack = new TerraformStack(new App({ context: { "vca:controllerVersion": "8.1", "avx:controllerVersion": "7.2" } }), "s");
    const read = () => contextValue(stack, CONTEXT_KEYS.controllerVersion);
    expect(read).toThrow(LocatedInputError);
    expect(read).toThrow('app context "vca:controllerVersion": got "8.1" and the deprecated "avx:controllerVersion" "7.2"; remove "avx:controllerVersion"');
  });

  test("GIVEN vca: and avx: with the same value THEN the value is read", () => {
    const spy = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const stack = new TerraformStack(new App({ context: { "vca:controllerVersion": "8.1", "avx:controllerVersion": "8.1" } }), "s");
      expect(contextValue(stack, CONTEXT_KEYS.controllerVersion)).toBe("8.1");
    } finally {
      spy.mockRestore();
    }
  });
});

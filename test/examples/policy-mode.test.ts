// Discover vs enforce is one switch for every example blueprint: context vca:mode or env VCA_MODE.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BLUEPRINT_STACK_IDS, buildBlueprintsApp } from "../../examples/blueprints/app";
import { blueprintMode, MODE_ENV } from "../../examples/blueprints/policy-mode";
import { App } from "../../lib/core/cdktf";
import { UserInputError } from "../../lib/util/errors";
import { sharedBlueprintsOut } from "../support/shared-blueprints";

/**
 * Per blueprint: "enforce" when every rule acts, "discover" when rules watch; blueprints never
 * manage the controller's default action (brownfield), so that is checked to be absent.
 */
function policyModes(context: Record<string, unknown>, synthesized?: string): Record<string, string> {
  const outdir = synthesized ?? fs.mkdtempSync(path.join(os.tmpdir(), "vca-mode-"));
  if (synthesized === undefined) buildBlueprintsApp(outdir, { "vca:preflightBaseline": path.join(outdir, "none.json"), ...context }).synth();
  return Object.fromEntries(
    BLUEPRINT_STACK_IDS.map((id) => {
      const doc = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", id, "cdk.tf.json"), "utf8"));
      expect(doc.resource.aviatrix_distributed_firewalling_default_action_rule).toBeUndefined();
      const rules = (Object.values(doc.resource.aviatrix_dcf_ruleset ?? {}) as Array<{ rules: Array<{ watch: boolean }> }>).flatMap((r) => r.rules);
      return [id, rules.length === 0 ? "no rules" : rules.every((r) => r.watch === false) ? "enforce" : rules.some((r) => r.watch) ? "discover" : "mixed"];
    }),
  );
}

describe("blueprint policy mode", () => {
  afterEach(() => delete process.env[MODE_ENV]);

  test("GIVEN no switch WHEN every blueprint synthesizes THEN each enforces (every rule acts)", () => {
    // The shared synth (test/support/shared-blueprints.ts) is the app with no switch.
    expect(new Set(Object.values(policyModes({}, sharedBlueprintsOut())))).toEqual(new Set(["enforce"]));
  });

  test("GIVEN VCA_MODE=discover WHEN every blueprint synthesizes THEN each discovers (rules watch)", () => {
    process.env[MODE_ENV] = "discover";
    expect(new Set(Object.values(policyModes({})))).toEqual(new Set(["discover"]));
  });

  test("GIVEN context and env disagree WHEN resolved THEN the context wins", () => {
    process.env[MODE_ENV] = "discover";
    expect(blueprintMode(new App({ context: { "vca:mode": "enforce" } }))).toBe("enforce");
  });

  test("GIVEN an unknown mode WHEN resolved THEN a UserInputError names the source and the allowed values", () => {
    process.env[MODE_ENV] = "audit";
    expect(() => blueprintMode(new App())).toThrow(UserInputError);
    expect(() => blueprintMode(new App())).toThrow('VCA_MODE: got "audit", want "discover" or "enforce"');
  });
});

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing } from "../../../lib/core/cdktf";
import { addFoundryByoVnet } from "../../../examples/blueprints/foundry-byovnet/stack";
import { runCli, testApp } from "./helpers";

const SCENARIOS = path.resolve(__dirname, "../../../examples/blueprints/foundry-byovnet/scenarios.yaml");

describe("vca-foundry-byovnet scenarios", () => {
  test("GIVEN the blueprint synthesized WHEN vca simulate runs scenarios.yaml THEN every flow passes and each verdict names its rule", async () => {
    const stack = addFoundryByoVnet(testApp());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-foundry-"));
    const synth = path.join(dir, "cdk.tf.json");
    fs.writeFileSync(synth, Testing.synth(stack, true));
    const { code, stdout, stderr } = await runCli("simulate", "--synth", synth, "--scenarios", SCENARIOS);
    const results = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { name: string; verdict: string; rule: string; pass?: boolean });
    expect(stderr).toBe("");
    expect(results.filter((r) => r.pass !== true)).toEqual([]);
    expect(code).toBe(0);
    expect(results.length).toBeGreaterThanOrEqual(13);
    expect(results.find((r) => r.name === "kill-chain-2-exfiltrate-to-attacker")).toMatchObject({ verdict: "DENY", rule: "foundry-vca-default-deny-internet" });
  });

  test("GIVEN discover mode WHEN the same scenarios run THEN the kill chain is permitted (proving the file tests enforcement)", async () => {
    const stack = addFoundryByoVnet(testApp({ "vca:mode": "discover" }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-foundry-"));
    const synth = path.join(dir, "cdk.tf.json");
    fs.writeFileSync(synth, Testing.synth(stack, true));
    const { code, stdout } = await runCli("simulate", "--synth", synth, "--scenarios", SCENARIOS);
    expect(code).toBe(1);
    const failed = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .filter((r) => r.pass === false)
      .map((r) => r.name);
    expect(failed).toContain("kill-chain-2-exfiltrate-to-attacker");
  });
});

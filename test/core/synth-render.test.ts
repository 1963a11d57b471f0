// One render per synth (lib/core/synth-render.ts): the secret scan's render of a stack is the one
// cdktf writes, taken once; outside a synthesizer run nothing is kept, so a later change to the
// stack is always rendered.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Lazy, TerraformOutput, TerraformStack, Testing } from "../../lib/core/cdktf";
import { ensureSecretScan } from "../../lib/secrets/terraform-scan";

function scannedStack(outdir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-render-"))): { app: App; stack: TerraformStack } {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "s");
  new TerraformOutput(stack, "region", { value: "eu-west-1" });
  ensureSecretScan(stack);
  return { app, stack };
}

const written = (app: App) => JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", "s", "cdk.tf.json"), "utf8"));

describe("one render of a stack per synth", () => {
  afterEach(() => jest.restoreAllMocks());

  test("GIVEN a stack with the secret scan WHEN synthesized THEN it is rendered once, and the file is that render", () => {
    const renders = jest.spyOn(TerraformStack.prototype, "toTerraform");
    const { app, stack } = scannedStack();
    app.synth();
    expect(renders).toHaveBeenCalledTimes(1);
    expect(written(app)).toEqual(stack.toTerraform());
    expect(renders).toHaveBeenCalledTimes(2); // after synth: a fresh render
  });

  test("GIVEN a literal secret THEN synth still fails on the scan, naming the path, and writes no stack file", () => {
    const { app, stack } = scannedStack();
    new TerraformOutput(stack, "token", { value: "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB" });
    expect(() => app.synth()).toThrow(/literal secret in the synthesized Terraform JSON at output\.token\.value/);
    expect(fs.existsSync(path.join(app.outdir, "stacks", "s", "cdk.tf.json"))).toBe(false);
  });

  test("GIVEN validations run outside synth WHEN the stack changes afterwards THEN the next render shows the change", () => {
    const { stack } = scannedStack();
    expect(stack.node.validate()).toEqual([]);
    new TerraformOutput(stack, "later", { value: "added after validation" });
    expect((stack.toTerraform() as { output: Record<string, unknown> }).output.later).toEqual({ value: "added after validation" });
    expect(JSON.parse(Testing.synth(stack, true)).output.later).toEqual({ value: "added after validation" });
  });

  test("GIVEN two synths of the same app THEN each writes its own render (a Lazy value read at each)", () => {
    let n = 0;
    const { app, stack } = scannedStack();
    new TerraformOutput(stack, "count", { value: Lazy.stringValue({ produce: () => `render-${++n}` }) });
    app.synth();
    const first = written(app).output.count.value;
    app.synth();
    expect(written(app).output.count.value).not.toEqual(first);
  });

  test("GIVEN Testing.fullSynth THEN the written stack matches a fresh render", () => {
    const { stack } = scannedStack();
    const dir = Testing.fullSynth(stack);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "stacks", "s", "cdk.tf.json"), "utf8"))).toEqual(stack.toTerraform());
  });
});

// The CLI as a package command: its name, `--version`, a closed pipe, and `--synth` taking a
// cdktf.out directory plus `--stack` (as `validate` takes directories).
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runVca } from "../support/run-cli";
import { PROGRAM_NAME, cliCommand } from "../../lib/util/program-name";

const ROOT = path.join(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const LAB = path.join(__dirname, "../fixtures/dcf/obot-seed-lab");

describe("GIVEN the package's bin", () => {
  test("THEN `vca-cdktf` is the command (and `vca` a second name), both running the same script", () => {
    expect(PROGRAM_NAME).toBe("vca-cdktf");
    expect(pkg.bin["vca-cdktf"]).toBe("bin/vca-cdktf.js");
    expect(pkg.bin.vca).toBe(pkg.bin["vca-cdktf"]);
    expect(cliCommand("preflight lock")).toBe("npx vca-cdktf preflight lock");
  });

  test("WHEN run with --version THEN it prints the package.json version and exits 0", async () => {
    const r = await runVca("--version");
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  test("WHEN run with --help THEN usage names vca-cdktf", async () => {
    const r = await runVca("--help");
    expect(r.stdout).toMatch(/^Usage: vca-cdktf /);
  });

  test("WHEN the reader closes the pipe early (`| head`) THEN it ends quietly with exit 0, no stack trace", async () => {
    const bin = path.join(ROOT, "bin/vca-cdktf.js");
    const child = spawn(process.execPath, [bin, "preflight", "rules", "--markdown"], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  });
});

describe("GIVEN a cdktf.out directory as --synth", () => {
  let outdir: string;
  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-synth-dir-"));
    for (const [id, file] of [
      ["lab", "infra.tf.json"],
      ["discover", "infra-discover.tf.json"],
    ]) {
      fs.mkdirSync(path.join(outdir, "stacks", id), { recursive: true });
      fs.copyFileSync(path.join(LAB, file), path.join(outdir, "stacks", id, "cdk.tf.json"));
    }
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  const simulate = (...extra: string[]) => runVca("simulate", "--synth", outdir, ...extra, "--scenarios", path.join(LAB, "scenarios-discover.yaml"));

  test("WHEN --stack names a stack THEN simulate reads stacks/<id>/cdk.tf.json, same verdicts as the file itself", async () => {
    const viaDir = await simulate("--stack", "discover");
    const viaFile = await runVca("simulate", "--synth", path.join(LAB, "infra-discover.tf.json"), "--scenarios", path.join(LAB, "scenarios-discover.yaml"));
    expect(viaDir.code).toBe(0);
    expect(viaDir.stdout).toBe(viaFile.stdout);
  });

  test("WHEN the directory has several stacks and no --stack THEN exit 2 listing them", async () => {
    const r = await simulate();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`vca-cdktf: ${outdir}: 2 stacks (discover, lab); choose one with --stack <id>\n`);
  });

  test("WHEN --stack names no stack THEN exit 2 naming it and the stacks there", async () => {
    const r = await simulate("--stack", "nope");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no stack "nope" (stacks/nope/cdk.tf.json); stacks here: discover, lab`);
  });

  test("WHEN --stack is given with a file THEN exit 2", async () => {
    const r = await runVca("analyze", "--synth", path.join(LAB, "infra.tf.json"), "--stack", "lab");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--stack lab: only with a cdktf.out directory");
  });

  test("WHEN analyze gets the directory and --stack THEN it analyzes that stack's file and names it", async () => {
    const r = await runVca("analyze", "--synth", outdir, "--stack", "lab");
    expect(r.stdout).toContain(path.join(outdir, "stacks", "lab", "cdk.tf.json") + ": ");
  });
});

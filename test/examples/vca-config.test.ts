// VCA_CONFIG: the user's values without editing TypeScript. The YAML config is checked against the
// shipped JSON Schema (unknown keys, wrong types, missing values → exit 2 naming the key path and
// the file), its values reach the synthesized resources, a missing file is a clear error, and
// without VCA_CONFIG the main command synthesizes the example's lab values and says so in one line.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { buildBlueprints } from "../../examples/blueprints/app";
import { exampleConfigFile } from "../../examples/blueprints/config/config-source";
import { CONFIG_KEYS, STACK_KINDS } from "../../examples/blueprints/config/stack-props";
import { BLUEPRINT_STACK_IDS } from "../../examples/blueprints/app";
import { readVcaConfig, VcaConfigError } from "../../lib/config/vca-config";
import { UserInputError } from "../../lib/util/errors";

const ROOT = path.resolve(__dirname, "../..");
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, "lib/config/vca-config.schema.json"), "utf8"));
const EXAMPLE = yaml.load(fs.readFileSync(exampleConfigFile(), "utf8")) as { stacks: Record<string, Record<string, unknown>> };
const MAIN = path.join(ROOT, "dist/examples/blueprints/main.js");

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "vca-config-"));
}

/** A config file holding `stacks` (librechat.yaml copied next to it so relative paths resolve). */
function writeConfig(stacks: Record<string, unknown>, name = "vca.config.yaml"): string {
  const dir = tmpDir();
  fs.mkdirSync(path.join(dir, "librechat"));
  fs.copyFileSync(path.join(ROOT, "examples/blueprints/librechat/librechat.yaml"), path.join(dir, "librechat/librechat.yaml"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, yaml.dump({ stacks }, { noRefs: true }));
  return file;
}

const build = (file: string, stacks: string) =>
  buildBlueprints(tmpDir(), { "vca:config": file, "vca:stacks": stacks, "vca:preflightBaseline": path.join(tmpDir(), "none.json") });
const synthOf = (file: string, stack: string) => {
  const { app } = build(file, stack);
  app.synth();
  return JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
};
const problemsOf = (stacks: Record<string, unknown>) => {
  const file = writeConfig(stacks);
  try {
    readVcaConfig(file);
  } catch (err) {
    expect(err).toBeInstanceOf(VcaConfigError);
    return { file, message: (err as Error).message };
  }
  throw new Error("expected a VcaConfigError");
};

describe("the shipped schema", () => {
  test("GIVEN each stack kind THEN the schema's keys are exactly the stack props the config layer passes through", () => {
    for (const [kind, keys] of Object.entries(CONFIG_KEYS)) {
      expect(Object.keys(SCHEMA.definitions[kind].properties).sort()).toEqual([...keys].sort());
    }
    expect(Object.keys(SCHEMA.properties.stacks.properties).sort()).toEqual([...BLUEPRINT_STACK_IDS].sort());
    for (const id of BLUEPRINT_STACK_IDS) expect(SCHEMA.properties.stacks.properties[id].$ref).toBe(`#/definitions/${STACK_KINDS[id]}`);
  });

  test("GIVEN the package files THEN the schema ships with it", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.files).toContain("lib/config/vca-config.schema.json");
  });

  test("GIVEN the example config THEN it validates, names the schema for editors and lists every blueprint", () => {
    expect(fs.readFileSync(exampleConfigFile(), "utf8")).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/lib\/config\/vca-config\.schema\.json$/m);
    expect(Object.keys(readVcaConfig(exampleConfigFile()).config.stacks).sort()).toEqual([...BLUEPRINT_STACK_IDS].sort());
  });
});

describe("GIVEN a bad config WHEN read THEN one VcaConfigError names the file and each key path", () => {
  const eks = () => JSON.parse(JSON.stringify(EXAMPLE.stacks["vca-librechat-eks"]));

  test("an unknown key, with the nearest known one", () => {
    const { file, message } = problemsOf({ "vca-librechat-eks": { ...eks(), acountName: "x" } });
    expect(message).toBe(`${file}: stacks.vca-librechat-eks.acountName: unknown key (did you mean accountName?)`);
  });

  test("a wrong type, with the YAML quoting hint", () => {
    const { file, message } = problemsOf({ "vca-librechat-eks": { ...eks(), controllerVersion: 9 } });
    expect(message).toBe(`${file}: stacks.vca-librechat-eks.controllerVersion: got 9, want string (quote it in YAML)`);
  });

  test("a missing value", () => {
    const s = eks();
    delete s.region;
    const { file, message } = problemsOf({ "vca-librechat-eks": s });
    expect(message).toBe(`${file}: stacks.vca-librechat-eks.region: missing (required)`);
  });

  test("alternatives: both network kinds, no workload", () => {
    const s = eks();
    delete s.librechat;
    const { message } = problemsOf({ "vca-librechat-eks": { ...s, existingNetwork: { vpcId: "vpc-0abc", gatewaySubnetCidr: "10.0.0.0/28" } } });
    expect(message).toContain("stacks.vca-librechat-eks: newNetwork and existingNetwork given, want exactly one of newNetwork or existingNetwork");
    expect(message).toContain("stacks.vca-librechat-eks: none given, want at least one of librechat, obot");
  });

  test("an unknown stack id and a secret-looking key have nowhere to go", () => {
    expect(problemsOf({ "vca-nope": {} }).message).toContain("stacks.vca-nope: unknown key");
    expect(problemsOf({ "vca-agentcore": { ...EXAMPLE.stacks["vca-agentcore"], aviatrixPassword: "hunter2" } }).message).toContain(
      "stacks.vca-agentcore.aviatrixPassword: unknown key",
    );
  });

  test("not YAML at all", () => {
    const dir = tmpDir();
    const file = path.join(dir, "c.yaml");
    fs.writeFileSync(file, "stacks: [unclosed\n");
    expect(() => readVcaConfig(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+`));
  });
});

describe("GIVEN a valid config of the user's own values WHEN the app is built", () => {
  test("THEN a changed access account name reaches the synthesized spoke gateway", () => {
    const file = writeConfig({ "vca-librechat-eks": { ...EXAMPLE.stacks["vca-librechat-eks"], accountName: "acme-aws-prod" } });
    const json = synthOf(file, "vca-librechat-eks");
    expect((Object.values(json.resource.aviatrix_spoke_gateway) as any[]).map((g) => g.account_name)).toEqual(["acme-aws-prod"]);
  });

  test("THEN only the listed stacks are built, and VCA_STACKS naming an unlisted one is an error naming the file", () => {
    const file = writeConfig({ "vca-agentcore": EXAMPLE.stacks["vca-agentcore"] });
    expect(buildBlueprints(tmpDir(), { "vca:config": file }).app.node.children.map((c) => c.node.id)).toEqual(["vca-dcf-baseline", "vca-agentcore"]);
    expect(() => build(file, "vca-obot-aks")).toThrow(`vca:stacks: vca-obot-aks not in ${file} (it lists vca-agentcore)`);
  });

  test("THEN a stack prop the schema cannot judge is reported with the file and stack", () => {
    const file = writeConfig({ "vca-agentcore": { ...EXAMPLE.stacks["vca-agentcore"], region: "eu-north-1" } });
    expect(() => build(file, "vca-agentcore")).toThrow(UserInputError);
    expect(() => build(file, "vca-agentcore")).toThrow(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: stacks\\.vca-agentcore: .*AgentCoreStack\\.region: got "eu-north-1"`),
    );
  });

  test("THEN a librechat.configFile that does not exist is an error naming it and the key", () => {
    const file = writeConfig({ "vca-librechat-eks": { ...EXAMPLE.stacks["vca-librechat-eks"], librechat: { configFile: "nope/librechat.yaml" } } });
    expect(() => build(file, "vca-librechat-eks")).toThrow(/nope\/librechat\.yaml: cannot read stacks\.vca-librechat-eks\.librechat\.configFile/);
  });

  test("THEN the config's mode is used unless vca:mode overrides it", () => {
    const file = writeConfig({ "vca-agentcore": { ...EXAMPLE.stacks["vca-agentcore"], mode: "discover" } });
    const discover = synthOf(file, "vca-agentcore").output.policy_objects.value;
    expect(discover.mode).toBe("discover");
    // Discover: every rule but the promoted ones watches.
    expect(discover.rules.filter((r: string) => r.endsWith("(watch)")).length).toBeGreaterThan(discover.rules.length / 2);
    const { app } = buildBlueprints(tmpDir(), { "vca:config": file, "vca:mode": "enforce", "vca:preflightBaseline": path.join(tmpDir(), "none.json") });
    app.synth();
    const enforced = JSON.parse(fs.readFileSync(path.join(app.outdir, "stacks/vca-agentcore/cdk.tf.json"), "utf8")).output.policy_objects.value;
    expect(enforced.mode).toBe("enforce");
    expect(enforced.rules.some((r: string) => r.endsWith("(watch)"))).toBe(false);
  });

  test("THEN awsProvider.assumeRoleArn becomes the provider's assume_role and tags its default tags", () => {
    const file = writeConfig({
      "vca-agentcore": {
        ...EXAMPLE.stacks["vca-agentcore"],
        awsProvider: { profile: "prod", assumeRoleArn: "arn:aws:iam::123456789012:role/deployer" },
        tags: { Owner: "ai-platform" },
      },
    });
    const aws = synthOf(file, "vca-agentcore").provider.aws[0];
    expect(aws).toMatchObject({
      profile: "prod",
      assume_role: [{ role_arn: "arn:aws:iam::123456789012:role/deployer" }],
      default_tags: [{ tags: { Owner: "ai-platform" } }],
    });
  });
});

describe("the main command (node dist/examples/blueprints/main.js, as `npx cdktf synth` runs it)", () => {
  const run = (env: Record<string, string>) =>
    spawnSync("node", [MAIN], { cwd: ROOT, env: { ...process.env, VCA_CONFIG: "", VCA_MODE: "", ...env }, encoding: "utf8" });

  test("GIVEN no VCA_CONFIG THEN it synthesizes the example's lab values and says so in one line", () => {
    const out = tmpDir();
    const r = run({ CDKTF_OUTDIR: out, VCA_STACKS: "vca-agentcore" });
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split("\n")).toEqual([
      "vca: VCA_CONFIG not set: synthesizing the lab values of examples/blueprints/vca.config.example.yaml (set VCA_CONFIG=<your config> for your own)",
    ]);
    expect(fs.existsSync(path.join(out, "stacks/vca-agentcore/cdk.tf.json"))).toBe(true);
  });

  test("GIVEN VCA_CONFIG with a changed account name THEN the gateway carries it and nothing is printed", () => {
    const out = tmpDir();
    const file = writeConfig({ "vca-obot-aks": { ...EXAMPLE.stacks["vca-obot-aks"], accountName: "contoso-azure" } });
    const r = run({ CDKTF_OUTDIR: out, VCA_CONFIG: file });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(out, "stacks/vca-obot-aks/cdk.tf.json"), "utf8"));
    expect((Object.values(json.resource.aviatrix_spoke_gateway) as any[])[0].account_name).toBe("contoso-azure");
    expect(fs.readdirSync(path.join(out, "stacks"))).toEqual(["vca-dcf-baseline", "vca-obot-aks"]);
  });

  test("GIVEN a VCA_CONFIG that does not exist THEN exit 2 naming it, nothing synthesized", () => {
    const out = tmpDir();
    const r = run({ CDKTF_OUTDIR: out, VCA_CONFIG: "/nonexistent/vca.config.yaml" });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "VCA_CONFIG: config file /nonexistent/vca.config.yaml does not exist (copy examples/blueprints/vca.config.example.yaml and edit it)\n",
    );
    // The App creates its output folder; no stack is written into it.
    expect(fs.existsSync(path.join(out, "stacks")) ? fs.readdirSync(path.join(out, "stacks")) : []).toEqual([]);
  });

  test("GIVEN an invalid VCA_CONFIG THEN exit 2 with the key path and file, no stack trace", () => {
    const file = writeConfig({ "vca-agentcore": { ...EXAMPLE.stacks["vca-agentcore"], gatewaySize: 3 } });
    const r = run({ CDKTF_OUTDIR: tmpDir(), VCA_CONFIG: file });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${file}: stacks.vca-agentcore.gatewaySize: got 3, want string (quote it in YAML)\n`);
  });
});

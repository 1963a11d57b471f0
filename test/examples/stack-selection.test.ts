// The blueprints app builds only the stacks picked by context vca:stacks (or env VCA_STACKS), in the
// app's order, byte-identical to the whole app's output, and loads only the picked stacks' modules.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { APP_STACK_IDS, BASELINE_STACK_ID, BLUEPRINT_STACK_IDS, buildBlueprintsApp } from "../../examples/blueprints/app";
import { selectStacks } from "../../examples/blueprints/stack-selection";
import { UserInputError } from "../../lib/util/errors";
import { sharedBlueprintsOut } from "../support/shared-blueprints";

const IDS = ["vca-a", "vca-b", "vca-c"];

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "vca-select-"));
}

function synthesizedStacks(outdir: string): string[] {
  return fs.readdirSync(path.join(outdir, "stacks")).sort();
}

describe("selectStacks", () => {
  test("GIVEN no selection WHEN resolved THEN every stack, in app order", () => {
    expect(selectStacks(undefined, IDS)).toEqual(IDS);
  });

  test("GIVEN ids in any order, spaced, repeated WHEN resolved THEN each once, in app order", () => {
    expect(selectStacks(" vca-c, vca-a ,vca-c", IDS)).toEqual(["vca-a", "vca-c"]);
    expect(selectStacks(["vca-b"], IDS)).toEqual(["vca-b"]);
  });

  test("GIVEN an unknown id WHEN resolved THEN a UserInputError names it and lists the valid ids", () => {
    expect(() => selectStacks("vca-a,vca-x", IDS)).toThrow(UserInputError);
    expect(() => selectStacks("vca-a,vca-x", IDS)).toThrowErrorMatchingInlineSnapshot(
      `"vca:stacks: unknown stack id "vca-x"; valid ids: vca-a, vca-b, vca-c (comma-separated, e.g. vca:stacks=vca-a)"`,
    );
    expect(() => selectStacks("x,y", IDS, "VCA_STACKS")).toThrowErrorMatchingInlineSnapshot(
      `"VCA_STACKS: unknown stack ids "x", "y"; valid ids: vca-a, vca-b, vca-c (comma-separated, e.g. VCA_STACKS=vca-a)"`,
    );
  });

  test("GIVEN an empty or non-string selection WHEN resolved THEN a UserInputError says what is wanted", () => {
    expect(() => selectStacks(" , ", IDS)).toThrowErrorMatchingInlineSnapshot(
      `"vca:stacks: got " , ", want at least one stack id (vca-a, vca-b, vca-c); leave it unset for every stack"`,
    );
    expect(() => selectStacks(7, IDS)).toThrowErrorMatchingInlineSnapshot(
      `"vca:stacks: got 7, want a comma-separated string or a list of stack ids (vca-a, vca-b, vca-c)"`,
    );
    expect(() => selectStacks(["vca-a", 1], IDS)).toThrow(UserInputError);
  });
});

describe("buildBlueprintsApp stack selection", () => {
  const savedEnv = process.env.VCA_STACKS;
  afterEach(() => {
    if (savedEnv === undefined) delete process.env.VCA_STACKS;
    else process.env.VCA_STACKS = savedEnv;
  });

  test("GIVEN vca:stacks picks two stacks WHEN synthesized THEN only those are written, byte-identical to the whole app's", () => {
    delete process.env.VCA_STACKS;
    const all = sharedBlueprintsOut(); // the whole app, default selection
    expect(synthesizedStacks(all)).toEqual([...APP_STACK_IDS].sort());

    const some = tmp();
    buildBlueprintsApp(some, { "vca:stacks": "vca-obot-eks,vca-agentcore" }).synth();
    expect(synthesizedStacks(some)).toEqual(["vca-agentcore", "vca-obot-eks"]);
    for (const id of ["vca-agentcore", "vca-obot-eks"]) {
      for (const file of [`stacks/${id}/cdk.tf.json`, `preflight/${id}.json`, `preflight/${id}.sarif`]) {
        expect(fs.readFileSync(path.join(some, file), "utf8")).toBe(fs.readFileSync(path.join(all, file), "utf8"));
      }
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(some, "manifest.json"), "utf8"));
    expect(Object.keys(manifest.stacks)).toEqual(["vca-agentcore", "vca-obot-eks"]);
  });

  test("GIVEN env VCA_STACKS and no context WHEN built THEN the env picks; context wins over env", () => {
    process.env.VCA_STACKS = "vca-obot-eks";
    expect(buildBlueprintsApp(tmp()).node.children.map((c) => c.node.id)).toEqual(["vca-obot-eks"]);
    const app = buildBlueprintsApp(tmp(), { "vca:stacks": "vca-foundry-byovnet" });
    expect(app.node.children.map((c) => c.node.id)).toEqual(["vca-foundry-byovnet"]);
  });

  const declaredPoints = (outdir: string): string[] => {
    const doc = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", BASELINE_STACK_ID, "cdk.tf.json"), "utf8"));
    return Object.values(doc.resource.aviatrix_dcf_policy_group as Record<string, { attachment_point: { name: string }[] }>)
      .flatMap((g) => g.attachment_point.map((p) => p.name))
      .sort();
  };

  test("GIVEN the baseline and one blueprint selected WHEN synthesized THEN the baseline comes first and declares only that blueprint's two points", () => {
    delete process.env.VCA_STACKS;
    const outdir = tmp();
    const app = buildBlueprintsApp(outdir, { "vca:stacks": "vca-obot-eks,vca-dcf-baseline", "vca:preflightBaseline": path.join(outdir, "none.json") });
    expect(app.node.children.map((c) => c.node.id)).toEqual([BASELINE_STACK_ID, "vca-obot-eks"]);
    app.synth();
    expect(declaredPoints(outdir)).toEqual(["obot-eks-after-k8s", "obot-eks-before-k8s"]);
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
    expect(manifest.stacks["vca-obot-eks"].dependencies).toEqual([BASELINE_STACK_ID]);
  });

  test("GIVEN the baseline alone (its owning team's run) WHEN synthesized THEN only it is written, declaring every blueprint's points", () => {
    process.env.VCA_STACKS = BASELINE_STACK_ID;
    const outdir = tmp();
    buildBlueprintsApp(outdir, { "vca:preflightBaseline": path.join(outdir, "none.json") }).synth();
    expect(synthesizedStacks(outdir)).toEqual([BASELINE_STACK_ID]);
    expect(declaredPoints(outdir)).toHaveLength(2 * BLUEPRINT_STACK_IDS.length);
    expect(declaredPoints(outdir)).toContain("librechat-gke-before-k8s");
  });

  test("GIVEN only blueprints selected WHEN built THEN no baseline is added (a blueprint team deploys onto the controller's existing baseline)", () => {
    delete process.env.VCA_STACKS;
    expect(buildBlueprintsApp(tmp(), { "vca:stacks": "vca-agentcore" }).node.children.map((c) => c.node.id)).toEqual(["vca-agentcore"]);
  });

  test("GIVEN an unknown stack id WHEN the app is built THEN a UserInputError lists the valid ids and nothing is written", () => {
    delete process.env.VCA_STACKS;
    const outdir = tmp();
    expect(() => buildBlueprintsApp(outdir, { "vca:stacks": "vca-agentcor" })).toThrowErrorMatchingInlineSnapshot(
      `"vca:stacks: unknown stack id "vca-agentcor"; valid ids: vca-dcf-baseline, vca-foundry-byovnet, vca-agentcore, vca-librechat-eks, vca-librechat-aks, vca-librechat-gke, vca-obot-aks, vca-obot-eks (comma-separated, e.g. vca:stacks=vca-dcf-baseline)"`,
    );
    // cdktf's App creates the (empty) output folders; no file is written.
    const files = fs.readdirSync(outdir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files).toEqual([]);
  });

  test("GIVEN AgentCore alone WHEN built THEN LibreChat's data provider is not loaded; a LibreChat stack loads it", () => {
    delete process.env.VCA_STACKS;
    const loaded: string[] = [];
    jest.isolateModules(() => {
      jest.doMock("librechat-data-provider", () => {
        loaded.push("librechat-data-provider");
        return jest.requireActual("librechat-data-provider");
      });
      const { buildBlueprintsApp: build } = require("../../examples/blueprints/app") as typeof import("../../examples/blueprints/app");
      build(tmp(), { "vca:stacks": "vca-agentcore" }).synth();
      expect(loaded).toEqual([]);
      build(tmp(), { "vca:stacks": "vca-librechat-eks" }).synth();
      expect(loaded).toEqual(["librechat-data-provider"]);
    });
  });
});

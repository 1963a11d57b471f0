// Terraform itself in the loop: every synthesized blueprint and every language fixture is copied
// into an empty folder and handed to the terraform binary on PATH, with a CLI config whose only
// provider source is an empty filesystem mirror (nothing is fetched). Blueprints may fail only
// because providers cannot be installed; fixtures (provider-free) also get validate and plan.
// Terraform's verdict must match the recorded one (verdicts.json), and `vca validate` must agree.
// Without terraform on PATH this suite prints one line and is skipped.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { APP_STACK_IDS } from "../../examples/blueprints/app";
import { sharedBlueprintsOut } from "../support/shared-blueprints";
import { TerraformOutput, TerraformStack, TerraformVariable, Fn, Testing } from "../../lib/core/cdktf";
import { terraformLiteral, terraformLiteralTree } from "../../lib/core/terraform-literal";
import { evaluateJson, isUnknown } from "../../lib/dcf/terraform/expression";
import { TERRAFORM_FUNCTIONS, TERRAFORM_FUNCTIONS_VERSION } from "../../lib/terraform/functions";
import { validateTerraformJson } from "../../lib/validate";
import { mapLimit, runTerraform, terraformVerdict, TerraformVerdict, workDir } from "../support/terraform-cli";
import { codesOf, FIXTURES, fixtureText, RecordedVerdict, recordedVerdicts, VERDICTS_FILE, vcaErrors } from "./language-fixtures";

function installedVersion(): string | undefined {
  try {
    return (
      JSON.parse(
        execFileSync("terraform", ["version", "-json"], { env: { ...process.env, CHECKPOINT_DISABLE: "1" }, stdio: ["ignore", "pipe", "ignore"] }).toString(),
      ) as { terraform_version: string }
    ).terraform_version;
  } catch {
    return undefined;
  }
}

const VERSION = installedVersion();
// Two cores shared with jest's other worker: terraform processes mostly wait on I/O.
const PARALLEL = 3;
/** The only errors a blueprint may get from init against an empty mirror. */
const CANNOT_INSTALL_PROVIDER = new Set(["Failed to query available provider packages", "Failed to install provider"]);

if (VERSION === undefined) {
  process.stderr.write("real-terraform: terraform is not on PATH, so Terraform's own checks are skipped (vca validate's fixture checks still run)\n");
  test.skip("terraform is not on PATH", () => undefined);
} else {
  describe(`real terraform ${VERSION}`, () => {
    const results = new Map<string, TerraformVerdict>();
    let blueprintDir: string;

    beforeAll(async () => {
      // The committed baseline, as `cdktf synth` in the repo uses it: the Foundry guard gets its AVX-IMM1 precondition.
      blueprintDir = sharedBlueprintsOut();
      const jobs = [
        ...FIXTURES.map((name) => ({ key: name, files: { "main.tf.json": fixtureText(name) }, providerFree: true })),
        ...APP_STACK_IDS.map((id) => ({
          key: id,
          files: { "cdk.tf.json": fs.readFileSync(path.join(blueprintDir, "stacks", id, "cdk.tf.json"), "utf8") },
          providerFree: false,
        })),
      ];
      const verdicts = await mapLimit(jobs, PARALLEL, (job) => terraformVerdict(workDir(job.files), { providerFree: job.providerFree }));
      jobs.forEach((job, i) => results.set(job.key, verdicts[i]));
      if (process.env.VCA_RECORD_TERRAFORM_VERDICTS === "1") {
        const record: Record<string, RecordedVerdict> = {};
        for (const name of FIXTURES) record[name] = { ...(results.get(name) as TerraformVerdict), codes: codesOf(vcaErrors(name)) };
        // Tests never write into the repository: the recording is left for review.
        const out = path.join(os.tmpdir(), "vca-terraform-verdicts.json");
        fs.writeFileSync(out, JSON.stringify(record, null, 2) + "\n");
        process.stderr.write(`real-terraform: verdicts recorded in ${out}; review, then: cp ${out} ${path.relative(process.cwd(), VERDICTS_FILE)}\n`);
      }
    }, 300000);

    describe.each(APP_STACK_IDS)("blueprint %s", (id) => {
      test("GIVEN cdk.tf.json in an empty folder WHEN terraform init -backend=false runs against an empty mirror THEN the only errors are providers that cannot be installed", () => {
        const verdict = results.get(id) as TerraformVerdict;
        expect(verdict.summaries.filter((s) => !CANNOT_INSTALL_PROVIDER.has(s))).toEqual([]);
        expect(verdict.verdict === "accepts" || verdict.summaries.length > 0).toBe(true);
      });
    });

    const recorded = recordedVerdicts();
    describe.each(FIXTURES)("fixture %s", (name) => {
      test("GIVEN the provider-free fixture WHEN terraform init, validate and plan run THEN terraform's verdict is the recorded one and vca validate agrees", () => {
        const actual = results.get(name) as TerraformVerdict;
        const expected = recorded[name];
        expect(expected).toBeDefined(); // new fixture: record with VCA_RECORD_TERRAFORM_VERDICTS=1 (see language-fixtures.ts)
        expect({ verdict: actual.verdict, stage: actual.stage, summaries: actual.summaries }).toEqual({
          verdict: expected.verdict,
          stage: expected.stage,
          summaries: expected.summaries,
        });
        const errors = vcaErrors(name);
        expect(errors.length > 0).toBe(actual.verdict === "rejects");
        // vca names the error Terraform reports (its summary is quoted in the message). Terraform may add
        // follow-on errors for the same mistake ("Zero assert blocks" after an invalid assert).
        if (actual.summaries.length > 0) {
          const messages = errors.map((e) => e.message).join("\n");
          expect(actual.summaries.filter((s) => messages.includes(s))).not.toEqual([]);
        }
      });
    });

    test("GIVEN the Foundry guard as synthesized WHEN planned with real terraform THEN an unchanged binding plans and a changed one is refused by AVX-IMM1", async () => {
      const doc = JSON.parse(fs.readFileSync(path.join(blueprintDir, "stacks/vca-foundry-byovnet/cdk.tf.json"), "utf8"));
      const binding = doc.resource.terraform_data.foundry_network_binding;
      const host = doc.resource.azapi_resource.foundry_capability_host;
      expect(host.lifecycle.precondition).toHaveLength(1);
      // Provider-free stand-ins: the binding with its references replaced by a literal gateway IP, and
      // a terraform_data carrying the capability host's lifecycle exactly as synthesized.
      const input = Object.fromEntries(Object.entries(binding.input as Record<string, string>).map(([k, v]) => [k, v.includes("${") ? "10.11.0.4" : v]));
      const config = (agentSubnetCidr: string) =>
        JSON.stringify({
          resource: {
            terraform_data: {
              foundry_network_binding: { input: { ...input, agentSubnetCidr } },
              foundry_capability_host: { input: "capability-host", lifecycle: host.lifecycle },
            },
          },
        });
      const same = await terraformVerdict(workDir({ "main.tf.json": config(input.agentSubnetCidr) }), { providerFree: true });
      expect(same).toEqual({ verdict: "accepts", stage: "plan", summaries: [] });
      const changedDir = workDir({ "main.tf.json": config("10.12.1.0/24") });
      const changed = await terraformVerdict(changedDir, { providerFree: true });
      expect(changed).toMatchObject({ verdict: "rejects", stage: "plan", summaries: ["Resource precondition failed"] });
      const plan = await runTerraform(changedDir, ["plan", "-no-color", "-input=false", "-lock=false"]);
      expect(plan.stdout + plan.stderr).toContain("AVX-IMM1:");
    });

    test("GIVEN user text synthesized with terraformLiteral in every context WHEN terraform applies it THEN the outputs are the text verbatim (LibreChat's values too)", async () => {
      const texts = ["${MISTRAL_API_KEY}", "Bearer ${GITHUB_MCP_TOKEN}", '%{ if x }"q" \\ \n\t$${already} %%{y}'];
      const librechat = JSON.parse(fs.readFileSync(path.join(blueprintDir, "stacks/vca-librechat-eks/cdk.tf.json"), "utf8"));
      const helmValues = (Object.values(librechat.resource.helm_release) as Array<{ chart: string; values: string[] }>).find((r) => r.chart === "librechat")
        ?.values[0] as string;
      const stack = new TerraformStack(Testing.app(), "literal");
      const v = new TerraformVariable(stack, "v", { type: "string", default: "VV" });
      texts.forEach((t, i) => {
        new TerraformOutput(stack, `plain${i}`, { value: terraformLiteral(t) });
        new TerraformOutput(stack, `yaml${i}`, { value: Fn.yamlencode(terraformLiteralTree({ [t]: [t, v.stringValue] }, "expression")) });
        new TerraformOutput(stack, `mixed${i}`, { value: terraformLiteralTree(`<${t}|${v.stringValue}>`) });
      });
      const doc = JSON.parse(Testing.synth(stack));
      doc.output.helm_values = { value: helmValues }; // exactly as the blueprint hands it to helm_release
      const dir = workDir({ "main.tf.json": JSON.stringify(doc) });
      expect((await runTerraform(dir, ["init", "-backend=false", "-no-color"])).code).toBe(0);
      const apply = await runTerraform(dir, ["apply", "-auto-approve", "-no-color", "-input=false", "-lock=false"]);
      expect(apply.stderr).toBe("");
      const outputs = JSON.parse((await runTerraform(dir, ["output", "-json"])).stdout) as Record<string, { value: string }>;
      texts.forEach((t, i) => {
        expect(outputs[`plain${i}`].value).toBe(t);
        expect(yaml.load(outputs[`yaml${i}`].value)).toEqual({ [t]: [t, "VV"] });
        expect(outputs[`mixed${i}`].value).toBe(`<${t}|VV>`);
      });
      const config = (yaml.load(outputs.helm_values.value) as { librechat: { configYamlContent: string } }).librechat.configYamlContent;
      expect(config).toContain('apiKey: "${MISTRAL_API_KEY}"');
      expect(config).toContain("Bearer ${GITHUB_MCP_TOKEN}");
    }, 120000);

    test("GIVEN literal templates with escapes, strip markers, directives and heredocs WHEN terraform evaluates them THEN the parse-back evaluator gets the same text", async () => {
      const templates = [
        "$$${x} %%%{y} $$ %% ${<<EOT\nheredoc ${1 + 1} $${lit}\nEOT\n}",
        'a ${~ "b" ~} c %{ if true }yes%{ else }no%{ endif }',
        "a \n ${~ 1 + 1 ~} \t b",
        "${1 ~}\n \n  x|a \n\n ${~ 1}|a  ${~ 1}|a \t\n${~ 1}",
        '${upper("x")}-${lower("Y")} ${format("%s=%d", "n", 3)} ${replace("a.b", ".", "-")}',
        '${"nested ${"inner"} $${kept}"}',
      ];
      const output = Object.fromEntries(templates.map((t, i) => [`t${i}`, { value: t }]));
      const dir = workDir({ "main.tf.json": JSON.stringify({ output }) });
      expect((await runTerraform(dir, ["init", "-backend=false", "-no-color"])).code).toBe(0);
      expect((await runTerraform(dir, ["apply", "-auto-approve", "-no-color", "-input=false", "-lock=false"])).code).toBe(0);
      const outputs = JSON.parse((await runTerraform(dir, ["output", "-json"])).stdout) as Record<string, { value: string }>;
      templates.forEach((t, i) => {
        const ours = evaluateJson(t, { vars: {}, locals: {} });
        // Directives and strip markers are not evaluated offline: those come back unknown, never wrong.
        if (!isUnknown(ours)) expect(ours).toBe(outputs[`t${i}`].value);
      });
      expect(evaluateJson(templates[0], { vars: {}, locals: {} })).toBe(outputs.t0.value);
      expect(evaluateJson(templates[2], { vars: {}, locals: {} })).toBe(outputs.t2.value);
      expect(evaluateJson(templates[3], { vars: {}, locals: {} })).toBe(outputs.t3.value);
      expect(evaluateJson(templates[4], { vars: {}, locals: {} })).toBe(outputs.t4.value);
      expect(evaluateJson(templates[5], { vars: {}, locals: {} })).toBe(outputs.t5.value);
    }, 60000);

    test(`GIVEN terraform ${TERRAFORM_FUNCTIONS_VERSION}.x WHEN its functions are listed THEN lib/terraform/functions.ts has exactly them`, async () => {
      if (!VERSION.startsWith(`${TERRAFORM_FUNCTIONS_VERSION}.`)) return; // another release line: its list may differ
      const listed = JSON.parse((await runTerraform(os.tmpdir(), ["metadata", "functions", "-json"])).stdout) as {
        function_signatures: Record<string, unknown>;
      };
      const names = Object.keys(listed.function_signatures)
        .filter((n) => !n.startsWith("core::"))
        .sort();
      expect([...TERRAFORM_FUNCTIONS].sort()).toEqual(names);
    });

    test("GIVEN every blueprint WHEN vca validate checks the language THEN it is clean (as terraform init agreed above)", () => {
      for (const id of APP_STACK_IDS) {
        const doc = JSON.parse(fs.readFileSync(path.join(blueprintDir, "stacks", id, "cdk.tf.json"), "utf8"));
        expect(validateTerraformJson(doc, { file: id }).filter((f) => f.severity === "error")).toEqual([]);
      }
    });
  });
}

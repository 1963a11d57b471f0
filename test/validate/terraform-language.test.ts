// vca validate's Terraform-language checks, offline: every fixture gets the verdict real terraform
// gave it (verdicts.json, re-checked against the binary by test/terraform/real-terraform.test.ts),
// and the cases terraform accepts that a naive checker would not.
import { validateTerraformJson } from "../../lib/validate";
import { runVca } from "../support/run-cli";
import { codesOf, FIXTURE_DIR, FIXTURES, recordedVerdicts, vcaErrors } from "../terraform/language-fixtures";

const errorsOf = (doc: object) => validateTerraformJson(doc).filter((f) => f.severity === "error");
const brief = (doc: object) => errorsOf(doc).map((f) => `${f.id}@${f.address}${f.path ? `.${f.path}` : ""}`);

describe("Terraform-language fixtures (verdicts from terraform itself)", () => {
  const recorded = recordedVerdicts();

  test("GIVEN the fixture set THEN it has at least 20 fixtures, good and bad, each with a recorded verdict", () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(20);
    expect(FIXTURES.filter((f) => recorded[f]?.verdict === "accepts").length).toBeGreaterThanOrEqual(3);
    expect(FIXTURES.filter((f) => recorded[f]?.verdict === "rejects").length).toBeGreaterThanOrEqual(17);
    expect(FIXTURES.filter((f) => !recorded[f])).toEqual([]);
  });

  test.each(FIXTURES)("GIVEN %s WHEN vca validates it THEN it agrees with terraform's recorded verdict and names the same problem", (name) => {
    const expected = recorded[name];
    const errors = vcaErrors(name);
    expect(errors.length > 0).toBe(expected.verdict === "rejects");
    expect(codesOf(errors)).toEqual(expected.codes);
    if (expected.summaries.length > 0) {
      const messages = errors.map((e) => e.message).join("\n");
      expect(expected.summaries.filter((s) => messages.includes(s))).not.toEqual([]);
    }
  });
});

describe("vca validate on a configuration seeded with one of each language error", () => {
  test("GIVEN the seeded fixture WHEN validated by the CLI THEN it exits 1 and names every address, attribute path and token", async () => {
    const file = `${FIXTURE_DIR}/bad-held-out-class.tf.json`;
    const run = await runVca("validate", file);
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n").filter((l) => l.includes(" error "));
    const expected: Array<[string, string, string]> = [
      ["terraform_data.app.provider", "terraform.west", "undeclared-provider"],
      ["terraform_data.app.depends_on[0]", "terraform_data.network", "undeclared-resource"],
      ["terraform_data.app.lifecycle.replace_triggered_by[0]", "${terraform_data.config}", "interpolated-address"],
      ["terraform_data.app.lifecycle.precondition[0].condition", '${("10.0.0.0/24" == "10.0.0.0/24")}', "condition-without-reference"],
      ["terraform_data.app.input.zone", "var.zone", "undeclared-variable"],
      ["terraform_data.app.input.vpc", "terraform_data.vpc.id", "undeclared-resource"],
      ["terraform_data.app.input.ami", "data.terraform_remote_state.images.outputs.ami", "undeclared-data-source"],
      ["terraform_data.app.input.owner", "local.owner", "undeclared-local"],
      ["terraform_data.config.input.template", "${ var.region", "template-syntax"],
      ["terraform_data.config.input.apiKey", "$${OPENAI_API_KEY}", "unescaped-template"],
    ];
    expect(lines).toHaveLength(expected.length);
    for (const [location, token, code] of expected) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${escape(file)}: error ${escape(location)}: .*${escape(token)}.*\\[${code}\\]$`)));
    }
    // The escaped sequences in the same document are not findings.
    expect(run.stdout).not.toContain("KEEP_ME");
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("what Terraform accepts is not reported", () => {
  test("GIVEN escapes, for expressions, directives, splats, nested templates and special symbols in their places THEN no findings", () => {
    const doc = {
      variable: { l: { default: ["a"] }, d: { default: "${NOT_A_REFERENCE}" } },
      locals: [{ a: '$${x} %%{ y } ${[for i, v in var.l : "${i}${v}" if v != ""]}' }, { b: "%{ for k, v in {a = 1} }${k}${v}%{ endfor }" }],
      module: { m: { source: "./m", count: 2, name: "${count.index}" } },
      resource: {
        terraform_data: {
          r: {
            for_each: "${toset(var.l)}",
            input: { "${each.key}": "${module.m[0].out} ${local.a} ${local.b} ${path.root} ${terraform.workspace}" },
            provisioner: [{ "local-exec": { command: "echo ${self.id}" } }],
            connection: { host: "${self.output}" },
            lifecycle: { postcondition: [{ condition: "${self.input != null}", error_message: "${each.key}" }] },
          },
        },
        aviatrix_web_group: {
          w: {
            name: "w",
            selector: { dynamic: { match_expressions: { for_each: "${var.l}", iterator: "domain", content: { snifilter: "${domain.value}" } } } },
          },
        },
      },
      output: { o: { value: '${terraform_data.r["a"].input} ${one(terraform_data.r[*].id)} ${provider::aws::arn_parse("x")}' } },
    };
    expect(brief(doc)).toEqual([]);
  });

  test("GIVEN @cdktf/hcl2json output (bare expressions written as ${…}) THEN depends_on and provider read as addresses", () => {
    const hcl = {
      terraform: [{ required_version: ">= 1.5" }],
      provider: { aws: [{ alias: "west" }] },
      resource: { aws_vpc: { a: [{ provider: "${aws.west}" }], b: [{ depends_on: ["${aws_vpc.a}"] }], c: [{ depends_on: ["${aws_vpc.zz}"] }] } },
    };
    expect(brief(hcl)).toEqual(["undeclared-resource@aws_vpc.c.depends_on[0]"]);
  });

  test("GIVEN a reference inside a for body to an unbound name THEN it is an invalid reference without the $${ hint", () => {
    const [finding] = errorsOf({ output: { o: { value: "${[for x in [1] : y]}" } } });
    expect(finding).toMatchObject({ id: "invalid-reference", address: "output.o", path: "value" });
    expect(finding.message).not.toContain("$${");
  });

  test("GIVEN nested blocks and list indices THEN the attribute path names the exact place", () => {
    const doc = { resource: { aws_instance: { i: { ebs_block_device: [{ tags: { a: "ok" } }, { tags: { b: "${var.missing}" } }] } } } };
    expect(brief(doc)).toEqual(["undeclared-variable@aws_instance.i.ebs_block_device[1].tags.b"]);
  });
});

// User text reaches the pod verbatim: escaped exactly once on the way into Terraform JSON
// (lib/core/terraform-literal.ts), never in what Helm/Kubernetes receives. Real terraform checks
// the same in test/terraform/real-terraform.test.ts; here Terraform's template evaluation is
// simulated ($${ → ${, %%{ → %{) and expression-context strings are read back with our parser.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as fc from "fast-check";
import * as yaml from "js-yaml";
import { BLUEPRINT_STACK_IDS, buildBlueprintsApp } from "../../examples/blueprints/app";
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from "../../lib/core/cdktf";
import { escapeTemplateSequences, hclQuotedString, terraformLiteral, terraformLiteralTree } from "../../lib/core/terraform-literal";
import { renderHelmValues } from "../../lib/constructs/kubernetes/helm-values";
import { parseBareExpression } from "../../lib/terraform/hcl-syntax";
import { terraformEvaluatedLiteral } from "../support/terraform-template";

const HOSTILE = ["${MISTRAL_API_KEY}", "Bearer ${GITHUB_MCP_TOKEN}", "%{ if x }y%{ endif }", "$${already}", "%%{x}", 'say "hi" \\ \n\t', "${", "}", "$", "%"];

function synthOutputs(build: (stack: TerraformStack) => void): Record<string, { value: unknown }> {
  const stack = new TerraformStack(Testing.app(), "literal");
  build(stack);
  return JSON.parse(Testing.synth(stack)).output;
}

describe("terraformLiteral: user text into Terraform JSON", () => {
  test.each(HOSTILE)("GIVEN %p as an attribute WHEN synthesized and evaluated THEN the consumer gets it verbatim", (text) => {
    const out = synthOutputs((stack) => new TerraformOutput(stack, "v", { value: terraformLiteral(text) }));
    expect(terraformEvaluatedLiteral(out.v.value as string)).toBe(text);
  });

  test("GIVEN any string WHEN rendered for a JSON template or an HCL quoted string THEN evaluating it gives the string back", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("$", "%", "{", "}", '"', "\\", "\n", "\t", "a", "é", "\u0001", "~") }), (text) => {
        expect(terraformEvaluatedLiteral(escapeTemplateSequences(text))).toBe(text);
        const parsed = parseBareExpression(hclQuotedString(text)).expr;
        expect(parsed).toMatchObject({ kind: "literal", value: text });
      }),
      { numRuns: 300 },
    );
  });

  test("GIVEN text mixed with a reference WHEN synthesized THEN only the text is escaped", () => {
    const out = synthOutputs((stack) => {
      const v = new TerraformVariable(stack, "v", { type: "string" });
      new TerraformOutput(stack, "mixed", { value: terraformLiteralTree(`key \${X}: ${v.stringValue}`) });
      new TerraformOutput(stack, "map", { value: terraformLiteralTree({ "${K}": v.stringValue, plain: "a ${B}" }) });
    });
    expect(out.mixed.value).toBe("key $${X}: ${var.v}");
    expect(out.map.value).toEqual({ "$${K}": "${var.v}", plain: "a $${B}" });
  });

  test("GIVEN Helm values with tokens and hostile text WHEN rendered THEN both documents are escaped once and the vca validator accepts them", () => {
    const stack = new TerraformStack(Testing.app(), "helm");
    const v = new TerraformVariable(stack, "v", { type: "string" });
    // An array holding a token moves whole into the yamlencode() document, its literal text too.
    const values = renderHelmValues({ config: "apiKey: ${MISTRAL_API_KEY}\n", annotations: { 'say "${hi}"': [v.stringValue, 'quote " and \\ and ${X}'] } });
    new TerraformOutput(stack, "values", { value: values });
    const synth = Testing.synth(stack);
    const [literal, tokens] = JSON.parse(synth).output.values.value as string[];
    expect(yaml.load(terraformEvaluatedLiteral(literal))).toEqual({ config: "apiKey: ${MISTRAL_API_KEY}\n" });
    // Inside yamlencode(): HCL strings, escaped for HCL (quote, backslash) and for templates.
    expect(tokens).toBe('${yamlencode({"annotations" = {"say \\"$${hi}\\"" = [var.v, "quote \\" and \\\\ and $${X}"]}})}');
    expect(synth).toPassVcaValidation();
  });
});

describe("the LibreChat blueprint's librechat.yaml", () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-literal-"));
  const stackId = BLUEPRINT_STACK_IDS.find((id) => id === "vca-librechat-eks") as string;
  buildBlueprintsApp(outdir, { "vca:stacks": stackId, "vca:preflightBaseline": path.join(outdir, "none.lock.json") }).synth();
  const synthFile = path.join(outdir, "stacks", stackId, "cdk.tf.json");

  test("GIVEN the synthesized Helm values WHEN Terraform evaluates them THEN the pod's config still reads ${MISTRAL_API_KEY} and ${GITHUB_MCP_TOKEN}", () => {
    const doc = JSON.parse(fs.readFileSync(synthFile, "utf8"));
    const release = Object.values(doc.resource.helm_release as Record<string, { chart: string; values: string[] }>).find((r) => r.chart === "librechat");
    const raw = release?.values[0] as string;
    expect(raw).toContain("$${MISTRAL_API_KEY}"); // escaped once in cdk.tf.json…
    expect(raw).not.toContain("$$${");
    const config = (yaml.load(terraformEvaluatedLiteral(raw)) as { librechat: { configYamlContent: string } }).librechat.configYamlContent;
    const source = fs.readFileSync(path.join(__dirname, "../../examples/blueprints/librechat/librechat.yaml"), "utf8");
    expect(config).toContain('apiKey: "${MISTRAL_API_KEY}"'); // …and verbatim for the pod
    expect(config).toContain("Bearer ${GITHUB_MCP_TOKEN}");
    expect(config.trimEnd()).toBe(source.trimEnd());
    expect(doc).toPassVcaValidation();
  });
});

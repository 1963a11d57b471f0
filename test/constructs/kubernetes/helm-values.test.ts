import * as fc from "fast-check";
import * as yaml from "js-yaml";
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from "../../../lib/core/cdktf";
import { resolveTokens } from "../../../lib/core/resolve-tokens";
import { compareChartVersions, parseChartVersion } from "../../../lib/constructs/kubernetes/chart-version";
import { mergeValues, renderHelmValues, splitTokens } from "../../../lib/constructs/kubernetes/helm-values";
import { terraformEvaluatedLiteral } from "../../support/terraform-template";
import { synthStack } from "./synth-helpers";

describe("renderHelmValues", () => {
  // The values as cdk.tf.json holds them (the literal document is escaped for Terraform's templates).
  const scope = new TerraformStack(Testing.app(), "values");
  const rendered = (tree: Record<string, unknown>) => resolveTokens(scope, renderHelmValues(tree));

  test("GIVEN keys in any order WHEN rendered THEN the YAML is identical and sorted, and reaches Helm as given", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.oneof(fc.string(), fc.integer(), fc.boolean())), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        const [a] = rendered(dict);
        expect(rendered(reversed)[0]).toBe(a);
        expect(yaml.load(terraformEvaluatedLiteral(a))).toEqual(Object.keys(dict).length ? dict : {});
      }),
      { numRuns: 50 },
    );
  });

  test("GIVEN a token inside the tree WHEN rendered THEN it moves to a yamlencode document at the same path", () => {
    const { json } = synthStack((stack) => {
      const v = new TerraformVariable(stack, "pem", { type: "string" });
      const docs = renderHelmValues({ b: { keep: 1, pem: v.stringValue }, a: [1, v.stringValue] });
      expect(yaml.load(resolveTokens(stack, docs[0]))).toEqual({ b: { keep: 1 } });
      new TerraformOutput(stack, "doc", { value: docs[1] });
    });
    expect(json.output.doc.value).toBe('${yamlencode({"a" = [1, var.pem], "b" = {"pem" = var.pem}})}');
  });

  test("GIVEN nested objects WHEN merged THEN objects merge and arrays are replaced", () => {
    expect(mergeValues({ a: { x: 1, y: [1] }, b: 1 }, { a: { y: [2] }, c: undefined })).toEqual({ a: { x: 1, y: [2] }, b: 1 });
    expect(splitTokens({ a: undefined, b: {} })).toEqual({ literal: { b: {} }, tokens: {} });
  });
});

describe("chart versions", () => {
  test("GIVEN releases and pre-releases WHEN compared THEN semver precedence holds", () => {
    const order = ["0.20.9", "v0.21.0-alpha1", "0.21.0", "v0.21.1", "10.0.0"].map((t) => parseChartVersion(t)!);
    for (let i = 1; i < order.length; i++) expect(compareChartVersions(order[i - 1], order[i])).toBeLessThan(0);
    expect(parseChartVersion("~1.2")).toBeUndefined();
  });
});

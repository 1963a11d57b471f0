import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildExistingRepoApp } from "../../examples/existing-repo/main";
import { validateTerraformJson } from "../../lib/validate";
import { policyModelFromTerraform } from "../../lib/dcf/terraform/from-terraform";
import { evaluate } from "../../lib/dcf/simulate/evaluate";

describe("examples/existing-repo", () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-existing-"));
  buildExistingRepoApp(outdir).synth();
  const file = path.join(outdir, "stacks/payments-agents/cdk.tf.json");
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));

  test("GIVEN the user's own VPC WHEN vca constructs are added THEN their resources sit beside the user's", () => {
    expect(Object.keys(doc.resource.aws_vpc)).toEqual(["payments"]);
    expect(doc.resource.aviatrix_spoke_gateway).toBeDefined();
    expect(doc.terraform.required_providers.aviatrix.version).toBe("~> 8.2.10");
  });

  test("GIVEN the synthesized stack WHEN validated offline THEN there is no error finding", () => {
    const errors = validateTerraformJson(doc, { file }).filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
  });

  test("GIVEN the synthesized policy WHEN flows are simulated THEN only the LLM is reachable from the agent subnet", () => {
    const model = policyModelFromTerraform(doc, file);
    const from = { subnet: "aws_subnet.agents" };
    expect(evaluate(model, { from, to: { host: "api.openai.com", port: 443, protocol: "TCP" } })).toMatchObject({
      verdict: "PERMIT",
      rule: "agents-to-llm",
    });
    expect(evaluate(model, { from, to: { host: "exfil.attacker.io", port: 443, protocol: "TCP" } })).toMatchObject({
      verdict: "DENY",
      rule: "agents-default-deny",
    });
  });
});

import { Testing, TerraformStack, TerraformVariable } from "../../lib/core/cdktf";
import { DistributedFirewallingPolicyList } from "../../lib/aviatrix/gen/providers/aviatrix/distributed-firewalling-policy-list";
import { AviatrixProvider } from "../../lib/aviatrix/gen/providers/aviatrix/provider";
import { SmartGroup } from "../../lib/aviatrix/gen/providers/aviatrix/smart-group";
import { vcaJestMatchers } from "../../lib/validate";

function stackWith(action: string): string {
  const app = Testing.app();
  const stack = new TerraformStack(app, "matcher");
  const password = new TerraformVariable(stack, "password", { type: "string", sensitive: true });
  new AviatrixProvider(stack, "aviatrix", { controllerIp: "10.0.0.1", username: "admin", password: password.stringValue });
  const group = new SmartGroup(stack, "any", { name: "any", selector: { matchExpressions: [{ cidr: "0.0.0.0/0" }] } });
  new DistributedFirewallingPolicyList(stack, "policies", {
    policies: [{ name: "deny-all", action, priority: 1000, protocol: "ANY", logging: true, srcSmartGroups: [group.uuid], dstSmartGroups: [group.uuid] }],
  });
  return Testing.synth(stack);
}

describe("toPassVcaValidation()", () => {
  test("GIVEN a valid synthesized stack WHEN matched THEN it passes (string and parsed forms)", () => {
    const synth = stackWith("DENY");
    expect(synth).toPassVcaValidation({ controllerVersion: "10.0.1" });
    expect(JSON.parse(synth)).toPassVcaValidation({ controllerVersion: "10.0.1" });
  });

  test("GIVEN an invalid stack WHEN matched THEN it fails listing the finding with address and path", () => {
    const synth = stackWith("BLOCK");
    expect(synth).not.toPassVcaValidation({ controllerVersion: "10.0.1" });
    const result = vcaJestMatchers.toPassVcaValidation(synth, { controllerVersion: "10.0.1" });
    expect(result.pass).toBe(false);
    expect(result.message()).toMatchSnapshot();
  });

  test("GIVEN warnings only WHEN failOnWarnings is set THEN it fails; otherwise it passes", () => {
    const doc = JSON.parse(stackWith("DENY"));
    doc.resource.aviatrix_distributed_firewalling_config = { this: { enable_distributed_firewalling: true } }; // deprecated → warning
    expect(doc).toPassVcaValidation();
    const strict = vcaJestMatchers.toPassVcaValidation(doc, { failOnWarnings: true });
    expect(strict.pass).toBe(false);
    expect(strict.message()).toContain("warning aviatrix_distributed_firewalling_config.this");
  });

  test("GIVEN a string that is not JSON WHEN matched THEN it fails saying so", () => {
    const result = vcaJestMatchers.toPassVcaValidation("not json");
    expect(result.pass).toBe(false);
    expect(result.message()).toContain("not JSON");
  });
});

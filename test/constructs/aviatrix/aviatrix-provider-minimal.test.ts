// docs/ARCHITECTURE.md §8: the minimal snapshot of AviatrixProvider (controller version only: sensitive
// credential variables, version pin), and its synth passes `vca validate`.
import { TerraformStack, Testing } from "../../../lib/core/cdktf";
import { AviatrixProvider } from "../../../lib/constructs/aviatrix";

test("GIVEN only a controller version WHEN synthesized THEN minimal snapshot, vca validate clean", () => {
  const stack = new TerraformStack(Testing.app(), "stack");
  new AviatrixProvider(stack, "aviatrix", { controllerVersion: "9.0.10" });
  const text = Testing.synth(stack);
  expect(text).toPassVcaValidation();
  const out = JSON.parse(text);
  expect({ provider: out.provider, terraform: out.terraform, variable: out.variable }).toMatchSnapshot();
});

test("GIVEN the everything-on AviatrixProvider WHEN synthesized THEN vca validate clean", () => {
  const stack = new TerraformStack(Testing.app(), "stack");
  new AviatrixProvider(stack, "aviatrix", {
    controllerVersion: "9.0.10",
    alias: "lab",
    skipVersionValidation: false,
    verifySslCertificate: true,
    pathToCaCertificate: "/etc/ssl/avx.pem",
    controllerIp: "ctl.example.com",
  });
  expect(Testing.synth(stack)).toPassVcaValidation();
});

import { App, TerraformStack, TerraformVariable, Testing } from "../../../lib/core/cdktf";
import { AviatrixProvider } from "../../../lib/constructs/aviatrix";
import { UserInputError } from "../../../lib/util/errors";
import { expectInputError } from "../../support/expect-error";

function synth(build: (stack: TerraformStack) => void): any {
  const app = Testing.app();
  const stack = new TerraformStack(app, "stack");
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

describe("AviatrixProvider", () => {
  test("GIVEN controller 9.0.10 WHEN synthesized THEN required_providers pins ~> 9.0.10", () => {
    const out = synth((s) => new AviatrixProvider(s, "aviatrix", { controllerVersion: "9.0.10" }));
    expect(out.terraform.required_providers.aviatrix).toEqual({
      source: "AviatrixSystems/aviatrix",
      version: "~> 9.0.10",
    });
  });

  test("GIVEN no credentials WHEN synthesized THEN sensitive variables are referenced and no literal password", () => {
    const out = synth((s) => new AviatrixProvider(s, "aviatrix", { controllerVersion: "8.2" }));
    expect(out.provider.aviatrix).toEqual([
      {
        controller_ip: "${var.aviatrix_controller_ip}",
        username: "${var.aviatrix_username}",
        password: "${var.aviatrix_password}",
      },
    ]);
    for (const name of ["aviatrix_controller_ip", "aviatrix_username", "aviatrix_password"]) {
      expect(out.variable[name]).toMatchObject({
        type: "string",
        sensitive: true,
      });
    }
    expect(out.terraform.required_providers.aviatrix.version).toBe("~> 8.2.0");
  });

  test("GIVEN credentials env WHEN synthesized THEN the provider block carries no credentials", () => {
    const out = synth(
      (s) =>
        new AviatrixProvider(s, "aviatrix", {
          controllerVersion: "10.0.1",
          credentials: "env",
          skipVersionValidation: true,
        }),
    );
    expect(out.provider.aviatrix).toEqual([{ skip_version_validation: true }]);
    expect(out.variable).toBeUndefined();
  });

  test("GIVEN two aliased providers WHEN created THEN variables are shared and of() prefers the default", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "stack");
    const east = new AviatrixProvider(stack, "east", {
      controllerVersion: "9.0.10",
      alias: "east",
    });
    const main = new AviatrixProvider(stack, "main", {
      controllerVersion: "9.0.10",
    });
    expect(AviatrixProvider.of(stack)).toBe(main);
    expect(AviatrixProvider.of(main)?.controllerVersion.toString()).toBe("9.0.10");
    expect(AviatrixProvider.isAviatrixProvider(east)).toBe(true);
    expect(AviatrixProvider.isAviatrixProvider({})).toBe(false);
    expect(Object.keys(JSON.parse(Testing.synth(stack)).variable).sort()).toEqual(["aviatrix_controller_ip", "aviatrix_password", "aviatrix_username"]);
  });

  test("GIVEN an explicit password token WHEN synthesized THEN it is used as a reference", () => {
    const out = synth((s) => {
      const secret = new TerraformVariable(s, "avx_secret", {
        type: "string",
        sensitive: true,
      });
      new AviatrixProvider(s, "aviatrix", {
        controllerVersion: "9.0",
        controllerIp: "10.1.1.1",
        username: "admin",
        password: secret.stringValue,
      });
    });
    expect(out.provider.aviatrix[0]).toEqual({
      controller_ip: "10.1.1.1",
      username: "admin",
      password: "${var.avx_secret}",
    });
    expect(JSON.stringify(out)).not.toContain("hunter2");
  });

  test("GIVEN a stack without a provider WHEN of() THEN undefined", () => {
    const stack = new TerraformStack(new App(), "s");
    expect(AviatrixProvider.of(stack)).toBeUndefined();
  });

  test("GIVEN a literal password WHEN constructed THEN a typed error explains the fix", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    expect(
      () =>
        new AviatrixProvider(stack, "aviatrix", {
          controllerVersion: "9.0.10",
          password: "hunter2",
        }),
    ).toThrowErrorMatchingInlineSnapshot(
      `"[stack/aviatrix] AviatrixProvider.password: got a literal string, want a token (sensitive TerraformVariable or secret reference); omit it to use the sensitive variable "aviatrix_password", or set credentials: "env""`,
    );
    expect(
      () =>
        new AviatrixProvider(stack, "aviatrix2", {
          controllerVersion: "9.0.10",
          password: "hunter2",
        }),
    ).toThrow(UserInputError);
  });

  test("GIVEN a garbage controller version WHEN constructed THEN the error names the prop", () => {
    const stack = new TerraformStack(Testing.app(), "stack");
    expect(
      expectInputError(() => new AviatrixProvider(stack, "aviatrix", { controllerVersion: "latest" }), "AviatrixProvider.controllerVersion"),
    ).toMatchInlineSnapshot(
      `"[stack/aviatrix] AviatrixProvider.controllerVersion: got "latest", want "X.Y" or "X.Y.Z" (e.g. "9.0.10"); use the controller version shown in CoPilot or the controller UI"`,
    );
  });

  test("everything-on snapshot", () => {
    const out = synth(
      (s) =>
        new AviatrixProvider(s, "aviatrix", {
          controllerVersion: "9.0.10",
          alias: "lab",
          skipVersionValidation: false,
          verifySslCertificate: true,
          pathToCaCertificate: "/etc/ssl/avx.pem",
          controllerIp: "ctl.example.com",
        }),
    );
    expect(out.provider.aviatrix).toEqual([
      {
        alias: "lab",
        controller_ip: "ctl.example.com",
        path_to_ca_certificate: "/etc/ssl/avx.pem",
        skip_version_validation: false,
        verify_ssl_certificate: true,
        // Credentials are sensitive variables, never literals.
        username: "${var.aviatrix_username}",
        password: "${var.aviatrix_password}",
      },
    ]);
    expect(out.terraform.required_providers.aviatrix).toEqual({ source: "AviatrixSystems/aviatrix", version: "~> 9.0.10" });
    expect(out.variable.aviatrix_password).toMatchObject({ sensitive: true, type: "string" });
    expect(out.variable.aviatrix_username).toMatchObject({ sensitive: true, type: "string" });
    expect({
      provider: out.provider,
      terraform: out.terraform,
      variable: out.variable,
    }).toMatchSnapshot();
  });
});

// The Foundry capability host's immutable binding end to end: synth → `npx vca-cdktf preflight lock` →
// later synths compare against the lock (AVX-IMM1), a planned teardown is acknowledged, and the
// synthesized JSON carries the Terraform-level protection (replace_triggered_by + precondition).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Testing } from "../../../lib/core/cdktf";
import { Preflight } from "../../../lib/preflight/preflight";
import { FoundryByoVnetStack, FoundryByoVnetStackProps } from "../../../stacks/foundry-byovnet-stack";
import { errorOf, runCli, testApp } from "./helpers";

// The module object itself (an `import * as` namespace is a copy a spy would not reach cdktf through).
const childProcess: typeof import("child_process") = require("child_process");
const ID = "vca-foundry-byovnet";
const BASE: FoundryByoVnetStackProps = {
  controllerVersion: "9.0.10",
  aviatrixAccountName: "azure-foundry",
  location: "francecentral",
  newNetwork: { cidr: "10.11.0.0/23" },
};
const ACK = { id: "AVX-IMM1[foundry/network-injection]", reason: "CHG-2031 planned full teardown of the Foundry capability host" };

function stackOf(baselineFile: string, props: Partial<FoundryByoVnetStackProps> = {}): FoundryByoVnetStack {
  return new FoundryByoVnetStack(testApp({}, baselineFile), ID, { ...BASE, ...props });
}

function imm(stack: FoundryByoVnetStack): Array<[string, string, string | undefined, string | undefined]> {
  return Preflight.of(stack)
    .evaluate()
    .findings.filter((f) => f.ruleId.startsWith("AVX-IMM"))
    .map((f) => [f.id, f.status, f.got, f.want]);
}

type CapabilityHostJson = { lifecycle: { replace_triggered_by?: string[]; precondition?: Array<{ condition: string; error_message: string }> } };
const capabilityHost = (stack: FoundryByoVnetStack, validate = true): CapabilityHostJson =>
  JSON.parse(Testing.synth(stack, validate)).resource.azapi_resource.foundry_capability_host as CapabilityHostJson;

describe("GIVEN the Foundry blueprint synthesized and locked with `npx vca-cdktf preflight lock`", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-foundry-lock-"));
  const lockFile = path.join(dir, "vca-preflight.lock.json");
  let lockOutput = "";

  beforeAll(async () => {
    const app = testApp({}, lockFile);
    new FoundryByoVnetStack(app, ID, BASE);
    app.synth();
    const res = await runCli("preflight", "lock", app.outdir, "--baseline", lockFile);
    expect(res).toMatchObject({ code: 0, stderr: "" });
    lockOutput = res.stdout;
  });

  test("THEN the lock records the CIDR as a literal and the gateway IP / UDR next hop by their Terraform expression", () => {
    const entry = JSON.parse(fs.readFileSync(lockFile, "utf8")).stacks[ID]["foundry/network-injection"];
    expect(entry).toEqual({
      address: "azapi_resource.foundry_capability_host",
      constructPath: `${ID}/Foundry/CapabilityHost`,
      description: expect.stringContaining("capability host binding"),
      references: ["spokeGatewayIp", "udrNextHop"],
      values: {
        agentSubnetCidr: "10.11.1.0/24",
        spokeGatewayIp: "${aviatrix_spoke_gateway.SpokeGateway.private_ip}",
        udrNextHop: "${aviatrix_spoke_gateway.SpokeGateway.private_ip}",
      },
    });
    expect(lockOutput).toContain("agentSubnetCidr=10.11.1.0/24 (literal), spokeGatewayIp=${aviatrix_spoke_gateway.SpokeGateway.private_ip} (reference)");
    // Relative content only: nothing of the machine that locked it.
    expect(fs.readFileSync(lockFile, "utf8")).not.toContain(os.tmpdir());
  });

  test("WHEN synthesized unchanged THEN AVX-IMM1 and AVX-IMM2 pass (no finding)", () => {
    expect(imm(stackOf(lockFile))).toEqual([
      ["AVX-IMM1[foundry/network-injection]", "compliant", undefined, undefined],
      ["AVX-IMM2[foundry/network-injection]", "compliant", undefined, undefined],
    ]);
  });

  test("WHEN the agent subnet CIDR prop changes THEN synth fails with AVX-IMM1 naming the old and new values", () => {
    const message = errorOf(() => Testing.synth(stackOf(lockFile, { newNetwork: { cidr: "10.12.0.0/23" } }), true));
    expect(message).toContain("got agentSubnetCidr=10.12.1.0/24, want agentSubnetCidr=10.11.1.0/24");
    expect(
      message
        .split("\n")
        .find((l) => l.includes("AVX-IMM1"))
        ?.trim(),
    ).toMatchSnapshot();
  });

  test("WHEN the lock names another gateway resource (the binding was re-wired) THEN AVX-IMM1 names both expressions", () => {
    const rewired = path.join(dir, "rewired.lock.json");
    const lock = JSON.parse(fs.readFileSync(lockFile, "utf8"));
    const entry = lock.stacks[ID]["foundry/network-injection"];
    entry.values = {
      ...entry.values,
      spokeGatewayIp: "${aviatrix_spoke_gateway.old_spoke.private_ip}",
      udrNextHop: "${aviatrix_spoke_gateway.old_spoke.private_ip}",
    };
    fs.writeFileSync(rewired, JSON.stringify(lock));
    expect(imm(stackOf(rewired))[0]).toEqual([
      "AVX-IMM1[foundry/network-injection]",
      "non-compliant",
      "spokeGatewayIp=${aviatrix_spoke_gateway.SpokeGateway.private_ip}, udrNextHop=${aviatrix_spoke_gateway.SpokeGateway.private_ip}",
      "spokeGatewayIp=${aviatrix_spoke_gateway.old_spoke.private_ip}, udrNextHop=${aviatrix_spoke_gateway.old_spoke.private_ip}",
    ]);
  });

  test("WHEN the change is acknowledged as a planned teardown THEN synth passes with an acknowledged finding and no blocking precondition", () => {
    const stack = stackOf(lockFile, { newNetwork: { cidr: "10.12.0.0/23" } });
    Preflight.acknowledge(stack, ACK);
    const host = capabilityHost(stack);
    expect(imm(stack)[0]).toEqual(["AVX-IMM1[foundry/network-injection]", "acknowledged", "agentSubnetCidr=10.12.1.0/24", "agentSubnetCidr=10.11.1.0/24"]);
    expect(Preflight.of(stack).result?.findings.find((f) => f.ruleId === "AVX-IMM1")?.acknowledgement?.reason).toBe(ACK.reason);
    // The host is still replaced (never updated in place), and the plan is not blocked.
    expect(host.lifecycle).toEqual({ replace_triggered_by: ["terraform_data.foundry_network_binding"] });
  });

  test("THEN the capability host carries replace_triggered_by and an AVX-IMM1 precondition on the locked literal", () => {
    const host = capabilityHost(stackOf(lockFile));
    // Bare address (Terraform rejects "${…}" there) and a condition on the bound object (Terraform
    // rejects a condition that refers to no object): both are checked by real terraform in
    // test/terraform/real-terraform.test.ts.
    expect(host.lifecycle.replace_triggered_by).toEqual(["terraform_data.foundry_network_binding"]);
    expect(host.lifecycle.precondition).toEqual([
      {
        condition: '${(terraform_data.foundry_network_binding.input.agentSubnetCidr == "10.11.1.0/24")}',
        error_message: expect.stringMatching(
          /^AVX-IMM1: .*\(foundry\/network-injection\) differs from the locked baseline \(agentSubnetCidr=10\.11\.1\.0\/24\)/,
        ),
      },
    ]);
    // Synthesized past a failed check (skipValidation), the plan itself refuses the change.
    const changedDoc = JSON.parse(Testing.synth(stackOf(lockFile, { newNetwork: { cidr: "10.12.0.0/23" } }), false));
    const changed = changedDoc.resource.azapi_resource.foundry_capability_host as CapabilityHostJson;
    expect(changed.lifecycle.precondition?.[0].condition).toBe('${(terraform_data.foundry_network_binding.input.agentSubnetCidr == "10.11.1.0/24")}');
    expect(changedDoc.resource.terraform_data.foundry_network_binding.input.agentSubnetCidr).toBe("10.12.1.0/24");
  });

  test("THEN the fingerprint the host is replaced by holds every bound value", () => {
    const doc = JSON.parse(Testing.synth(stackOf(lockFile), true));
    expect(doc.resource.terraform_data.foundry_network_binding.input).toEqual({
      agentSubnetCidr: "10.11.1.0/24",
      spokeGatewayIp: "${aviatrix_spoke_gateway.SpokeGateway.private_ip}",
      udrNextHop: "${aviatrix_spoke_gateway.SpokeGateway.private_ip}",
    });
  });
});

describe("GIVEN a machine without a terraform binary (CI, docs/ARCHITECTURE.md §5)", () => {
  test("WHEN the stack synthesizes with validations THEN nothing runs `terraform version` (the fingerprint is not cdktf's DataResource)", () => {
    // cdktf's DataResource validation shells out to `terraform version`; fail loudly if anything does.
    const exec = jest.spyOn(childProcess, "execSync").mockImplementation(() => {
      throw new Error("terraform: not found");
    });
    try {
      const doc = JSON.parse(Testing.synth(new FoundryByoVnetStack(testApp(), ID, BASE), true));
      expect(Object.keys(doc.resource.terraform_data)).toEqual(["foundry_network_binding"]);
      expect(exec).not.toHaveBeenCalled();
    } finally {
      exec.mockRestore();
    }
  });
});

describe("GIVEN a lock of another stack id", () => {
  test("WHEN a variant synthesizes under its own id THEN the lock does not apply to it (AVX-IMM2 asks for a lock)", () => {
    const lockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vca-foundry-lock-")), "vca-preflight.lock.json");
    fs.writeFileSync(
      lockFile,
      JSON.stringify({
        version: 1,
        stacks: { [ID]: { "foundry/network-injection": { constructPath: "x", description: "d", values: { agentSubnetCidr: "10.99.1.0/24" } } } },
      }),
    );
    const stack = new FoundryByoVnetStack(testApp({}, lockFile), "foundry-variant", { ...BASE, newNetwork: { cidr: "10.12.0.0/23" } });
    expect(imm(stack).map(([id, status]) => [id, status])).toEqual([["AVX-IMM2[foundry/network-injection]", "non-compliant"]]);
  });
});

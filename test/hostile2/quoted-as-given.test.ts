// Issue 15 (severity 3): a message quotes the user's value exactly as given — never the upper- or
// lower-cased form a reader normalised it to — and names the file (and path) it came from.
// One table per class: the shim's hosts (URLs and Helm registries), and the policy readers'
// case-insensitive enums (Terraform JSON default action / rule protocol, FirewallPolicy protocol).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { modelFromFirewallPolicies } from "../../lib/dcf/crd/from-crd";
import { upperCaseEnum } from "../../lib/dcf/builder/validate";
import { PROTOCOLS } from "../../lib/dcf/model";
import { FirewallPolicyObject } from "../../lib/dcf/crd/firewall-policy-types";
import { runVca } from "../support/run-cli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-quoted-"));
function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const SCENARIOS = write(
  "scenarios.yaml",
  "flows:\n  - name: a\n    from: { ip: 10.0.0.1 }\n    to: { host: ok.example.com, port: 443, protocol: tcp }\n    expect: DENY\n",
);
const llmConfig = (baseURL: string) =>
  `version: 1.2.8\nendpoints:\n  custom:\n    - name: Groq\n      apiKey: "\${GROQ_API_KEY}"\n      baseURL: "${baseURL}"\n      models: { default: ["m"] }\n`;
const GOOD = llmConfig("https://api.groq.com/openai/v1");

describe("GIVEN a value the shim rejects WHEN `shim librechat` reports it THEN the message quotes it as written, with the file and YAML path", () => {
  test.each([
    ["an empty label in a URL host", { config: llmConfig("https://API..Groq.COM/openai/v1") }, "librechat.yaml", '"API..Groq.COM"', "api..groq.com"],
    ["a wildcard URL host", { config: llmConfig("https://*.Groq.COM/openai/v1") }, "librechat.yaml", '"*.Groq.COM"', "*.groq.com"],
    [
      "a public IP literal spelled in hex",
      { config: llmConfig("https://0x08.8.8.8/v1") },
      "librechat.yaml",
      'public IP literal 8.8.8.8 (written "0x08.8.8.8")',
      '"8.8.8.8"',
    ],
    ["a Helm image registry with an empty label", { config: GOOD, helm: "image:\n  registry: GHCR..IO\n" }, "values.yaml", '"GHCR..IO"', "ghcr..io"],
  ])("%s", async (_what, input, file, quoted, normalised) => {
    const cfg = write(`librechat-${Math.random().toString(36).slice(2)}.yaml`, input.config);
    const args = ["shim", "librechat", "--config", cfg, "--env-keys", "GROQ_API_KEY", "--out", path.join(dir, "out")];
    if ("helm" in input) args.push("--helm-values", write("values.yaml", input.helm as string));
    const r = await runVca(...args);
    const text = r.stderr + r.stdout;
    expect(r.code).not.toBe(0);
    expect(text).toContain(quoted);
    expect(text).not.toContain(normalised);
    expect(text).toContain(file === "librechat.yaml" ? path.basename(cfg) : file);
  });
});

describe("GIVEN a case-insensitive enum value the policy readers reject THEN the message quotes it as written, with the file and path", () => {
  test.each([
    [
      "a default action",
      { resource: { aviatrix_distributed_firewalling_default_action_rule: { d: { action: "Allow", logging: true } } } },
      'aviatrix_distributed_firewalling_default_action_rule.d.action: unknown default action "Allow" (want one of PERMIT|DENY)',
    ],
    [
      "a rule protocol",
      {
        resource: {
          aviatrix_smart_group: { a: { name: "a", selector: { match_expressions: [{ cidr: "10.0.0.0/8" }] } } },
          aviatrix_distributed_firewalling_policy_list: {
            p: {
              policies: [
                {
                  name: "r",
                  action: "PERMIT",
                  priority: 1,
                  protocol: "Tcpx",
                  src_smart_groups: ["${aviatrix_smart_group.a.uuid}"],
                  dst_smart_groups: ["${aviatrix_smart_group.a.uuid}"],
                },
              ],
            },
          },
        },
      },
      'aviatrix_distributed_firewalling_policy_list.p.policies[0].protocol: unknown protocol "Tcpx" (want one of TCP|UDP|ICMP|ANY)',
    ],
  ])("%s in cdk.tf.json (simulate)", async (_what, doc, message) => {
    const synth = write(`synth-${Math.random().toString(36).slice(2)}.json`, JSON.stringify(doc));
    const r = await runVca("simulate", "--synth", synth, "--scenarios", SCENARIOS);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${synth}: ${message}`);
  });

  test("a FirewallPolicy rule protocol (read past the schema check)", () => {
    const policy = {
      apiVersion: "networking.aviatrix.com/v1alpha1",
      kind: "FirewallPolicy",
      metadata: { name: "p", namespace: "n" },
      spec: { rules: [{ name: "r", action: "permit", protocol: "Tcpx", destinationSmartGroups: [{ uuid: "def000ad-0000-0000-0000-000000000001" }] }] },
    } as unknown as FirewallPolicyObject;
    expect(() => modelFromFirewallPolicies([{ policy, where: "policies.yaml: documents[0]" }])).toThrow(
      'policies.yaml: documents[0].spec.rules[0].protocol: unknown protocol "Tcpx" (want one of TCP|UDP|ICMP|ANY)',
    );
  });

  test.each([["tcp"], ["Tcp"], ["TCP"]])("%s is accepted and canonicalised", (v) => {
    expect(upperCaseEnum(v, PROTOCOLS, "p", "protocol")).toBe("TCP");
  });

  test.each([[5], [null], [undefined], ["tcp "]])("%p is rejected, quoted as given", (v) => {
    expect(() => upperCaseEnum(v, PROTOCOLS, "rules[0].protocol", "protocol")).toThrow(
      `rules[0].protocol: unknown protocol ${JSON.stringify(v)} (want one of TCP|UDP|ICMP|ANY)`,
    );
  });
});

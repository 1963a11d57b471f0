// GIVEN the lab librechat.yaml, env keys and chart values WHEN the CLI (`vca shim librechat`) and
// the LibreChatEgress construct both process them THEN egress.json, the FirewallPolicy and the
// synthesized WebGroups are identical: CLI and Terraform cannot disagree.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { TerraformStack, Testing } from "../../../lib/core/cdktf";
import { LibreChatEgress } from "../../../lib/constructs/workloads/librechat-egress";
import { WellKnownSmartGroups } from "../../../lib/constructs/dcf/group-refs";
import { BLUEPRINTS_DIR, testApp, vca } from "./helpers";
import { expectInputError } from "../../support/expect-error";

const CONFIG = path.join(BLUEPRINTS_DIR, "librechat", "librechat.yaml");
const VALUES = path.join(BLUEPRINTS_DIR, "librechat", "values.yaml");
const KEYS = ["ANTHROPIC_API_KEY", "MISTRAL_API_KEY", "OPENAI_API_KEY"];

function construct(extra: Partial<ConstructorParameters<typeof LibreChatEgress>[2]> = {}) {
  const stack = new TerraformStack(testApp(), "egress");
  const egress = new LibreChatEgress(stack, "egress", {
    config: fs.readFileSync(CONFIG, "utf8"),
    envKeys: KEYS,
    helmValues: fs.readFileSync(VALUES, "utf8"),
    ...extra,
  });
  return { stack, egress };
}

test("CLI outputs and construct groups are identical for the same input", async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "shim-"));
  const run = await vca("shim", "librechat", "--config", CONFIG, "--helm-values", VALUES, "--env-keys", KEYS.join(","), "--out", out);
  expect(run.code).toBe(0);
  const { stack, egress } = construct({ firewallPolicy: {} });
  expect(JSON.parse(fs.readFileSync(path.join(out, "egress.json"), "utf8"))).toEqual(egress.egressJson);
  const cliPolicies = yaml.loadAll(fs.readFileSync(path.join(out, "firewall-policy.yaml"), "utf8")).filter((d) => d !== null && d !== undefined);
  expect(cliPolicies).toEqual(egress.firewallPolicyObjects);

  const json = JSON.parse(Testing.synth(stack));
  const synthGroups = Object.values(json.resource.aviatrix_web_group as Record<string, any>)
    .map((g) => ({ name: g.name, domains: g.selector.match_expressions.map((m: any) => m.snifilter) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  expect(synthGroups).toEqual(egress.egressJson.webGroups.map((g) => ({ name: g.name, domains: g.domains })));
  const manifest = Object.values(json.resource.kubernetes_manifest as Record<string, any>)[0].manifest;
  expect(manifest).toEqual(egress.firewallPolicyObjects[0]);
});

test("pod rules: one LLM rule, one rule listing every per-server MCP WebGroup; registry rule is node-scoped and never decrypts", () => {
  const { egress } = construct();
  const pods = WellKnownSmartGroups.fromUuid("pods");
  const internet = WellKnownSmartGroups.publicInternet();
  const rules = egress.podRules({ src: [pods], dst: [internet] });
  expect(rules.map((r) => [r.name, r.priority, r.ports, r.webGroups!.map((w) => ("model" in w ? w.model : w).name)])).toEqual([
    ["allow-llm-providers", 10, [443], ["librechat-llm"]],
    ["allow-mcp-per-server", 15, [443], ["librechat-mcp--deepwiki", "librechat-mcp--github"]],
  ]);
  const nodes = WellKnownSmartGroups.fromUuid("nodes");
  const [registry] = egress.registryRules({ src: [nodes], dst: [internet] });
  expect(registry).toMatchObject({ name: "allow-oci-registry", priority: 20, decryptPolicy: "DECRYPT_NOT_ALLOWED", src: [nodes] });
});

test("bad librechat.yaml: the shim's message with the YAML path, prefixed by the construct path", () => {
  const message = expectInputError(
    () => construct({ config: "version: 1.2.8\nmcpServers:\n  bad:\n    type: sse\n    url: ${UNSET_MCP_URL}\n" }),
    "[egress/egress] LibreChatEgress.config",
    "librechat.yaml: mcpServers.bad.url",
    "${UNSET_MCP_URL}",
  );
  expect(message).toMatchSnapshot();
});

test("empty config is rejected before the shim runs", () => {
  expect(expectInputError(() => construct({ config: " " }), "LibreChatEgress.config")).toMatchSnapshot();
});

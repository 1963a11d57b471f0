import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import * as yaml from "js-yaml";
import {
  effectiveDenyAllEgress,
  firewallPolicyName,
  obotEgressMode,
  obotFirewallPolicy,
  obotPreviewFile,
  parseServersYaml,
  safeConcatName,
  sanitizeName,
} from "../../lib/obot";
import { expectGolden } from "./golden";

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "lib", "validate", "schemas", "firewallpolicy.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const labFile = path.join(__dirname, "..", "fixtures", "obot", "lab-servers.yaml");
const lab = parseServersYaml(fs.readFileSync(labFile, "utf8"), labFile);

describe("Obot FirewallPolicy preview", () => {
  test("GIVEN the lab server ms1kbsng with api.openai.com WHEN previewed THEN it matches the golden file", () => {
    expectGolden("ms1kbsng.yaml", obotPreviewFile(lab[0]));
  });

  test("GIVEN the lab server pt5rfqaz without domains WHEN previewed THEN it permits any domain on 443 (golden)", () => {
    expectGolden("pt5rfqaz.yaml", obotPreviewFile(lab[1]));
    const fp = obotFirewallPolicy(lab[1]);
    expect(fp.spec.webGroups).toEqual([{ name: "obot-pt5rfqaz-approved-domains", domains: ["*"] }]);
    expect(fp.spec.rules!.map((r) => r.name)).toEqual(["allow-approved-egress", "deny-all-external"]);
  });

  test("GIVEN approved domains WHEN translated THEN the permit is tcp/443 to the sorted domains and the deny has no port", () => {
    const fp = obotFirewallPolicy({ id: "ms1x", egressDomains: ["b.example.com", "*.google.com", "a.example.com"] });
    expect(fp.spec.webGroups![0].domains).toEqual(["*.google.com", "a.example.com", "b.example.com"]);
    const [allow, deny] = fp.spec.rules!;
    expect(allow).toMatchObject({ action: "permit", protocol: "tcp", port: 443, logging: true, selector: { matchLabels: { app: "ms1x" } } });
    expect(deny).toMatchObject({ action: "deny", protocol: "any", logging: true });
    expect(deny.port).toBeUndefined();
    expect(deny.webGroups).toBeUndefined();
    expect(fp.spec.smartGroups).toEqual([
      { name: "obot-ms1x-pods", selectors: [{ type: "k8s", k8sNamespace: "obot-mcp", tags: { app: "ms1x" } }] },
      { name: "any-destination", selectors: [{ cidr: "0.0.0.0/0" }] },
    ]);
  });

  test("GIVEN denyAllEgress true WHEN translated THEN only deny-all-external and no WebGroup (golden)", () => {
    const server = { id: "ms1deny", denyAllEgress: true };
    const fp = obotFirewallPolicy(server);
    expect(fp.spec.webGroups).toBeUndefined();
    expect(fp.spec.rules!.map((r) => r.name)).toEqual(["deny-all-external"]);
    expectGolden("deny-all.yaml", obotPreviewFile(server));
  });

  test.each([
    // [denyAllEgress, --default-deny, domains, expected mode]
    [undefined, false, [], "any-domain-443"],
    [undefined, true, [], "deny-all"],
    [false, true, [], "any-domain-443"],
    [true, false, [], "deny-all"],
    [undefined, true, ["api.openai.com"], "approved-domains"],
    [false, false, ["api.openai.com"], "approved-domains"],
  ] as const)("GIVEN denyAllEgress=%s default-deny=%s domains=%j THEN mode %s", (denyAllEgress, defaultDeny, domains, mode) => {
    const server = { id: "ms1m", egressDomains: [...domains], ...(denyAllEgress === undefined ? {} : { denyAllEgress }) };
    expect(obotEgressMode(server, { defaultDenyAllEgress: defaultDeny })).toBe(mode);
    const fp = obotFirewallPolicy(server, { defaultDenyAllEgress: defaultDeny });
    expect(fp.spec.rules!.length).toBe(mode === "deny-all" ? 1 : 2);
    expect(effectiveDenyAllEgress(server, { defaultDenyAllEgress: defaultDeny })).toBe(mode === "deny-all");
  });

  test("GIVEN a custom namespace and a known MCPNetworkPolicy name THEN name, labels and annotation follow the controller", () => {
    const fp = obotFirewallPolicy({ id: "ms1kbsng", mcpNetworkPolicyName: "mnp1abcde" }, { namespace: "mcp" });
    expect(fp.metadata).toEqual({
      name: "obot-mnp1abcde-fw",
      namespace: "mcp",
      labels: {
        "obot.ai/managed-by": "aviatrix-network-policy-controller",
        "obot.ai/mcp-network-policy-name": "mnp1abcde",
        "obot.ai/mcp-server-name": "ms1kbsng",
      },
      annotations: { "apply.acorn.io/owner-sub-context": "mcp-network-policy/default/mnp1abcde" },
    });
    expect(fp.spec.smartGroups![0].selectors![0].k8sNamespace).toBe("mcp");
  });

  test("GIVEN every case WHEN validated against the FirewallPolicy JSON Schema THEN all pass", () => {
    const servers = [
      ...lab,
      { id: "ms1deny", denyAllEgress: true },
      { id: "ms1many", egressDomains: ["*.githubusercontent.com", "api.github.com"] },
      { id: "a".repeat(58) },
      { id: "a".repeat(58), mcpNetworkPolicyName: "b".repeat(63) },
    ];
    for (const s of servers) {
      for (const defaultDenyAllEgress of [false, true]) {
        const doc = yaml.load(obotPreviewFile(s, { defaultDenyAllEgress }));
        expect({ id: s.id, ok: validate(doc), errors: validate.errors ?? null }).toEqual({ id: s.id, ok: true, errors: null });
      }
    }
  });
});

describe("Obot naming (nah SafeConcatName)", () => {
  test("GIVEN odd characters THEN sanitizeName lower-cases, dashes and collapses", () => {
    expect(sanitizeName("--MNP1.a__b--c-")).toBe("mnp1-a-b-c");
  });

  test("GIVEN a short name THEN it is obot-<name>-fw", () => {
    expect(firewallPolicyName("policy-a")).toBe("obot-policy-a-fw");
  });

  test("GIVEN a name of 64+ characters THEN it is cut to 63 with a sha256 suffix", () => {
    const name = firewallPolicyName("policy-" + "a".repeat(80));
    // 57 chars + "-" + 5 hex (cut lands on an alphanumeric).
    expect(name).toMatch(/^obot-policy-a+-[0-9a-f]{5}$/);
    expect(name.length).toBe(63);
    // Cut landing on "-": 56 + "-" + 6 hex.
    const dashAt56 = safeConcatName("x".repeat(56), "y".repeat(20));
    expect(dashAt56).toMatch(/^x{56}-[0-9a-f]{6}$/);
    expect(safeConcatName("a".repeat(62))).toBe("a".repeat(62));
  });
});

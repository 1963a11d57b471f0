import * as fs from "fs";
import * as path from "path";
import { validateDocuments, validateTerraformJson } from "../../lib/validate";
import { brief, PIN } from "./docs";

const FIXTURES = path.join(__dirname, "../fixtures/validate");

type Manifest = Record<string, any>;

function firewallPolicy(spec: Manifest, metadata: Manifest = { name: "egress", namespace: "apps" }): Manifest {
  return { apiVersion: "networking.aviatrix.com/v1alpha1", kind: "FirewallPolicy", metadata, spec };
}

const RULE = { name: "allow", action: "permit", protocol: "tcp", port: 443, destinationSmartGroups: [{ name: "anywhere" }] };
const GROUPS = { smartGroups: [{ name: "anywhere", selectors: [{ cidr: "0.0.0.0/0" }] }] };

// The document declares what the manifests in these tests refer to (var.port, the namespace).
const inTerraform = (manifest: Manifest) =>
  validateTerraformJson({
    ...PIN,
    variable: { port: {} },
    resource: { kubernetes_namespace: { apps: { metadata: { name: "apps" } } }, kubernetes_manifest: { fp: { manifest } } },
  });
const asYaml = (manifest: Manifest) => validateDocuments([manifest], "policy.yaml");

describe("FirewallPolicy / WebgroupPolicy manifests", () => {
  test("GIVEN the vendored valid examples WHEN validated THEN no errors", () => {
    for (const file of fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".yaml"))) {
      const docs = require("js-yaml").loadAll(fs.readFileSync(path.join(FIXTURES, file), "utf8"));
      const errors = validateDocuments(docs, file).filter((f) => f.severity === "error");
      expect({ file, errors }).toEqual({ file, errors: [] });
    }
  });

  test("GIVEN the vendored invalid examples WHEN validated THEN each has errors, with readable messages", () => {
    const messages: Record<string, string[]> = {};
    for (const file of fs.readdirSync(path.join(FIXTURES, "invalid"))) {
      const docs = require("js-yaml").loadAll(fs.readFileSync(path.join(FIXTURES, "invalid", file), "utf8"));
      const errors = validateDocuments(docs, file).filter((f) => f.severity === "error");
      expect({ file, failed: errors.length > 0 }).toEqual({ file, failed: true });
      messages[file] = errors.map((f) => `${f.address} ${f.path}: ${f.message} [${f.id}]`);
    }
    expect(messages).toMatchSnapshot();
  });

  test("GIVEN a FirewallPolicy with a ports list inside kubernetes_manifest WHEN validated THEN one finding at manifest.spec.rules[0].ports", () => {
    const findings = inTerraform(firewallPolicy({ rules: [{ ...RULE, port: undefined, ports: ["443"] }], ...GROUPS }));
    expect(brief(findings)).toEqual(["error:crd-unknown-field@kubernetes_manifest.fp.manifest.spec.rules[0].ports"]);
  });

  test("GIVEN duplicate rule names WHEN validated THEN crd-duplicate-name names the second rule", () => {
    expect(brief(asYaml(firewallPolicy({ rules: [RULE, { ...RULE }], ...GROUPS })))).toEqual([
      "error:crd-duplicate-name@FirewallPolicy/apps/egress.spec.rules[1].name",
    ]);
  });

  test("GIVEN a name reference not defined in the spec WHEN validated THEN it is a warning (may exist on the controller)", () => {
    const findings = asYaml(firewallPolicy({ rules: [{ ...RULE, webGroups: [{ name: "shared-wg" }] }], ...GROUPS }));
    expect(brief(findings)).toEqual(["warning:crd-unresolved-ref@FirewallPolicy/apps/egress.spec.rules[0].webGroups[0].name"]);
  });

  test("GIVEN icmp with a port and an inverted port range WHEN validated THEN both are errors", () => {
    const findings = asYaml(
      firewallPolicy({
        rules: [
          { ...RULE, protocol: "icmp" },
          { ...RULE, name: "r2", port: 9000, endPort: 8000 },
        ],
        ...GROUPS,
      }),
    );
    expect(brief(findings)).toEqual([
      "error:icmp-port-ranges@FirewallPolicy/apps/egress.spec.rules[0].port",
      "error:crd-port-range@FirewallPolicy/apps/egress.spec.rules[1].endPort",
    ]);
  });

  test("GIVEN enum, type and required violations WHEN validated THEN each is one finding at its path", () => {
    const findings = asYaml(firewallPolicy({ rules: [{ name: "r", action: "allow", protocol: "TCP", port: "443" }] }));
    expect(brief(findings)).toEqual([
      "error:crd-required@FirewallPolicy/apps/egress.spec.rules[0].destinationSmartGroups",
      "error:crd-enum@FirewallPolicy/apps/egress.spec.rules[0].action",
      "error:crd-enum@FirewallPolicy/apps/egress.spec.rules[0].protocol",
      "error:crd-type@FirewallPolicy/apps/egress.spec.rules[0].port",
    ]);
  });

  test("GIVEN Terraform expressions inside the manifest WHEN validated THEN schema errors under them are ignored", () => {
    const manifest = firewallPolicy(
      { rules: [{ ...RULE, port: "${var.port}" }], ...GROUPS },
      { name: "egress", namespace: "${kubernetes_namespace.apps.metadata[0].name}" },
    );
    expect(inTerraform(manifest)).toEqual([]);
    expect(inTerraform('${yamldecode(file("policy.yaml"))}' as unknown as Manifest)).toEqual([]);
  });

  test("GIVEN 10.1.0-only rule fields and an older controller WHEN validated THEN a warning", () => {
    const manifest = firewallPolicy({ rules: [{ ...RULE, watch: true }], ...GROUPS });
    const findings = validateTerraformJson({
      terraform: { required_providers: { aviatrix: { version: "~> 9.0.10" } } },
      resource: { kubernetes_manifest: { fp: { manifest } } },
    });
    expect(brief(findings)).toEqual(["warning:crd-field-version@kubernetes_manifest.fp.manifest.spec.rules[0].watch"]);
  });

  test("GIVEN a WebgroupPolicy spelled WebGroupPolicy WHEN validated THEN crd-kind with a hint, and the body is still checked", () => {
    const findings = asYaml({
      apiVersion: "networking.aviatrix.com/v1alpha1",
      kind: "WebGroupPolicy",
      metadata: { name: "w" },
      spec: { allowedDomains: ["a.com"] },
    });
    expect(brief(findings)).toEqual(["error:crd-kind@WebGroupPolicy/w.kind"]);
    expect(findings[0].message).toContain('did you mean "WebgroupPolicy"');
  });

  test("GIVEN other Kubernetes objects WHEN validated THEN they are ignored", () => {
    expect(asYaml({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" }, data: { bogus: 1 } })).toEqual([]);
  });
});

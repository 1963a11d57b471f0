// One FirewallPolicy renderer (lib/dcf/crd/firewall-policy-yaml.ts): the construct, the Obot
// previews and the LibreChat shim print the same object as the same text.
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { FirewallPolicy, ManagedSmartGroup } from "../../lib/constructs/dcf";
import { firewallPolicyObject, firewallPolicyToYaml } from "../../lib/dcf/crd/firewall-policy-yaml";
import { obotFirewallPolicy } from "../../lib/obot/translate";
import { obotPreviewFile } from "../../lib/obot/render";
import { givenStack } from "../constructs/dcf/helpers";

describe("one FirewallPolicy renderer", () => {
  test("GIVEN a FirewallPolicy construct THEN toYaml() is the one renderer applied to toObject()", () => {
    const fp = new FirewallPolicy(givenStack(), "fp", { namespace: "app", labels: { z: "1", a: "2" }, renderManifest: false });
    fp.addRule({
      name: "web",
      action: "PERMIT",
      protocol: "tcp",
      ports: [443],
      selector: { matchLabels: { b: "x", a: "y" } },
      dst: [ManagedSmartGroup.publicInternet()],
    });
    const text = fp.toYaml();
    expect(text).toBe(firewallPolicyToYaml(fp.toObject()));
    // Go-map keys sorted, lists at their parent's indent (kubectl style).
    expect(text).toContain("  labels:\n    a: '2'\n    z: '1'\n");
    expect(text).toContain("spec:\n  rules:\n  - name: web\n");
    expect(yaml.load(text)).toEqual(JSON.parse(JSON.stringify(fp.toObject())));
  });

  test("GIVEN an Obot server THEN its preview file ends with the one renderer's text of its object", () => {
    const server = { id: "ms1abc", egressDomains: ["api.example.com"] };
    expect(obotPreviewFile(server).endsWith(`\n${firewallPolicyToYaml(obotFirewallPolicy(server))}`)).toBe(true);
  });

  test("GIVEN metadata and spec THEN firewallPolicyObject sets the CRD's apiVersion and kind", () => {
    expect(firewallPolicyObject({ name: "p" }, {})).toEqual({
      apiVersion: "networking.aviatrix.com/v1alpha1",
      kind: "FirewallPolicy",
      metadata: { name: "p" },
      spec: {},
    });
  });

  test("GIVEN the source THEN neither the construct nor the shim renders YAML by itself, and the construct does not import obot", () => {
    const read = (f: string) => fs.readFileSync(path.join(__dirname, "../../lib", f), "utf8");
    for (const f of ["constructs/dcf/firewall-policy.ts", "shim/render/crd.ts", "obot/render.ts", "obot/translate.ts"]) {
      expect({ f, dumps: /yaml\.dump\(/.test(read(f)) }).toEqual({ f, dumps: false });
    }
    expect(read("constructs/dcf/firewall-policy.ts")).not.toMatch(/from "\.\.\/\.\.\/obot\//);
  });
});

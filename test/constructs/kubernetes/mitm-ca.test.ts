import { TerraformOutput, TerraformVariable } from "../../../lib/core/cdktf";
import { CaTrustRuntime, MitmCa } from "../../../lib/constructs/kubernetes/mitm-ca";
import { expectNoSecretLiterals, onlyResource, resourcesOf, synthStack, validationErrors } from "./synth-helpers";
import { expectInputError } from "../../support/expect-error";

function caVariables(stack: any) {
  return {
    cert: new TerraformVariable(stack, "mitm_ca_chain", { type: "string", sensitive: true }).stringValue,
    key: new TerraformVariable(stack, "mitm_ca_key", { type: "string", sensitive: true }).stringValue,
  };
}

describe("MitmCa", () => {
  test("GIVEN only a CA name WHEN synthesized THEN the existing CA is looked up and nothing is uploaded or selected", () => {
    const { json } = synthStack((stack) => new MitmCa(stack, "ca", { name: "corp-ca" }));
    expect(Object.values(json.data.aviatrix_dcf_mitm_ca)).toEqual([{ name: "corp-ca" }]);
    expect(resourcesOf(json, "aviatrix_dcf_mitm_ca")).toEqual({});
    expect(resourcesOf(json, "aviatrix_dcf_mitm_ca_selection")).toEqual({});
    expect(json).toMatchSnapshot();
  });

  test("GIVEN a CA as sensitive variables and two namespaces WHEN synthesized THEN it is uploaded, selected and its certificate (never the key) is published per namespace", () => {
    const { json, text } = synthStack((stack) => {
      const { cert, key } = caVariables(stack);
      new MitmCa(stack, "ca", { name: "corp-ca", certificateChain: cert, key, namespaces: ["obot-mcp", "librechat", "librechat"] });
    });
    expect(onlyResource(json, "aviatrix_dcf_mitm_ca")).toEqual({ name: "corp-ca", certificate_chain: "${var.mitm_ca_chain}", key: "${var.mitm_ca_key}" });
    expect(onlyResource(json, "aviatrix_dcf_mitm_ca_selection").ca_id).toMatch(/^\$\{aviatrix_dcf_mitm_ca\.ca_[A-Z0-9]+\.ca_id\}$/);
    const maps = Object.values(resourcesOf(json, "kubernetes_config_map_v1")) as any[];
    expect(maps.map((m) => m.metadata.namespace)).toEqual(["librechat", "obot-mcp"]);
    for (const m of maps) {
      expect(m.metadata.name).toBe("aviatrix-mitm-ca");
      expect(m.data).toEqual({ "ca.crt": expect.stringMatching(/certificate_chain\}$/) });
      expect(JSON.stringify(m)).not.toContain("key}");
    }
    expectNoSecretLiterals(text);
    expect(json).toMatchSnapshot();
    expect(validationErrors(json)).toEqual([]);
  });

  test("GIVEN a CA WHEN asking for trust snippets THEN Node and Python env point at the mounted file and a hash annotation rolls pods", () => {
    const { json } = synthStack((stack) => {
      const ca = new MitmCa(stack, "ca", { name: "corp-ca", namespaces: ["librechat"] });
      const node = ca.trustSnippets([CaTrustRuntime.NODE]);
      expect(node.env).toEqual({ NODE_EXTRA_CA_CERTS: "/etc/aviatrix-mitm-ca/ca.crt" });
      const both = ca.trustSnippets();
      expect(Object.keys(both.env)).toEqual(["NODE_EXTRA_CA_CERTS", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE"]);
      expect(both.envList[2]).toEqual({ name: "SSL_CERT_FILE", value: "/etc/aviatrix-mitm-ca/ca.crt" });
      expect(both.volume).toEqual({ name: "aviatrix-mitm-ca", configMap: { name: "aviatrix-mitm-ca", items: [{ key: "ca.crt", path: "ca.crt" }] } });
      expect(both.volumeMount).toEqual({ name: "aviatrix-mitm-ca", mountPath: "/etc/aviatrix-mitm-ca", readOnly: true });
      new TerraformOutput(stack, "hash", { value: both.podAnnotations["vca.aviatrix.com/mitm-ca-sha256"] });
      expect(ca.configMapFor("librechat")).toBeDefined();
    });
    expect(json.output.hash.value).toMatch(/^\$\{sha256\(data\.aviatrix_dcf_mitm_ca\..+\.certificate_chain\)\}$/);
  });

  describe("rejects", () => {
    const cases: [string, (v: { cert: string; key: string }) => object, string][] = [
      ["a literal key", (v) => ({ name: "c", certificateChain: v.cert, key: "-----BEGIN PRIVATE KEY-----" }), "MitmCa.key"],
      ["a literal certificate chain", (v) => ({ name: "c", certificateChain: "-----BEGIN CERTIFICATE-----", key: v.key }), "MitmCa.certificateChain"],
      ["a key without a chain", (v) => ({ name: "c", key: v.key }), "MitmCa.certificateChain"],
      ["an empty name", () => ({ name: "" }), "MitmCa.name"],
      ["an invalid namespace", () => ({ name: "c", namespaces: ["Lib_Chat"] }), "MitmCa.namespaces"],
    ];
    test.each(cases)("%s", (_name, props, names) => {
      synthStack((stack) => {
        const v = caVariables(stack);
        expect(expectInputError(() => new MitmCa(stack, "ca", props(v) as never), names)).toMatchSnapshot();
      });
    });

    test("a namespace without a ConfigMap", () => {
      synthStack((stack) => {
        const ca = new MitmCa(stack, "ca", { name: "c", namespaces: ["obot-mcp"] });
        expect(expectInputError(() => ca.configMapFor("librechat"), "librechat")).toMatchSnapshot();
      });
    });
  });
});

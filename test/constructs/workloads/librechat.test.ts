import * as yaml from "js-yaml";
import { TerraformVariable } from "../../../lib/core/cdktf";
import { MitmCa } from "../../../lib/constructs/kubernetes/mitm-ca";
import { LIBRECHAT_DEFAULT_CHART_VERSION, LibreChat } from "../../../lib/constructs/workloads/librechat";
import { terraformEvaluatedLiteral } from "../../support/terraform-template";
import { expectNoSecretLiterals, onlyResource, resourcesOf, synthStack, validationErrors } from "../kubernetes/synth-helpers";
import { expectInputError } from "../../support/expect-error";

const LIBRECHAT_YAML =
  "version: 1.2.1\nendpoints:\n  custom:\n    - name: groq\n      apiKey: '${GROQ_API_KEY}'\n      baseURL: https://api.groq.com/openai/v1/\n      models: { default: [llama3-70b-8192] }\n";

/** Billion laughs: 10 levels × 10 aliases = 10^10 leaves once expanded. */
function aliasBomb(): string {
  const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  return lines.join("\n") + "\n";
}

function secrets(stack: any, names = ["CREDS_IV", "CREDS_KEY", "JWT_REFRESH_SECRET", "JWT_SECRET"]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, new TerraformVariable(stack, n.toLowerCase(), { type: "string", sensitive: true }).stringValue]));
}

describe("LibreChat", () => {
  test("GIVEN secrets only WHEN synthesized THEN the official chart installs from ghcr.io with ingress off and the sample secrets removed", () => {
    let chat: LibreChat | undefined;
    const { json } = synthStack((stack) => {
      chat = new LibreChat(stack, "chat", { secretEnv: secrets(stack) });
    });
    const release = onlyResource(json, "helm_release");
    expect(release).toMatchObject({
      repository: "oci://ghcr.io/danny-avila/librechat-chart",
      chart: "librechat",
      version: LIBRECHAT_DEFAULT_CHART_VERSION,
      namespace: "librechat",
    });
    const values: any = yaml.load(release.values[0]);
    expect(values.image).toEqual({ registry: "ghcr.io" });
    expect(values.ingress).toEqual({ enabled: false });
    expect(values.librechat.configEnv).toEqual({ CREDS_IV: null, CREDS_KEY: null, JWT_REFRESH_SECRET: null, JWT_SECRET: null });
    expect(values.global.librechat.existingSecretName).toBe("librechat-credentials-env");
    expect(values.mongodb.image).toEqual({ registry: "docker.io", repository: "bitnamilegacy/mongodb" });
    expect(values.meilisearch.image).toEqual({ repository: "getmeili/meilisearch" });
    expect(onlyResource(json, "kubernetes_secret_v1").metadata.name).toBe("librechat-credentials-env");
    expect(chat!.podSelector).toEqual({ "app.kubernetes.io/name": "librechat" });
    expect(chat!.registryHosts).toEqual(["docker.io", "ghcr.io"]);
    expect(json).toMatchSnapshot();
    expect(validationErrors(json)).toEqual([]);
  });

  test("GIVEN everything on (config, MITM CA, registries, ingress) WHEN synthesized THEN Node trusts the CA from its ConfigMap and pods roll on CA change", () => {
    let chat: LibreChat | undefined;
    const { json, text } = synthStack((stack) => {
      const cert = new TerraformVariable(stack, "ca_chain", { type: "string", sensitive: true });
      const key = new TerraformVariable(stack, "ca_key", { type: "string", sensitive: true });
      const ca = new MitmCa(stack, "ca", { name: "corp", certificateChain: cert.stringValue, key: key.stringValue, namespaces: ["chat"] });
      chat = new LibreChat(stack, "chat", {
        chartVersion: "2.0.2",
        namespace: "chat",
        releaseName: "lc",
        nameOverride: "enterprise-chat",
        configYamlContent: LIBRECHAT_YAML,
        configEnv: { ALLOW_REGISTRATION: "false", DOMAIN_CLIENT: "https://chat.example.com" },
        secretEnv: { ...secrets(stack), GROQ_API_KEY: new TerraformVariable(stack, "groq", { type: "string", sensitive: true }).stringValue },
        imageRegistries: { librechat: "registry.example.com", mongodb: "mirror.example.com", meilisearch: "mirror.example.com" },
        imageTag: "v0.8.5",
        ingressHost: "chat.example.com",
        mitmCa: ca,
        values: { replicaCount: 2, volumes: [{ name: "extra", emptyDir: {} }] },
      });
    });
    const release = Object.values(resourcesOf(json, "helm_release"))[0] as any;
    // What Helm receives: Terraform evaluates the escaped '$${GROQ_API_KEY}' back to '${GROQ_API_KEY}'.
    const values: any = yaml.load(terraformEvaluatedLiteral(release.values[0]));
    expect(values.librechat.configYamlContent).toBe(LIBRECHAT_YAML);
    expect(values.librechat.configEnv).toMatchObject({ ALLOW_REGISTRATION: "false", NODE_EXTRA_CA_CERTS: "/etc/aviatrix-mitm-ca/ca.crt" });
    expect(values.volumes).toEqual([
      { name: "extra", emptyDir: {} },
      { name: "aviatrix-mitm-ca", configMap: { name: "aviatrix-mitm-ca", items: [{ key: "ca.crt", path: "ca.crt" }] } },
    ]);
    expect(values.volumeMounts).toEqual([{ name: "aviatrix-mitm-ca", mountPath: "/etc/aviatrix-mitm-ca", readOnly: true }]);
    expect(values.image).toEqual({ registry: "registry.example.com", tag: "v0.8.5" });
    expect(values.meilisearch.image.repository).toBe("mirror.example.com/getmeili/meilisearch");
    expect(values.nameOverride).toBe("enterprise-chat");
    expect(values.ingress.hosts[0].host).toBe("chat.example.com");
    expect(release.values[1]).toMatch(/^\$\{yamlencode\(\{"podAnnotations" = \{"vca\.aviatrix\.com\/mitm-ca-sha256" = sha256\(aviatrix_dcf_mitm_ca\./);
    expect(release.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^kubernetes_config_map_v1\.ca_configmap-chat/)]));
    expect(chat!.podLabels).toEqual({ "app.kubernetes.io/instance": "lc", "app.kubernetes.io/name": "enterprise-chat" });
    expectNoSecretLiterals(text);
    expect(json).toMatchSnapshot();
    expect(validationErrors(json)).toEqual([]);
  });

  test("GIVEN an existing secret WHEN synthesized THEN no secret is created and the chart points at it", () => {
    const { json } = synthStack((stack) => new LibreChat(stack, "chat", { existingSecretName: "my-creds", createNamespace: false }));
    expect(resourcesOf(json, "kubernetes_secret_v1")).toEqual({});
    expect(resourcesOf(json, "kubernetes_namespace_v1")).toEqual({});
    expect((yaml.load(onlyResource(json, "helm_release").values[0]) as any).librechat.existingSecretName).toBe("my-creds");
  });

  describe("rejects", () => {
    const cases: [string, (stack: any) => object, string][] = [
      ["missing credentials", (s) => ({ secretEnv: secrets(s, ["CREDS_KEY"]) }), "LibreChat.secretEnv"],
      ["a literal secret", () => ({ secretEnv: { CREDS_KEY: "super-secret-password" } }), "LibreChat.secretEnv.CREDS_KEY"],
      ["a secret-looking configEnv entry", (s) => ({ secretEnv: secrets(s), configEnv: { OPENAI_API_KEY: "sk-123" } }), "LibreChat.configEnv.OPENAI_API_KEY"],
      ["invalid librechat.yaml", (s) => ({ secretEnv: secrets(s), configYamlContent: "version: 1\nendpoints: [\n" }), "LibreChat.configYamlContent"],
      ["a YAML that is not a librechat.yaml", (s) => ({ secretEnv: secrets(s), configYamlContent: "- a\n- b\n" }), "LibreChat.configYamlContent"],
      [
        "a literal apiKey in librechat.yaml",
        (s) => ({ secretEnv: secrets(s), configYamlContent: LIBRECHAT_YAML.replace("'${GROQ_API_KEY}'", "gsk_live_0123456789abcdef") }),
        "LibreChat.configYamlContent.endpoints.custom[name=groq].apiKey",
      ],
      [
        "literal secrets at several YAML paths",
        (s) => ({
          secretEnv: secrets(s),
          configYamlContent: `${LIBRECHAT_YAML.replace("'${GROQ_API_KEY}'", "gsk_live_0123456789abcdef")}mcpServers:\n  docs:\n    url: https://mcp.example.com/\n    headers: { Authorization: Bearer abc123 }\n`,
        }),
        "LibreChat.configYamlContent.endpoints.custom[name=groq].apiKey",
      ],
      [
        "a YAML alias bomb in librechat.yaml",
        (s) => ({ secretEnv: secrets(s), configYamlContent: `version: 1.2.1\n${aliasBomb()}` }),
        "LibreChat.configYamlContent",
      ],
      [
        "a registry with a scheme",
        (s) => ({ secretEnv: secrets(s), imageRegistries: { librechat: "https://ghcr.io" } }),
        "LibreChat.imageRegistries.librechat",
      ],
      ["a chart version range", (s) => ({ secretEnv: secrets(s), chartVersion: "2.x" }), "LibreChat.chartVersion"],
      ["both secret sources", (s) => ({ secretEnv: secrets(s), existingSecretName: "x" }), "LibreChat.secretEnv"],
      [
        "a MITM CA without a ConfigMap in the namespace",
        (s) => ({ secretEnv: secrets(s), mitmCa: new MitmCa(s, "ca", { name: "c", namespaces: ["other"] }) }),
        "MitmCa.namespaces",
      ],
    ];
    test.each(cases)("%s", (_name, props, names) => {
      synthStack((stack) => {
        const p = props(stack);
        expect(expectInputError(() => new LibreChat(stack, "chat", p as never), names)).toMatchSnapshot();
      });
    });
  });
});

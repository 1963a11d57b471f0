// Literal credentials in librechat.yaml are errors (shim exit 2, construct ConstructPropsError)
// naming the YAML path — never the value. What is a credential is decided by its shape
// (lib/secrets), not by a list of stand-in words: test/hostile2/secrets.test.ts has the tables.
import * as yaml from "js-yaml";
import { findLiteralSecrets } from "../../lib/shim/literal-secrets";
import { isSecretName } from "../../lib/secrets/secret-shape";
import { ShimInputError } from "../../lib/shim";
import { model } from "./helpers";

const SECRET = "sk-live-4f9a8b7c6d5e4f3a2b1c";

describe("GIVEN key names", () => {
  test.each([
    "apiKey",
    "api_key",
    "x-api-key",
    "APIKey",
    "serperApiKey",
    "client_secret",
    "clientSecret",
    "token",
    "accessToken",
    "password",
    "Authorization",
    "secretAccessKey",
    "LDAP_BIND_CREDENTIALS",
    "OPENAI_API_KEYS",
    "EMAIL_PASS",
    "Cookie",
    "X-Auth-Token",
    "X-Auth",
  ])("%s names a credential", (k) => expect(isSecretName(k)).toBe(true));
  test.each(["tokenLimit", "maxTokens", "token_url", "authorization_url", "siteKey", "publicKey", "key", "name", "baseURL", "authorization_type", "source"])(
    "%s does not",
    (k) => expect(isSecretName(k)).toBe(false),
  );
});

describe("GIVEN a parsed librechat.yaml", () => {
  test("THEN every literal secret is found with its YAML path, in document order", () => {
    const doc = yaml.load(`
version: "1.3.17"
endpoints:
  custom:
    - name: groq
      apiKey: ${SECRET}
      baseURL: https://api.groq.com/openai/v1
    - name: local
      apiKey: "\${LOCAL_KEY}"
    - name: proxy
      apiKey: proxy
customParams:
  paramDefinitions:
    - key: temperature
memory:
  tokenLimit: 2000
mcpServers:
  docs:
    url: https://mcp.example.com/
    headers:
      Authorization: "Bearer Zk3q9TnR7vX2mP5w"
      X-Api-Key: "{{USER_KEY}}"
    apiKey:
      source: admin
      authorization_type: bearer
      key: 9f8e7d6c5b4a3f2e1d0c
    oauth:
      client_id: public-id
      client_secret: Qw7Er9Ty2Ui4Op6As8Df
`);
    expect(findLiteralSecrets(doc).map((s) => s.path)).toEqual([
      "endpoints.custom[name=groq].apiKey",
      "mcpServers.docs.headers.Authorization",
      "mcpServers.docs.apiKey.key",
      "mcpServers.docs.oauth.client_secret",
    ]);
  });
});

describe("GIVEN `librechatEgressModel` (the shim and the LibreChatEgress construct)", () => {
  test("WHEN a custom endpoint has a literal apiKey THEN ShimInputError names the path, not the value; snapshot", () => {
    const config = `version: "1.3.17"\nendpoints:\n  custom:\n    - name: groq\n      apiKey: ${SECRET}\n      baseURL: https://api.groq.com/openai/v1\n      models: {default: [m]}\n`;
    let err: unknown;
    try {
      model(config);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ShimInputError);
    const message = (err as Error).message;
    expect(message).not.toContain(SECRET);
    expect(message).toMatchSnapshot();
  });
});

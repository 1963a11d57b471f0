// Review item 7: literal credentials in librechat.yaml are errors (shim exit 2, construct
// ConstructPropsError) naming the YAML path — never the value.
import * as yaml from "js-yaml";
import { findLiteralSecrets, isReferenceOrEmpty, isSecretLookingKey } from "../../lib/shim/literal-secrets";
import { ShimInputError } from "../../lib/shim";
import { model } from "./helpers";

const SECRET = "sk-live-4f9a8b7c6d5e4f3a2b1c";

describe("GIVEN key names", () => {
  test.each(["apiKey", "api_key", "x-api-key", "APIKey", "serperApiKey", "client_secret", "clientSecret", "token", "accessToken", "password", "Authorization", "secretAccessKey"])(
    "%s looks like a secret",
    (k) => expect(isSecretLookingKey(k)).toBe(true),
  );
  test.each(["tokenLimit", "maxTokens", "token_url", "authorization_url", "siteKey", "publicKey", "key", "name", "baseURL", "authorization_type", "source"])(
    "%s does not (on its own)",
    (k) => expect(isSecretLookingKey(k)).toBe(false),
  );
  test("WHEN the parent is secret-looking THEN a bare key/value child holds the credential", () => {
    expect(isSecretLookingKey("key", true)).toBe(true);
    expect(isSecretLookingKey("source", true)).toBe(false);
  });
});

describe("GIVEN values under a secret-looking key", () => {
  test.each(["${GROQ_API_KEY}", "Bearer ${TOKEN}", "{{MY_API_KEY}}", "user_provided", "", "  ", "ollama", "EMPTY", "your_api_key_here"])("%j holds no credential", (v) =>
    expect(isReferenceOrEmpty(v)).toBe(true),
  );
  test.each([SECRET, "Bearer abc123", "${A}literal", "k"])("%j is a literal", (v) => expect(isReferenceOrEmpty(v)).toBe(false));
});

describe("GIVEN a parsed librechat.yaml", () => {
  test("THEN every literal is found with its YAML path, in document order", () => {
    const doc = yaml.load(`
version: "1.3.17"
endpoints:
  custom:
    - name: groq
      apiKey: ${SECRET}
      baseURL: https://api.groq.com/openai/v1
    - name: local
      apiKey: "\${LOCAL_KEY}"
customParams:
  paramDefinitions:
    - key: temperature
memory:
  tokenLimit: 2000
mcpServers:
  docs:
    url: https://mcp.example.com/
    headers:
      Authorization: "Bearer abc"
      X-Api-Key: "{{USER_KEY}}"
    apiKey:
      source: admin
      authorization_type: bearer
      key: hunter2
    oauth:
      client_id: public-id
      client_secret: 12345
`);
    expect(findLiteralSecrets(doc)).toEqual([
      { path: "endpoints.custom[name=groq].apiKey", key: "apiKey" },
      { path: "mcpServers.docs.headers.Authorization", key: "Authorization" },
      { path: "mcpServers.docs.apiKey.key", key: "key" },
      { path: "mcpServers.docs.oauth.client_secret", key: "client_secret" },
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

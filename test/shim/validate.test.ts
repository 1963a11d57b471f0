import { validateConfig } from "../../lib/shim/validate";

describe("GIVEN schema validation", () => {
  test("servers of identical shape are validated once and the error names the others", () => {
    const raw = {
      version: "1.3.17",
      mcpServers: {
        a: { type: "websocket", url: "https://a.example.com/ws" },
        b: { type: "websocket", url: "https://b.example.com/ws" },
      },
    };
    const { issues } = validateConfig(raw);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.path.startsWith("mcpServers.a"))).toBe(true);
    expect(issues.some((i) => /same for 1 more server of identical shape: "b"/.test(i.message))).toBe(true);
  });

  test("the runner's environment never changes the result (process.env is emptied during parse)", () => {
    process.env.VCA_TEST_MCP_URL = "not a url";
    try {
      const raw = { version: "1.3.17", mcpServers: { s: { type: "sse", url: "${VCA_TEST_MCP_URL}" } } };
      expect(validateConfig(raw).issues).toEqual([]);
      expect(process.env.VCA_TEST_MCP_URL).toBe("not a url");
    } finally {
      delete process.env.VCA_TEST_MCP_URL;
    }
  });

  test("a valid config returns the parsed output (used only for key survival)", () => {
    const r = validateConfig({ version: "1.3.17", endpoints: { openAI: { disabled: true } } });
    expect(r.issues).toEqual([]);
    expect(r.parsed?.endpoints).toEqual({ openAI: {} });
  });
});

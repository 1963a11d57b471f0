// Every real-world sample gives the result docs/research/librechat-shim.md §7 expects.
import { ShimInputError } from "../../lib/shim";
import { allDomains, domainsByGroup, fixture, model } from "./helpers";

const load = (f: string, extra = {}) => model(fixture(`samples/${f}`), { configName: f, ...extra });

describe("GIVEN the research samples (§7)", () => {
  test("00 upstream example: custom LLM hosts and the Actions allowlist, nothing env-gated without an inventory", () => {
    const m = load("00-danny-avila-LibreChat-librechat.example.yaml");
    expect(domainsByGroup(m)).toEqual({
      "librechat-actions": ["google.com", "librechat.ai", "swapi.dev"],
      "librechat-llm": ["api.anthropic.com", "api.groq.com", "api.mistral.ai", "api.x.ai", "openrouter.ai"],
    });
    expect(m.warnings.map((w) => w.message).join("\n")).toMatch(/code interpreter .*LIBRECHAT_CODE_API_KEY/);
    expect(m.warnings.some((w) => /social logins apple, discord, facebook, github, google/.test(w.message))).toBe(true);
  });

  test("00 with an env inventory: env-gated code interpreter, search, OCR and social logins appear", () => {
    const m = load("00-danny-avila-LibreChat-librechat.example.yaml", {
      envFile:
        "LIBRECHAT_CODE_API_KEY=k\nSERPER_API_KEY=k\nOCR_API_KEY=k\nGITHUB_CLIENT_ID=x\nOPENID_CLIENT_ID=c\nOPENID_ISSUER=https://login.microsoftonline.com/tenant/v2.0\n",
    });
    const g = domainsByGroup(m);
    expect(g["librechat-integrations"]).toEqual(
      expect.arrayContaining(["api.librechat.ai", "google.serper.dev", "scrape.serper.dev", "api.mistral.ai", "github.com", "api.github.com"]),
    );
    expect(g["librechat-sso"]).toEqual(["login.microsoftonline.com"]);
  });

  test("01 ClickHouse: cloud MCP gets its own group, local MCP is internal, referenced built-ins are included", () => {
    const m = load("01-ClickHouse-agentic-data-stack.yaml");
    const g = domainsByGroup(m);
    expect(g["librechat-mcp--clickhouse-cloud--xce057ef76c"]).toEqual(["mcp.clickhouse.cloud"]);
    expect(g["librechat-llm"]).toEqual(["api.anthropic.com", "api.openai.com", "generativelanguage.googleapis.com"]);
    expect(m.internal.map((i) => i.host)).toEqual(["clickhouse-mcp:8000", "host.docker.internal"]);
    expect(m.warnings.map((w) => w.path)).toContain("endpoints.openAI.fetch");
    expect(m.warnings.some((w) => /not in mcpSettings.allowedDomains/.test(w.message))).toBe(false);
  });

  test("02 DO: six endpoints share one host → one entry with six provenance paths; iconURLs are client-side", () => {
    const m = load("02-DO-Solutions-librechat.yaml");
    const llm = m.groups.find((g) => g.name === "librechat-llm")!;
    expect(llm.domains).toEqual(["inference.do-ai.run"]);
    expect(llm.destinations[0].from).toHaveLength(6);
    expect(allDomains(m)).not.toContain("upload.wikimedia.org");
  });

  test("03 GDCh: custom + referenced built-ins, speech STT/TTS; agents.allowedDomains is not an allowlist", () => {
    const m = load("03-GDCh-de-librechat-yaml.yaml");
    const g = domainsByGroup(m);
    expect(g["librechat-llm"]).toEqual(["api.anthropic.com", "api.mistral.ai", "api.openai.com", "api.perplexity.ai", "generativelanguage.googleapis.com"]);
    expect(g["librechat-integrations"]).toEqual(["api.elevenlabs.io", "api.openai.com"]);
    expect(allDomains(m)).not.toContain("api.gdch.de");
  });

  test("04 BusinessFinland: ${AZINSTANCE_NAME} is a path-specific error, never a literal", () => {
    expect(() => load("04-BusinessFinland-libre-chat-app.yaml")).toThrow(ShimInputError);
    expect(() => load("04-BusinessFinland-libre-chat-app.yaml")).toThrow(
      /endpoints\.azureOpenAI\.groups\[group=\$\{AZINSTANCE_NAME\}\]\.instanceName: host depends on \$\{AZINSTANCE_NAME\}/,
    );
  });

  test("04 with the variable's value: bare instance name → <name>.openai.azure.com", () => {
    const m = load("04-BusinessFinland-libre-chat-app.yaml", { envFile: "AZINSTANCE_NAME=bf-openai\n" });
    expect(domainsByGroup(m)["librechat-llm"]).toEqual(["bf-openai.openai.azure.com"]);
  });

  test("05 Cyanistic: custom hosts, Vertex Claude, Bedrock region, Assistants, pinned web search, code API", () => {
    const g = domainsByGroup(load("05-Cyanistic-docker-configs.yaml"));
    expect(g["librechat-llm"]).toEqual(
      expect.arrayContaining([
        "api.groq.com",
        "api.mistral.ai",
        "openrouter.ai",
        "api.cerebras.ai",
        "inference.baseten.co",
        "generativelanguage.googleapis.com",
        "api.siliconflow.com",
        "us-east5-aiplatform.googleapis.com",
        "oauth2.googleapis.com",
        "bedrock-runtime.us-east-2.amazonaws.com",
        "api.openai.com",
      ]),
    );
    expect(g["librechat-integrations"]).toEqual(["api.jina.ai", "api.librechat.ai", "google.serper.dev", "scrape.serper.dev"]);
    expect(g["librechat-integrations"]).not.toContain("api.firecrawl.dev");
  });

  test("06 AIM: nothing external from the YAML; MCP and Ollama are internal, with a warning", () => {
    const m = load("06-AIM-kennisplatformen-studio.yaml");
    expect(m.groups.filter((g) => g.kind === "llm" || g.kind === "mcp")).toEqual([]);
    expect(m.internal.map((i) => i.host)).toEqual(["host.docker.internal:11434", "mcpserver:8000"]);
    expect(m.warnings.map((w) => w.path)).toContain("endpoints.custom[name=Ollama].fetch");
  });

  test("07 Cerid: internal only; `disabled: true` under built-ins is dropped and warned", () => {
    const m = load("07-Cerid-AI-cerid-ai.yaml");
    expect(m.groups).toEqual([]);
    expect(m.internal.map((i) => i.host)).toEqual(expect.arrayContaining(["bifrost:8080", "ai-companion-mcp:8888"]));
    expect(m.warnings.filter((w) => /"disabled"/.test(w.message)).map((w) => w.path)).toEqual([
      "endpoints.anthropic.disabled",
      "endpoints.assistants.disabled",
      "endpoints.google.disabled",
      "endpoints.openAI.disabled",
    ]);
  });

  test("08 CELO: fails the schema with path-specific messages", () => {
    let err: unknown;
    try {
      load("08-CELO-AI-libre-chat-config.yaml");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ShimInputError);
    expect((err as Error).message).toMatchSnapshot();
  });

  test("09 Bizclik: per-server MCP groups, one host for six endpoints, no *.run.app widening", () => {
    const m = load("09-Bizclik-Media-LibreChat-config.yaml");
    const g = domainsByGroup(m);
    expect(g["librechat-mcp--agent-proxy"]).toEqual(["proxy.mcp.ai.bizclikmedia.net"]);
    expect(g["librechat-mcp--monday-mcp"]).toEqual(["mcp-streamable-proxy-442557928946.europe-west1.run.app"]);
    expect(g["librechat-llm"]).toEqual(["agent-model-proxy-442557928946.europe-west1.run.app", "api.openai.com", "openrouter.ai"]);
    expect(allDomains(m).some((d) => d.includes("*"))).toBe(false);
  });
});

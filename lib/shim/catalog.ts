// Documented default hosts: every domain the shim can emit that is not written in the config
// itself comes from this table, each with its source. Sources: docs/research/librechat-shim.md §2–§6
// (LibreChat, @librechat/agents 3.9.2, vendor SDKs) and AviatrixSystems/aviatrix-blueprints
// blueprints/secure-enterprise-chat/egress-policy/egress-catalog.yaml (legacy tool keys).

export interface CatalogEntry {
  readonly hosts: readonly string[];
  readonly source: string;
}

/** Built-in LLM endpoints (default hosts; reverse-proxy env vars replace them). */
export const BUILTIN_ENDPOINTS = {
  openAI: {
    keys: ["OPENAI_API_KEY"],
    proxyVar: "OPENAI_REVERSE_PROXY",
    hosts: ["api.openai.com"],
    source: "packages/api/src/endpoints/models.ts (openaiBaseURL)",
  },
  assistants: {
    keys: ["ASSISTANTS_API_KEY"],
    proxyVar: "ASSISTANTS_BASE_URL",
    hosts: ["api.openai.com"],
    source: "packages/api/src/endpoints/models.ts (Assistants API)",
  },
  anthropic: {
    keys: ["ANTHROPIC_API_KEY"],
    proxyVar: "ANTHROPIC_REVERSE_PROXY",
    hosts: ["api.anthropic.com"],
    source: "packages/api/src/endpoints/models.ts (anthropicBaseURL)",
  },
  google: {
    keys: ["GOOGLE_KEY", "GOOGLE_SERVICE_KEY_FILE"],
    proxyVar: "GOOGLE_REVERSE_PROXY",
    hosts: ["generativelanguage.googleapis.com"],
    source: "packages/api/src/endpoints/google/llm.ts; @langchain/google-common 2.2.0",
  },
  bedrock: {
    keys: ["BEDROCK_AWS_DEFAULT_REGION", "BEDROCK_AWS_ACCESS_KEY_ID"],
    proxyVar: "BEDROCK_REVERSE_PROXY",
    hosts: [],
    source: "AWS SDK regional endpoints; packages/api/src/endpoints/bedrock/mantle.ts",
  },
  azureOpenAI: {
    keys: ["AZURE_API_KEY", "AZURE_OPENAI_API_KEY"],
    proxyVar: "AZURE_OPENAI_BASEURL",
    hosts: [],
    source: "packages/api/src/utils/azure.ts genAzureEndpoint",
  },
} as const;

export type BuiltinEndpoint = keyof typeof BUILTIN_ENDPOINTS;

/** Google OAuth token exchange (service accounts, Vertex). google-auth-library 10.9.1. */
export const GOOGLE_OAUTH_HOST = "oauth2.googleapis.com";

/** Vertex AI host for a location (us-east5 → us-east5-aiplatform.googleapis.com). */
export function vertexHost(region: string): string {
  if (region === "global") return "aiplatform.googleapis.com";
  if (region === "us" || region === "eu") return `aiplatform.${region}.rep.googleapis.com`;
  return `${region}-aiplatform.googleapis.com`;
}

export const BEDROCK_STS_GLOBAL = "sts.amazonaws.com";
export const bedrockRuntimeHost = (region: string): string => `bedrock-runtime.${region}.amazonaws.com`;
export const bedrockMantleHost = (region: string): string => `bedrock-mantle.${region}.api.aws`;
export const stsRegionalHost = (region: string): string => `sts.${region}.amazonaws.com`;
export const AWS_REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** Agent capabilities with their own egress (@librechat/agents 3.9.2 src/common/enum.ts; §2). */
export const CODE_API = {
  keyVar: "LIBRECHAT_CODE_API_KEY",
  urlVar: "LIBRECHAT_CODE_BASEURL",
  hosts: ["api.librechat.ai"],
  source: "@librechat/agents 3.9.2 src/common/enum.ts",
};
export const OCR_DEFAULT = { keyVar: "OCR_API_KEY", urlVar: "OCR_BASEURL", hosts: ["api.mistral.ai"], source: "packages/api/src/files/mistral/crud.ts" };

/** Web search providers: search / scraper / reranker hosts (@librechat/agents 3.9.2 src/tools/search). */
export const SEARCH_PROVIDERS: Readonly<Record<string, { keyVar?: string; urlVar?: string; urlField?: string; hosts: readonly string[] }>> = {
  serper: { keyVar: "SERPER_API_KEY", hosts: ["google.serper.dev"] },
  searxng: { urlVar: "SEARXNG_INSTANCE_URL", urlField: "searxngInstanceUrl", hosts: [] },
  tavily: { keyVar: "TAVILY_API_KEY", urlVar: "TAVILY_SEARCH_URL", hosts: ["api.tavily.com"] },
  keenable: { keyVar: "KEENABLE_API_KEY", urlVar: "KEENABLE_API_URL", hosts: ["api.keenable.ai"] },
};
export const SCRAPER_PROVIDERS: Readonly<Record<string, { keyVar?: string; urlVar?: string; urlField?: string; hosts: readonly string[] }>> = {
  serper: { keyVar: "SERPER_API_KEY", hosts: ["scrape.serper.dev"] },
  firecrawl: { keyVar: "FIRECRAWL_API_KEY", urlVar: "FIRECRAWL_API_URL", urlField: "firecrawlApiUrl", hosts: ["api.firecrawl.dev"] },
  tavily: { keyVar: "TAVILY_API_KEY", urlVar: "TAVILY_EXTRACT_URL", hosts: ["api.tavily.com"] },
  keenable: { keyVar: "KEENABLE_API_KEY", urlVar: "KEENABLE_FETCH_URL", hosts: ["api.keenable.ai"] },
  crw: { keyVar: "CRW_API_KEY", urlVar: "CRW_API_URL", hosts: ["api.fastcrw.com"] },
};
export const RERANKERS: Readonly<Record<string, { keyVar?: string; urlVar?: string; urlField?: string; hosts: readonly string[] }>> = {
  jina: { keyVar: "JINA_API_KEY", urlVar: "JINA_API_URL", urlField: "jinaApiUrl", hosts: ["api.jina.ai"] },
  cohere: { keyVar: "COHERE_API_KEY", hosts: ["api.cohere.com"] },
};

/** Social logins: server-side token/profile/avatar hosts per provider (§2 registration.socialLogins). */
export const SOCIAL_LOGINS: Readonly<Record<string, { keyVar: string; hosts: readonly string[] }>> = {
  google: { keyVar: "GOOGLE_CLIENT_ID", hosts: ["oauth2.googleapis.com", "www.googleapis.com", "lh3.googleusercontent.com"] },
  github: { keyVar: "GITHUB_CLIENT_ID", hosts: ["github.com", "api.github.com", "avatars.githubusercontent.com"] },
  discord: { keyVar: "DISCORD_CLIENT_ID", hosts: ["discord.com", "cdn.discordapp.com"] },
  facebook: { keyVar: "FACEBOOK_CLIENT_ID", hosts: ["graph.facebook.com"] },
  apple: { keyVar: "APPLE_CLIENT_ID", hosts: ["appleid.apple.com"] },
};

/** Env-gated tools and services: key variable → hosts (optional URL variable overrides them). */
export const ENV_GATED: ReadonlyArray<{ keyVar: string; urlVar?: string; hosts: readonly string[]; purpose: string }> = [
  { keyVar: "FLUX_API_KEY", urlVar: "FLUX_API_BASE_URL", hosts: ["api.us1.bfl.ai"], purpose: "Flux image tool" },
  { keyVar: "TRAVERSAAL_API_KEY", hosts: ["api-ares.traversaal.ai"], purpose: "Traversaal search tool" },
  { keyVar: "WOLFRAM_APP_ID", hosts: ["www.wolframalpha.com"], purpose: "Wolfram tool" },
  { keyVar: "OPENWEATHER_API_KEY", hosts: ["api.openweathermap.org"], purpose: "OpenWeather tool" },
  { keyVar: "SERPAPI_API_KEY", hosts: ["serpapi.com"], purpose: "SerpAPI tool" },
  { keyVar: "GOOGLE_SEARCH_API_KEY", hosts: ["www.googleapis.com"], purpose: "Google search tool" },
  { keyVar: "YOUTUBE_API_KEY", hosts: ["www.googleapis.com"], purpose: "YouTube tool" },
  { keyVar: "DALLE_API_KEY", urlVar: "DALLE_REVERSE_PROXY", hosts: ["api.openai.com"], purpose: "DALL-E tool" },
  { keyVar: "DALLE3_API_KEY", urlVar: "DALLE_REVERSE_PROXY", hosts: ["api.openai.com"], purpose: "DALL-E 3 tool" },
  { keyVar: "OPENAI_MODERATION_API_KEY", urlVar: "OPENAI_MODERATION_REVERSE_PROXY", hosts: ["api.openai.com"], purpose: "OpenAI moderation" },
  { keyVar: "LANGFUSE_PUBLIC_KEY", urlVar: "LANGFUSE_BASE_URL", hosts: ["cloud.langfuse.com"], purpose: "Langfuse tracing" },
  { keyVar: "MAILGUN_API_KEY", urlVar: "MAILGUN_HOST", hosts: ["api.mailgun.net"], purpose: "Mailgun e-mail" },
  { keyVar: "USE_ENTRA_ID_FOR_PEOPLE_SEARCH", hosts: ["graph.microsoft.com"], purpose: "Entra ID people search" },
  { keyVar: "TAVILY_API_KEY", hosts: ["api.tavily.com"], purpose: "Tavily search tool" },
];

/** Env variables whose value is a URL LibreChat calls when set (usually in-cluster). */
export const ENV_URLS: ReadonlyArray<{ urlVar: string; purpose: string }> = [
  { urlVar: "RAG_API_URL", purpose: "RAG API" },
  { urlVar: "MEILI_HOST", purpose: "Meilisearch" },
  { urlVar: "SD_WEBUI_URL", purpose: "Stable Diffusion WebUI tool" },
  { urlVar: "AZURE_AI_SEARCH_SERVICE_ENDPOINT", purpose: "Azure AI Search tool" },
  { urlVar: "GITHUB_ENTERPRISE_BASE_URL", purpose: "GitHub Enterprise login" },
  { urlVar: "CONFIG_PATH", purpose: "remote librechat.yaml fetched at startup" },
];

/** Package registries a stdio MCP launcher downloads from on cold start (docs/research/librechat-shim.md §2, §8). */
export const LAUNCHER_REGISTRIES: Readonly<Record<string, readonly string[]>> = {
  npx: ["registry.npmjs.org"],
  bunx: ["registry.npmjs.org"],
  pnpx: ["registry.npmjs.org"],
  uvx: ["pypi.org", "files.pythonhosted.org"],
  pipx: ["pypi.org", "files.pythonhosted.org"],
};

/** OCI registry → hosts an image pull touches (docs/research/librechat-shim.md §6; docker/docs allow-list.md). */
export const REGISTRY_HOSTS: Readonly<Record<string, readonly string[]>> = {
  "registry.librechat.ai": ["registry.librechat.ai"],
  "ghcr.io": ["ghcr.io", "pkg-containers.githubusercontent.com"],
  "docker.io": ["auth.docker.io", "index.docker.io", "production.cloudflare.docker.com", "production.cloudfront.docker.com", "registry-1.docker.io"],
};

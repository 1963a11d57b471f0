// Env-gated integrations (docs/research/librechat-shim.md §2, §4): agent capabilities (code interpreter, web search,
// OCR), social logins and the OIDC issuer, legacy tools, proxies and URL-valued variables. Only
// the env inventory's key names activate them; values are used only for URL-shaped variables.
import {
  CODE_API,
  ENV_GATED,
  ENV_URLS,
  GOOGLE_OAUTH_HOST,
  OCR_DEFAULT,
  RERANKERS,
  SCRAPER_PROVIDERS,
  SEARCH_PROVIDERS,
  SOCIAL_LOGINS,
  vertexHost,
} from "../catalog";
import { DestinationTarget } from "../collector";
import { isPlaceholderValue } from "../env";
import { dataProvider } from "../data-provider";
import { asRecord, ExtractContext, get } from "./context";
import { own } from "../../util/own";

const INTEGRATIONS: DestinationTarget = { kind: "integrations" };
const SSO: DestinationTarget = { kind: "sso" };

export function extractEnvGated(ctx: ExtractContext): void {
  for (const name of ctx.env.placeholders()) ctx.c.warn(`env:${name}`, "set to a placeholder value; treated as unset");
  const caps = get(ctx.raw, "endpoints", "agents", "capabilities");
  const explicit = Array.isArray(caps);
  const capabilities = new Set<string>((explicit ? caps : dataProvider().defaultAgentCapabilities).filter((c): c is string => typeof c === "string"));
  const capPath = explicit ? "endpoints.agents.capabilities" : "endpoints.agents.capabilities (default)";
  if (capabilities.has("execute_code")) codeInterpreter(ctx, explicit, capPath);
  webSearch(ctx, capabilities.has("web_search"), capPath);
  ocr(ctx, capabilities.has("ocr"), capPath);
  socialLogins(ctx);
  for (const e of ENV_GATED) {
    if (!ctx.env.isSet(e.keyVar)) continue;
    const url = e.urlVar ? ctx.env.value(e.urlVar) : undefined;
    if (url) ctx.c.addUrl(INTEGRATIONS, url, `env:${e.urlVar}`);
    else for (const h of e.hosts) ctx.c.addHost(INTEGRATIONS, h, `env:${e.keyVar}`);
  }
  for (const e of ENV_URLS) {
    const v = ctx.env.value(e.urlVar);
    if (v) ctx.c.addUrl(INTEGRATIONS, v, `env:${e.urlVar}`);
    else if (ctx.env.isSet(e.urlVar)) ctx.c.warn(`env:${e.urlVar}`, `${e.purpose} URL is set but its value is unknown (--env-keys); its host is not included`);
  }
  for (const v of ["PROXY", "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"]) {
    const value = ctx.env.value(v);
    if (value) {
      ctx.c.addUrl({ kind: "proxy" }, value, `env:${v}`);
      ctx.c.warn(
        `env:${v}`,
        "LibreChat sends provider traffic through this proxy: DCF sees only the proxy host, so FQDN rules for providers do not apply to proxied calls",
      );
    }
  }
  if (ctx.env.isSet("LDAP_URL")) ctx.c.warn("env:LDAP_URL", "LDAP is L4 (389/636), not HTTP: it needs a CIDR rule outside this WebGroup policy");
}

/** Active when the inventory sets the key; with no inventory only when the config asks for it. */
function active(ctx: ExtractContext, keyVar: string, explicit: boolean, path: string, what: string): string | undefined {
  if (ctx.env.provided) return ctx.env.isSet(keyVar) ? `env:${keyVar}` : undefined;
  if (explicit) {
    ctx.c.warn(path, `${what} enabled in the config; assumed active, but it depends on ${keyVar} (pass --dotenv or --env-keys)`);
    return path;
  }
  ctx.c.warn(path, `${what} is enabled by default and activated by ${keyVar}; without an env inventory its hosts are not included`);
  return undefined;
}

function codeInterpreter(ctx: ExtractContext, explicit: boolean, capPath: string): void {
  const path = active(ctx, CODE_API.keyVar, explicit, capPath, "code interpreter (execute_code)");
  if (!path) return;
  const url = ctx.env.value(CODE_API.urlVar);
  if (url) ctx.c.addUrl(INTEGRATIONS, url, `env:${CODE_API.urlVar}`);
  else for (const h of CODE_API.hosts) ctx.c.addHost(INTEGRATIONS, h, path);
}

type ProviderTable = Readonly<Record<string, { keyVar?: string; urlVar?: string; urlField?: string; hosts: readonly string[] }>>;

function webSearch(ctx: ExtractContext, capability: boolean, capPath: string): void {
  const block = asRecord(ctx.raw.webSearch);
  const categories: Array<[string, ProviderTable]> = [
    ["searchProvider", SEARCH_PROVIDERS],
    ["scraperProvider", SCRAPER_PROVIDERS],
    ["rerankerType", RERANKERS],
  ];
  for (const [pinField, table] of categories) {
    const pinned = block && typeof block[pinField] === "string" ? (block[pinField] as string) : undefined;
    if (pinned) {
      const p = table[pinned];
      if (!p) {
        ctx.c.warn(`webSearch.${pinField}`, `unknown provider ${JSON.stringify(pinned)}; no rule emitted`);
        continue;
      }
      provider(ctx, pinned, p, `webSearch.${pinField}`, block, true);
      continue;
    }
    if (!block && !capability) continue;
    // Unpinned: LibreChat tries every provider whose credentials resolve, including keys users
    // enter in the UI, so with a webSearch block every provider with a documented host counts.
    for (const name of Object.keys(table).sort()) {
      const p = table[name];
      const keyPath = p.keyVar && ctx.env.isSet(p.keyVar) ? `env:${p.keyVar}` : undefined;
      const urlPath = p.urlVar && ctx.env.value(p.urlVar) ? `env:${p.urlVar}` : undefined;
      if (keyPath || urlPath) provider(ctx, name, p, keyPath ?? urlPath!, block, false);
      else if (block && !ctx.env.provided && p.hosts.length > 0) provider(ctx, name, p, "webSearch", block, false);
    }
    if (!block && !ctx.env.provided) ctx.c.warn(capPath, "web_search is enabled; without an env inventory no search provider is included");
  }
}

function provider(
  ctx: ExtractContext,
  name: string,
  p: ProviderTable[string],
  path: string,
  block: Record<string, unknown> | undefined,
  pinned: boolean,
): void {
  const field = p.urlField && block ? block[p.urlField] : undefined;
  if (typeof field === "string" && field && !isPlaceholderValue(field)) {
    const sub = ctx.env.substitute(field);
    if (sub.unresolved.length === 0 || p.hosts.length === 0) {
      ctx.c.addUrl(INTEGRATIONS, field, `webSearch.${p.urlField}`);
      return;
    }
  }
  const envUrl = p.urlVar ? ctx.env.value(p.urlVar) : undefined;
  if (envUrl) {
    ctx.c.addUrl(INTEGRATIONS, envUrl, `env:${p.urlVar}`);
    return;
  }
  if (p.hosts.length === 0) {
    if (pinned) ctx.c.addUrl(INTEGRATIONS, typeof field === "string" ? field : `\${${p.urlVar}}`, p.urlField ? `webSearch.${p.urlField}` : path);
    return;
  }
  for (const h of p.hosts) ctx.c.addHost(INTEGRATIONS, h, path);
  void name;
}

function ocr(ctx: ExtractContext, capability: boolean, capPath: string): void {
  const block = asRecord(ctx.raw.ocr);
  let path: string | undefined;
  if (block) path = "ocr";
  else if (capability) path = active(ctx, OCR_DEFAULT.keyVar, false, capPath, "OCR");
  if (!path) return;
  const strategy = typeof block?.strategy === "string" ? block.strategy : "mistral_ocr";
  if (strategy === "document_parser") return;
  if (strategy === "vertexai_mistral_ocr") {
    ctx.c.addHost(INTEGRATIONS, vertexHost(ctx.env.value("GOOGLE_LOC") ?? "us-central1"), "ocr.strategy");
    ctx.c.addHost(INTEGRATIONS, GOOGLE_OAUTH_HOST, "ocr.strategy");
    return;
  }
  if (typeof block?.baseURL === "string" && block.baseURL) {
    const sub = ctx.env.substitute(block.baseURL);
    if (sub.unresolved.length === 0 || strategy !== "mistral_ocr") {
      ctx.c.addUrl(INTEGRATIONS, block.baseURL, "ocr.baseURL");
      return;
    }
  }
  const envUrl = ctx.env.value(OCR_DEFAULT.urlVar);
  if (envUrl) ctx.c.addUrl(INTEGRATIONS, envUrl, `env:${OCR_DEFAULT.urlVar}`);
  else if (strategy === "mistral_ocr") for (const h of OCR_DEFAULT.hosts) ctx.c.addHost(INTEGRATIONS, h, path);
  else ctx.c.warn("ocr", `OCR strategy ${strategy} needs ocr.baseURL; no rule emitted`);
}

function socialLogins(ctx: ExtractContext): void {
  const configured = get(ctx.raw, "registration", "socialLogins");
  const list = (Array.isArray(configured) ? configured : dataProvider().defaultSocialLogins).filter((s): s is string => typeof s === "string");
  const path = Array.isArray(configured) ? "registration.socialLogins" : "registration.socialLogins (default)";
  const unknownWithoutEnv: string[] = [];
  for (const name of [...new Set(list)].sort()) {
    if (name === "saml") continue; // browser redirect only
    if (name === "openid") {
      openid(ctx, path);
      continue;
    }
    const s = own(SOCIAL_LOGINS, name);
    if (!s) continue;
    if (!ctx.env.provided) {
      unknownWithoutEnv.push(name);
      continue;
    }
    if (!ctx.env.isSet(s.keyVar)) continue;
    const ghe = name === "github" ? ctx.env.value("GITHUB_ENTERPRISE_BASE_URL") : undefined;
    if (ghe) ctx.c.addUrl(INTEGRATIONS, ghe, "env:GITHUB_ENTERPRISE_BASE_URL");
    else for (const h of s.hosts) ctx.c.addHost(INTEGRATIONS, h, `env:${s.keyVar}`);
  }
  if (unknownWithoutEnv.length > 0) {
    ctx.c.warn(
      path,
      `social logins ${unknownWithoutEnv.join(", ")} are activated by their *_CLIENT_ID variables; without an env inventory their hosts are not included`,
    );
  }
}

/** The OIDC issuer: the SSO group. Discovery may name further hosts (token/JWKS); see egress.md. */
function openid(ctx: ExtractContext, listPath: string): void {
  const issuer = ctx.env.value("OPENID_ISSUER");
  if (issuer) {
    ctx.c.addUrl(SSO, issuer, "env:OPENID_ISSUER");
    return;
  }
  if (ctx.env.isSet("OPENID_CLIENT_ID") || ctx.env.isSet("OPENID_ISSUER")) {
    ctx.c.addUrl(SSO, "${OPENID_ISSUER}", "env:OPENID_ISSUER");
    return;
  }
  if (!ctx.env.provided) ctx.c.warn(listPath, "openid login depends on OPENID_ISSUER; without an env inventory the SSO group is empty");
}

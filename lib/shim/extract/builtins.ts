// Built-in LLM endpoints (OpenAI, Assistants, Anthropic incl. Vertex, Google, Azure, Bedrock):
// activated by env keys, located by default hosts, reverse-proxy variables or config blocks.
// Research docs/research/librechat-shim.md §2 (table), §3, §8 (env-gated built-ins, Bedrock regions, Azure).
import {
  AWS_REGION_PATTERN,
  BEDROCK_STS_GLOBAL,
  BUILTIN_ENDPOINTS,
  BuiltinEndpoint,
  GOOGLE_OAUTH_HOST,
  bedrockMantleHost,
  bedrockRuntimeHost,
  stsRegionalHost,
  vertexHost,
} from "../catalog";
import { joinItem, joinKey } from "../yaml-path";
import { asRecord, ExtractContext, get, sortedEntries } from "./context";
import { own } from "../../util/own";

const LLM = { kind: "llm" } as const;

/** Endpoint names other settings may reference, mapped to the built-in they activate. */
const REFERENCE_NAMES: Readonly<Record<string, BuiltinEndpoint>> = {
  openAI: "openAI",
  assistants: "assistants",
  anthropic: "anthropic",
  google: "google",
  bedrock: "bedrock",
  azureOpenAI: "azureOpenAI",
  azureAssistants: "azureOpenAI",
};

export function extractBuiltins(ctx: ExtractContext): void {
  const refs = collectReferences(ctx);
  for (const name of ["openAI", "assistants", "anthropic", "google"] as const) simpleBuiltin(ctx, name, refs.get(name) ?? []);
  azure(ctx, refs.get("azureOpenAI") ?? []);
  bedrock(ctx, refs.get("bedrock") ?? []);
}

/** YAML paths that name a built-in endpoint (modelSpecs presets, titleEndpoint, …) or configure it. */
function collectReferences(ctx: ExtractContext): Map<BuiltinEndpoint, string[]> {
  const refs = new Map<BuiltinEndpoint, string[]>();
  const note = (value: unknown, path: string) => {
    if (typeof value !== "string") return;
    const b = own(REFERENCE_NAMES, value);
    if (!b) return;
    const list = refs.get(b) ?? [];
    list.push(path);
    refs.set(b, list);
  };
  const specs = get(ctx.raw, "modelSpecs", "list");
  if (Array.isArray(specs)) {
    specs.forEach((s, i) => note(get(s, "preset", "endpoint"), `${joinItem("modelSpecs.list", i, get(s, "name"))}.preset.endpoint`));
  }
  const added = get(ctx.raw, "modelSpecs", "addedEndpoints");
  if (Array.isArray(added)) added.forEach((v) => note(v, "modelSpecs.addedEndpoints"));
  for (const [key, block] of sortedEntries(get(ctx.raw, "endpoints"))) {
    if (key === "custom") continue;
    for (const field of ["titleEndpoint", "activityEndpoint", "activityPhaseEndpoint", "reasoningLabelEndpoint"]) {
      note(get(block, field), `${joinKey(joinKey("endpoints", key), field)}`);
    }
  }
  note(get(ctx.raw, "summarization", "provider"), "summarization.provider");
  note(get(ctx.raw, "memory", "agent", "provider"), "memory.agent.provider");
  // A configured block counts as a reference only through keys the schema keeps (§2: disabled,
  // apiKey, fetch… under built-ins are dropped silently and enable nothing).
  for (const name of Object.keys(BUILTIN_ENDPOINTS) as BuiltinEndpoint[]) {
    const rawBlock = asRecord(get(ctx.raw, "endpoints", name));
    if (!rawBlock) continue;
    const parsedBlock = asRecord(get(ctx.parsed, "endpoints", name));
    const path = joinKey("endpoints", name);
    const kept = Object.keys(rawBlock).filter((k) => !parsedBlock || k in parsedBlock);
    const dropped = Object.keys(rawBlock)
      .filter((k) => parsedBlock && !(k in parsedBlock))
      .sort();
    for (const k of dropped) {
      ctx.c.warn(
        joinKey(path, k),
        `key ${JSON.stringify(k)} under ${path} is not in the LibreChat schema and has no effect (it does not disable or allowlist anything)`,
      );
    }
    if (kept.length > 0) {
      const list = refs.get(name) ?? [];
      list.push(path);
      refs.set(name, list);
    }
  }
  return refs;
}

/** Active when the env inventory sets a key; with no inventory, when the config references it. */
function activation(ctx: ExtractContext, name: BuiltinEndpoint, refs: readonly string[]): string[] | undefined {
  const def = BUILTIN_ENDPOINTS[name];
  const keys = def.keys.filter((k) => ctx.env.isSet(k));
  const uniqueRefs = [...new Set(refs)];
  if (ctx.env.provided) {
    if (keys.length > 0) return [...keys.map((k) => `env:${k}`), ...uniqueRefs];
    if (uniqueRefs.length > 0) {
      ctx.c.warn(uniqueRefs[0], `references the built-in ${name} endpoint, but ${def.keys.join("/")} is not set in the env inventory; no rule emitted`);
    }
    return undefined;
  }
  if (uniqueRefs.length === 0) return undefined;
  ctx.c.warn(
    uniqueRefs[0],
    `built-in ${name} endpoint assumed active because the config references it; its activation depends on ${def.keys.join("/")} (pass --dotenv or --env-keys)`,
  );
  return uniqueRefs;
}

function simpleBuiltin(ctx: ExtractContext, name: "openAI" | "assistants" | "anthropic" | "google", refs: readonly string[]): void {
  const def = BUILTIN_ENDPOINTS[name];
  const block = asRecord(get(ctx.raw, "endpoints", name));
  const vertex = name === "anthropic" ? asRecord(block?.vertex) : undefined;
  if (vertex) {
    // Claude on Vertex: explicit config, so active; region from YAML, env, or the SDK default.
    const path = "endpoints.anthropic.vertex";
    const region = vertexRegion(ctx, vertex.region, `${path}.region`, "ANTHROPIC_VERTEX_REGION", "us-east5");
    if (region) {
      ctx.c.addHost(LLM, vertexHost(region), `${path}.region`);
      ctx.c.addHost(LLM, GOOGLE_OAUTH_HOST, path);
    }
    return;
  }
  const paths = activation(ctx, name, refs);
  if (!paths) return;
  const proxy = ctx.env.value(def.proxyVar);
  if (proxy) {
    ctx.c.addUrl(LLM, proxy, `env:${def.proxyVar}`);
    return;
  }
  if (block && typeof block.baseURL === "string") {
    ctx.c.addUrl(LLM, block.baseURL, `${joinKey("endpoints", name)}.baseURL`);
    return;
  }
  if (name === "google" && ctx.env.isSet("GOOGLE_SERVICE_KEY_FILE") && !ctx.env.isSet("GOOGLE_KEY")) {
    const loc = ctx.env.value("GOOGLE_LOC") ?? "us-central1";
    ctx.c.addHost(LLM, vertexHost(loc), "env:GOOGLE_SERVICE_KEY_FILE");
    ctx.c.addHost(LLM, GOOGLE_OAUTH_HOST, "env:GOOGLE_SERVICE_KEY_FILE");
    return;
  }
  for (const h of def.hosts) for (const p of paths) ctx.c.addHost(LLM, h, p);
}

function vertexRegion(ctx: ExtractContext, value: unknown, path: string, envVar: string, fallback: string): string | undefined {
  if (typeof value === "string" && value.length > 0) {
    const sub = ctx.env.substitute(value);
    if (sub.unresolved.length > 0) {
      ctx.c.warn(path, `region ${value} is not resolved by the env inventory; using ${ctx.env.value(envVar) ?? fallback}`);
      return ctx.env.value(envVar) ?? fallback;
    }
    return /^[a-z0-9-]+$/.test(sub.text) ? sub.text : undefined;
  }
  return ctx.env.value(envVar) ?? fallback;
}

function azure(ctx: ExtractContext, refs: readonly string[]): void {
  const groups = get(ctx.raw, "endpoints", "azureOpenAI", "groups");
  if (!Array.isArray(groups)) {
    // Legacy env-only Azure (AZURE_OPENAI_API_INSTANCE_NAME / AZURE_OPENAI_BASEURL).
    const paths = activation(ctx, "azureOpenAI", refs);
    if (!paths) return;
    const base = ctx.env.value("AZURE_OPENAI_BASEURL");
    const inst = ctx.env.value("AZURE_OPENAI_API_INSTANCE_NAME");
    if (base) ctx.c.addUrl(LLM, base, "env:AZURE_OPENAI_BASEURL");
    else if (inst) addAzureInstance(ctx, inst, "env:AZURE_OPENAI_API_INSTANCE_NAME");
    else ctx.c.warn(paths[0], "Azure OpenAI is active but no instance name or base URL is known; no rule emitted");
    return;
  }
  groups.forEach((g, i) => {
    const group = asRecord(g);
    if (!group) return;
    const path = joinItem("endpoints.azureOpenAI.groups", i, group.group, "group");
    const firstDeployment = sortedEntries(group.models)
      .map(([, m]) => get(m, "deploymentName"))
      .find((d) => typeof d === "string");
    const local = {
      INSTANCE_NAME: typeof group.instanceName === "string" && !group.instanceName.includes("${") ? group.instanceName : undefined,
      DEPLOYMENT_NAME: typeof group.deploymentName === "string" ? group.deploymentName : (firstDeployment as string | undefined),
    };
    if (group.serverless === true || typeof group.baseURL === "string") {
      ctx.c.addUrl(LLM, group.baseURL, `${path}.baseURL`, { localVars: local });
      return;
    }
    if (typeof group.instanceName !== "string") return; // schema/validateAzureGroups already reported it
    const sub = ctx.env.substitute(group.instanceName);
    if (sub.unresolved.length > 0) {
      // Same message and exception handling as any other unresolved URL.
      ctx.c.addUrl(LLM, `https://${group.instanceName}`, `${path}.instanceName`);
      return;
    }
    addAzureInstance(ctx, sub.text, `${path}.instanceName`, group.instanceName);
  });
}

/**
 * genAzureEndpoint: a bare name gets `.openai.azure.com`; a dotted name or URL is used as-is (PR #10355).
 * `raw`: the config text before env substitution, quoted in messages instead of the value.
 */
function addAzureInstance(ctx: ExtractContext, instance: string, path: string, raw?: string): void {
  const opts = raw !== undefined && raw !== instance ? { shownAs: raw } : {};
  if (/^[a-z]+:\/\//i.test(instance)) ctx.c.addUrl(LLM, instance, path, opts);
  else if (instance.includes(".")) ctx.c.addUrl(LLM, `https://${instance}`, path, opts);
  else ctx.c.addUrl(LLM, `https://${instance}.openai.azure.com`, path, opts);
}

function bedrock(ctx: ExtractContext, refs: readonly string[]): void {
  const block = asRecord(get(ctx.raw, "endpoints", "bedrock"));
  const envActive = ctx.env.isSet("BEDROCK_AWS_DEFAULT_REGION") || ctx.env.isSet("BEDROCK_AWS_ACCESS_KEY_ID");
  if (!block && !envActive) {
    if (refs.length > 0 && !ctx.env.provided) activation(ctx, "bedrock", refs);
    return;
  }
  const regions = new Map<string, string[]>();
  const addRegion = (r: string, path: string) => {
    if (!AWS_REGION_PATTERN.test(r)) {
      ctx.c.warn(path, `${JSON.stringify(r)} is not an AWS region name; ignored`);
      return;
    }
    regions.set(r, [...(regions.get(r) ?? []), path]);
  };
  const available = block?.availableRegions;
  if (Array.isArray(available)) for (const r of available) if (typeof r === "string") addRegion(r, "endpoints.bedrock.availableRegions");
  const envRegion = ctx.env.value("BEDROCK_AWS_DEFAULT_REGION");
  if (envRegion) addRegion(envRegion, "env:BEDROCK_AWS_DEFAULT_REGION");
  else if (ctx.env.isSet("BEDROCK_AWS_DEFAULT_REGION"))
    ctx.c.warn("env:BEDROCK_AWS_DEFAULT_REGION", "set, but its value is unknown (--env-keys); that region is not included");
  for (const [model, arn] of sortedEntries(block?.inferenceProfiles)) {
    const path = `endpoints.bedrock.inferenceProfiles[${JSON.stringify(model)}]`;
    if (typeof arn !== "string") continue;
    const sub = ctx.env.substitute(arn);
    const m = sub.text.match(/^arn:aws[a-z-]*:bedrock:([a-z0-9-]+):/);
    if (m) addRegion(m[1], path);
    else if (sub.unresolved.length > 0) ctx.c.warn(path, `inference profile ${arn} is not resolved; its region (if different) is not included`);
  }
  const proxy = ctx.env.value("BEDROCK_REVERSE_PROXY");
  if (proxy) {
    ctx.c.addUrl(LLM, proxy, "env:BEDROCK_REVERSE_PROXY");
    return;
  }
  if (regions.size === 0) {
    ctx.c.warn(
      "endpoints.bedrock",
      "Bedrock is configured but no region is known (availableRegions, BEDROCK_AWS_DEFAULT_REGION or inference-profile ARNs); no rule emitted",
    );
    return;
  }
  const modelNames = [...(Array.isArray(block?.models) ? (block?.models as unknown[]) : []), ...Object.keys(asRecord(block?.inferenceProfiles) ?? {})].filter(
    (m): m is string => typeof m === "string",
  );
  const mantle = modelNames.some((m) => m.startsWith("openai.") && !m.startsWith("openai.gpt-oss"));
  const blockPath = block ? "endpoints.bedrock" : "env:BEDROCK_AWS_DEFAULT_REGION";
  ctx.c.addHost(LLM, BEDROCK_STS_GLOBAL, blockPath);
  for (const [region, paths] of regions) {
    for (const p of paths) {
      ctx.c.addHost(LLM, bedrockRuntimeHost(region), p);
      ctx.c.addHost(LLM, stsRegionalHost(region), p);
      if (mantle) ctx.c.addHost(LLM, bedrockMantleHost(region), p);
    }
  }
}

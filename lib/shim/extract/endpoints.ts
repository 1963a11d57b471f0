// Custom endpoints (`endpoints.custom[].baseURL`) and speech providers. Research §2: iconURL and
// interface URLs are fetched by the browser, never by the pod, so they are never read.
import { joinItem } from "../yaml-path";
import { asRecord, ExtractContext, get } from "./context";

const LLM = { kind: "llm" } as const;
const INTEGRATIONS = { kind: "integrations" } as const;

export function extractCustomEndpoints(ctx: ExtractContext): void {
  const custom = get(ctx.raw, "endpoints", "custom");
  if (!Array.isArray(custom)) return;
  custom.forEach((e, i) => {
    const entry = asRecord(e);
    if (!entry) return;
    const path = joinItem("endpoints.custom", i, entry.name);
    if (entry.baseURL === undefined) {
      ctx.c.warn(path, "custom endpoint has no baseURL; LibreChat skips it at runtime");
      return;
    }
    ctx.c.addUrl(LLM, entry.baseURL, `${path}.baseURL`);
    const misplaced = ["fetch"].filter((k) => k in entry);
    for (const k of misplaced) ctx.c.warn(`${path}.${k}`, `${k} belongs under models (models.${k}); here it has no effect`);
  });
}

/** speech.tts / speech.stt providers (api/server/services/Files/Audio/{TTS,STT}Service.js). */
export function extractSpeech(ctx: ExtractContext): void {
  const defaults: Record<string, Record<string, string>> = {
    tts: { openai: "https://api.openai.com/v1/audio/speech", elevenlabs: "https://api.elevenlabs.io/v1/text-to-speech" },
    stt: { openai: "https://api.openai.com/v1/audio/transcriptions" },
  };
  for (const dir of ["tts", "stt"] as const) {
    const block = asRecord(get(ctx.raw, "speech", dir));
    if (!block) continue;
    for (const provider of Object.keys(block).sort()) {
      const cfg = asRecord(block[provider]);
      if (!cfg) continue;
      const path = `speech.${dir}.${provider}`;
      if (provider === "azureOpenAI") {
        const inst = cfg.instanceName;
        if (typeof inst === "string") {
          const url = inst.includes("://") ? inst : inst.includes(".") || inst.includes("${") ? `https://${inst}` : `https://${inst}.openai.azure.com`;
          ctx.c.addUrl(INTEGRATIONS, url, `${path}.instanceName`);
        }
        continue;
      }
      let any = false;
      for (const field of ["url", "websocketUrl"]) {
        if (typeof cfg[field] === "string" && cfg[field]) {
          ctx.c.addUrl(INTEGRATIONS, cfg[field], `${path}.${field}`, { schemes: ["https", "http", "wss", "ws"] });
          any = true;
        }
      }
      const fallback = defaults[dir][provider];
      if (!any && fallback) ctx.c.addUrl(INTEGRATIONS, fallback, path);
      else if (!any && provider !== "localai") ctx.c.warn(path, `speech provider ${provider} has no url and no documented default host; no rule emitted`);
    }
  }
}

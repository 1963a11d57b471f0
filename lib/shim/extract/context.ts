import { compareText } from "../../dcf/builder/canonical";
import { Collector } from "../collector";
import { EnvInventory } from "../env";

/** What every extractor reads: the raw document (hosts come only from here) and the collector. */
export interface ExtractContext {
  readonly raw: Readonly<Record<string, unknown>>;
  /** Schema output; used only to learn which keys LibreChat keeps, never for hosts. */
  readonly parsed?: Readonly<Record<string, unknown>>;
  readonly c: Collector;
  readonly env: EnvInventory;
}

export function get(obj: unknown, ...keys: string[]): unknown {
  let cur = obj;
  for (const k of keys) {
    if (cur === null || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function sortedEntries(v: unknown): Array<[string, unknown]> {
  const r = asRecord(v);
  return r ? Object.entries(r).sort(([a], [b]) => compareText(a, b)) : [];
}

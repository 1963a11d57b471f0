// The egress diff a reviewer reads: destinations added/removed per WebGroup (with port), internal
// hosts added/removed, warnings added/removed. Used by `--check` and `vca shim diff`.
import { UserInputError } from "../util/errors";
import type { EgressJson } from "./render/json";

export interface EgressDiff {
  readonly changed: boolean;
  readonly lines: readonly string[];
}

export function diffEgress(oldDoc: EgressJson, newDoc: EgressJson): EgressDiff {
  const lines: string[] = [];
  const oldGroups = new Map(oldDoc.webGroups.map((g) => [g.name, g]));
  const newGroups = new Map(newDoc.webGroups.map((g) => [g.name, g]));
  const names = [...new Set([...oldGroups.keys(), ...newGroups.keys()])].sort();
  for (const name of names) {
    const o = oldGroups.get(name);
    const n = newGroups.get(name);
    const before = new Set(o?.domains ?? []);
    const after = new Set(n?.domains ?? []);
    const added = [...after].filter((d) => !before.has(d)).sort();
    const removed = [...before].filter((d) => !after.has(d)).sort();
    const portChanged = o && n && (o.port !== n.port || o.protocol !== n.protocol);
    if (added.length === 0 && removed.length === 0 && !portChanged) continue;
    const g = (n ?? o)!;
    const state = !o ? " (new group)" : !n ? " (group removed)" : portChanged ? ` (was ${o.port}/${o.protocol})` : "";
    lines.push(`${name} ${g.port}/${g.protocol}${state}:`);
    for (const d of added) lines.push(`  + ${d}`);
    for (const d of removed) lines.push(`  - ${d}`);
  }
  const setDiff = (title: string, a: readonly string[], b: readonly string[]) => {
    const A = new Set(a);
    const B = new Set(b);
    const added = [...B].filter((x) => !A.has(x)).sort();
    const removed = [...A].filter((x) => !B.has(x)).sort();
    if (added.length === 0 && removed.length === 0) return;
    lines.push(`${title}:`);
    for (const x of added) lines.push(`  + ${x}`);
    for (const x of removed) lines.push(`  - ${x}`);
  };
  setDiff("internal (not permitted)", oldDoc.internal.map((i) => i.host), newDoc.internal.map((i) => i.host));
  setDiff("warnings", oldDoc.warnings.map((w) => `${w.path}: ${w.message}`), newDoc.warnings.map((w) => `${w.path}: ${w.message}`));
  return { changed: lines.length > 0, lines };
}

export function formatDiff(diff: EgressDiff): string {
  return diff.changed ? `egress diff (committed → config):\n${diff.lines.map((l) => `  ${l}`).join("\n")}\n` : "no egress changes\n";
}

/** Reads an egress.json document, checking its shape (names the file on error). */
export function parseEgressJson(text: string, file: string): EgressJson {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UserInputError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const d = doc as Partial<EgressJson>;
  const ok =
    d !== null &&
    typeof d === "object" &&
    Array.isArray(d.webGroups) &&
    d.webGroups.every((g) => g && typeof g.name === "string" && Array.isArray(g.domains) && g.domains.every((x: unknown) => typeof x === "string") && typeof g.port === "number") &&
    Array.isArray(d.internal) &&
    d.internal.every((i) => i && typeof i.host === "string") &&
    Array.isArray(d.warnings) &&
    d.warnings.every((w) => w && typeof w.path === "string" && typeof w.message === "string");
  if (!ok) throw new UserInputError(`${file}: not an egress.json document (want { webGroups: [{ name, domains, port, … }], internal: [{ host }], warnings: [{ path, message }] })`);
  return d as EgressJson;
}

export const EMPTY_EGRESS: EgressJson = { webGroups: [], internal: [], warnings: [] };

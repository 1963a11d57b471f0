// The egress diff a reviewer reads: destinations added/removed per WebGroup (with port), internal
// hosts added/removed, warnings added/removed. Used by `--check` and `vca shim diff`.
import { UserInputError } from "../util/errors";
import { compareText } from "../dcf/builder/canonical";
import type { EgressJson } from "./render/json";

interface GroupHead {
  readonly name: string;
  readonly port: number;
  readonly protocol: string;
}

/** (group name, port, protocol) → its domains, merging groups that repeat a name and port. */
function destinations(doc: EgressJson): Map<string, { head: GroupHead; domains: Set<string> }> {
  const out = new Map<string, { head: GroupHead; domains: Set<string> }>();
  for (const g of doc.webGroups) {
    const key = JSON.stringify([g.name, g.port, g.protocol]);
    let entry = out.get(key);
    if (!entry) out.set(key, (entry = { head: { name: g.name, port: g.port, protocol: g.protocol }, domains: new Set() }));
    for (const d of g.domains) entry.domains.add(d);
  }
  return out;
}

export interface EgressDiff {
  readonly changed: boolean;
  readonly lines: readonly string[];
}

export function diffEgress(oldDoc: EgressJson, newDoc: EgressJson): EgressDiff {
  const lines: string[] = [];
  // Keyed by content — (group name, port, protocol, domain) — never by group name alone: two groups
  // that share a name (a colliding generated name, a hand-edited file) must not hide each other's hosts.
  const before = destinations(oldDoc);
  const after = destinations(newDoc);
  const oldNames = new Set(oldDoc.webGroups.map((g) => g.name));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort(compareText);
  for (const key of keys) {
    const o = before.get(key);
    const n = after.get(key);
    const added = [...(n?.domains ?? [])].filter((d) => !o?.domains.has(d)).sort(compareText);
    const removed = [...(o?.domains ?? [])].filter((d) => !n?.domains.has(d)).sort(compareText);
    if (added.length === 0 && removed.length === 0) continue;
    const { name, port, protocol } = (n ?? o)!.head;
    const state = !o ? (oldNames.has(name) ? " (new port)" : " (new group)") : !n ? " (group removed)" : "";
    lines.push(`${name} ${port}/${protocol}${state}:`);
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
  setDiff(
    "internal (not permitted)",
    oldDoc.internal.map((i) => i.host),
    newDoc.internal.map((i) => i.host),
  );
  setDiff(
    "warnings",
    oldDoc.warnings.map((w) => `${w.path}: ${w.message}`),
    newDoc.warnings.map((w) => `${w.path}: ${w.message}`),
  );
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
    d.webGroups.every(
      (g) =>
        g && typeof g.name === "string" && Array.isArray(g.domains) && g.domains.every((x: unknown) => typeof x === "string") && typeof g.port === "number",
    ) &&
    Array.isArray(d.internal) &&
    d.internal.every((i) => i && typeof i.host === "string") &&
    Array.isArray(d.warnings) &&
    d.warnings.every((w) => w && typeof w.path === "string" && typeof w.message === "string");
  if (!ok)
    throw new UserInputError(
      `${file}: not an egress.json document (want { webGroups: [{ name, domains, port, … }], internal: [{ host }], warnings: [{ path, message }] })`,
    );
  return d as EgressJson;
}

export const EMPTY_EGRESS: EgressJson = { webGroups: [], internal: [], warnings: [] };

// YAML paths as reviewers read them: `endpoints.custom[name=groq].baseURL`. List items that carry
// a name are addressed by it, so reordering a list does not change any path in the output.

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function joinKey(parent: string, key: string): string {
  const part = PLAIN_KEY.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (!parent || part.startsWith("[")) return `${parent}${part}`;
  return `${parent}.${part}`;
}

/** `parent[name=x]` when the item has a usable name, else `parent[index]`. */
export function joinItem(parent: string, index: number, name?: unknown, nameKey = "name"): string {
  if (typeof name === "string" && name.length > 0 && name.length <= 200) {
    const shown = /^[^\]\n"]+$/.test(name) ? name : JSON.stringify(name);
    return `${parent}[${nameKey}=${shown}]`;
  }
  return `${parent}[${index}]`;
}

/** zod issue path → `a.b[0].c`. */
export function formatZodPath(path: ReadonlyArray<string | number>): string {
  let out = "";
  for (const p of path) out = typeof p === "number" ? `${out}[${p}]` : joinKey(out, p);
  return out || "(top level)";
}

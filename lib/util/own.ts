// Table lookups by user-controlled keys. `TABLE[key]` on a plain object finds inherited members
// for keys like "constructor", "toString" or "__proto__" (a function where a string was expected:
// a crash, or a check that passes). Every lookup whose key comes from input goes through here.

/** The table's own entry for `key`, or undefined (never an inherited Object.prototype member). */
export function own<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return (typeof key === "string" || typeof key === "number") && Object.hasOwn(table, key) ? table[key as string] : undefined;
}

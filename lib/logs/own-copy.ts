// A string's own copy. V8 represents a substring of a long string as a slice that keeps the whole
// parent alive, so a field cut from a 1 MiB chunk of log text pins that chunk for as long as it is
// kept. What the replay keeps for the whole run (a flow's addresses, host and rules) is copied
// once; the UTF-16 round trip keeps every code unit, lone surrogates included.
export function ownCopy(s: string): string {
  return Buffer.from(s, "utf16le").toString("utf16le");
}

// The replay's join window (lib/logs/join-window.ts) against the plain model it replaces: a Map
// of keys in arrival order, the oldest dropped when a new key arrives and the window is full.
import { JoinWindow } from "../../lib/logs/join-window";

type Key = { kind: "v4"; src: number; dst: number; srcPort: number; dstPort: number } | { kind: "tuple" | "sid"; text: string };

const name = (k: Key) => (k.kind === "v4" ? `v4 ${k.src} ${k.dst} ${k.srcPort} ${k.dstPort}` : `${k.kind} ${k.text}`);

/** mulberry32: a small seeded generator whose low bits are as random as its high ones. */
function random(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

/** The model: a Map keeps insertion order; an existing key keeps its place. */
class ModelWindow {
  private readonly keys = new Map<string, [Key, number]>();
  constructor(private readonly size: number) {}
  get(k: Key): number | undefined {
    return this.keys.get(name(k))?.[1];
  }
  set(k: Key, s: number): number | undefined {
    if (this.keys.has(name(k))) {
      this.keys.set(name(k), [k, s]);
      return undefined;
    }
    let gone: number | undefined;
    if (this.keys.size === this.size) {
      const [oldest, [, session]] = this.keys.entries().next().value as [string, [Key, number]];
      this.keys.delete(oldest);
      gone = session;
    }
    this.keys.set(name(k), [k, s]);
    return gone;
  }
  entries(): Array<[Key, number]> {
    return [...this.keys.values()];
  }
  drain(): number[] {
    const out = [...this.keys.values()].map(([, s]) => s);
    this.keys.clear();
    return out;
  }
}

function get(w: JoinWindow<number>, k: Key): number | undefined {
  if (k.kind === "v4") return w.getV4(k.src, k.dst, k.srcPort, k.dstPort);
  return k.kind === "tuple" ? w.getTuple(k.text) : w.getSessionId(k.text);
}

function set(w: JoinWindow<number>, k: Key, s: number): number | undefined {
  if (k.kind === "v4") return w.setV4(k.src, k.dst, k.srcPort, k.dstPort, s);
  return k.kind === "tuple" ? w.setTuple(k.text, s) : w.setSessionId(k.text, s);
}

test.each([1, 7, 1000])(
  "GIVEN random keys of every kind WHEN a window of %i remembers them THEN lookups, evictions and the drain match the Map model",
  (size) => {
    const rnd = random(42);
    const w = new JoinWindow<number>(size);
    const model = new ModelWindow(size);
    // Few distinct values, so keys repeat and collide; addresses above 2^31 and ports above 2^15 included.
    const key = (): Key => {
      const kind = rnd(3);
      if (kind === 0)
        return {
          kind: "v4",
          src: [0x0a000001, 0xfffffffe, 0x80000000][rnd(3)],
          dst: [1, 0xc0a80101][rnd(2)],
          srcPort: ([0, 1, 40000, 65535][rnd(4)] + rnd(size * 2)) % 65536,
          dstPort: [443, 65535][rnd(2)],
        };
      return { kind: kind === 1 ? "tuple" : "sid", text: `k${rnd(size * 3)}` };
    };
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const k = key();
      const [got, want] = rnd(2) === 0 ? [get(w, k), model.get(k)] : [set(w, k, i), model.set(k, i)];
      if (got !== want) mismatches.push(`op ${i} ${name(k)}: ${got} ≠ ${want}`);
      // Every key still in the window stays findable (deleting from the open-addressing index keeps probe chains whole).
      if (i % 97 === 0) for (const [k2, s] of model.entries()) if (get(w, k2) !== s) mismatches.push(`op ${i}: lost ${name(k2)}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(w.drain()).toEqual(model.drain());
    expect(get(w, { kind: "sid", text: "k1" })).toBeUndefined();
  },
);

test("GIVEN a tuple and a session id spelled alike WHEN remembered THEN they are different keys", () => {
  const w = new JoinWindow<string>(4);
  w.setTuple("a", "tuple");
  w.setSessionId("a", "sid");
  expect(w.getTuple("a")).toBe("tuple");
  expect(w.getSessionId("a")).toBe("sid");
  expect(w.hasSessionId("b")).toBe(false);
});

// The most recent `size` join keys of the log replay (lib/logs/flows.ts) and the session each one
// names. Adding a key to a full window drops the oldest key and hands its session back, so that
// an L4 record that never met its L7 record becomes a flow. A key that is already there keeps its
// place (and takes the new session).
//
// Keys: an IPv4 5-tuple as numbers (src, dst, ports: the common case, no key string at all), any
// other 5-tuple as text, and an L7 session id. The ring and its open-addressing index live in
// typed arrays: a million log lines add and drop a million keys, which in a Map cost more than
// everything else the replay does per line (hashing key strings, Map deletes and compactions).

const EMPTY = 0;
const V4_TUPLE = 1;
const TEXT_TUPLE = 2;
const SESSION_ID = 3;

/** 32-bit mix of an IPv4 tuple (multiply-xorshift; any good spread works, lookups compare keys). */
function mixV4(src: number, dst: number, ports: number): number {
  let h = Math.imul(src ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ dst, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ ports, 0x27d4eb2f);
  return h ^ (h >>> 15);
}

/** 32-bit FNV-1a of a text key, salted by its kind. */
function mixText(kind: number, key: string): number {
  let h = 0x811c9dc5 ^ kind;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}

/** Both 16-bit ports in one 32-bit number. */
function packPorts(srcPort: number, dstPort: number): number {
  return (srcPort << 16) | dstPort | 0;
}

export class JoinWindow<S> {
  private readonly kind: Uint8Array;
  private readonly hash: Int32Array;
  private readonly src: Int32Array;
  private readonly dst: Int32Array;
  private readonly ports: Int32Array;
  private readonly text: Array<string | undefined>;
  private readonly session: Array<S | undefined>;
  /** Open addressing (linear probing) over ring slots: slot + 1, 0 = free. */
  private readonly index: Int32Array;
  private readonly mask: number;
  /** The next slot to fill: once the ring is full, the oldest key's. */
  private head = 0;

  constructor(private readonly size: number) {
    this.kind = new Uint8Array(size);
    this.hash = new Int32Array(size);
    this.src = new Int32Array(size);
    this.dst = new Int32Array(size);
    this.ports = new Int32Array(size);
    this.text = new Array<string | undefined>(size).fill(undefined);
    this.session = new Array<S | undefined>(size).fill(undefined);
    let capacity = 1024;
    while (capacity < size * 2.5) capacity *= 2;
    this.index = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** `src`/`dst`: IPv4 addresses as unsigned 32-bit numbers; ports 0–65535. */
  getV4(src: number, dst: number, srcPort: number, dstPort: number): S | undefined {
    const slot = this.findV4(src | 0, dst | 0, packPorts(srcPort, dstPort));
    return slot < 0 ? undefined : this.session[slot];
  }

  /** A 5-tuple spelled as text (IPv6, or an address that is not a dotted quad). */
  getTuple(key: string): S | undefined {
    const slot = this.findText(TEXT_TUPLE, key, mixText(TEXT_TUPLE, key));
    return slot < 0 ? undefined : this.session[slot];
  }

  getSessionId(id: string): S | undefined {
    const slot = this.findText(SESSION_ID, id, mixText(SESSION_ID, id));
    return slot < 0 ? undefined : this.session[slot];
  }

  hasSessionId(id: string): boolean {
    return this.findText(SESSION_ID, id, mixText(SESSION_ID, id)) >= 0;
  }

  /** Remembers an IPv4 tuple; returns the session of the key that left the window, if one did. */
  setV4(src: number, dst: number, srcPort: number, dstPort: number, s: S): S | undefined {
    const ports = packPorts(srcPort, dstPort);
    const known = this.findV4(src | 0, dst | 0, ports);
    if (known >= 0) {
      this.session[known] = s;
      return undefined;
    }
    const gone = this.evict();
    const slot = this.head;
    this.kind[slot] = V4_TUPLE;
    this.src[slot] = src;
    this.dst[slot] = dst;
    this.ports[slot] = ports;
    this.insert(slot, mixV4(src | 0, dst | 0, ports), s);
    return gone;
  }

  setTuple(key: string, s: S): S | undefined {
    return this.setText(TEXT_TUPLE, key, s);
  }

  setSessionId(id: string, s: S): S | undefined {
    return this.setText(SESSION_ID, id, s);
  }

  /** The session of every key still in the window, oldest key first; empties the window. */
  drain(): S[] {
    const out: S[] = [];
    for (let k = 0; k < this.size; k++) {
      const slot = (this.head + k) % this.size;
      const s = this.session[slot];
      if (this.kind[slot] !== EMPTY && s !== undefined) out.push(s);
    }
    this.kind.fill(EMPTY);
    this.index.fill(0);
    this.text.fill(undefined);
    this.session.fill(undefined);
    this.head = 0;
    return out;
  }

  private findV4(src: number, dst: number, ports: number): number {
    const h = mixV4(src, dst, ports);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.index[i] - 1;
      if (slot < 0) return -1;
      if (this.hash[slot] === h && this.kind[slot] === V4_TUPLE && this.src[slot] === src && this.dst[slot] === dst && this.ports[slot] === ports) return slot;
    }
  }

  private findText(kind: number, key: string, h: number): number {
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.index[i] - 1;
      if (slot < 0) return -1;
      if (this.hash[slot] === h && this.kind[slot] === kind && this.text[slot] === key) return slot;
    }
  }

  private setText(kind: number, key: string, s: S): S | undefined {
    const h = mixText(kind, key);
    const known = this.findText(kind, key, h);
    if (known >= 0) {
      this.session[known] = s;
      return undefined;
    }
    const gone = this.evict();
    const slot = this.head;
    this.kind[slot] = kind;
    this.text[slot] = key;
    this.insert(slot, h, s);
    return gone;
  }

  /** Indexes the key just written at `head` and advances the ring. */
  private insert(slot: number, h: number, s: S): void {
    this.hash[slot] = h;
    this.session[slot] = s;
    let i = h & this.mask;
    while (this.index[i] !== 0) i = (i + 1) & this.mask;
    this.index[i] = slot + 1;
    this.head = slot + 1 === this.size ? 0 : slot + 1;
  }

  /** Frees the slot at `head` (the oldest key once the ring is full); returns its session. */
  private evict(): S | undefined {
    const slot = this.head;
    if (this.kind[slot] === EMPTY) return undefined;
    const gone = this.session[slot];
    this.unindex(slot);
    this.kind[slot] = EMPTY;
    this.text[slot] = undefined;
    this.session[slot] = undefined;
    return gone;
  }

  /** Removes a slot from the index (backward-shift deletion: no tombstones, probes stay short). */
  private unindex(slot: number): void {
    const mask = this.mask;
    let hole = this.hash[slot] & mask;
    while (this.index[hole] !== slot + 1) hole = (hole + 1) & mask;
    for (let i = (hole + 1) & mask; this.index[i] !== 0; i = (i + 1) & mask) {
      const home = this.hash[this.index[i] - 1] & mask;
      // The entry at i stays unless its home lies outside the cyclic range (hole, i].
      const stays = hole <= i ? home > hole && home <= i : home > hole || home <= i;
      if (!stays) {
        this.index[hole] = this.index[i];
        hole = i;
      }
    }
    this.index[hole] = 0;
  }
}

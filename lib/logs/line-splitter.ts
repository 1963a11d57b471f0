// Bytes of a log file → its lines, split on byte 0x0A (LF; a CR before it is dropped). A UTF-8
// character never contains byte 0x0A, so every run of whole lines decodes on its own: no decoder
// state, no re-decoding of a line cut by a chunk boundary (only that line's bytes are carried).
// Pure-ASCII runs (the norm for gateway logs) decode as latin1, a plain byte copy, several times
// cheaper than UTF-8 decoding; anything else decodes as UTF-8 (invalid bytes become U+FFFD).
import { isAscii } from "buffer";

const LF = 0x0a;
const CR = 13;
/**
 * Text decoded at a time. Small strings live in V8's young generation; a string of a megabyte is
 * a large object (fresh pages, page faults), which made reading and splitting cost several times as much.
 */
const PIECE_BYTES = 64 * 1024;
/**
 * Bytes of one line kept at most. Gateway lines are a few hundred bytes; the rest of a longer
 * line is dropped (it still counts as one line, and a DCF line cut short reads as truncated),
 * so that one endless line cannot take all memory or exceed V8's longest string.
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

function decode(bytes: Buffer, start: number, end: number): string {
  return bytes.toString(isAscii(bytes.subarray(start, end)) ? "latin1" : "utf8", start, end);
}

export class LineSplitter {
  /** Bytes of the line the last chunk ended in (copies: the caller may reuse its chunk buffer). */
  private carry: Buffer[] = [];
  private carried = 0;

  constructor(private readonly onLine: (line: string) => void) {}

  /** Hands every line that ends in `chunk` to onLine; keeps the unfinished tail for the next chunk. */
  push(chunk: Buffer): void {
    let start = 0;
    if (this.carry.length > 0) {
      const nl = chunk.indexOf(LF);
      if (nl < 0) {
        this.keep(chunk, true);
        return;
      }
      this.keep(chunk.subarray(0, nl), false);
      this.emit(this.takeCarry());
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(LF);
    while (start <= last) {
      // Whole lines up to the LF at `end`, at most PIECE_BYTES unless one line is longer.
      let end = last;
      if (last - start >= PIECE_BYTES) {
        end = chunk.lastIndexOf(LF, start + PIECE_BYTES - 1);
        if (end < start) end = chunk.indexOf(LF, start + PIECE_BYTES);
      }
      this.emitAll(decode(chunk, start, end));
      start = end + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start), true);
  }

  /** The last line when the input does not end in LF. */
  end(): void {
    if (this.carry.length > 0) this.emit(this.takeCarry());
  }

  /** Adds to the carried line, up to MAX_LINE_BYTES; `copy` when the bytes may change after push returns. */
  private keep(bytes: Buffer, copy: boolean): void {
    const room = MAX_LINE_BYTES - this.carried;
    const part = bytes.length > room ? bytes.subarray(0, Math.max(room, 0)) : bytes;
    if (part.length === 0 && this.carry.length > 0) return; // the line filled its room: drop the rest
    this.carry.push(copy ? Buffer.from(part) : part);
    this.carried += part.length;
  }

  private takeCarry(): string {
    const line = Buffer.concat(this.carry);
    this.carry = [];
    this.carried = 0;
    return decode(line, 0, line.length);
  }

  /** `text` is whole lines without the final LF. */
  private emitAll(text: string): void {
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      this.onLine(nl > start && text.charCodeAt(nl - 1) === CR ? text.slice(start, nl - 1) : text.slice(start, nl));
      start = nl + 1;
    }
    this.emit(start === 0 ? text : text.slice(start));
  }

  private emit(line: string): void {
    this.onLine(line.length > 0 && line.charCodeAt(line.length - 1) === CR ? line.slice(0, -1) : line);
  }
}

// Timestamps in gateway syslog lines (docs/research/dcf-logs.md). Three spellings occur:
// - the BSD syslog header `May 25 15:57:43` (no year, no zone);
// - an ISO 8601 header (rsyslog high-precision: `2026-12-05T10:00:01.123+00:00`);
// - the L4 line's own `2022/05/25 15:57:43` after the program tag, and the L7 JSON `timestamp`.
// Times without a zone are read as UTC (gateways log in UTC by default). A BSD header takes its
// year from the last full date seen in the same file, else from `fallbackYear`; a month that
// goes back (Dec → Jan) starts the next year.
//
// This runs several times per log line, so the grammars below are read with charCodeAt, not
// regular expressions, and the last conversion of each kind is reused (a log repeats the same
// second many times). Each reader accepts exactly what its documented pattern does.

const MONTHS: Readonly<Record<string, number>> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/** Pattern of the ISO reader: /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?\s/ */
export const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?\s/;
/** Pattern of the BSD header reader. */
export const BSD_PATTERN = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?\s/;
/** Pattern of the L4 inner-date reader (the first match in the text before the L4 tag). */
export const SLASHED_PATTERN = /(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})/;

/** JavaScript's `\s` (WhiteSpace and LineTerminator, as String.prototype.trim uses them). */
export function isJsSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Two ASCII digits at `i` as a number, or -1. */
function two(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** Digits from `i` on, at most `max`; returns the end of the run, or -1 when a digit follows the `max`th. */
function digitsEnd(s: string, i: number, max: number): number {
  let e = i;
  while (e - i < max && digit(s, e) >= 0) e++;
  return e - i === max && digit(s, e) >= 0 ? -1 : e;
}

/** `\s` at `i`; the end of the text counts as one when `endIsSpace` (parseIsoTime reads `${text} `). */
function spaceAt(s: string, i: number, endIsSpace: boolean): boolean {
  return i === s.length ? endIsSpace : isJsSpace(s.charCodeAt(i));
}

/** Milliseconds of a `.fff…` fraction (digits s[from, to)), as `Math.floor(Number("0.fff…") * 1000)`. */
function fraction(s: string, from: number, to: number): number {
  return from === to ? 0 : Math.floor(Number(`0.${s.slice(from, to)}`) * 1000);
}

function valid(ms: number, month: number, day: number, h: number, mi: number, s: number): number | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31 || h > 23 || mi > 59 || s > 60 || !Number.isFinite(ms)) return undefined;
  return ms;
}

/**
 * Date.UTC with the last whole second kept (consecutive lines mostly share their second). The
 * milliseconds are added after: for in-range integer fields Date.UTC is exact integer arithmetic
 * (ECMA-262 MakeTime/MakeDate), so Date.UTC(…, s, ms) === Date.UTC(…, s, 0) + ms.
 */
class UtcMemo {
  private y = NaN;
  private mo = NaN;
  private d = NaN;
  private h = NaN;
  private mi = NaN;
  private s = NaN;
  private ms = NaN;

  utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
    if (y !== this.y || mo !== this.mo || d !== this.d || h !== this.h || mi !== this.mi || s !== this.s) {
      this.ms = Date.UTC(y, mo, d, h, mi, s, 0);
      this.y = y;
      this.mo = mo;
      this.d = d;
      this.h = h;
      this.mi = mi;
      this.s = s;
    }
    return this.ms + ms;
  }
}

/** ISO_PATTERN at the start of `s` as epoch ms; undefined when it does not match or names no valid time. */
function readIso(s: string, memo: UtcMemo, endIsSpace: boolean): number | undefined {
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  const mi = two(s, 14);
  const sec = two(s, 17);
  const sep = s.charCodeAt(10);
  if (y1 < 0 || y2 < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return undefined;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || (sep !== 84 && sep !== 32) || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  let p = 19;
  let fracFrom = p;
  let fracTo = p;
  if (s.charCodeAt(p) === 46) {
    fracFrom = p + 1;
    fracTo = digitsEnd(s, fracFrom, 9);
    if (fracTo <= fracFrom) return undefined;
    p = fracTo;
  }
  let offset = 0;
  const z = s.charCodeAt(p);
  if (z === 90) p++;
  else if (z === 43 || z === 45) {
    const oh = two(s, p + 1);
    const colon = s.charCodeAt(p + 3) === 58 ? 1 : 0;
    const om = two(s, p + 3 + colon);
    if (oh < 0 || om < 0) return undefined;
    offset = (z === 45 ? -1 : 1) * (oh * 60 + om);
    p += 5 + colon;
  }
  if (!spaceAt(s, p, endIsSpace)) return undefined;
  const year = y1 * 100 + y2;
  const ms = memo.utc(year, mo - 1, d, h, mi, sec, fraction(s, fracFrom, fracTo)) - offset * 60_000;
  return valid(ms, mo - 1, d, h, mi, sec);
}

const isoMemo = new UtcMemo();

/** A full date parsed from ISO 8601 text (the L7 `timestamp`); undefined when it is not one. */
export function parseIsoTime(text: string): number | undefined {
  return readIso(text.trim(), isoMemo, true);
}

/** Per-file clock: turns header timestamps into epoch milliseconds. */
export class SyslogClock {
  private year: number | undefined;
  private month: number | undefined;
  /** [start, end) of the month `observe` saw last, and that month: a time inside it reads the same. */
  private observedFrom = NaN;
  private observedTo = NaN;
  private observedYear = NaN;
  private observedMonth = NaN;
  private readonly headerMemo = new UtcMemo();
  private readonly slashedMemo = new UtcMemo();
  /**
   * The last BSD header read (its text up to and with the closing space), the clock it was read
   * with, and what it gave: the next line with the same text and clock reads the same (the
   * reader looks at no character after that space).
   */
  private bsdText: string | undefined;
  private bsdInYear: number | undefined;
  private bsdInMonth: number | undefined;
  private bsdYear = 0;
  private bsdMonth = 0;
  private bsdTime = 0;

  constructor(private readonly fallbackYear: number) {}

  /** Remember a full date seen in the file (an ISO header, the L4 inner time, an L7 timestamp). */
  observe(ms: number): void {
    if (!(ms >= this.observedFrom && ms < this.observedTo)) {
      const d = new Date(ms);
      this.observedYear = d.getUTCFullYear();
      this.observedMonth = d.getUTCMonth();
      this.observedFrom = Date.UTC(this.observedYear, this.observedMonth, 1);
      this.observedTo = Date.UTC(this.observedYear, this.observedMonth + 1, 1);
    }
    this.year = this.observedYear;
    this.month = this.observedMonth;
  }

  /** The time of the line's header (ISO 8601 or BSD), or undefined when the line has no header time. */
  header(line: string): number | undefined {
    // An ISO header starts with a digit, a BSD one with a letter: at most one of them reads the line.
    const iso = readIso(line, this.headerMemo, false);
    if (iso !== undefined) {
      this.observe(iso);
      return iso;
    }
    return this.bsd(line);
  }

  /** BSD_PATTERN at the start of the line. */
  private bsd(s: string): number | undefined {
    if (this.bsdText !== undefined && this.year === this.bsdInYear && this.month === this.bsdInMonth && s.startsWith(this.bsdText)) {
      this.year = this.bsdYear;
      this.month = this.bsdMonth;
      return this.bsdTime;
    }
    const c0 = s.charCodeAt(0);
    const c1 = s.charCodeAt(1);
    const c2 = s.charCodeAt(2);
    if (!(c0 >= 65 && c0 <= 90 && c1 >= 97 && c1 <= 122 && c2 >= 97 && c2 <= 122 && s.charCodeAt(3) === 32)) return undefined;
    const dayAt = s.charCodeAt(4) === 32 ? 5 : 4;
    const dayEnd = digitsEnd(s, dayAt, 2);
    if (dayEnd <= dayAt || s.charCodeAt(dayEnd) !== 32) return undefined;
    const h = two(s, dayEnd + 1);
    const mi = two(s, dayEnd + 4);
    const sec = two(s, dayEnd + 7);
    if (h < 0 || mi < 0 || sec < 0 || s.charCodeAt(dayEnd + 3) !== 58 || s.charCodeAt(dayEnd + 6) !== 58) return undefined;
    let p = dayEnd + 9;
    let fracFrom = p;
    let fracTo = p;
    if (s.charCodeAt(p) === 46) {
      fracFrom = p + 1;
      fracTo = digitsEnd(s, fracFrom, 6);
      if (fracTo <= fracFrom) return undefined;
      p = fracTo;
    }
    if (!spaceAt(s, p, false)) return undefined;
    const month = MONTHS[s.slice(0, 3)];
    if (month === undefined) return undefined;
    const d = dayEnd - dayAt === 2 ? digit(s, dayAt) * 10 + digit(s, dayAt + 1) : digit(s, dayAt);
    let year = this.year ?? this.fallbackYear;
    if (this.month !== undefined && month < this.month && this.month - month > 6) year += 1;
    const ms = valid(this.headerMemo.utc(year, month, d, h, mi, sec, fraction(s, fracFrom, fracTo)), month, d, h, mi, sec);
    if (ms === undefined) return undefined;
    this.bsdText = s.slice(0, p + 1);
    this.bsdInYear = this.year;
    this.bsdInMonth = this.month;
    this.year = this.bsdYear = year;
    this.month = this.bsdMonth = month;
    this.bsdTime = ms;
    return ms;
  }

  /** The L4 line's own `YYYY/MM/DD hh:mm:ss` (it carries the year the BSD header lacks): the first one in text[0, end). */
  slashed(text: string, end = text.length): number | undefined {
    for (let slash = text.indexOf("/", 4); slash >= 0 && slash + 15 <= end; slash = text.indexOf("/", slash + 1)) {
      const at = slash - 4;
      const y1 = two(text, at);
      const y2 = two(text, at + 2);
      const mo = two(text, at + 5);
      const d = two(text, at + 8);
      const h = two(text, at + 11);
      const mi = two(text, at + 14);
      const s = two(text, at + 17);
      if (y1 < 0 || y2 < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) continue;
      if (text.charCodeAt(at + 7) !== 47 || text.charCodeAt(at + 10) !== 32 || text.charCodeAt(at + 13) !== 58 || text.charCodeAt(at + 16) !== 58) continue;
      const ms = valid(this.slashedMemo.utc(y1 * 100 + y2, mo - 1, d, h, mi, s, 0), mo - 1, d, h, mi, s);
      if (ms !== undefined) this.observe(ms);
      return ms;
    }
    return undefined;
  }
}

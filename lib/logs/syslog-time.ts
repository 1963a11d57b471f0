// Timestamps in gateway syslog lines (docs/research/dcf-logs.md). Three spellings occur:
// - the BSD syslog header `May 25 15:57:43` (no year, no zone);
// - an ISO 8601 header (rsyslog high-precision: `2026-12-05T10:00:01.123+00:00`);
// - the L4 line's own `2022/05/25 15:57:43` after the program tag, and the L7 JSON `timestamp`.
// Times without a zone are read as UTC (gateways log in UTC by default). A BSD header takes its
// year from the last full date seen in the same file, else from `fallbackYear`; a month that
// goes back (Dec → Jan) starts the next year.

const MONTHS: Readonly<Record<string, number>> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

const BSD = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?\s/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?\s/;
const SLASHED = /(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})/;

function fraction(text: string | undefined): number {
  return text === undefined ? 0 : Math.floor(Number(`0.${text}`) * 1000);
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === "Z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function valid(ms: number, month: number, day: number, h: number, mi: number, s: number): number | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31 || h > 23 || mi > 59 || s > 60 || !Number.isFinite(ms)) return undefined;
  return ms;
}

/** A full date parsed from ISO 8601 text (the L7 `timestamp`); undefined when it is not one. */
export function parseIsoTime(text: string): number | undefined {
  const m = ISO.exec(`${text.trim()} `);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  const ms = Date.UTC(y, mo - 1, d, h, mi, s, fraction(m[7])) - offsetMinutes(m[8]) * 60_000;
  return valid(ms, mo - 1, d, h, mi, s);
}

/** Per-file clock: turns header timestamps into epoch milliseconds. */
export class SyslogClock {
  private year: number | undefined;
  private month: number | undefined;

  constructor(private readonly fallbackYear: number) {}

  /** Remember a full date seen in the file (an ISO header, the L4 inner time, an L7 timestamp). */
  observe(ms: number): void {
    const d = new Date(ms);
    this.year = d.getUTCFullYear();
    this.month = d.getUTCMonth();
  }

  /** The header's time and its length (to skip it), or undefined when the line has no header time. */
  header(line: string): { readonly time: number; readonly length: number } | undefined {
    const iso = ISO.exec(line);
    if (iso) {
      const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(iso[i]));
      const ms = valid(Date.UTC(y, mo - 1, d, h, mi, s, fraction(iso[7])) - offsetMinutes(iso[8]) * 60_000, mo - 1, d, h, mi, s);
      if (ms === undefined) return undefined;
      this.observe(ms);
      return { time: ms, length: iso[0].length };
    }
    const bsd = BSD.exec(line);
    if (!bsd) return undefined;
    const month = MONTHS[bsd[1]];
    if (month === undefined) return undefined;
    const [d, h, mi, s] = [2, 3, 4, 5].map((i) => Number(bsd[i]));
    let year = this.year ?? this.fallbackYear;
    if (this.month !== undefined && month < this.month && this.month - month > 6) year += 1;
    const ms = valid(Date.UTC(year, month, d, h, mi, s, fraction(bsd[6])), month, d, h, mi, s);
    if (ms === undefined) return undefined;
    this.year = year;
    this.month = month;
    return { time: ms, length: bsd[0].length };
  }

  /** The L4 line's own `YYYY/MM/DD hh:mm:ss` (it carries the year the BSD header lacks). */
  slashed(text: string): number | undefined {
    const m = SLASHED.exec(text);
    if (!m) return undefined;
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
    const ms = valid(Date.UTC(y, mo - 1, d, h, mi, s), mo - 1, d, h, mi, s);
    if (ms !== undefined) this.observe(ms);
    return ms;
  }
}

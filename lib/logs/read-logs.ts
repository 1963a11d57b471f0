// Streams gateway log files line by line (lib/logs/line-splitter.ts; gzip-rotated files by their .gz name) into a
// record sink. Directories are read recursively in name order. Memory does not grow with lines:
// only the first MAX_PROBLEMS malformed lines are kept (the rest are counted).
import * as fs from "fs";
import * as path from "path";
import { createGunzip } from "zlib";
import { UserInputError } from "../util/errors";
import { LineSplitter } from "./line-splitter";
import { parseLogLine } from "./parse-line";
import { LineProblem, LogRecord } from "./records";
import { SyslogClock } from "./syslog-time";

export const MAX_PROBLEMS = 1000;
/** Bytes read at a time: whole lines are decoded per chunk (a bigger chunk only pins more text). */
export const CHUNK_BYTES = 1 << 20;

export interface ReadSummary {
  readonly files: string[];
  lines: number;
  records: number;
  unrelated: number;
  malformed: number;
  /** The first MAX_PROBLEMS malformed lines. */
  readonly problems: LineProblem[];
}

/** Every file named by `--logs` (files as given, directories recursively, sorted), or bad input. */
export function logFiles(inputs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string, named: boolean) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (err) {
      throw new UserInputError(`${p}: cannot read --logs (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (!name.startsWith(".")) walk(path.join(p, name), false);
      }
    } else if (st.isFile()) out.push(p);
    else if (named) throw new UserInputError(`${p}: --logs wants a file or directory`);
  };
  for (const i of inputs) walk(i, true);
  if (out.length === 0) throw new UserInputError(`--logs ${inputs.join(" ")}: no log files found`);
  return out;
}

/**
 * Reads every file, handing each record to `sink` in file order.
 * @param fallbackYear year for BSD syslog headers before any line of the file gives one
 * @param chunkBytes bytes read at a time (tests cut lines across reads with small chunks)
 */
export async function readLogs(files: readonly string[], sink: (r: LogRecord) => void, fallbackYear: number, chunkBytes = CHUNK_BYTES): Promise<ReadSummary> {
  const summary: ReadSummary = { files: [...files], lines: 0, records: 0, unrelated: 0, malformed: 0, problems: [] };
  for (const file of files) {
    const clock = new SyslogClock(fallbackYear);
    let n = 0;
    const onLine = (line: string) => {
      n++;
      const parsed = parseLogLine(line, clock);
      if (parsed.kind === "record") {
        summary.records++;
        sink(parsed.record);
      } else if (parsed.kind === "problem") {
        summary.malformed++;
        if (summary.problems.length < MAX_PROBLEMS) summary.problems.push({ file, line: n, reason: parsed.reason });
      } else summary.unrelated++;
    };
    await eachLine(file, onLine, chunkBytes);
    summary.lines += n;
  }
  return summary;
}

/**
 * Calls `onLine` for every line of a file (LF or CRLF; gzip by the .gz name), streaming in chunks
 * of `chunkBytes` (tests use tiny chunks to cut lines and UTF-8 characters across reads).
 */
export async function eachLine(file: string, onLine: (line: string) => void, chunkBytes = CHUNK_BYTES): Promise<void> {
  const splitter = new LineSplitter(onLine);
  const fail = (err: Error) => new UserInputError(`${file}: cannot read --logs (${(err as NodeJS.ErrnoException).code ?? err.message})`);
  if (file.endsWith(".gz")) {
    await new Promise<void>((resolve, reject) => {
      const raw = fs.createReadStream(file, { highWaterMark: chunkBytes });
      const input = raw.pipe(createGunzip({ chunkSize: Math.max(64, chunkBytes) }));
      const onError = (err: Error) => {
        raw.destroy();
        reject(fail(err));
      };
      raw.on("error", onError);
      input.on("error", onError);
      input.on("data", (chunk: Buffer) => splitter.push(chunk));
      input.on("end", () => resolve());
    });
  } else {
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(file, "r");
    } catch (err) {
      throw fail(err as Error);
    }
    try {
      const buffer = Buffer.allocUnsafe(chunkBytes);
      for (;;) {
        let bytesRead: number;
        try {
          ({ bytesRead } = await handle.read(buffer, 0, chunkBytes, null));
        } catch (err) {
          throw fail(err as Error);
        }
        if (bytesRead === 0) break;
        splitter.push(bytesRead === chunkBytes ? buffer : buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
  }
  splitter.end();
}

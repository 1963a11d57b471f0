// The one reader and YAML loader for user input (issue 8, review item 6): a size limit checked
// before reading, regular files only (not /dev/zero or a FIFO), strict UTF-8, no NUL bytes; YAML
// parsed with its size, nesting and alias expansion bounded. Every problem is an InputFileError
// (a UserInputError: exit 2) naming the file and line — never a hang, an out-of-memory crash or a
// stack trace. Callers choose the limits (the LibreChat shim reads smaller files than `vca simulate`).
import * as fs from "fs";
import type * as JsYaml from "js-yaml";
import { UserInputError } from "./errors";

/** Hand-written YAML inputs (scenarios, servers lists, manifests). */
export const MAX_YAML_INPUT_BYTES = 32 * 1024 * 1024;
/** Synthesized Terraform JSON (10k MCP servers ≈ 20 MB); a guard against absurd files, not a style rule. */
export const MAX_JSON_INPUT_BYTES = 256 * 1024 * 1024;
/** Nodes visited with aliases expanded: a "billion laughs" document parses cheaply but explodes when walked. */
export const MAX_YAML_EXPANDED_NODES = 2_000_000;
/** Deepest nesting accepted (also stops self-referencing anchors). */
export const MAX_YAML_DEPTH = 64;

/** A user input file (or text standing in for one) that cannot be used; `problem` has no location. */
export class InputFileError extends UserInputError {
  constructor(
    readonly file: string,
    readonly what: string,
    readonly problem: string,
    readonly line?: number,
    readonly column?: number,
    message?: string,
  ) {
    super(message ?? `${file}${line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ""}` : ""}: ${what} ${problem}`);
    this.name = "InputFileError";
  }

  /** ENOENT, EACCES, EISDIR…: `file: cannot read <what> (CODE)`. */
  static unreadable(file: string, what: string, err: unknown): InputFileError {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return new InputFileError(file, what, `cannot be read (${code})`, undefined, undefined, `${file}: cannot read ${what} (${code})`);
  }
}

/** js-yaml rejected the text; `reason` is its message without the position. */
export class YamlSyntaxError extends InputFileError {
  constructor(
    file: string,
    what: string,
    readonly reason: string,
    line?: number,
    column?: number,
  ) {
    super(file, what, `is not valid YAML: ${reason}`, line, column);
    this.name = "YamlSyntaxError";
  }
}

export interface YamlLimits {
  /** Largest text accepted, in UTF-8 bytes. @default MAX_YAML_INPUT_BYTES (32 MiB) */
  readonly maxBytes?: number;
  /** Most nodes visited with aliases expanded. @default MAX_YAML_EXPANDED_NODES (2,000,000) */
  readonly maxNodes?: number;
  /** Deepest nesting. @default MAX_YAML_DEPTH (64) */
  readonly maxDepth?: number;
}

export interface YamlLoadOptions extends YamlLimits {
  /**
   * A key repeated in one mapping: "error" (js-yaml 4 and LibreChat) or "last-wins" (Helm-style).
   * @default "error"
   */
  readonly duplicateKeys?: "error" | "last-wins";
}

/** Reads a UTF-8 text file given on the command line; every problem names the file. */
export function readInputText(file: string, what: string, maxBytes: number): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw InputFileError.unreadable(file, what, err);
  }
  if (!stat.isFile()) throw new InputFileError(file, what, "is not a regular file");
  if (stat.size > maxBytes) throw new InputFileError(file, what, `is ${stat.size} bytes, over the ${maxBytes}-byte limit`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw InputFileError.unreadable(file, what, err);
  }
  return decodeInputBytes(bytes, file, what, maxBytes);
}

export interface JsonInputOptions {
  /** Largest file accepted, in bytes. @default MAX_JSON_INPUT_BYTES (256 MiB) */
  readonly maxBytes?: number;
  /** How to repair the file, appended to a syntax error (e.g. "regenerate it with `vca preflight lock`"). @default - no hint */
  readonly fix?: string;
}

/** Reads and parses a JSON file named on the command line with readInputText's limits; errors name the file and line. */
export function readInputJson(file: string, what: string, opts: JsonInputOptions = {}): unknown {
  return parseInputJson(readInputText(file, what, opts.maxBytes ?? MAX_JSON_INPUT_BYTES), file, what, opts.fix);
}

/** JSON.parse for user input: a syntax error is an InputFileError naming the file and the line. */
export function parseInputJson(text: string, file: string, what: string, fix?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const position = /position (\d+)/.exec(message);
    const line = position ? lineAt(text, Number(position[1])) : undefined;
    throw new InputFileError(file, what, `is not valid JSON (${message})${fix ? `; ${fix}` : ""}`, line);
  }
}

/** Bytes → text: size, strict UTF-8, no NUL, BOM dropped. */
export function decodeInputBytes(bytes: Uint8Array, file: string, what: string, maxBytes: number): string {
  if (bytes.byteLength > maxBytes) throw new InputFileError(file, what, `is ${bytes.byteLength} bytes, over the ${maxBytes}-byte limit`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputFileError(file, what, "is not valid UTF-8 text", lineOfInvalidUtf8(bytes));
  }
  return checkInputText(text, file, what, maxBytes);
}

/** Text handed over in-process (construct props, Helm values) gets the limits files get. */
export function checkInputText(text: string, file: string, what: string, maxBytes: number): string {
  // Cheap upper bound first (a UTF-16 unit is at most 3 UTF-8 bytes), exact count only when close.
  const bytes = text.length * 3 <= maxBytes ? text.length : Buffer.byteLength(text, "utf8");
  if (bytes > maxBytes) throw new InputFileError(file, what, `is ${bytes} bytes, over the ${maxBytes}-byte limit`);
  const nul = text.indexOf("\u0000");
  if (nul >= 0) throw new InputFileError(file, what, "contains a NUL byte (binary file?)", lineAt(text, nul));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function lineOfInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  for (let start = 0; start < bytes.length;) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    line++;
    start = end + 1;
  }
  return line;
}

// js-yaml is loaded on first use: commands that never read YAML (validate on JSON) skip its cost.
const jsYaml = (): typeof JsYaml => require("js-yaml") as typeof JsYaml;

function yamlError(err: unknown, file: string, what: string, maxDepth: number): never {
  if (err instanceof jsYaml().YAMLException) {
    const m = err.mark;
    throw new YamlSyntaxError(file, what, err.reason, m ? m.line + 1 : undefined, m ? m.column + 1 : undefined);
  }
  // js-yaml parses recursively: `[[[[…` thousands deep overflows the stack before any bound applies.
  if (err instanceof RangeError) throw new InputFileError(file, what, `nests too deeply to parse (deeper than ${maxDepth} levels)`);
  throw err;
}

function jsYamlOptions(file: string, opts: YamlLoadOptions): JsYaml.LoadOptions {
  // `json: true` is js-yaml's switch for "a repeated key overrides the earlier one".
  return { filename: file, ...(opts.duplicateKeys === "last-wins" ? { json: true } : {}) };
}

/** One YAML document (several documents are an error), bounded (see assertBoundedTree). */
export function loadYamlBounded(text: string, file: string, what: string, opts: YamlLoadOptions = {}): unknown {
  const checked = checkInputText(text, file, what, opts.maxBytes ?? MAX_YAML_INPUT_BYTES);
  let doc: unknown;
  try {
    doc = jsYaml().load(checked, jsYamlOptions(file, opts));
  } catch (err) {
    yamlError(err, file, what, opts.maxDepth ?? MAX_YAML_DEPTH);
  }
  assertBoundedTree(doc, file, what, opts);
  return doc;
}

/** Every document of a multi-document YAML text, each bounded. */
export function loadAllYamlBounded(text: string, file: string, what: string, opts: YamlLoadOptions = {}): unknown[] {
  const checked = checkInputText(text, file, what, opts.maxBytes ?? MAX_YAML_INPUT_BYTES);
  let docs: unknown[];
  try {
    docs = jsYaml().loadAll(checked, undefined, jsYamlOptions(file, opts));
  } catch (err) {
    yamlError(err, file, what, opts.maxDepth ?? MAX_YAML_DEPTH);
  }
  for (const doc of docs) assertBoundedTree(doc, file, what, opts);
  return docs;
}

/**
 * Walks the tree as consumers will see it (aliases expanded) and fails past `maxNodes` or
 * `maxDepth`, so alias bombs and self-referencing anchors fail before any reader runs.
 */
export function assertBoundedTree(doc: unknown, file: string, what: string, limits: YamlLimits = {}): void {
  const maxNodes = limits.maxNodes ?? MAX_YAML_EXPANDED_NODES;
  const maxDepth = limits.maxDepth ?? MAX_YAML_DEPTH;
  let count = 0;
  const stack: Array<[unknown, number, string]> = [[doc, 0, ""]];
  while (stack.length > 0) {
    const [node, depth, at] = stack.pop()!;
    if (++count > maxNodes) throw new InputFileError(file, what, `expands to more than ${maxNodes} nodes (YAML alias bomb?) near ${at || "(top level)"}`);
    if (node === null || typeof node !== "object") continue;
    if (depth >= maxDepth) throw new InputFileError(file, what, `nests deeper than ${maxDepth} levels (recursive alias?) at ${at || "(top level)"}`);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], depth + 1, `${at}[${i}]`]);
    } else {
      for (const [k, v] of Object.entries(node)) stack.push([v, depth + 1, at ? `${at}.${k}` : k]);
    }
  }
}

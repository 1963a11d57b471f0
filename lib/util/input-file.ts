// Reading user input files defensively (issue 8): a size limit checked before reading, regular
// files only (not /dev/zero or a FIFO), strict UTF-8, no NUL bytes; YAML parsed with its nesting
// and alias expansion bounded, so hostile input is a clear UserInputError (exit 2), never a hang,
// an out-of-memory crash or a stack trace.
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

/** Reads a UTF-8 text file given on the command line; every problem names the file. */
export function readInputText(file: string, what: string, maxBytes: number): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new UserInputError(`${file}: cannot read ${what} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (!stat.isFile()) throw new UserInputError(`${file}: ${what} is not a regular file`);
  if (stat.size > maxBytes) throw new UserInputError(`${file}: ${what} is ${stat.size} bytes, over the ${maxBytes}-byte limit`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new UserInputError(`${file}: cannot read ${what} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (bytes.byteLength > maxBytes) throw new UserInputError(`${file}: ${what} is ${bytes.byteLength} bytes, over the ${maxBytes}-byte limit`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UserInputError(`${file}:${lineOfInvalidUtf8(bytes)}: ${what} is not valid UTF-8 text`);
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) throw new UserInputError(`${file}:${text.slice(0, nul).split("\n").length}: ${what} contains a NUL byte (binary file?)`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineOfInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  for (let start = 0; start < bytes.length; ) {
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

/** js-yaml's error as `file:line:col: <what> is not valid YAML: reason`. */
function yamlError(err: unknown, file: string, what: string): never {
  if (err instanceof jsYaml().YAMLException) {
    const m = err.mark;
    throw new UserInputError(`${m ? `${file}:${m.line + 1}:${m.column + 1}` : file}: ${what} is not valid YAML: ${err.reason}`);
  }
  // js-yaml parses recursively: `[[[[…` thousands deep overflows the stack before any bound applies.
  if (err instanceof RangeError) throw new UserInputError(`${file}: ${what} nests too deeply to parse (more than ${MAX_YAML_DEPTH} levels)`);
  throw err;
}

/** One YAML document, bounded (see assertBoundedTree). */
export function loadYamlBounded(text: string, file: string, what: string): unknown {
  let doc: unknown;
  try {
    doc = jsYaml().load(text, { filename: file });
  } catch (err) {
    yamlError(err, file, what);
  }
  assertBoundedTree(doc, file, what);
  return doc;
}

/** Every document of a multi-document YAML text, each bounded. */
export function loadAllYamlBounded(text: string, file: string, what: string): unknown[] {
  let docs: unknown[];
  try {
    docs = jsYaml().loadAll(text, undefined, { filename: file });
  } catch (err) {
    yamlError(err, file, what);
  }
  for (const doc of docs) assertBoundedTree(doc, file, what);
  return docs;
}

/**
 * Walks the tree as consumers will see it (aliases expanded) and fails past MAX_YAML_EXPANDED_NODES
 * or MAX_YAML_DEPTH, so alias bombs and self-referencing anchors fail before any reader runs.
 */
export function assertBoundedTree(doc: unknown, file: string, what: string): void {
  let count = 0;
  const stack: Array<[unknown, number, string]> = [[doc, 0, ""]];
  while (stack.length > 0) {
    const [node, depth, at] = stack.pop()!;
    if (++count > MAX_YAML_EXPANDED_NODES) {
      throw new UserInputError(`${file}: ${what} expands to more than ${MAX_YAML_EXPANDED_NODES} nodes (YAML alias bomb?) near ${at || "(top level)"}`);
    }
    if (node === null || typeof node !== "object") continue;
    if (depth >= MAX_YAML_DEPTH) throw new UserInputError(`${file}: ${what} nests deeper than ${MAX_YAML_DEPTH} levels (recursive alias?) at ${at || "(top level)"}`);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], depth + 1, `${at}[${i}]`]);
    } else {
      for (const [k, v] of Object.entries(node)) stack.push([v, depth + 1, at ? `${at}.${k}` : k]);
    }
  }
}

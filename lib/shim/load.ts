// Reading and parsing input files exactly as LibreChat does (js-yaml 4 `load`: anchors, aliases
// and `<<` merges resolved; duplicate keys and multiple documents are errors), with limits against
// hostile input checked before and after parsing. Research librechat-shim.md §1.3, §8.
import * as fs from "fs";
import * as yaml from "js-yaml";
import { UserInputError } from "../util/errors";
import { MAX_DEPTH, MAX_EXPANDED_NODES, MAX_FILE_BYTES } from "./limits";

/** Reads a UTF-8 text file: size checked before reading, non-UTF-8 and binary content rejected. */
export function readTextFile(file: string, what: string): string {
  let size: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new UserInputError(`${file}: ${what} is not a regular file`);
    size = st.size;
  } catch (err) {
    if (err instanceof UserInputError) throw err;
    throw new UserInputError(`${file}: cannot read ${what} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new UserInputError(`${file}: ${what} is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
  }
  return decodeUtf8(fs.readFileSync(file), file, what);
}

export function decodeUtf8(bytes: Uint8Array, file: string, what: string): string {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new UserInputError(`${file}: ${what} is ${bytes.byteLength} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UserInputError(`${file}: ${what} is not valid UTF-8 text`);
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const line = text.slice(0, nul).split("\n").length;
    throw new UserInputError(`${file}:${line}: ${what} contains a NUL byte (binary file?)`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses one YAML document with js-yaml's default schema and bounds the expanded tree. */
export function parseYamlDocument(text: string, file: string, what: string): unknown {
  let doc: unknown;
  try {
    doc = yaml.load(text, { filename: file });
  } catch (err) {
    if (err instanceof yaml.YAMLException) {
      const m = err.mark;
      const where = m ? `${file}:${m.line + 1}:${m.column + 1}` : file;
      throw new UserInputError(`${where}: ${what} is not valid YAML: ${err.reason}`);
    }
    // js-yaml parses recursively: `[[[[…` thousands deep overflows the stack before the bounds below apply.
    if (err instanceof RangeError) throw new UserInputError(`${file}: ${what} nests deeper than ${MAX_DEPTH} levels (too deep to parse)`);
    throw err;
  }
  assertBoundedTree(doc, file, what);
  return doc;
}

/**
 * Walks the tree as consumers will see it (aliases expanded) and fails past MAX_EXPANDED_NODES or
 * MAX_DEPTH, so alias bombs and self-referencing anchors are rejected with a clear message.
 */
export function assertBoundedTree(doc: unknown, file: string, what: string): void {
  let count = 0;
  const stack: Array<[unknown, number, string]> = [[doc, 0, ""]];
  while (stack.length > 0) {
    const [node, depth, path] = stack.pop()!;
    if (++count > MAX_EXPANDED_NODES) {
      throw new UserInputError(
        `${file}: ${what} expands to more than ${MAX_EXPANDED_NODES} nodes (YAML alias bomb?) near ${path || "(top level)"}`,
      );
    }
    if (node === null || typeof node !== "object") continue;
    if (depth >= MAX_DEPTH) {
      throw new UserInputError(`${file}: ${what} nests deeper than ${MAX_DEPTH} levels (recursive alias?) at ${path || "(top level)"}`);
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], depth + 1, `${path}[${i}]`]);
    } else {
      for (const [k, v] of Object.entries(node)) stack.push([v, depth + 1, path ? `${path}.${k}` : k]);
    }
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

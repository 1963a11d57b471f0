// The shim's input files go through the one bounded reader/loader (lib/util/input-file) with the
// shim's limits. YAML is parsed exactly as LibreChat does (js-yaml 4 `load`: anchors, aliases and
// `<<` merges resolved; duplicate keys and multiple documents are errors). Research
// docs/research/librechat-shim.md §1.3, §8.
import { checkInputText, loadYamlBounded, readInputText } from "../util/input-file";
import { MAX_FILE_BYTES } from "./limits";

/** Reads a UTF-8 text file: size checked before reading, non-UTF-8 and binary content rejected. */
export function readTextFile(file: string, what: string): string {
  return readInputText(file, what, MAX_FILE_BYTES);
}

/** Text handed over in-process (construct props) gets the same limits as files. */
export function checkText(text: string, file: string, what: string): string {
  return checkInputText(text, file, what, MAX_FILE_BYTES);
}

/** One YAML document, bounded by the shim's limits. */
export function parseYamlDocument(text: string, file: string, what: string): unknown {
  return loadYamlBounded(text, file, what, { maxBytes: MAX_FILE_BYTES });
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

// Walks any value tree (parsed YAML/JSON, Helm values, synthesized Terraform JSON) and reports
// every literal the one detector (./secret-shape) calls a secret, with its path. Strings that are
// themselves YAML documents (Helm `values`, `librechat.configYamlContent`) are parsed and walked
// too, so a key inside the embedded config is judged by its own name.
import * as yaml from "js-yaml";
import { joinItem, joinKey } from "../shim/yaml-path";
import { secretReason } from "./secret-shape";

export interface SecretFinding {
  /** Path of the value, e.g. `librechat.configEnv.OPENAI_API_KEY` or `values[0] → endpoints.custom[name=groq].apiKey`. */
  readonly path: string;
  /** The key the value sits under (for messages; the value itself is never reported). */
  readonly key?: string;
  readonly reason: string;
}

/** Keys whose value is the credential of a secret-named parent (`apiKey: { key: … }`, `{ name: X_TOKEN, value: … }`). */
const VALUE_KEYS = new Set(["key", "value", "secret"]);
const MAX_EMBEDDED_BYTES = 1024 * 1024;
const MAX_NODES = 200_000;

export function findSecrets(tree: unknown, rootPath = ""): SecretFinding[] {
  const found: SecretFinding[] = [];
  let budget = MAX_NODES;
  const stack: Array<{ node: unknown; path: string; key?: string; embedded: number }> = [{ node: tree, path: rootPath, embedded: 0 }];
  while (stack.length > 0 && budget-- > 0) {
    const { node, path, key, embedded } = stack.pop()!;
    if (typeof node === "string" || (typeof node === "number" && Number.isFinite(node)) || typeof node === "bigint") {
      const text = String(node);
      const reason = secretReason(key, text);
      if (reason) found.push({ path: path || "(top level)", key, reason });
      else if (typeof node === "string" && embedded < 3) {
        const doc = embeddedDocument(text);
        if (doc !== undefined) stack.push({ node: doc, path: `${path || "(top level)"} → `, embedded: embedded + 1 });
      }
      continue;
    }
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const item = node[i] as unknown;
        const rec = item !== null && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
        // `- name: OPENAI_API_KEY\n  value: sk-…` (Kubernetes env lists): judge value by the name.
        const envName = rec && typeof rec.name === "string" && Object.hasOwn(rec, "value") ? rec.name : undefined;
        if (envName !== undefined) {
          stack.push({ node: rec!.value, path: `${joinItem(path, i, rec!.name)}.value`, key: envName, embedded });
          continue;
        }
        stack.push({ node: item, path: joinItem(path, i, rec?.name), key, embedded });
      }
      continue;
    }
    const entries = Object.entries(node as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i];
      // The credential of a secret-named parent keeps the parent's name (`apiKey: { value: … }`).
      const judgedAs = key !== undefined && VALUE_KEYS.has(k.toLowerCase()) ? key : k;
      stack.push({ node: v, path: joinKey(path, k).replace(/^(.*) → \.?/, "$1 → "), key: judgedAs, embedded });
    }
  }
  return found;
}

/** A multi-line string that parses as a YAML mapping or list; undefined otherwise. */
function embeddedDocument(text: string): unknown {
  if (!text.includes("\n") || !text.includes(":") || text.length > MAX_EMBEDDED_BYTES) return undefined;
  try {
    const doc = yaml.load(text, { json: true });
    return doc !== null && typeof doc === "object" ? doc : undefined;
  } catch {
    return undefined;
  }
}

/** One line per finding (never the value): `path: reason`. */
export function formatSecretFindings(findings: readonly SecretFinding[], max = 50): string[] {
  const lines = findings.slice(0, max).map((f) => `${f.path}: ${f.reason}`);
  if (findings.length > max) lines.push(`… and ${findings.length - max} more`);
  return lines;
}

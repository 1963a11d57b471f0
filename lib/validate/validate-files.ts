// File layer of `vca validate`: expands cdktf.out directories, parses JSON / YAML, and runs the
// right validator per document. Unreadable or unparsable input is a UserInputError (exit 2).
import * as fs from "fs";
import * as path from "path";
import { ControllerVersion } from "../core/controller-version";
import { UserInputError } from "../util/errors";
import { loadAllYamlBounded, MAX_JSON_INPUT_BYTES, MAX_YAML_INPUT_BYTES, readInputText } from "../util/input-file";
import { isAviatrixCrdManifest, manifestAddress, validateCrdManifest } from "./crd-manifest";
import { ValidationFinding, FindingSink } from "./finding";
import { isObject } from "./terraform-values";
import { validateTerraformJson } from "./validate-terraform-json";

export interface ValidateFilesOptions {
  /** @default - per document, from its aviatrix provider pin */
  readonly controllerVersion?: string;
}

export interface ValidateFilesResult {
  readonly files: readonly string[];
  readonly findings: readonly ValidationFinding[];
}

/** Expands inputs: a cdktf.out directory means every `stacks/<id>/cdk.tf.json` in it. */
export function expandValidationInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new UserInputError(`${input}: no such file or directory`);
    }
    if (!stat.isDirectory()) {
      files.push(input);
      continue;
    }
    const found = stackFiles(input);
    if (found.length === 0) {
      throw new UserInputError(`${input}: directory has no stacks/*/cdk.tf.json (want a cdktf.out directory)`);
    }
    files.push(...found);
  }
  return files;
}

function stackFiles(dir: string): string[] {
  const direct = path.join(dir, "cdk.tf.json");
  if (fs.existsSync(direct)) return [direct];
  const stacks = path.join(dir, "stacks");
  if (!fs.existsSync(stacks)) return [];
  return fs
    .readdirSync(stacks, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(stacks, e.name, "cdk.tf.json"))
    .filter((f) => fs.existsSync(f))
    .sort();
}

/** Validates every input (all are parsed first, so bad input fails before any output). */
export function validateFiles(inputs: readonly string[], options: ValidateFilesOptions = {}): ValidateFilesResult {
  if (options.controllerVersion !== undefined) ControllerVersion.parse(options.controllerVersion, "--controller-version");
  const files = expandValidationInputs(inputs);
  const parsed = files.map((file) => ({ file, docs: parseValidationInput(file) }));
  const findings: ValidationFinding[] = [];
  for (const { file, docs } of parsed) {
    findings.push(...validateDocuments(docs, file, options.controllerVersion));
  }
  return { files, findings };
}

/** Validates already-parsed documents of one file (Terraform JSON or Kubernetes manifests). */
export function validateDocuments(docs: readonly unknown[], file: string, controllerVersion?: string): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  docs.forEach((doc, i) => {
    if (doc === null || doc === undefined) return;
    if (isObject(doc) && typeof doc.apiVersion === "string" && typeof doc.kind === "string") {
      if (!isAviatrixCrdManifest(doc)) return; // other Kubernetes objects are not ours to judge
      const sink = new FindingSink(file);
      const version = controllerVersion !== undefined ? ControllerVersion.parse(controllerVersion, "--controller-version") : undefined;
      validateCrdManifest(doc, { sink, address: manifestAddress(doc, `document ${i + 1}`), pathPrefix: "", version });
      findings.push(...sink.findings);
      return;
    }
    findings.push(...validateTerraformJson(doc, { file, controllerVersion }));
  });
  return findings;
}

/** Parses JSON (one document) or YAML (multi-document); errors name the file and line. */
export function parseValidationInput(file: string): unknown[] {
  const isYaml = /\.ya?ml$/i.test(file);
  const text = readInputText(file, isYaml ? "manifest" : "Terraform JSON", isYaml ? MAX_YAML_INPUT_BYTES : MAX_JSON_INPUT_BYTES);
  if (isYaml) return loadAllYamlBounded(text, file, "manifest");
  try {
    return [JSON.parse(text)];
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const position = /position (\d+)/.exec(message);
    const where = position ? `:${lineOf(text, Number(position[1]))}` : "";
    throw new UserInputError(`${file}${where}: invalid JSON (${message})`);
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

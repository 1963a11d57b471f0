// The Terraform-language fixtures (test/fixtures/terraform-language/*.tf.json, provider-free) and
// the verdict real terraform gave on each (verdicts.json: `VCA_RECORD_TERRAFORM_VERDICTS=1 npx jest
// test/terraform/real-terraform.test.ts` records them in a temp file and prints the cp command).
import * as fs from "fs";
import * as path from "path";
import { validateTerraformJson, ValidationFinding } from "../../lib/validate";
import type { TerraformVerdict } from "../support/terraform-cli";

export const FIXTURE_DIR = path.join(__dirname, "../fixtures/terraform-language");
export const VERDICTS_FILE = path.join(FIXTURE_DIR, "verdicts.json");

export interface RecordedVerdict extends TerraformVerdict {
  /** vca validate's error codes on the fixture (sorted, unique). */
  readonly codes: readonly string[];
}

export const FIXTURES: readonly string[] = fs
  .readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith(".tf.json"))
  .sort();

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, name), "utf8");
}

export function recordedVerdicts(): Record<string, RecordedVerdict> {
  return fs.existsSync(VERDICTS_FILE) ? (JSON.parse(fs.readFileSync(VERDICTS_FILE, "utf8")) as Record<string, RecordedVerdict>) : {};
}

export function vcaErrors(name: string): ValidationFinding[] {
  return validateTerraformJson(JSON.parse(fixtureText(name)), { file: name }).filter((f) => f.severity === "error");
}

export function codesOf(findings: readonly ValidationFinding[]): string[] {
  return [...new Set(findings.map((f) => f.id))].sort();
}

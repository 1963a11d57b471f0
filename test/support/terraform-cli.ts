// The real terraform binary, for tests that must agree with it. Nothing is ever fetched: every
// run uses a CLI config whose only provider source is an empty filesystem mirror, so a
// configuration that needs providers stops at "cannot install provider" after Terraform has
// loaded (and judged) the whole configuration.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface TerraformRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface TerraformVerdict {
  readonly verdict: "accepts" | "rejects";
  /** The first command that failed (or the last one run when all passed). */
  readonly stage: "init" | "validate" | "plan";
  /** Terraform's error summaries ("Reference to undeclared input variable"), sorted, unique. */
  readonly summaries: readonly string[];
}

/** `terraform version` of the binary on PATH, or undefined when there is none. */
export function terraformVersion(): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("terraform", ["version", "-json"], { env: { ...process.env, CHECKPOINT_DISABLE: "1" }, timeout: 30000 }, (err, stdout) => {
      if (err) return resolve(undefined);
      try {
        resolve((JSON.parse(stdout) as { terraform_version: string }).terraform_version);
      } catch {
        resolve(undefined);
      }
    });
  });
}

let cliConfig: string | undefined;

/** A CLI config file whose provider_installation is one empty filesystem mirror. */
export function emptyMirrorCliConfig(): string {
  if (cliConfig) return cliConfig;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-tf-mirror-"));
  fs.mkdirSync(path.join(dir, "mirror"));
  cliConfig = path.join(dir, "terraform.rc");
  fs.writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(path.join(dir, "mirror"))}\n  }\n}\n`);
  return cliConfig;
}

export function runTerraform(dir: string, args: readonly string[]): Promise<TerraformRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, TF_CLI_CONFIG_FILE: emptyMirrorCliConfig(), CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_INPUT: "0" };
  // The caller's data dir or workspace would leak state between runs.
  delete env.TF_DATA_DIR;
  delete env.TF_WORKSPACE;
  return new Promise((resolve) => {
    execFile("terraform", [...args], { cwd: dir, env, timeout: 120000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A fresh folder holding `files` (name → content). */
export function workDir(files: Readonly<Record<string, string>>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vca-tf-"));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const INIT_WRAPPER = /^Terraform encountered problems during initiali[sz]ation/;

/** Error summaries of a -no-color run ("Error: <summary>" lines). */
export function errorSummaries(output: string): string[] {
  const found = [...output.matchAll(/^(?:│ )?Error: (.+)$/gm)].map((m) => m[1].trim()).filter((s) => !INIT_WRAPPER.test(s));
  return [...new Set(found)].sort();
}

/** init -backend=false, then (provider-free configurations) validate and plan, stopping at the first failure. */
export async function terraformVerdict(dir: string, opts: { readonly providerFree: boolean }): Promise<TerraformVerdict> {
  const init = await runTerraform(dir, ["init", "-backend=false", "-no-color", "-input=false"]);
  if (init.code !== 0) return { verdict: "rejects", stage: "init", summaries: errorSummaries(init.stdout + init.stderr) };
  if (!opts.providerFree) return { verdict: "accepts", stage: "init", summaries: [] };
  const validate = await runTerraform(dir, ["validate", "-json", "-no-color"]);
  const report = JSON.parse(validate.stdout) as { valid: boolean; diagnostics: Array<{ severity: string; summary: string }> };
  if (!report.valid) {
    const summaries = [...new Set(report.diagnostics.filter((d) => d.severity === "error").map((d) => d.summary))].sort();
    return { verdict: "rejects", stage: "validate", summaries };
  }
  const plan = await runTerraform(dir, ["plan", "-no-color", "-input=false", "-lock=false", "-refresh=false"]);
  if (plan.code !== 0) return { verdict: "rejects", stage: "plan", summaries: errorSummaries(plan.stdout + plan.stderr) };
  return { verdict: "accepts", stage: "plan", summaries: [] };
}

/** Runs `fn` over `items` with at most `limit` at a time (terraform processes are heavy on 2 cores). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../lib/cli/main";
import { librechatEgressModel, LibreChatEgressModel, LibreChatEgressModelProps } from "../../lib/shim";

export const FIXTURES = path.join(__dirname, "../fixtures/librechat");

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), "utf8");
}

export function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "vca-shim-test-"));
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(...args: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  const saved = process.exitCode;
  try {
    process.exitCode = undefined;
    const code = await main([process.execPath, "vca", ...args]);
    return { code, stdout, stderr };
  } finally {
    process.exitCode = saved;
    out.mockRestore();
    err.mockRestore();
  }
}

/** domains by group name */
export function domainsByGroup(m: LibreChatEgressModel): Record<string, string[]> {
  return Object.fromEntries(m.groups.map((g) => [g.name, [...g.domains]]));
}

export function allDomains(m: LibreChatEgressModel): string[] {
  return [...new Set(m.groups.flatMap((g) => g.domains))].sort();
}

export function model(config: string, extra: Partial<LibreChatEgressModelProps> = {}): LibreChatEgressModel {
  return librechatEgressModel({ config, configName: "librechat.yaml", ...extra });
}

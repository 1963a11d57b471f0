import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { librechatEgressModel, LibreChatEgressModel, LibreChatEgressModelProps } from "../../lib/shim";

export const FIXTURES = path.join(__dirname, "../fixtures/librechat");

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), "utf8");
}

export function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "vca-shim-test-"));
}

export { runVca as runCli } from "../support/run-cli";

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

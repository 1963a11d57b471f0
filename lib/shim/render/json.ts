// egress.json, exactly the docs/ARCHITECTURE.md §6 contract: { webGroups: [{ name, purpose, domains, port,
// protocol, from }], internal: [{ host, from }], warnings: [{ path, message }] }.
import type { LibreChatEgressModel } from "../model";

export interface EgressJson {
  readonly webGroups: ReadonlyArray<{
    readonly name: string;
    readonly purpose: string;
    readonly domains: readonly string[];
    readonly port: number;
    readonly protocol: string;
    readonly from: readonly string[];
  }>;
  readonly internal: ReadonlyArray<{ readonly host: string; readonly from: readonly string[] }>;
  readonly warnings: ReadonlyArray<{ readonly path: string; readonly message: string }>;
}

export function egressJson(model: LibreChatEgressModel): EgressJson {
  return {
    webGroups: model.groups.map((g) => ({ name: g.name, purpose: g.purpose, domains: [...g.domains], port: g.port, protocol: g.protocol, from: [...g.from] })),
    internal: model.internal.map((i) => ({ host: i.host, from: [...i.from] })),
    warnings: [
      ...model.warnings.map((w) => ({ path: w.path, message: w.message })),
      // Reviewed exceptions and CIDR permits are not WebGroups; listing them here keeps them in the diff.
      ...model.exceptions.map((e) => ({ path: e.path, message: `reviewed exception (${e.code}): ${e.result} — ${e.reason}` })),
    ],
  };
}

export function renderEgressJson(model: LibreChatEgressModel): string {
  return `${JSON.stringify(egressJson(model), null, 2)}\n`;
}

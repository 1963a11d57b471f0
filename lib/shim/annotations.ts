// The annotation file: reviewed exceptions to never-widen errors, each with a reason, plus extra
// internal suffixes. Format (YAML):
//   internalSuffixes: [corp.example]
//   exceptions:
//     - path: mcpServers.fetch              # the YAML path the error names
//       reason: "uvx downloads mcp-server-fetch from PyPI"   # required, shown in egress.md
//       launcher: true                      # stdio: the launcher's documented registries
//       domains: [api.example.com]          # or explicit reviewed domains (wildcards allowed)
//       port: 443                           # @default - the port derived from the URL, else 443
//       ip: true                            # public IP literal: permit it as a /32 CIDR rule
// An exception with none of launcher/domains/ip only acknowledges the finding: no rule is
// emitted (the destination stays denied) and egress.md lists it.
import { UserInputError } from "../util/errors";
import { isRecord, parseYamlDocument, readTextFile } from "./load";
import { normaliseDomainPattern } from "./hosts";

export interface ExceptionAnnotation {
  readonly path: string;
  readonly reason: string;
  readonly domains: readonly string[];
  readonly port?: number;
  readonly launcher: boolean;
  readonly ip: boolean;
}

export interface Annotations {
  readonly source?: string;
  readonly internalSuffixes: readonly string[];
  readonly exceptions: readonly ExceptionAnnotation[];
}

export const NO_ANNOTATIONS: Annotations = { internalSuffixes: [], exceptions: [] };

export function loadAnnotations(file: string): Annotations {
  return parseAnnotations(parseYamlDocument(readTextFile(file, "annotation file"), file, "annotation file"), file);
}

export function parseAnnotations(doc: unknown, file: string): Annotations {
  if (doc === null || doc === undefined) return { ...NO_ANNOTATIONS, source: file };
  if (!isRecord(doc)) throw new UserInputError(`${file}: (top level): expected a mapping with exceptions/internalSuffixes`);
  for (const k of Object.keys(doc)) {
    if (k !== "exceptions" && k !== "internalSuffixes") throw new UserInputError(`${file}: ${k}: unknown key (allowed: exceptions, internalSuffixes)`);
  }
  const suffixes = doc.internalSuffixes ?? [];
  if (!Array.isArray(suffixes) || suffixes.some((s) => typeof s !== "string" || !/^[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(s))) {
    throw new UserInputError(`${file}: internalSuffixes: expected a list of DNS suffixes like corp.example`);
  }
  const list = doc.exceptions ?? [];
  if (!Array.isArray(list)) throw new UserInputError(`${file}: exceptions: expected a list`);
  const seen = new Set<string>();
  const exceptions = list.map((e, i) => {
    const at = `${file}: exceptions[${i}]`;
    if (!isRecord(e)) throw new UserInputError(`${at}: expected a mapping with path and reason`);
    for (const k of Object.keys(e)) {
      if (!["path", "reason", "domains", "port", "launcher", "ip"].includes(k)) throw new UserInputError(`${at}.${k}: unknown key`);
    }
    if (typeof e.path !== "string" || !e.path) throw new UserInputError(`${at}.path: expected the YAML path of the finding`);
    if (seen.has(e.path)) throw new UserInputError(`${at}.path: duplicate exception for ${e.path}`);
    seen.add(e.path);
    if (typeof e.reason !== "string" || e.reason.trim().length < 3) throw new UserInputError(`${at}.reason: a reviewed exception needs a reason`);
    const domains = e.domains ?? [];
    if (!Array.isArray(domains)) throw new UserInputError(`${at}.domains: expected a list of domains`);
    const normalised = domains.map((d, j) => {
      const n = typeof d === "string" ? normaliseDomainPattern(d) : undefined;
      if (!n) throw new UserInputError(`${at}.domains[${j}]: ${JSON.stringify(d)} is not a domain or *.domain`);
      return n;
    });
    if (e.port !== undefined && (!Number.isInteger(e.port) || (e.port as number) < 1 || (e.port as number) > 65535)) {
      throw new UserInputError(`${at}.port: expected an integer 1..65535`);
    }
    for (const flag of ["launcher", "ip"] as const) {
      if (e[flag] !== undefined && typeof e[flag] !== "boolean") throw new UserInputError(`${at}.${flag}: expected true or false`);
    }
    return {
      path: e.path,
      reason: e.reason.trim(),
      domains: normalised,
      port: e.port as number | undefined,
      launcher: e.launcher === true,
      ip: e.ip === true,
    };
  });
  return { source: file, internalSuffixes: suffixes.map((s: string) => s.toLowerCase()), exceptions };
}

// The collector every extractor writes to: destinations (group kind, host, port, scheme, YAML
// path), internal hosts, warnings, never-widen issues and reviewed exceptions. Extractors never
// build output directly; model.ts turns the collected facts into sorted groups.
import { Annotations, ExceptionAnnotation } from "./annotations";
import { EXCEPTABLE_CODES, ShimIssue, ShimIssueCode } from "./errors";
import { EnvInventory } from "./env";
import { classifyHost, classifyUrl, HostClass, Scheme } from "./hosts";
import { LAUNCHER_REGISTRIES } from "./catalog";
import { own } from "../util/own";

/** What a WebGroup is for; one group per kind (per MCP server for "mcp"), split by port/TLS. */
export type EgressGroupKind = "llm" | "mcp" | "sso" | "integrations" | "actions" | "mcp-allowlist" | "proxy" | "oci-registries";

export interface DestinationTarget {
  readonly kind: EgressGroupKind;
  /** For kind "mcp": the server's key under mcpServers. */
  readonly mcpServer?: string;
}

export interface CollectedDestination extends DestinationTarget {
  readonly domain: string;
  readonly port: number;
  readonly scheme: Scheme;
  readonly path: string;
}

export interface CollectedCidr {
  readonly cidr: string;
  readonly port: number;
  readonly path: string;
  readonly target: DestinationTarget;
}

export interface AppliedException {
  readonly path: string;
  readonly code: ShimIssueCode;
  readonly finding: string;
  readonly reason: string;
  readonly result: string;
}

export interface ShimWarning {
  readonly path: string;
  readonly message: string;
}

export interface UrlOptions {
  readonly schemes?: readonly Scheme[];
  /** Extra text substituted before env lookup (Azure `${INSTANCE_NAME}` from the group). */
  readonly localVars?: Readonly<Record<string, string | undefined>>;
  /** When the URL names a stdio command or similar; only used for messages. */
  readonly what?: string;
  /**
   * The raw config text to quote in messages when `value` was already substituted by the caller.
   * @default - `value` as given, or `${VAR}` for env-sourced values (path `env:VAR`)
   */
  readonly shownAs?: string;
}

export class Collector {
  readonly destinations: CollectedDestination[] = [];
  readonly cidrs: CollectedCidr[] = [];
  readonly internal = new Map<string, Set<string>>();
  readonly warnings: ShimWarning[] = [];
  readonly issues: ShimIssue[] = [];
  readonly applied: AppliedException[] = [];
  private readonly usedExceptions = new Set<string>();
  private readonly exceptions: Map<string, ExceptionAnnotation>;
  readonly internalSuffixes: readonly string[];

  constructor(
    readonly env: EnvInventory,
    readonly annotations: Annotations,
    internalSuffixes: readonly string[],
  ) {
    this.exceptions = new Map(annotations.exceptions.map((e) => [e.path, e]));
    this.internalSuffixes = internalSuffixes;
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  /** Adds a URL-valued config field: substitutes env, classifies, records or raises an issue. */
  addUrl(target: DestinationTarget, value: unknown, path: string, opts: UrlOptions = {}): void {
    const schemes = opts.schemes ?? ["https", "http"];
    if (typeof value !== "string") {
      this.raise(target, path, "invalid-url", `expected a URL string, got ${value === null ? "null" : typeof value}`);
      return;
    }
    const trimmed = value.trim();
    // Messages quote what the reviewer wrote (with `${VAR}`) and name the variables, never the
    // substituted value: a URL from the env file may carry a token in its path or query.
    const envVar = path.startsWith("env:") ? path.slice(4) : undefined;
    const raw = opts.shownAs ?? (envVar !== undefined ? `\${${envVar}}` : trimmed);
    const substituted = new Set<string>(envVar !== undefined ? [envVar] : []);
    if (trimmed.toLowerCase() === "user_provided") {
      this.raise(target, path, "user-provided", "`user_provided` URL: each user types the host at runtime, so no reviewed egress rule can exist");
      return;
    }
    let text = trimmed;
    if (opts.localVars) {
      text = text.replace(/\$\{(\w+)\}/g, (whole, name: string) => opts.localVars?.[name] ?? whole);
    }
    if (text.includes("${")) {
      const sub = this.env.substitute(text);
      if (sub.unresolved.length > 0) {
        const names = [...new Set(sub.unresolved)].map((n) => `\${${n}}`).join(", ");
        this.raise(
          target,
          path,
          "unresolved-variable",
          `host depends on ${names}, which the env inventory does not resolve (pass --dotenv with its URL value, or a reviewed exception)`,
        );
        return;
      }
      for (const m of text.matchAll(/\$\{([^}]*)\}/g)) substituted.add(m[1].trim());
      text = sub.text;
    }
    const note =
      substituted.size > 0
        ? ` (after substituting ${[...substituted]
            .sort()
            .map((n) => `\${${n}}`)
            .join(", ")} from the env inventory)`
        : "";
    const shown = `${JSON.stringify(raw)}${note}`;
    if (/\{\{[^}]*\}\}/.test(text)) {
      this.raise(target, path, "unresolved-variable", `host contains a runtime placeholder: ${shown}`);
      return;
    }
    const c = classifyUrl(text, { schemes, internalSuffixes: this.internalSuffixes, shownAs: raw });
    this.record(target, c.kind === "issue" && c.code === "invalid-url" && note ? { ...c, message: `${c.message}${note}` } : c, path);
  }

  /** Adds a catalog or derived host (already known to be a hostname); messages quote `shownHost`, the spelling in the input. */
  addHost(target: DestinationTarget, host: string, path: string, port = 443, scheme: Scheme = "https", shownHost = host): void {
    this.record(target, classifyHost(host, port, scheme, this.internalSuffixes, shownHost), path);
  }

  /** Adds an allowlist entry that is already a normalised domain pattern (may be `*.x`). */
  addPattern(target: DestinationTarget, domain: string, path: string, port: number, scheme: Scheme): void {
    this.destinations.push({ ...target, domain, port, scheme, path });
  }

  addInternal(host: string, path: string): void {
    let s = this.internal.get(host);
    if (!s) this.internal.set(host, (s = new Set()));
    s.add(path);
  }

  /** A stdio MCP server: never widened without an annotation. */
  addStdioServer(target: DestinationTarget, command: string, path: string): void {
    const ex = this.exceptions.get(path);
    if (!ex) {
      this.issues.push({
        path,
        code: "stdio-unannotated",
        message: `stdio MCP server (command ${JSON.stringify(command)}) has no declared egress; add a reviewed exception with launcher: true or domains`,
      });
      return;
    }
    this.usedExceptions.add(path);
    const launcher = command.split(/[\\/]/).pop() ?? command;
    const hosts: string[] = [];
    if (ex.launcher) {
      const reg = own(LAUNCHER_REGISTRIES, launcher);
      if (!reg) {
        this.issues.push({
          path,
          code: "annotation",
          message: `launcher: true, but ${JSON.stringify(command)} is not a known launcher (${Object.keys(LAUNCHER_REGISTRIES).join(", ")}); list domains instead`,
        });
        return;
      }
      hosts.push(...reg);
    }
    for (const h of hosts) this.addHost(target, h, path);
    for (const d of ex.domains) this.addPattern(target, d, path, ex.port ?? 443, "https");
    this.applied.push({
      path,
      code: "stdio-unannotated",
      finding: `stdio MCP server ${JSON.stringify(command)}`,
      reason: ex.reason,
      result: describeResult([...hosts, ...ex.domains], ex.port ?? 443),
    });
  }

  /** Exceptions in the annotation file that matched no finding. */
  unusedExceptions(): ExceptionAnnotation[] {
    return this.annotations.exceptions.filter((e) => !this.usedExceptions.has(e.path));
  }

  private record(target: DestinationTarget, c: HostClass, path: string): void {
    if (c.kind === "public") this.destinations.push({ ...target, domain: c.host, port: c.port, scheme: c.scheme, path });
    else if (c.kind === "internal") {
      const h = c.host.includes(":") ? `[${c.host}]` : c.host; // IPv6 literal
      this.addInternal(c.port === 443 || c.port === 80 ? h : `${h}:${c.port}`, path);
    } else this.raise(target, path, c.code, c.message, c);
  }

  private raise(target: DestinationTarget, path: string, code: ShimIssueCode, message: string, c?: HostClass): void {
    const ex = EXCEPTABLE_CODES.has(code) ? this.exceptions.get(path) : undefined;
    if (!ex) {
      this.issues.push({ path, code, message });
      return;
    }
    this.usedExceptions.add(path);
    const port = ex.port ?? (c && c.kind === "issue" ? c.port : undefined) ?? 443;
    const scheme: Scheme = c && c.kind === "issue" && c.scheme ? c.scheme : "https";
    let result: string;
    if (ex.ip && code === "public-ip" && c && c.kind === "issue" && c.host) {
      const cidr = c.host.includes(":") ? `${c.host}/128` : `${c.host}/32`;
      this.cidrs.push({ cidr, port, path, target });
      result = `permitted as CIDR ${cidr} on port ${port}`;
    } else {
      for (const d of ex.domains) this.addPattern(target, d, path, port, scheme);
      result = describeResult(ex.domains, port);
    }
    this.applied.push({ path, code, finding: message, reason: ex.reason, result });
  }
}

function describeResult(domains: readonly string[], port: number): string {
  return domains.length === 0 ? "acknowledged; no rule (stays denied)" : `permitted ${[...domains].sort().join(", ")} on port ${port}`;
}

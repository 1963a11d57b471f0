// librechatEgressModel: librechat.yaml (+ env inventory, Helm values, annotations) → the reviewed
// egress model. Pure (no file or network I/O); the CLI and the LibreChat constructs both call it,
// so `vca shim librechat` and Terraform can never disagree.
import { canonicalJson, compareText } from "../dcf/builder/canonical";
import { Annotations, NO_ANNOTATIONS, parseAnnotations } from "./annotations";
import { AppliedException, CollectedDestination, Collector, EgressGroupKind, ShimWarning } from "./collector";
import { ShimInputError } from "./errors";
import { addEnvFile, addEnvKeys, EnvInventory } from "./env";
import { extractAllowlists } from "./extract/allowlists";
import { extractBuiltins } from "./extract/builtins";
import { ExtractContext } from "./extract/context";
import { extractCustomEndpoints, extractSpeech } from "./extract/endpoints";
import { extractEnvGated } from "./extract/env-gated";
import { extractHelm, HelmFacts } from "./extract/helm";
import { extractMcpServers } from "./extract/mcp";
import { DEFAULT_INTERNAL_SUFFIXES } from "./hosts";
import { findLiteralSecrets, literalSecretMessage } from "./literal-secrets";
import { checkText, isRecord, parseYamlDocument } from "./load";
import { chooseSchema, SchemaChoice } from "./schema-version";
import { validateConfig } from "./validate";
import { groupName } from "./naming";

export interface LibreChatEgressModelProps {
  /** librechat.yaml text. @default - `librechat.configYamlContent` from the Helm values */
  readonly config?: string;
  /** Name used in messages and outputs. @default "librechat.yaml" */
  readonly configName?: string;
  /** dotenv text (KEY=VALUE); values are kept only for URL-shaped variables. @default - none */
  readonly envFile?: string;
  /** @default ".env" */
  readonly envFileName?: string;
  /** Names of variables that are set (values unknown). @default - none */
  readonly envKeys?: readonly string[];
  /** LibreChat Helm chart values text. @default - no registry group, no tag */
  readonly helmValues?: string;
  /** @default "values.yaml" */
  readonly helmValuesName?: string;
  /** Parsed annotation file (reviewed exceptions). @default - none */
  readonly annotations?: Annotations;
  /** Extra DNS suffixes that count as internal. @default - none beyond the built-in list */
  readonly internalSuffixes?: readonly string[];
  /** LibreChat image tag; selects the config schema. @default - Helm `image.tag`, else the pinned schema */
  readonly imageTag?: string;
}

export interface EgressDestination {
  /** Lower-case punycode FQDN, or `*.domain` from an allowlist or reviewed exception. */
  readonly domain: string;
  /** YAML paths (or env:/helm: sources) that caused it, sorted. */
  readonly from: readonly string[];
}

export interface EgressGroup {
  /** WebGroup name, stable: `librechat-<kind>[-<server>][-http][-<port>]`. */
  readonly name: string;
  readonly kind: EgressGroupKind;
  readonly purpose: string;
  readonly port: number;
  readonly protocol: "tcp";
  /** false for plain http/ws: no TLS, so no SNI — DCF must match the HTTP Host header. */
  readonly tls: boolean;
  /** "node": image pulls by containerd (V1 pack, node SmartGroup); "pod": the LibreChat pod. */
  readonly scope: "pod" | "node";
  readonly mcpServer?: string;
  readonly destinations: readonly EgressDestination[];
  /** Sorted domains (same order as destinations). */
  readonly domains: readonly string[];
  /** Union of the destinations' sources, sorted. */
  readonly from: readonly string[];
}

export interface InternalHost {
  readonly host: string;
  readonly from: readonly string[];
}

export interface CidrPermit {
  readonly cidr: string;
  readonly port: number;
  readonly protocol: "tcp";
  readonly group: string;
  readonly from: readonly string[];
}

export interface LibreChatEgressModel {
  readonly groups: readonly EgressGroup[];
  readonly internal: readonly InternalHost[];
  readonly warnings: readonly ShimWarning[];
  readonly exceptions: readonly AppliedException[];
  readonly cidrPermits: readonly CidrPermit[];
  readonly schema: SchemaChoice;
  readonly sources: { readonly config: string; readonly env: readonly string[]; readonly helmValues?: string; readonly annotations?: string };
}

export function librechatEgressModel(props: LibreChatEgressModelProps): LibreChatEgressModel {
  const env = new EnvInventory();
  if (props.envFile !== undefined) addEnvFile(env, checkText(props.envFile, props.envFileName ?? ".env", "env file"), props.envFileName ?? ".env");
  if (props.envKeys !== undefined) addEnvKeys(env, props.envKeys.join(","));
  const annotations = props.annotations ?? NO_ANNOTATIONS;
  const suffixes = [
    ...DEFAULT_INTERNAL_SUFFIXES,
    ...annotations.internalSuffixes,
    ...(props.internalSuffixes ?? []).map((s) => s.toLowerCase().replace(/^\*?\./, "")),
  ];
  const c = new Collector(env, annotations, suffixes);

  let helm: HelmFacts = {};
  const helmName = props.helmValuesName ?? "values.yaml";
  if (props.helmValues !== undefined) {
    const doc = parseYamlDocument(props.helmValues, helmName, "Helm values");
    helm = extractHelm(doc, helmName, c, env);
  }
  let configName = props.configName ?? "librechat.yaml";
  let configText = props.config;
  if (configText !== undefined && helm.configYamlContent !== undefined) {
    // Both given: the chart deploys configYamlContent, so the gate must not review another file.
    // It is scanned for secrets like any config, and must be the same document as --config.
    const chartName = `${helmName}#librechat.configYamlContent`;
    const chartDoc = parseYamlDocument(helm.configYamlContent, chartName, "LibreChat config");
    rejectLiteralSecrets(chartDoc, chartName);
    const given = parseYamlDocument(configText, configName, "LibreChat config");
    if (canonicalJson(chartDoc) !== canonicalJson(given)) {
      throw new ShimInputError(configName, [
        {
          path: "(top level)",
          code: "schema",
          message: `differs from ${chartName}, which is what the chart deploys; review one config: drop --config, or make the Helm values' configYamlContent the same document`,
        },
      ]);
    }
  }
  if (configText === undefined && helm.configYamlContent !== undefined) {
    configText = helm.configYamlContent;
    configName = `${helmName}#librechat.configYamlContent`;
  }
  if (configText === undefined)
    throw new ShimInputError(configName, [], `${configName}: no LibreChat config given (pass --config, or Helm values with librechat.configYamlContent)`);
  const raw = parseYamlDocument(configText, configName, "LibreChat config");
  const schema = chooseSchema(props.imageTag ?? helm.imageTag, props.imageTag !== undefined ? "--image-tag" : `${helmName}: image.tag`);
  // The shim is the PR gate for this file: a literal credential in it is an error, never a warning.
  rejectLiteralSecrets(raw, configName);

  const validation = validateConfig(raw);
  if (validation.issues.length > 0) {
    throw new ShimInputError(
      configName,
      validation.issues,
      `${configName}: does not pass LibreChat's config schema (librechat-data-provider ${schema.dataProvider}, strict) — ${validation.issues.length} problem${validation.issues.length === 1 ? "" : "s"} (nothing written)`,
    );
  }
  if (!isRecord(raw)) throw new ShimInputError(configName, [{ path: "(top level)", code: "schema", message: "expected a mapping" }]);
  const ctx: ExtractContext = { raw, parsed: validation.parsed, c, env };
  extractCustomEndpoints(ctx);
  extractBuiltins(ctx);
  extractSpeech(ctx);
  extractMcpServers(ctx);
  extractAllowlists(ctx);
  extractEnvGated(ctx);
  // A `helm:` path is in the Helm values file, not the config: name that file.
  if (c.issues.length > 0)
    throw new ShimInputError(
      configName,
      sortIssues(c.issues).map((i) => (i.path.startsWith("helm:") ? { ...i, file: helmName } : i)),
    );
  for (const e of c.unusedExceptions()) c.warn(e.path, `reviewed exception in ${annotations.source ?? "annotations"} matches no finding; remove it`);
  crossCheckMcpAllowlist(c);

  const groups = buildGroups(c.destinations);
  warnSharedHosts(groups, c);
  warnPlainHttp(groups, c);
  return {
    groups,
    internal: [...c.internal.entries()].map(([host, from]) => ({ host, from: [...from].sort() })).sort((a, b) => compareText(a.host, b.host)),
    warnings: dedupeWarnings(c.warnings),
    exceptions: [...c.applied].sort((a, b) => compareText(a.path, b.path)),
    cidrPermits: buildCidrs(c),
    schema,
    sources: { config: configName, env: [...env.sources], helmValues: props.helmValues !== undefined ? helmName : undefined, annotations: annotations.source },
  };
}

function rejectLiteralSecrets(doc: unknown, file: string): void {
  const secrets = findLiteralSecrets(doc);
  if (secrets.length === 0) return;
  throw new ShimInputError(
    file,
    secrets.map((s) => ({ path: s.path, code: "literal-secret" as const, message: literalSecretMessage(s) })),
    `${file}: ${secrets.length} literal secret${secrets.length === 1 ? "" : "s"} (nothing written)`,
  );
}

/** Convenience for callers holding annotation YAML text. */
export function annotationsFromText(text: string, name = "annotations.yaml"): Annotations {
  return parseAnnotations(parseYamlDocument(text, name, "annotation file"), name);
}

const PURPOSES: Record<EgressGroupKind, string> = {
  llm: "LLM providers (custom endpoints and built-in endpoints)",
  mcp: "MCP server",
  sso: "SSO / OIDC issuer",
  integrations: "env-gated integrations (code interpreter, web search, OCR, speech, social logins, tools)",
  actions: "agent Actions allowlist (actions.allowedDomains)",
  "mcp-allowlist": "MCP servers users may add (mcpSettings.allowedDomains)",
  proxy: "outbound HTTP proxy",
  "oci-registries": "OCI registries for image pulls (node scope: containerd on the node, not the pod)",
};

function buildGroups(dests: readonly CollectedDestination[]): EgressGroup[] {
  const byKey = new Map<string, { kind: EgressGroupKind; mcpServer?: string; port: number; tls: boolean; domains: Map<string, Set<string>> }>();
  for (const d of dests) {
    const tls = d.scheme === "https" || d.scheme === "wss";
    const key = `${d.kind}\u0000${d.mcpServer ?? ""}\u0000${d.port}\u0000${tls}`;
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { kind: d.kind, mcpServer: d.mcpServer, port: d.port, tls, domains: new Map() }));
    let from = g.domains.get(d.domain);
    if (!from) g.domains.set(d.domain, (from = new Set()));
    from.add(d.path);
  }
  const groups = [...byKey.values()].map((g): EgressGroup => {
    const destinations = [...g.domains.entries()].map(([domain, from]) => ({ domain, from: [...from].sort() })).sort((a, b) => compareText(a.domain, b.domain));
    const purposeBase = g.kind === "mcp" ? `MCP server ${JSON.stringify(g.mcpServer)}` : PURPOSES[g.kind];
    const qualifiers = [g.tls ? "" : "plain HTTP, no TLS", (g.tls && g.port !== 443) || (!g.tls && g.port !== 80) ? `port ${g.port}` : ""].filter(Boolean);
    return {
      name: groupName(g.kind, g.mcpServer, g.port, g.tls),
      kind: g.kind,
      purpose: qualifiers.length > 0 ? `${purposeBase} (${qualifiers.join(", ")})` : purposeBase,
      port: g.port,
      protocol: "tcp",
      tls: g.tls,
      scope: g.kind === "oci-registries" ? "node" : "pod",
      ...(g.mcpServer !== undefined ? { mcpServer: g.mcpServer } : {}),
      destinations,
      domains: destinations.map((d) => d.domain),
      from: [...new Set(destinations.flatMap((d) => d.from))].sort(),
    };
  });
  return groups.sort((a, b) => compareText(a.name, b.name));
}

function buildCidrs(c: Collector): CidrPermit[] {
  const byKey = new Map<string, CidrPermit & { from: string[] }>();
  for (const x of c.cidrs) {
    const key = `${x.cidr}|${x.port}|${x.target.kind}|${x.target.mcpServer ?? ""}`;
    const group = groupName(x.target.kind, x.target.mcpServer, x.port, true);
    const cur = byKey.get(key) ?? { cidr: x.cidr, port: x.port, protocol: "tcp" as const, group, from: [] };
    cur.from.push(x.path);
    byKey.set(key, cur);
  }
  return [...byKey.values()]
    .map((p) => ({ ...p, from: [...new Set(p.from)].sort() }))
    .sort((a, b) => compareText(`${a.group}|${a.cidr}`, `${b.group}|${b.cidr}`));
}

/** LibreChat refuses remote MCP servers outside a set mcpSettings.allowedDomains (docs/research/librechat-shim.md §5). */
function crossCheckMcpAllowlist(c: Collector): void {
  const allow = c.destinations.filter((d) => d.kind === "mcp-allowlist").map((d) => d.domain);
  const hasAllowlist = allow.length > 0 || [...c.internal.values()].some((s) => s.has("mcpSettings.allowedDomains"));
  if (!hasAllowlist) return;
  for (const d of c.destinations) {
    if (d.kind !== "mcp") continue;
    const ok = allow.some((a) => (a.startsWith("*.") ? d.domain === a.slice(2) || d.domain.endsWith(a.slice(1)) : a === d.domain));
    if (!ok) c.warn(d.path, `${d.domain} is not in mcpSettings.allowedDomains, so LibreChat will refuse this server`);
  }
}

function warnSharedHosts(groups: readonly EgressGroup[], c: Collector): void {
  const llm = new Set(groups.filter((g) => g.kind === "llm").flatMap((g) => g.domains));
  for (const g of groups) {
    if (g.kind !== "mcp") continue;
    for (const d of g.destinations)
      if (llm.has(d.domain)) c.warn(d.from[0], `${d.domain} is in both the LLM group and MCP group ${g.name} (allowed: per-MCP groups are scoped by design)`);
  }
}

/** Plain HTTP to a public host: no TLS, so no SNI; DCF can only match the Host header (docs/research/librechat-shim.md §8). */
function warnPlainHttp(groups: readonly EgressGroup[], c: Collector): void {
  for (const g of groups) {
    if (g.tls) continue;
    for (const d of g.destinations)
      c.warn(
        d.from[0],
        `${d.domain} is reached over plain ${g.port === 80 ? "HTTP" : `HTTP on port ${g.port}`} (no TLS, no SNI): DCF matches the Host header only; prefer https`,
      );
  }
}

function dedupeWarnings(ws: readonly ShimWarning[]): ShimWarning[] {
  const seen = new Map<string, ShimWarning>();
  for (const w of ws) seen.set(`${w.path}\u0000${w.message}`, w);
  return [...seen.values()].sort((a, b) => compareText(a.path, b.path) || compareText(a.message, b.message));
}

function sortIssues<T extends { path: string; message: string }>(issues: readonly T[]): T[] {
  return [...issues].sort((a, b) => compareText(a.path, b.path) || compareText(a.message, b.message));
}

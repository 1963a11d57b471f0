// FirewallPolicy / WebgroupPolicy (networking.aviatrix.com/v1alpha1) manifests: JSON Schema
// (ajv, draft-07, strict) against the vendored CRD schemas, plus the checks JSON Schema cannot
// express (rule-name uniqueness, name references resolving to groups in the same spec).
import type { ErrorObject, ValidateFunction } from "ajv";
import { ControllerVersion } from "../core/controller-version";
import { sniPatternProblem } from "../dcf/host-match";
import { FindingSink } from "./finding";
import { readJsonDataFile } from "./data-files";
import { closest, describe, isExpression, isObject, JsonObject } from "./terraform-values";

export const CRD_GROUP = "networking.aviatrix.com";
const KINDS = { FirewallPolicy: "firewallpolicy.schema.json", WebgroupPolicy: "webgrouppolicy.schema.json" } as const;
type Kind = keyof typeof KINDS;
/** Rule fields first served by the k8s-firewall chart 10.1.0 (research docs/research/k8s-obot-crds.md §1.1). */
const CHART_10_1_FIELDS = ["logProfile", "decryptPolicy", "flowAppRequirement", "tlsProfile", "watch"];

let validators: Map<Kind, ValidateFunction> | undefined;

function validatorFor(kind: Kind): ValidateFunction {
  if (!validators) {
    // Loaded on first manifest only: ajv + schema compilation stay out of synth and plain TF checks.
    const AjvClass = require("ajv").default as typeof import("ajv").default;
    const ajv = new AjvClass({ strict: true, allErrors: true, verbose: true });
    validators = new Map();
    for (const [k, file] of Object.entries(KINDS) as Array<[Kind, string]>) {
      validators.set(k, ajv.compile(readJsonDataFile<object>(`validate/schemas/${file}`)));
    }
  }
  return validators.get(kind) as ValidateFunction;
}

/** True for an object that claims to be an Aviatrix CRD manifest. */
export function isAviatrixCrdManifest(value: unknown): value is JsonObject {
  return isObject(value) && typeof value.apiVersion === "string" && value.apiVersion.split("/")[0] === CRD_GROUP;
}

export interface ManifestContext {
  readonly sink: FindingSink;
  readonly address: string;
  /** Prefix for paths (`manifest` inside a kubernetes_manifest resource, empty for YAML files). */
  readonly pathPrefix: string;
  readonly version?: ControllerVersion;
}

/** A readable address for a manifest: `<Kind>/<namespace>/<name>`. */
export function manifestAddress(manifest: JsonObject, fallback: string): string {
  const meta = isObject(manifest.metadata) ? manifest.metadata : {};
  const kind = typeof manifest.kind === "string" ? manifest.kind : "Unknown";
  const name = typeof meta.name === "string" ? meta.name : fallback;
  return typeof meta.namespace === "string" ? `${kind}/${meta.namespace}/${name}` : `${kind}/${name}`;
}

export function validateCrdManifest(manifest: JsonObject, ctx: ManifestContext): void {
  const kindValue = manifest.kind;
  if (isExpression(kindValue)) return;
  let kind: Kind | undefined = typeof kindValue === "string" && Object.hasOwn(KINDS, kindValue) ? (kindValue as Kind) : undefined;
  let subject = manifest;
  if (!kind) {
    const hint =
      typeof kindValue === "string"
        ? ((Object.keys(KINDS) as Kind[]).find((k) => k.toLowerCase() === kindValue.toLowerCase()) ??
          (closest(kindValue, Object.keys(KINDS)) as Kind | undefined))
        : undefined;
    ctx.sink.error(
      ctx.address,
      join(ctx.pathPrefix, "kind"),
      "crd-kind",
      `got kind ${describe(kindValue)}, want one of ${Object.keys(KINDS).join(", ")} for ${CRD_GROUP}${hint ? ` (did you mean "${hint}"? note the spelling)` : ""}`,
    );
    if (!hint) return;
    kind = hint; // also check the body against the kind it was meant to be
    subject = { ...manifest, kind: hint };
  }
  const validate = validatorFor(kind);
  if (!validate(subject)) {
    const unknownPaths = expressionPaths(subject, "");
    for (const error of collapseErrors(validate.errors ?? [])) {
      if (unknownPaths.some((p) => error.instancePath === p || error.instancePath.startsWith(`${p}/`))) continue;
      const { path, message, code } = describeError(error);
      ctx.sink.error(ctx.address, join(ctx.pathPrefix, path), code, message);
    }
  }
  if (kind === "FirewallPolicy") semanticChecks(subject, ctx);
}

/** Drop the noise of composite keywords: `if` → its `then` explanation, oneOf/anyOf → one finding. */
function collapseErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropPrefixes: string[] = [];
  for (const e of errors) {
    if (e.keyword === "if") dropPrefixes.push(`${e.schemaPath.slice(0, -"/if".length)}/then/`);
    if (e.keyword === "oneOf" || e.keyword === "anyOf") dropPrefixes.push(`${e.schemaPath}/`);
  }
  return errors.filter((e) => !dropPrefixes.some((p) => e.schemaPath.startsWith(p)));
}

function describeError(e: ErrorObject): { path: string; message: string; code: string } {
  const path = pointerToPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties": {
      const prop = String(params.additionalProperty);
      const known = isObject(e.parentSchema) && isObject(e.parentSchema.properties) ? Object.keys(e.parentSchema.properties) : [];
      const hint = closest(prop, known);
      return {
        path: join(path, prop),
        code: "crd-unknown-field",
        message: `unknown field "${prop}"${hint ? ` (did you mean "${hint}"?${prop === "ports" ? " the CRD has one integer port plus optional endPort, not a ports list" : ""})` : ""}; known fields: ${known.join(", ")}`,
      };
    }
    case "required":
      return {
        path: join(path, String(params.missingProperty)),
        code: "crd-required",
        message: `required field "${String(params.missingProperty)}" is missing`,
      };
    case "enum":
      return {
        path,
        code: "crd-enum",
        message: `got ${describe(e.data)}, want one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`,
      };
    case "const":
      return { path, code: "crd-const", message: `got ${describe(e.data)}, want ${JSON.stringify(params.allowedValue)}` };
    case "maximum":
    case "minimum":
      return {
        path,
        code: `crd-${e.keyword}`,
        message: `got ${describe(e.data)}, want ${e.keyword === "maximum" ? "at most" : "at least"} ${String(params.limit)}`,
      };
    case "type":
      return { path, code: "crd-type", message: `got ${describe(e.data)}, want ${String(params.type)}` };
    case "if": {
      const comment = isObject(e.parentSchema) && typeof e.parentSchema.$comment === "string" ? /'([^']+)'/.exec(e.parentSchema.$comment)?.[1] : undefined;
      return { path, code: "crd-rule", message: comment ?? `does not satisfy a conditional rule of the CRD (${e.schemaPath})` };
    }
    case "oneOf":
      if (e.schemaPath.endsWith("groupRef/oneOf")) {
        return { path, code: "crd-group-ref", message: "a group reference needs exactly one of name or uuid" };
      }
      return { path, code: "crd-one-of", message: `must match exactly one alternative (${e.schemaPath})` };
    default:
      return { path, code: `crd-${e.keyword.toLowerCase()}`, message: `got ${describe(e.data)}: ${e.message ?? "invalid"}` };
  }
}

/** Rule-name uniqueness, group references, ICMP/port and port-range sanity, chart-version fields. */
function semanticChecks(manifest: JsonObject, ctx: ManifestContext): void {
  const spec = isObject(manifest.spec) ? manifest.spec : {};
  const at = (p: string): string => join(ctx.pathPrefix, p);
  const groupNames = (key: string): Set<string> => {
    const names = new Set<string>();
    const groups = Array.isArray(spec[key]) ? (spec[key] as unknown[]) : [];
    groups.forEach((g, i) => {
      if (!isObject(g) || typeof g.name !== "string") return;
      if (names.has(g.name)) ctx.sink.error(ctx.address, at(`spec.${key}[${i}].name`), "crd-duplicate-name", `${key} name "${g.name}" is defined twice`);
      names.add(g.name);
    });
    return names;
  };
  const smartGroups = groupNames("smartGroups");
  const webGroups = groupNames("webGroups");
  // Domains by the one SNI grammar, so validate rejects what simulate and analyze reject.
  (Array.isArray(spec.webGroups) ? (spec.webGroups as unknown[]) : []).forEach((g, i) => {
    const domains = isObject(g) && Array.isArray(g.domains) ? (g.domains as unknown[]) : [];
    domains.forEach((d, j) => {
      if (typeof d !== "string" || isExpression(d)) return;
      const problem = sniPatternProblem(d);
      if (problem) ctx.sink.error(ctx.address, at(`spec.webGroups[${i}].domains[${j}]`), "crd-domain", problem);
    });
  });
  const rules = Array.isArray(spec.rules) ? (spec.rules as unknown[]) : [];
  const ruleNames = new Set<string>();
  rules.forEach((rule, i) => {
    if (!isObject(rule)) return;
    const rulePath = `spec.rules[${i}]`;
    if (typeof rule.name === "string" && !isExpression(rule.name)) {
      if (ruleNames.has(rule.name)) {
        ctx.sink.error(
          ctx.address,
          at(`${rulePath}.name`),
          "crd-duplicate-name",
          `rule name "${rule.name}" is used twice; names must be unique within the policy`,
        );
      }
      ruleNames.add(rule.name);
    }
    for (const [field, defined] of [
      ["destinationSmartGroups", smartGroups],
      ["webGroups", webGroups],
    ] as const) {
      const refs = Array.isArray(rule[field]) ? (rule[field] as unknown[]) : [];
      refs.forEach((ref, j) => {
        if (!isObject(ref) || typeof ref.name !== "string" || isExpression(ref.name) || defined.has(ref.name)) return;
        const specKey = field === "webGroups" ? "webGroups" : "smartGroups";
        ctx.sink.warning(
          ctx.address,
          at(`${rulePath}.${field}[${j}].name`),
          "crd-unresolved-ref",
          `"${ref.name}" is not defined in spec.${specKey}; it must already exist on the controller`,
        );
      });
    }
    if (typeof rule.protocol === "string" && rule.protocol.toLowerCase() === "icmp" && rule.port !== undefined) {
      ctx.sink.error(ctx.address, at(`${rulePath}.port`), "icmp-port-ranges", "port must not be set when protocol is icmp");
    }
    if (typeof rule.port === "number" && typeof rule.endPort === "number" && rule.endPort < rule.port) {
      ctx.sink.error(ctx.address, at(`${rulePath}.endPort`), "crd-port-range", `endPort ${rule.endPort} is below port ${rule.port}`);
    }
    if (ctx.version && ctx.version.before("10.1.0")) {
      for (const field of CHART_10_1_FIELDS.filter((f) => rule[f] !== undefined)) {
        ctx.sink.warning(
          ctx.address,
          at(`${rulePath}.${field}`),
          "crd-field-version",
          `${field} exists only in the k8s-firewall CRD 10.1.0 and newer; the document targets controller ${ctx.version}`,
        );
      }
    }
  });
}

/** JSON pointers of every `${...}` value (unknown until plan), to ignore schema errors under them. */
function expressionPaths(value: unknown, pointer: string): string[] {
  if (isExpression(value)) return [pointer];
  if (Array.isArray(value)) return value.flatMap((v, i) => expressionPaths(v, `${pointer}/${i}`));
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => expressionPaths(v, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`));
  return [];
}

/** `/spec/rules/0/ports` → `spec.rules[0].ports` */
function pointerToPath(pointer: string): string {
  let path = "";
  for (const raw of pointer.split("/").slice(1)) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    path += /^\d+$/.test(segment) ? `[${segment}]` : path ? `.${segment}` : segment;
  }
  return path;
}

function join(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith("[") ? `${prefix}${path}` : `${prefix}.${path}`;
}

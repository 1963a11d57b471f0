// FirewallPolicy manifests from YAML: one file (multi-document) or a directory of *.yaml/*.yml.
// Other kinds are skipped; shape errors name the file and YAML path and exit 2 via the CLI.
import * as fs from "fs";
import * as path from "path";
import { loadAllYamlBounded, MAX_YAML_INPUT_BYTES, readInputText } from "../../util/input-file";
import { FindingSink } from "../../validate/finding";
import { validateCrdManifest } from "../../validate/crd-manifest";
import { DcfModelError } from "../errors";
import { LocatedFirewallPolicy } from "./from-crd";
import { FIREWALL_POLICY_API_VERSION, FIREWALL_POLICY_KIND, FirewallPolicyObject } from "./firewall-policy-types";

const RULE_KEYS = new Set([
  "name",
  "action",
  "selector",
  "destinationSmartGroups",
  "webGroups",
  "protocol",
  "port",
  "endPort",
  "logging",
  "logProfile",
  "decryptPolicy",
  "flowAppRequirement",
  "tlsProfile",
  "watch",
]);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Schema errors listed in one message before the rest are counted. */
const MAX_LISTED = 20;

/**
 * The full CRD JSON Schema (the one `vca validate` uses), then the parts of the shape the
 * simulator relies on: a manifest simulate or analyze reads is exactly one validate accepts, and
 * a wrong type anywhere (`domains: "x"`, `selectors: [null]`, `cidr: 5`) is exit 2, never a crash.
 */
export function checkFirewallPolicyShape(doc: Record<string, unknown>, where: string): FirewallPolicyObject {
  const sink = new FindingSink();
  validateCrdManifest(doc, { sink, address: where, pathPrefix: "" });
  const errors = sink.findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    const listed = errors.slice(0, MAX_LISTED).map((f) => `${f.path || "(document)"}: ${f.message}`);
    const more = errors.length > MAX_LISTED ? [`… and ${errors.length - MAX_LISTED} more`] : [];
    throw new DcfModelError(
      `${where}.${errors[0].path}`,
      errors.length === 1 ? errors[0].message : `${errors.length} schema errors:\n  ${[...listed, ...more].join("\n  ")}`,
    );
  }
  return checkSimulatorShape(doc, where);
}

function checkSimulatorShape(doc: Record<string, unknown>, where: string): FirewallPolicyObject {
  if (doc.apiVersion !== FIREWALL_POLICY_API_VERSION) {
    throw new DcfModelError(`${where}.apiVersion`, `want ${FIREWALL_POLICY_API_VERSION} (got ${JSON.stringify(doc.apiVersion)})`);
  }
  const md = doc.metadata;
  if (!isObject(md) || typeof md.name !== "string" || md.name === "") throw new DcfModelError(`${where}.metadata.name`, "FirewallPolicy needs metadata.name");
  if (md.namespace !== undefined && typeof md.namespace !== "string") throw new DcfModelError(`${where}.metadata.namespace`, "must be a string");
  const spec = doc.spec;
  if (!isObject(spec)) throw new DcfModelError(`${where}.spec`, "FirewallPolicy needs a spec object");
  for (const f of ["rules", "smartGroups", "webGroups"]) {
    if (spec[f] !== undefined && !Array.isArray(spec[f])) throw new DcfModelError(`${where}.spec.${f}`, "must be a list");
  }
  ((spec.rules as unknown[]) ?? []).forEach((r, i) => {
    const p = `${where}.spec.rules[${i}]`;
    if (!isObject(r)) throw new DcfModelError(p, "a rule must be a mapping");
    for (const k of Object.keys(r))
      if (!RULE_KEYS.has(k)) throw new DcfModelError(`${p}.${k}`, `unknown rule field (want one of ${[...RULE_KEYS].join(", ")})`);
    if (typeof r.name !== "string" || r.name === "") throw new DcfModelError(`${p}.name`, "rule name is required");
    for (const k of ["port", "endPort"]) {
      if (r[k] !== undefined && (!Number.isInteger(r[k]) || (r[k] as number) < 0 || (r[k] as number) > 65535)) {
        throw new DcfModelError(`${p}.${k}`, `want an integer 0..65535 (got ${JSON.stringify(r[k])})`);
      }
    }
    for (const k of ["logging", "watch"]) {
      if (r[k] !== undefined && typeof r[k] !== "boolean") throw new DcfModelError(`${p}.${k}`, `want true or false (got ${JSON.stringify(r[k])})`);
    }
    if (r.protocol !== undefined && !["tcp", "udp", "icmp", "any"].includes(r.protocol as string)) {
      throw new DcfModelError(`${p}.protocol`, `want tcp|udp|icmp|any (got ${JSON.stringify(r.protocol)})`);
    }
  });
  return doc as unknown as FirewallPolicyObject;
}

/** Every FirewallPolicy in a (multi-document) YAML text. */
export function firewallPoliciesFromYaml(text: string, file: string): LocatedFirewallPolicy[] {
  const docs = loadAllYamlBounded(text, file, "FirewallPolicy manifest");
  const out: LocatedFirewallPolicy[] = [];
  docs.forEach((doc, i) => {
    if (doc === null || doc === undefined) return;
    const where = `${file}: documents[${i}]`;
    if (!isObject(doc)) throw new DcfModelError(where, "expected a Kubernetes object");
    if (doc.kind !== FIREWALL_POLICY_KIND) return;
    out.push({ policy: checkFirewallPolicyShape(doc, where), where });
  });
  return out;
}

/** FirewallPolicies from a file or every *.yaml / *.yml in a directory (sorted, not recursive). */
export function firewallPoliciesFromPath(p: string): LocatedFirewallPolicy[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    throw new DcfModelError(p, "no such file or directory");
  }
  const files = stat.isDirectory()
    ? fs
        .readdirSync(p)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => path.join(p, f))
    : [p];
  return files.flatMap((f) => firewallPoliciesFromYaml(readInputText(f, "FirewallPolicy manifest", MAX_YAML_INPUT_BYTES), f));
}

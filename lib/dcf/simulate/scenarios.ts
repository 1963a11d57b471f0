// Scenario files for `vca simulate` (docs/ARCHITECTURE.md §6): strict parsing (unknown keys are errors that
// name the file and YAML path) and running them against a model.
import { parseIp } from "../../net/ip";
import { loadYamlBounded } from "../../util/input-file";
import { checkHostSyntax } from "../../net/domain-name";
import { DcfModelError } from "../errors";
import { PolicyModel, Tier } from "../model";
import { PolicyEvaluator } from "./evaluate";
import { checkScenarioReferences } from "./scenario-references";
import { unresolvedMembers } from "./unresolved-members";
import { EvaluationResult, Flow, FlowProtocol, Verdict } from "./flow";

export interface Scenario {
  readonly name: string;
  readonly flow: Flow;
  readonly expect?: Verdict;
  readonly expectRule?: string;
}

export interface ScenarioResult {
  readonly name: string;
  readonly verdict: Verdict;
  readonly rule: string;
  readonly tier: Tier;
  /** Present when the scenario has expect / expectRule. */
  readonly pass?: boolean;
  /** Present when the verdict rests on group members unknown offline (unresolved `${…}` references). */
  readonly note?: string;
}

/** The controller's own default action, assumed when the synth does not manage it. */
export type ControllerDefault = "PERMIT" | "DENY";

export interface ScenarioFile {
  readonly flows: Scenario[];
  /** `controllerDefault:` in the file. @default - not set */
  readonly controllerDefault?: ControllerDefault;
}

export interface RunScenariosOptions {
  /**
   * The controller default action to assume when the model does not manage one (a brownfield
   * synth never does). @default "PERMIT" - the controller's default after enabling DCF
   */
  readonly controllerDefault?: ControllerDefault;
  /** Names the scenarios file in errors. @default "scenarios" */
  readonly file?: string;
}

type Obj = Record<string, unknown>;

function obj(v: unknown, path: string, allowed: readonly string[]): Obj {
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new DcfModelError(path, `expected a mapping (got ${JSON.stringify(v)})`);
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k)) throw new DcfModelError(`${path}.${k}`, `unknown key (want one of ${allowed.join(", ")})`);
  }
  return v as Obj;
}

function str(v: unknown, path: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "string" || v.trim() === "") throw new DcfModelError(path, `expected a non-empty string (got ${JSON.stringify(v)})`);
  return v;
}

/** A request host by the one host grammar (lib/net/domain-name): no port, scheme, path or empty label. */
function hostName(v: unknown, path: string): string | undefined {
  const s = str(v, path);
  if (s === undefined) return undefined;
  const r = checkHostSyntax(s);
  if (!r.ok) throw new DcfModelError(path, `${JSON.stringify(s)} ${r.reason} (put the port in to.port and the path in to.path)`);
  return s;
}

function strList(v: unknown, path: string): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw new DcfModelError(path, `expected a list of strings (got ${JSON.stringify(v)})`);
  return v.map((x, i) => str(x, `${path}[${i}]`) as string);
}

function strMap(v: unknown, path: string): Record<string, string> | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new DcfModelError(path, `expected a mapping of strings (got ${JSON.stringify(v)})`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== "string" && typeof x !== "number" && typeof x !== "boolean")
      throw new DcfModelError(`${path}.${k}`, `expected a string (got ${JSON.stringify(x)})`);
    out[k] = String(x);
  }
  return out;
}

function ip(v: unknown, path: string): string | undefined {
  const s = str(v, path);
  if (s !== undefined && parseIp(s) === undefined) throw new DcfModelError(path, `not an IP address (got "${s}")`);
  return s;
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function parseFlow(f: unknown, path: string): Scenario {
  const o = obj(f, path, ["name", "from", "to", "expect", "expectRule"]);
  const name = str(o.name, `${path}.name`);
  if (name === undefined) throw new DcfModelError(`${path}.name`, "every flow needs a name");
  const from = obj(o.from ?? {}, `${path}.from`, ["ip", "k8s", "subnet", "vpc", "tags", "groups"]);
  const k8s = from.k8s === undefined ? undefined : obj(from.k8s, `${path}.from.k8s`, ["cluster", "namespace", "labels", "pod", "service"]);
  if (o.to === undefined) throw new DcfModelError(`${path}.to`, "every flow needs a destination (to)");
  const to = obj(o.to, `${path}.to`, ["host", "ip", "port", "protocol", "path", "decrypted", "tls", "groups", "feeds", "serviceTags"]);
  const protoText = str(to.protocol, `${path}.to.protocol`);
  const protocol = protoText?.toUpperCase();
  if (protocol !== "TCP" && protocol !== "UDP" && protocol !== "ICMP") {
    throw new DcfModelError(`${path}.to.protocol`, `want tcp, udp or icmp (got ${JSON.stringify(to.protocol)})`);
  }
  if (to.port === undefined && protocol !== "ICMP") throw new DcfModelError(`${path}.to.port`, "port is required for tcp/udp");
  if (to.port !== undefined && (!Number.isInteger(to.port) || (to.port as number) < 0 || (to.port as number) > 65535)) {
    throw new DcfModelError(`${path}.to.port`, `want an integer 0..65535 (got ${JSON.stringify(to.port)})`);
  }
  if (to.decrypted !== undefined && typeof to.decrypted !== "boolean") {
    throw new DcfModelError(
      `${path}.to.decrypted`,
      `want true or false (got ${JSON.stringify(to.decrypted)}); true = the gateway decrypted the session (URL filters of DECRYPT_ALLOWED rules apply)`,
    );
  }
  if (to.tls !== undefined && typeof to.tls !== "boolean") {
    throw new DcfModelError(
      `${path}.to.tls`,
      `want true or false (got ${JSON.stringify(to.tls)}); true = a TLS session (TLS_REQUIRED rules match), false = plaintext (NOT_TLS_REQUIRED rules match), unset = unknown (neither matches)`,
    );
  }
  if (to.tls === false && to.decrypted === true) throw new DcfModelError(`${path}.to.tls`, "a decrypted flow is TLS: drop tls: false or decrypted: true");
  let expect: Verdict | undefined;
  if (o.expect !== undefined) {
    const e = String(o.expect).toUpperCase();
    if (e !== "PERMIT" && e !== "DENY") throw new DcfModelError(`${path}.expect`, `want PERMIT or DENY (got ${JSON.stringify(o.expect)})`);
    expect = e;
  }
  const flow: Flow = {
    from: dropUndefined({
      ip: ip(from.ip, `${path}.from.ip`),
      k8s:
        k8s === undefined
          ? undefined
          : dropUndefined({
              cluster: str(k8s.cluster, `${path}.from.k8s.cluster`),
              namespace: str(k8s.namespace, `${path}.from.k8s.namespace`),
              labels: strMap(k8s.labels, `${path}.from.k8s.labels`),
              pod: str(k8s.pod, `${path}.from.k8s.pod`),
              service: str(k8s.service, `${path}.from.k8s.service`),
            }),
      subnet: str(from.subnet, `${path}.from.subnet`),
      vpc: str(from.vpc, `${path}.from.vpc`),
      tags: strMap(from.tags, `${path}.from.tags`),
      groups: strList(from.groups, `${path}.from.groups`),
    }),
    to: dropUndefined({
      host: hostName(to.host, `${path}.to.host`),
      ip: ip(to.ip, `${path}.to.ip`),
      port: to.port as number | undefined,
      protocol: protocol as FlowProtocol,
      path: to.path === undefined ? undefined : String(to.path),
      decrypted: to.decrypted as boolean | undefined,
      tls: to.tls as boolean | undefined,
      groups: strList(to.groups, `${path}.to.groups`),
      feeds: strList(to.feeds, `${path}.to.feeds`),
      serviceTags: strList(to.serviceTags, `${path}.to.serviceTags`),
    }),
  };
  return dropUndefined({ name, flow, expect, expectRule: str(o.expectRule, `${path}.expectRule`) });
}

/** Parses a scenarios YAML text; `file` prefixes every error path. */
export function parseScenarios(text: string, file: string): Scenario[] {
  return parseScenarioFile(text, file).flows;
}

export function parseControllerDefault(v: unknown, path: string): ControllerDefault {
  const text = typeof v === "string" ? v.toUpperCase() : undefined;
  if (text !== "PERMIT" && text !== "DENY")
    throw new DcfModelError(path, `want PERMIT or DENY (got ${JSON.stringify(v)}): the default action the controller applies when no rule matches`);
  return text;
}

/** Parses a scenarios YAML text with its file-level settings; `file` prefixes every error path. */
export function parseScenarioFile(text: string, file: string): ScenarioFile {
  const doc = loadYamlBounded(text, file, "scenarios file");
  const top = obj(doc, `${file}: (root)`, ["flows", "controllerDefault"]);
  const controllerDefault = top.controllerDefault === undefined ? undefined : parseControllerDefault(top.controllerDefault, `${file}: controllerDefault`);
  if (!Array.isArray(top.flows) || top.flows.length === 0) throw new DcfModelError(`${file}: flows`, "expected a non-empty list of flows");
  const scenarios = top.flows.map((f, i) => parseFlow(f, `${file}: flows[${i}]`));
  const names = new Set<string>();
  scenarios.forEach((s, i) => {
    if (names.has(s.name)) throw new DcfModelError(`${file}: flows[${i}].name`, `duplicate flow name "${s.name}"`);
    names.add(s.name);
  });
  return controllerDefault === undefined ? { flows: scenarios } : { flows: scenarios, controllerDefault };
}

/** Does the deciding rule carry the expected name (plain, or `<namespace>/<policy>/<rule>` for K8S)? */
export function ruleNameMatches(result: EvaluationResult, expected: string): boolean {
  return result.rule === expected || (result.origin !== undefined && `${result.origin}/${result.rule}` === expected);
}

/**
 * Evaluates every scenario; `pass` is set only when the scenario states an expectation. Throws a
 * DcfModelError (bad input) when a scenario names a subnet, VPC, cluster or group the model does
 * not contain. A flow whose verdict would change if unresolved group members matched carries a note.
 */
export function runScenarios(model: PolicyModel, scenarios: readonly Scenario[], opts: RunScenariosOptions = {}): ScenarioResult[] {
  checkScenarioReferences(model, scenarios, opts.file ?? "scenarios");
  const assumed: PolicyModel =
    model.defaultAction !== undefined ? model : { ...model, defaultAction: { action: opts.controllerDefault ?? "PERMIT", logging: false } };
  const ev = new PolicyEvaluator(assumed);
  const unresolved = unresolvedMembers(assumed);
  const optimistic = unresolved && new PolicyEvaluator(unresolved.optimistic);
  return scenarios.map((s) => {
    const r = ev.evaluate(s.flow);
    const checks: boolean[] = [];
    if (s.expect !== undefined) checks.push(r.verdict === s.expect);
    if (s.expectRule !== undefined) checks.push(ruleNameMatches(r, s.expectRule));
    let note: string | undefined;
    if (optimistic && unresolved) {
      const o = optimistic.evaluate(s.flow);
      if (o.rule !== r.rule || o.verdict !== r.verdict) {
        // Name the unresolved groups of the rule that would decide instead.
        const decider = assumed.rules.find((x) => x.name === o.rule && (o.origin === undefined || x.origin === o.origin));
        const keys = decider ? [...decider.srcGroups, ...decider.dstGroups, ...decider.webGroups.map((k) => `web:${k}`)] : [...unresolved.groups.keys()];
        const groups = keys
          .map((k) => unresolved.groups.get(k))
          .filter((g): g is { name: string; values: readonly string[] } => g !== undefined)
          .map((g) => `"${g.name}" (${g.values.join(", ")})`)
          .join(", ");
        note = `evaluated against group members unknown offline: if ${groups} matched, rule "${o.rule}" would decide (${o.verdict}) instead of "${r.rule}"`;
      }
    }
    return {
      name: s.name,
      verdict: r.verdict,
      rule: r.rule,
      tier: r.tier,
      ...(checks.length > 0 ? { pass: checks.every(Boolean) } : {}),
      ...(note !== undefined ? { note } : {}),
    };
  });
}

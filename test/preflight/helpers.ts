// Small test constructs implementing the preflight fact interfaces, and policy-model builders.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Construct } from "constructs";
import { App, TerraformStack, Testing } from "../../lib/core/cdktf";
import type { PolicyModel, RuleModel, SmartGroupModel, WebGroupModel } from "../../lib/dcf/model";
import { PREFLIGHT_FACTS, type PreflightFact } from "../../lib/preflight/facts";
import { Preflight, type PreflightProps } from "../../lib/preflight/preflight";
import type { PreflightFinding } from "../../lib/preflight/finding";

export class FactConstruct extends Construct {
  constructor(
    scope: Construct,
    id: string,
    private readonly facts: readonly PreflightFact[],
  ) {
    super(scope, id);
  }
  public [PREFLIGHT_FACTS](): readonly PreflightFact[] {
    return this.facts;
  }
}

export function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "vca-preflight-"));
}

/** A stack with Preflight installed (no baseline file, fixed clock) and the given facts. */
export function stackWith(facts: readonly PreflightFact[] = [], props: PreflightProps = {}): { app: App; stack: TerraformStack; preflight: Preflight } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test-stack");
  if (facts.length) new FactConstruct(stack, "facts", facts);
  const preflight = Preflight.of(stack, { baselineFile: path.join(tmpDir(), "none.lock.json"), now: new Date("2026-06-01T00:00:00Z"), ...props });
  return { app, stack, preflight };
}

export function findingsOf(preflight: Preflight, ruleId: string): readonly PreflightFinding[] {
  return preflight.evaluate().findings.filter((f) => f.ruleId === ruleId);
}

/**
 * What a non-compliance test asserts: the rule reports exactly these findings, each matching the
 * given fields (level, construct path, got/want...). Returns the findings for further checks.
 */
export function expectFindings(
  preflight: Preflight,
  ruleId: string,
  want: readonly Partial<Record<keyof PreflightFinding, unknown>>[],
): readonly PreflightFinding[] {
  const found = findingsOf(preflight, ruleId);
  expect(found).toEqual(want.map((w) => expect.objectContaining({ ruleId, ...w })));
  return found;
}

export function statuses(preflight: Preflight, ruleId: string): string[] {
  return findingsOf(preflight, ruleId).map((f) => f.status);
}

export const ANYWHERE: SmartGroupModel = { key: "anywhere", name: "anywhere", kind: "anywhere", expressions: [] };
export const INTERNET: SmartGroupModel = { key: "internet", name: "internet", kind: "publicInternet", expressions: [] };
export const APP_SUBNET: SmartGroupModel = { key: "app", name: "app", kind: "selector", expressions: [{ cidr: "10.0.1.0/24" }] };

export function web(key: string, matches: WebGroupModel["matches"], kind: WebGroupModel["kind"] = "domains"): WebGroupModel {
  return { key, name: key, kind, matches };
}

export function rule(name: string, over: Partial<RuleModel> = {}): RuleModel {
  return {
    name,
    tier: "V1",
    priority: 10,
    action: "PERMIT",
    protocol: "TCP",
    portRanges: [{ lo: 443 }],
    srcGroups: ["app"],
    dstGroups: ["internet"],
    webGroups: [],
    logging: true,
    watch: false,
    decryptPolicy: "DECRYPT_NOT_ALLOWED",
    flowAppRequirement: "APP_UNSPECIFIED",
    ...over,
  };
}

export function model(rules: readonly RuleModel[], webGroups: readonly WebGroupModel[] = [], extra: Partial<PolicyModel> = {}): PolicyModel {
  return {
    smartGroups: Object.fromEntries([ANYWHERE, INTERNET, APP_SUBNET].map((g) => [g.key, g])),
    webGroups: Object.fromEntries(webGroups.map((w) => [w.key, w])),
    rules,
    defaultAction: { action: "DENY", logging: true },
    ...extra,
  };
}

export const OK_WEB = web("llm", [{ sni: "api.openai.com" }]);
export const OK_POLICY = model([rule("llm", { webGroups: ["llm"] })], [OK_WEB]);

import { DefaultActionModel, PolicyModel, RuleModel, SmartGroupModel, WebGroupModel, WebMatch, WELL_KNOWN } from "../../../lib/dcf/model";

// Small builders for analyzer tests: every rule field defaulted, groups by key.

export const ANY = WELL_KNOWN.anywhere;
export const INTERNET = WELL_KNOWN.publicInternet;

export function rule(name: string, over: Partial<RuleModel> = {}): RuleModel {
  return {
    name,
    tier: "V1",
    priority: 100,
    action: "PERMIT",
    protocol: "TCP",
    portRanges: [{ lo: 443 }],
    srcGroups: ["app"],
    dstGroups: [INTERNET],
    webGroups: [],
    logging: true,
    watch: false,
    decryptPolicy: "DECRYPT_UNSPECIFIED",
    flowAppRequirement: "APP_UNSPECIFIED",
    ...over,
  };
}

export function sniGroup(key: string, ...sni: string[]): WebGroupModel {
  return { key, name: key, kind: "domains", matches: sni.map((s): WebMatch => ({ sni: s })) };
}

export function urlGroup(key: string, ...url: string[]): WebGroupModel {
  return { key, name: key, kind: "domains", matches: url.map((u): WebMatch => ({ url: u })) };
}

export function cidrGroup(key: string, ...cidrs: string[]): SmartGroupModel {
  return { key, name: key, kind: "selector", expressions: cidrs.map((cidr) => ({ cidr })) };
}

export function model(
  rules: RuleModel[],
  opts: { smartGroups?: SmartGroupModel[]; webGroups?: WebGroupModel[]; defaultAction?: DefaultActionModel | null } = {},
): PolicyModel {
  const smart: Record<string, SmartGroupModel> = {
    [ANY]: { key: ANY, name: "Anywhere", kind: "anywhere", expressions: [] },
    [INTERNET]: { key: INTERNET, name: "Public Internet", kind: "publicInternet", expressions: [] },
    app: cidrGroup("app", "10.1.0.0/16"),
    other: cidrGroup("other", "10.2.0.0/16"),
  };
  for (const g of opts.smartGroups ?? []) smart[g.key] = g;
  const web: Record<string, WebGroupModel> = {};
  for (const g of opts.webGroups ?? []) web[g.key] = g;
  return {
    smartGroups: smart,
    webGroups: web,
    rules,
    ...(opts.defaultAction === null ? {} : { defaultAction: opts.defaultAction ?? { action: "DENY", logging: true } }),
  };
}

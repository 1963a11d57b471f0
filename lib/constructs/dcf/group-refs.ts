// What a rule can point at: a SmartGroup / WebGroup construct, a managed or well-known group,
// or a bare model value. Constructs carry a `uuid` (token or literal) and the model they render.
import { BUILT_IN_SMART_GROUPS, BUILT_IN_WEB_GROUPS } from "../../dcf/built-in-groups";
import { SmartGroupModel, WebGroupModel, WELL_KNOWN } from "../../dcf/model";

/** Anything a rule can use as a source or destination SmartGroup. */
export interface ISmartGroupRef {
  /** The SmartGroup UUID as Terraform sees it (a reference token or a literal well-known UUID). */
  readonly uuid: string;
  /** The model of the group (its `key` is what rules in `PolicyModel` reference). */
  readonly model: SmartGroupModel;
}

/** Anything a rule can use as a WebGroup. */
export interface IWebGroupRef {
  readonly uuid: string;
  readonly model: WebGroupModel;
}

/** A SmartGroup reference, or a model value the pack renders on demand. */
export type SmartGroupInput = ISmartGroupRef | SmartGroupModel;
/** A WebGroup reference, or a model value the pack renders on demand. */
export type WebGroupInput = IWebGroupRef | WebGroupModel;

// `in`, not property reads: on constructs uuid/model are getters that create tokens / resolve.
export function isSmartGroupRef(x: SmartGroupInput): x is ISmartGroupRef {
  return "uuid" in x && "model" in x;
}

export function isWebGroupRef(x: WebGroupInput): x is IWebGroupRef {
  return "uuid" in x && "model" in x;
}

/** Whether a WebGroup has URL filters, without building its model when the construct knows. */
export function hasUrlFilters(ref: IWebGroupRef): boolean {
  const known = (ref as { hasUrlFilters?: unknown }).hasUrlFilters;
  return typeof known === "boolean" ? known : ref.model.matches.some((m) => m.url !== undefined);
}

/** A reference to a controller object by literal UUID; its model key is the UUID. */
class UuidSmartGroupRef implements ISmartGroupRef {
  constructor(
    public readonly uuid: string,
    public readonly model: SmartGroupModel,
  ) {}
}

class UuidWebGroupRef implements IWebGroupRef {
  constructor(
    public readonly uuid: string,
    public readonly model: WebGroupModel,
  ) {}
}

/** Built-in SmartGroups by their well-known UUIDs (no Terraform object needed). */
export class WellKnownSmartGroups {
  /** "Anywhere" (0.0.0.0/0 and ::/0). */
  public static anywhere(): ISmartGroupRef {
    return new UuidSmartGroupRef(WELL_KNOWN.anywhere, BUILT_IN_SMART_GROUPS[WELL_KNOWN.anywhere]);
  }

  /** "Public Internet": destinations outside every known private range; egress rules use it. */
  public static publicInternet(): ISmartGroupRef {
    return new UuidSmartGroupRef(WELL_KNOWN.publicInternet, BUILT_IN_SMART_GROUPS[WELL_KNOWN.publicInternet]);
  }

  /** ThreatIQ known-malicious IPs (the built-in threatiq feed group). */
  public static threatIq(): ISmartGroupRef {
    return new UuidSmartGroupRef(WELL_KNOWN.threatIntel, BUILT_IN_SMART_GROUPS[WELL_KNOWN.threatIntel]);
  }

  /** Any pre-existing SmartGroup by literal UUID (contents unknown offline). */
  public static fromUuid(uuid: string, name?: string): ISmartGroupRef {
    return new UuidSmartGroupRef(uuid, { key: uuid, name: name ?? uuid, kind: "managed", expressions: [] });
  }

  private constructor() {}
}

/** Built-in WebGroups by their well-known UUIDs. */
export class WellKnownWebGroups {
  /** "All-Web": any HTTP/TLS host, including TLS without SNI. */
  public static allWeb(): IWebGroupRef {
    return new UuidWebGroupRef(WELL_KNOWN.allWeb, BUILT_IN_WEB_GROUPS[WELL_KNOWN.allWeb]);
  }

  /** Any pre-existing WebGroup by literal UUID (contents unknown offline). */
  public static fromUuid(uuid: string, name?: string): IWebGroupRef {
    return new UuidWebGroupRef(uuid, { key: uuid, name: name ?? uuid, kind: "managed", matches: [] });
  }

  private constructor() {}
}

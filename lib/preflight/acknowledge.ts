// Acknowledgements (suppressions with a reason), stored on the construct they were given for and
// inherited by its children. Stored under a Symbol.for key so two copies of the library agree.
import type { IConstruct } from "constructs";
import { LocatedInputError } from "../util/errors";

const ACKS = Symbol.for("vca-cdktf.preflight.acknowledgements");
export const MIN_REASON_LENGTH = 10;

export interface Acknowledgement {
  /** Rule id (`AVX-IMM1`) or finding id (`AVX-IMM1[foundry/capability-host]`). */
  readonly id: string;
  /** Why this is accepted: at least 10 characters (ticket, approval, plan). */
  readonly reason: string;
  /** Last day (YYYY-MM-DD, UTC) the acknowledgement holds. @default - never expires */
  readonly expires?: string;
}

/** Bad acknowledgement input; carries the construct path it was given at. */
export class PreflightAcknowledgementError extends LocatedInputError {
  constructor(
    public readonly constructPath: string,
    detail: string,
  ) {
    super(`Preflight.acknowledge at ${constructPath || "<app>"}`, detail);
    this.name = "PreflightAcknowledgementError";
  }
}

export function recordAcknowledgement(scope: IConstruct, ack: Acknowledgement, knownRuleIds: ReadonlySet<string>): void {
  const path = scope.node.path;
  const id = typeof ack?.id === "string" ? ack.id.trim() : "";
  // Areas are letters with inner digits (K8S): `AVX-K8S6` must parse as area K8S, rule 6.
  const m = /^(AVX-[A-Z](?:[A-Z0-9]*[A-Z])?\d+)(\[.+\])?$/.exec(id);
  if (!m) {
    throw new PreflightAcknowledgementError(path, `id must look like AVX-<AREA><N> or AVX-<AREA><N>[finding] (got ${JSON.stringify(ack?.id)})`);
  }
  if (!knownRuleIds.has(m[1])) {
    throw new PreflightAcknowledgementError(path, `unknown rule id ${m[1]} (want one of ${[...knownRuleIds].sort().join(", ")}); see RULES.md`);
  }
  const reason = typeof ack.reason === "string" ? ack.reason.trim() : "";
  if (reason.length < MIN_REASON_LENGTH) {
    throw new PreflightAcknowledgementError(
      path,
      `reason for ${id} must have ${MIN_REASON_LENGTH} characters or more (got ${JSON.stringify(ack.reason ?? "")}); say why, e.g. a ticket or approval`,
    );
  }
  if (ack.expires !== undefined && expiryEnd(ack.expires) === undefined) {
    throw new PreflightAcknowledgementError(path, `expires for ${id} must be a date YYYY-MM-DD (got ${JSON.stringify(ack.expires)})`);
  }
  const holder = scope as unknown as Record<symbol, Acknowledgement[] | undefined>;
  const list = holder[ACKS] ?? [];
  list.push({ id, reason, ...(ack.expires !== undefined ? { expires: ack.expires } : {}) });
  holder[ACKS] = list;
}

export interface FoundAcknowledgement {
  readonly ack: Acknowledgement;
  readonly at: string;
  readonly expired: boolean;
}

/** The nearest acknowledgement (node first, then ancestors) matching the rule or finding id. */
export function findAcknowledgement(node: IConstruct, ruleId: string, findingId: string | undefined, now: Date): FoundAcknowledgement | undefined {
  const wanted = new Set([ruleId, ...(findingId ? [`${ruleId}[${findingId}]`] : [])]);
  const scopes = [...node.node.scopes].reverse();
  let expiredMatch: FoundAcknowledgement | undefined;
  for (const scope of scopes) {
    const list = (scope as unknown as Record<symbol, readonly Acknowledgement[] | undefined>)[ACKS] ?? [];
    for (const ack of list) {
      if (!wanted.has(ack.id)) continue;
      const end = ack.expires ? expiryEnd(ack.expires) : undefined;
      const expired = end !== undefined && now.getTime() > end;
      if (!expired) return { ack, at: scope.node.path, expired };
      expiredMatch ??= { ack, at: scope.node.path, expired };
    }
  }
  return expiredMatch;
}

/** End of the given UTC day in ms; undefined when not a real YYYY-MM-DD date. */
function expiryEnd(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text));
  if (!m) return undefined;
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(start);
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return undefined;
  return start + 24 * 60 * 60 * 1000 - 1;
}

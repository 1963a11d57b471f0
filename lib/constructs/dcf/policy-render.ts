// Pack rules → the provider's `policies` / `rules` blocks (snake_case, as synthesized) and → the
// pure RuleModel. Linear: group keys are computed once per group, sets are sorted by group key
// (a Terraform address or UUID) so output does not depend on call order.
import { Construct, IConstruct } from "constructs";
import { TerraformStack } from "../../core/cdktf";
import { mayContainTokens } from "../../core/prepare-skip";
import { RuleModel } from "../../dcf/model";
import { PackRule } from "./dcf-rule";
import { ISmartGroupRef, IWebGroupRef } from "./group-refs";

type GroupRef = ISmartGroupRef | IWebGroupRef;

/** Memoises each group's model key (and reference text) for one render pass. */
export class GroupKeys {
  private readonly keys = new Map<GroupRef, string>();
  private readonly uuids = new Map<GroupRef, string>();

  /** @param stack the stack the output is rendered in: same-stack groups are referenced as plain text */
  constructor(private readonly stack?: IConstruct) {}

  public of(ref: GroupRef): string {
    let key = this.keys.get(ref);
    if (key === undefined) {
      // Constructs expose their address cheaply; `model` may resolve tokens.
      const address = (ref as { address?: unknown }).address;
      key = typeof address === "string" ? address : ref.model.key;
      this.keys.set(ref, key);
    }
    return key;
  }

  /**
   * The UUID as written in the output. Same-stack Terraform objects are written as the plain
   * reference text `${<address>.uuid}`, which is what their token resolves to, without
   * creating and resolving a token per group (linear, cheap synth at 10k+ groups).
   */
  public uuidOf(ref: GroupRef): string {
    let uuid = this.uuids.get(ref);
    if (uuid === undefined) {
      uuid = isLocalGroup(ref, this.stack) ? `\${${ref.address}.uuid}` : ref.uuid;
      this.uuids.set(ref, uuid);
    }
    return uuid;
  }

  /** UUIDs ordered by group key, de-duplicated by key. */
  public sortedUuids(refs: readonly GroupRef[]): string[] {
    return this.sorted(refs).map((r) => this.uuidOf(r));
  }

  public sortedKeys(refs: readonly GroupRef[]): string[] {
    return this.sorted(refs).map((r) => this.of(r));
  }

  private sorted(refs: readonly GroupRef[]): GroupRef[] {
    if (refs.length === 1) return [refs[0]];
    const byKey = new Map<string, GroupRef>();
    for (const r of refs) byKey.set(this.of(r), r);
    return [...byKey.keys()].sort().map((k) => byKey.get(k) as GroupRef);
  }
}

/** Whether `ref` is a Terraform object in `stack`: rules then write its UUID as plain reference text. */
function isLocalGroup(ref: GroupRef, stack: IConstruct | undefined): ref is GroupRef & { readonly address: string } {
  const address = (ref as { address?: unknown }).address;
  return typeof address === "string" && stack !== undefined && Construct.isConstruct(ref) && TerraformStack.of(ref) === stack;
}

/** Whether the block rendered for `rule` in `stack` may hold cdktf tokens (see lib/core/prepare-skip). */
export function ruleMayHoldTokens(rule: PackRule, stack: IConstruct): boolean {
  const { src, dst, webGroups, ...fields } = rule;
  return mayContainTokens(fields) || [...src, ...dst, ...webGroups].some((ref) => !isLocalGroup(ref, stack) && mayContainTokens(ref.uuid));
}

/** Rules ordered by priority (the pack guarantees priorities are unique). */
export function byPriority(rules: Iterable<PackRule>): PackRule[] {
  return [...rules].sort((a, b) => a.priority - b.priority);
}

/** One rule as a `policies {}` / `rules {}` block of the provider, snake_case. */
export function renderRuleBlock(rule: PackRule, keys: GroupKeys): Record<string, unknown> {
  const block: Record<string, unknown> = {
    name: rule.name,
    action: rule.action,
    priority: rule.priority,
    protocol: rule.protocol,
    src_smart_groups: keys.sortedUuids(rule.src),
    dst_smart_groups: keys.sortedUuids(rule.dst),
  };
  if (rule.webGroups.length > 0) block.web_groups = keys.sortedUuids(rule.webGroups);
  block.logging = rule.logging;
  block.watch = rule.watch;
  if (rule.decryptPolicy !== "DECRYPT_UNSPECIFIED") block.decrypt_policy = rule.decryptPolicy;
  if (rule.tlsProfile !== undefined) block.tls_profile = rule.tlsProfile;
  if (rule.logProfile !== undefined) block.log_profile = rule.logProfile;
  if (rule.flowAppRequirement !== "APP_UNSPECIFIED") block.flow_app_requirement = rule.flowAppRequirement;
  if (rule.excludeSgOrchestration) block.exclude_sg_orchestration = true;
  if (rule.portRanges.length > 0) {
    block.port_ranges = rule.portRanges.map((r) => (r.hi === undefined ? { lo: r.lo } : { lo: r.lo, hi: r.hi }));
  }
  return block;
}

/** One rule as model data (tier V1), referencing groups by key. */
export function ruleToModel(rule: PackRule, keys: GroupKeys, origin?: string): RuleModel {
  return {
    name: rule.name,
    tier: "V1",
    priority: rule.priority,
    action: rule.action,
    protocol: rule.protocol,
    portRanges: rule.portRanges,
    srcGroups: keys.sortedKeys(rule.src),
    dstGroups: keys.sortedKeys(rule.dst),
    webGroups: keys.sortedKeys(rule.webGroups),
    logging: rule.logging,
    watch: rule.watch,
    decryptPolicy: rule.decryptPolicy,
    ...(rule.tlsProfile !== undefined ? { tlsProfile: rule.tlsProfile } : {}),
    ...(rule.logProfile !== undefined ? { logProfile: rule.logProfile } : {}),
    flowAppRequirement: rule.flowAppRequirement,
    ...(rule.excludeSgOrchestration ? { excludeSgOrchestration: true } : {}),
    ...(origin !== undefined ? { origin } : {}),
  };
}

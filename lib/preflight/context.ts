// Everything a rule may read about one stack, computed once per evaluation.
import { CONTEXT_KEYS, contextValue } from "../core/context-keys";
import type { IConstruct } from "constructs";
import { TerraformDataSource, TerraformProvider, TerraformResource, TerraformStack } from "../core/cdktf";
import { isUnresolved } from "../core/construct-props-error";
import { resolveTokens } from "../core/resolve-tokens";
import type { Baseline } from "./baseline";
import { factsOf, type PreflightFact, type PreflightFactKind } from "./facts";

export type FactOf<K extends PreflightFactKind> = Extract<PreflightFact, { kind: K }>;

export interface FactAt<K extends PreflightFactKind> {
  readonly node: IConstruct;
  readonly fact: FactOf<K>;
}

/** Where the controller version came from (a fact on a node, the Preflight option, or app context). */
export interface ControllerVersionSource {
  readonly value: unknown;
  readonly node: IConstruct;
  readonly origin: "provider" | "option" | "context";
}

export interface RuleContextInit {
  readonly stack: TerraformStack;
  readonly controllerVersionOption?: string;
  readonly baseline?: Baseline;
  readonly baselineFile?: string;
}

export class RuleContext {
  public readonly stack: TerraformStack;
  public readonly stackName: string;
  /** Every construct in the stack, pre-order (the stack first). */
  public readonly nodes: readonly IConstruct[];
  public readonly baseline?: Baseline;
  public readonly baselineFile?: string;
  private readonly factIndex = new Map<PreflightFactKind, Array<FactAt<PreflightFactKind>>>();
  private readonly controllerVersionOption?: string;

  constructor(init: RuleContextInit) {
    this.stack = init.stack;
    this.stackName = init.stack.node.id;
    this.nodes = init.stack.node.findAll();
    this.baseline = init.baseline;
    this.baselineFile = init.baselineFile;
    this.controllerVersionOption = init.controllerVersionOption;
    for (const node of this.nodes) {
      for (const fact of factsOf(node)) {
        const list = this.factIndex.get(fact.kind) ?? [];
        list.push({ node, fact });
        this.factIndex.set(fact.kind, list);
      }
    }
  }

  facts<K extends PreflightFactKind>(kind: K): ReadonlyArray<FactAt<K>> {
    return (this.factIndex.get(kind) ?? []) as unknown as ReadonlyArray<FactAt<K>>;
  }

  /** aviatrix_* resources and data sources of the stack. */
  aviatrixElements(): ReadonlyArray<TerraformResource | TerraformDataSource> {
    return this.nodes.filter(
      (n): n is TerraformResource | TerraformDataSource =>
        (TerraformResource.isTerraformResource(n) || TerraformDataSource.isTerraformDataSource(n)) &&
        (n as TerraformResource).terraformResourceType.startsWith("aviatrix_"),
    );
  }

  aviatrixProviders(): readonly TerraformProvider[] {
    return this.nodes.filter(
      (n): n is TerraformProvider => TerraformProvider.isTerraformProvider(n) && (n as TerraformProvider).terraformResourceType === "aviatrix",
    );
  }

  /** The declared controller release: provider fact, then Preflight option, then context vca:controllerVersion (0.1: avx:controllerVersion). */
  controllerVersion(): ControllerVersionSource | undefined {
    const fromFact = this.facts("aviatrix-provider").find((f) => f.fact.controllerVersion !== undefined);
    if (fromFact) return { value: fromFact.fact.controllerVersion, node: fromFact.node, origin: "provider" };
    if (this.controllerVersionOption !== undefined) return { value: this.controllerVersionOption, node: this.stack, origin: "option" };
    const ctx = contextValue(this.stack, CONTEXT_KEYS.controllerVersion);
    if (ctx !== undefined) return { value: ctx, node: this.stack, origin: "context" };
    return undefined;
  }
}

/**
 * A comparable text for a value that may be a token: references resolve to their Terraform
 * expression ("aws_subnet.a.id"), so two references to the same attribute compare equal.
 */
export function referenceText(stack: TerraformStack, value: unknown): string {
  if (typeof value !== "string") return JSON.stringify(value) ?? String(value);
  const text = resolvedText(stack, value);
  const m = /^\$\{(.*)\}$/.exec(text);
  return m ? m[1] : text;
}

/** A string as it will be synthesized: literals unchanged, tokens as "${<expression>}" (resolved the way the stack's synth resolves them). */
export function resolvedText(stack: TerraformStack, value: string): string {
  if (!isUnresolved(value)) return value;
  const resolved: unknown = resolveTokens(stack, value);
  return typeof resolved === "string" ? resolved : JSON.stringify(resolved);
}

/** Renders a value for a message: tokens as <unknown until plan>. */
export function show(value: unknown): string {
  if (value === undefined) return "<unset>";
  if (isUnresolved(value)) return "<unknown until plan>";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** The Terraform address of a construct: its own, or the first resource under it. */
export function addressOf(node: IConstruct): string | undefined {
  const own = elementAddress(node);
  if (own) return own;
  for (const child of node.node.findAll()) {
    const address = elementAddress(child);
    if (address) return address;
  }
  return undefined;
}

function elementAddress(node: IConstruct): string | undefined {
  if (TerraformResource.isTerraformResource(node)) {
    const r = node as TerraformResource;
    return `${r.terraformResourceType}.${r.friendlyUniqueId}`;
  }
  if (TerraformDataSource.isTerraformDataSource(node)) {
    const d = node as TerraformDataSource;
    return `data.${d.terraformResourceType}.${d.friendlyUniqueId}`;
  }
  return undefined;
}

// Checks on one literal value: Terraform type, enum, integer range, pattern and the SDK
// validators we can evaluate offline. Expressions (`${...}`) are unknown and always pass.
import { parseCidr, parseIp } from "../net/ip";
import { AttributeConstraint, ValueConstraint } from "./provider-schema";
import { describe, isExpression, isObject } from "./terraform-values";

export interface ValueProblem {
  /** Path suffix below the attribute (`[2]`, `.key`), empty for the attribute itself. */
  readonly at: string;
  readonly code: string;
  readonly message: string;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Shared empty result: the hot path (valid values) allocates nothing. */
const NONE: readonly ValueProblem[] = Object.freeze([]);

/** Problems with `value` against a Terraform schema type (`string`, `["list","string"]`, ...). */
export function typeProblems(value: unknown, type: unknown, at = ""): readonly ValueProblem[] {
  if (value === null || value === undefined || type === "dynamic" || type === undefined || isExpression(value)) return NONE;
  switch (type) {
    case "string":
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
        ? NONE
        : [{ at, code: "type", message: `got ${describe(value)}, want a string` }];
    case "number":
      return typeof value === "number" || (typeof value === "string" && NUMERIC.test(value))
        ? NONE
        : [{ at, code: "type", message: `got ${describe(value)}, want a number` }];
    case "bool":
      return typeof value === "boolean" || value === "true" || value === "false"
        ? NONE
        : [{ at, code: "type", message: `got ${describe(value)}, want true or false` }];
  }
  if (!Array.isArray(type)) return NONE;
  const [kind, elem] = type as [string, unknown];
  if (kind === "list" || kind === "set") {
    if (!Array.isArray(value)) return [{ at, code: "type", message: `got ${describe(value)}, want a ${kind}` }];
    let problems: ValueProblem[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const found = typeProblems(value[i], elem, `${at}[${i}]`);
      if (found.length > 0) (problems ??= []).push(...found);
    }
    return problems ?? NONE;
  }
  if (kind === "map") {
    if (!isObject(value)) return [{ at, code: "type", message: `got ${describe(value)}, want a map` }];
    let problems: ValueProblem[] | undefined;
    for (const k of Object.keys(value)) {
      const found = typeProblems(value[k], elem, `${at}.${k}`);
      if (found.length > 0) (problems ??= []).push(...found);
    }
    return problems ?? NONE;
  }
  if (kind === "object" && !isObject(value)) return [{ at, code: "type", message: `got ${describe(value)}, want an object` }];
  return NONE;
}

/** Enum / range / pattern / validator problems for an attribute value (and its elements). */
export function constraintProblems(value: unknown, constraint: AttributeConstraint): readonly ValueProblem[] {
  if (value === null || value === undefined || isExpression(value)) return NONE;
  if (typeof value !== "object") return scalarProblems(value, constraint, constraint.sdk_type, "");
  const problems: ValueProblem[] = [];
  if (Array.isArray(value)) {
    const count = value.length;
    if (constraint.min_items !== undefined && count < constraint.min_items) {
      problems.push({ at: "", code: "min-items", message: `has ${count} item(s), want at least ${constraint.min_items}` });
    }
    if (constraint.max_items !== undefined && count > constraint.max_items) {
      problems.push({ at: "", code: "max-items", message: `has ${count} item(s), want at most ${constraint.max_items}` });
    }
    if (constraint.elem) {
      const elem = constraint.elem;
      value.forEach((item, i) => problems.push(...scalarProblems(item, elem, undefined, `[${i}]`)));
    }
    return problems;
  }
  if (isObject(value)) {
    if (constraint.elem) {
      const elem = constraint.elem;
      for (const [k, v] of Object.entries(value)) problems.push(...scalarProblems(v, elem, undefined, `.${k}`));
    }
  }
  return problems;
}

function scalarProblems(value: unknown, c: ValueConstraint, sdkType: string | undefined, at: string): readonly ValueProblem[] {
  if (value === null || value === undefined || typeof value === "object" || isExpression(value)) return NONE;
  if (!c.enum && !c.range && !c.pattern && !c.string_length && !c.validators && !c.any_of && sdkType !== "TypeInt") return NONE;
  const problems: ValueProblem[] = [];
  if (c.enum && !enumAllows(c.enum, value as string | number | boolean, c.enum_ignore_case === true)) {
    const allowed = c.enum.map((v) => JSON.stringify(v)).join(", ");
    problems.push({
      at,
      code: "enum",
      message: `got ${describe(value)}, want one of ${allowed}${c.enum_ignore_case ? " (case-insensitive)" : ""}`,
    });
  }
  const num = typeof value === "number" ? value : typeof value === "string" && NUMERIC.test(value) ? Number(value) : undefined;
  if (sdkType === "TypeInt" && num !== undefined && !Number.isInteger(num)) {
    problems.push({ at, code: "type", message: `got ${describe(value)}, want a whole number` });
  }
  if (c.range && num !== undefined) {
    const { min, max } = c.range;
    if ((min !== undefined && num < min) || (max !== undefined && num > max)) {
      problems.push({ at, code: "range", message: `got ${num}, want ${rangeText(min, max)}` });
    }
  }
  if (typeof value === "string") {
    const pattern = c.pattern ? safeRegex(c.pattern.regex) : undefined;
    if (c.pattern && pattern && !pattern.test(value)) {
      problems.push({ at, code: "pattern", message: `got ${describe(value)}: ${c.pattern.message ?? `want a match of ${c.pattern.regex}`}` });
    }
    if (c.string_length) {
      const { min, max } = c.string_length;
      if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) {
        problems.push({ at, code: "string-length", message: `got ${value.length} characters, want ${rangeText(min, max)}` });
      }
    }
    for (const name of c.validators ?? []) {
      const verdict = runValidator(name, value);
      if (verdict === false) problems.push({ at, code: "validator", message: `got ${describe(value)}, want ${VALIDATOR_TEXT[name]}` });
    }
    if (c.any_of && c.any_of.length > 0) {
      const verdicts = c.any_of.map((alt) => (alt.validators ?? []).map((v) => runValidator(v, value)));
      const allKnown = verdicts.every((vs) => vs.every((v) => v !== undefined));
      if (allKnown && !verdicts.some((vs) => vs.every((v) => v === true))) {
        const wants = c.any_of.map((alt) => (alt.validators ?? []).map((v) => VALIDATOR_TEXT[v]).join(" and ")).join(" or ");
        problems.push({ at, code: "validator", message: `got ${describe(value)}, want ${wants}` });
      }
    }
  }
  return problems;
}

function enumAllows(allowed: ReadonlyArray<string | number>, value: string | number | boolean, ignoreCase: boolean): boolean {
  if (typeof allowed[0] === "number") {
    const num = typeof value === "number" ? value : Number(value);
    return allowed.includes(num);
  }
  const text = String(value);
  return ignoreCase ? allowed.some((a) => String(a).toLowerCase() === text.toLowerCase()) : allowed.includes(text);
}

function rangeText(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `${min}..${max}`;
  return min !== undefined ? `>= ${min}` : `<= ${max}`;
}

const regexCache = new Map<string, RegExp | null>();
function safeRegex(source: string): RegExp | undefined {
  if (!regexCache.has(source)) {
    try {
      regexCache.set(source, new RegExp(source));
    } catch {
      regexCache.set(source, null); // a Go-only regex feature: skip rather than guess
    }
  }
  return regexCache.get(source) ?? undefined;
}

// Go's net.ParseIP / net.ParseCIDR (behind the SDK validators) take no `%zone`; lib/net does.
function isIp(value: string): boolean {
  return !value.includes("%") && parseIp(value) !== undefined;
}

function isCidr(value: string): boolean {
  return value.includes("/") && !value.includes("%") && parseCidr(value) !== undefined;
}

const VALIDATORS: Record<string, (v: string) => boolean> = {
  StringIsNotWhiteSpace: (v) => v.trim() !== "",
  StringIsNotEmpty: (v) => v !== "",
  IsCIDR: isCidr,
  IsIPAddress: isIp,
  IsIPv4Address: (v) => parseIp(v)?.family === 4,
};

const VALIDATOR_TEXT: Record<string, string> = {
  StringIsNotWhiteSpace: "a value that is not empty or whitespace",
  StringIsNotEmpty: "a non-empty value",
  IsCIDR: "a CIDR (e.g. 10.0.0.0/16)",
  IsIPAddress: "an IP address",
  IsIPv4Address: "an IPv4 address",
};

/** true/false for validators we can run offline; undefined for provider-custom ones. */
function runValidator(name: string, value: string): boolean | undefined {
  const fn = VALIDATORS[name];
  return fn ? fn(value) : undefined;
}

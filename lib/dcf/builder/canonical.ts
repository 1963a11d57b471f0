// Deterministic shapes: semantically unordered things (tags, selectors, domains, groups) are
// sorted and de-duplicated so the same intent always gives byte-identical output.
import { normalizeSniPattern } from "../host-match";
import { MatchExpression, WebMatch } from "../model";
import { isTerraformRef } from "./tokens";

/** A copy of a record with its keys in code-unit order (the one key sort for deterministic output). */
export function sortedByKey<T>(r: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(r).sort(compareText)) out[k] = r[k];
  return out;
}

function sortRecord(r: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  return r === undefined ? undefined : sortedByKey(r);
}

/** Key order fixed, maps sorted, undefined fields dropped. */
export function canonicalExpression(e: MatchExpression): MatchExpression {
  const out: Record<string, unknown> = {};
  const order: Array<keyof MatchExpression> = [
    "cidr",
    "fqdn",
    "site",
    "s2c",
    "type",
    "resId",
    "name",
    "tags",
    "accountId",
    "accountName",
    "region",
    "zone",
    "k8sClusterId",
    "k8sNamespace",
    "k8sPod",
    "k8sService",
    "external",
    "extArgs",
  ];
  for (const k of order) {
    const v = e[k];
    if (v === undefined) continue;
    out[k] = typeof v === "object" ? sortRecord(v as Record<string, string>) : v;
  }
  return out as MatchExpression;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Canonical expressions, sorted by their JSON and de-duplicated. */
export function canonicalExpressions(list: readonly MatchExpression[]): MatchExpression[] {
  const seen = new Map<string, MatchExpression>();
  for (const e of list) {
    const c = canonicalExpression(e);
    seen.set(JSON.stringify(c), c);
  }
  return [...seen.keys()].sort(compareText).map((k) => seen.get(k) as MatchExpression);
}

/** SNI patterns normalised (lower-case punycode), then sni before url, sorted, de-duplicated. */
export function canonicalWebMatches(list: readonly WebMatch[]): WebMatch[] {
  const seen = new Map<string, WebMatch>();
  for (const m of list) {
    const c: WebMatch = m.sni !== undefined ? { sni: isTerraformRef(m.sni) ? m.sni : normalizeSniPattern(m.sni) } : { url: (m.url as string).trim() };
    seen.set(c.sni !== undefined ? `0${c.sni}` : `1${c.url}`, c);
  }
  return [...seen.keys()].sort(compareText).map((k) => seen.get(k) as WebMatch);
}

/**
 * JSON with object keys sorted at every level and undefined / null members dropped, so two
 * values that mean the same thing compare equal whatever order their keys were written in.
 * Arrays keep their order (rule lists are ordered).
 */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(canonicalValue(v));
}

function canonicalValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonicalValue);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort(compareText)) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined && x !== null) out[k] = canonicalValue(x);
    }
    return out;
  }
  return v;
}

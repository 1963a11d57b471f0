// The one host-name and domain-pattern grammar, shared by the LibreChat shim, the Obot servers
// list, the WebGroup construct, the DCF model validators (validate, simulate, analyze) and the
// attack scenarios. A destination domain is an FQDN of LDH labels (RFC 1035 §2.3.1, RFC 1123 §2.1;
// `_` tolerated as SNI filters may carry it), each 1..63 octets, 253 in all, IDN as punycode
// (RFC 5890), with one optional trailing root dot that is dropped. A wildcard is only the whole
// leading label (`*.example.com`, the SNI filter form in docs/research/aviatrix-provider-schema.md §5),
// and never directly over a public suffix (`*.com`, `*.co.uk`): the Public Suffix List
// (https://publicsuffix.org, via the pinned `tldts` package, loaded on first use) says which.
import { domainToASCII } from "url";
import { ipFamilyOf } from "./ip";

export type DomainCheck = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

const MAX_NAME = 253;
const MAX_LABEL = 63;
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/;

const fail = (reason: string): DomainCheck => ({ ok: false, reason });

/**
 * Syntax of a host name (no wildcard): lower-cased, punycoded, one trailing dot dropped. Single
 * labels (`rag_api`, `localhost`) pass here; destinations use checkPublicDomain.
 */
export function checkHostSyntax(input: unknown): DomainCheck {
  if (typeof input !== "string") return fail(`is not a string (got ${input === null ? "null" : typeof input})`);
  const s = input.trim();
  if (s === "") return fail("is empty");
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return fail("has a scheme (write the host name only)");
  if (ipFamilyOf(s) !== 0 || ipFamilyOf(s.replace(/^\[|\]$/g, "")) !== 0) return fail("is an IP address, not a host name (use a CIDR SmartGroup)");
  if (/^[^:]*:\d*$/.test(s)) return fail("has a port (write the host name only; the port is a separate field)");
  if (s.includes(",")) return fail("has a comma (one host per entry)");
  if (/\s/.test(s)) return fail("contains whitespace");
  if (/[/?#@\\[\]%:]/.test(s)) return fail("contains a character that cannot be in a host name (/ ? # @ [ ] % : \\)");
  let h = s.toLowerCase();
  if (h.endsWith(".")) h = h.slice(0, -1);
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(h)) {
    const ascii = domainToASCII(h);
    if (ascii === "") return fail("is not a valid internationalised domain name");
    h = ascii;
  }
  if (h.length > MAX_NAME) return fail(`is longer than ${MAX_NAME} characters`);
  const labels = h.split(".");
  if (labels.some((l) => l === "")) return fail(h.startsWith(".") ? "starts with a dot" : "has an empty label ('..' or more than one trailing dot)");
  for (const l of labels) {
    if (l.length > MAX_LABEL) return fail(`has a label longer than ${MAX_LABEL} characters`);
    if (l.includes("*")) return fail("has a '*' that is not the whole leading label (only \"*.example.com\" is a wildcard)");
    if (!LABEL.test(l)) return fail(`has a label ${JSON.stringify(l)} with characters other than letters, digits and inner '-'`);
  }
  if (/^\d+$/.test(labels[labels.length - 1])) return fail("ends in a numeric label (an IP address or a typo, not a host name)");
  return { ok: true, value: h };
}

/** A public destination FQDN: valid syntax, at least two labels, not `localhost`, not a bare public suffix. */
export function checkPublicDomain(input: unknown): DomainCheck {
  const r = checkHostSyntax(input);
  if (!r.ok) return r;
  const h = r.value;
  if (!h.includes(".")) return fail("is a single-label name, not a public FQDN");
  if (h === "localhost" || h.endsWith(".localhost")) return fail("is a loopback name (RFC 6761)");
  return r;
}

/**
 * A domain pattern: a public FQDN, or `*.` + a public FQDN that is not itself a public suffix.
 * Any other `*` (`*example.com`, `example.*`, `a.*.com`, a bare `*`) is rejected.
 */
export function checkDomainPattern(input: unknown): DomainCheck {
  if (typeof input !== "string") return checkPublicDomain(input);
  // The same patterns are judged again and again (each WebGroup entry by the construct, the
  // policy model, every analysis pairing): once per process, bounded for hostile input.
  let verdict = patternVerdicts.get(input);
  if (verdict === undefined) {
    verdict = judgeDomainPattern(input);
    if (patternVerdicts.size >= MAX_REMEMBERED_PATTERNS) patternVerdicts.clear();
    patternVerdicts.set(input, verdict);
  }
  return verdict;
}

const patternVerdicts = new Map<string, DomainCheck>();
const MAX_REMEMBERED_PATTERNS = 10_000;

function judgeDomainPattern(input: string): DomainCheck {
  const s = input.trim();
  if (s === "*") return fail('is "*", which matches every host (list the domains, or use an explicit all-web group)');
  if (!s.startsWith("*.")) return checkPublicDomain(s);
  const base = checkPublicDomain(s.slice(2));
  if (!base.ok) return fail(`is a wildcard whose base ${base.reason}`);
  const suffix = publicSuffixOf(base.value);
  if (suffix === base.value) return fail(`is a wildcard over the public suffix "${base.value}" (every domain registered under it); list the domains`);
  return { ok: true, value: `*.${base.value}` };
}

/** Why a pattern fails, or undefined when it is valid (convenience for validators). */
export function domainPatternProblem(input: unknown): string | undefined {
  const r = checkDomainPattern(input);
  return r.ok ? undefined : r.reason;
}

let tldts: typeof import("tldts") | undefined;

/** The ICANN public suffix of a host (`co.uk` for `a.co.uk`), from the Public Suffix List. */
export function publicSuffixOf(host: string): string | undefined {
  tldts ??= require("tldts") as typeof import("tldts"); // lazy: the list is ~100 kB and most commands never need it
  const parsed = tldts.parse(host, { allowPrivateDomains: false, extractHostname: false, validateHostname: false });
  // The list's default rule ("*") makes any unknown last label a suffix; only listed ones count.
  return parsed.isIcann ? (parsed.publicSuffix ?? undefined) : undefined;
}

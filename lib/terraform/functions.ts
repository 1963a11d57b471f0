// Terraform's built-in functions, so `vca validate` reports "Call to unknown function" offline.
// Source: `terraform metadata functions -json` of Terraform v1.11.4 (every name also exists with
// the `core::` prefix). test/terraform/real-terraform.test.ts compares this list with the
// terraform on PATH. Provider-defined functions (`provider::<name>::<fn>`) are not listed: they
// depend on the providers a configuration installs.
export const TERRAFORM_FUNCTIONS_VERSION = "1.11";

export const TERRAFORM_FUNCTIONS: ReadonlySet<string> = new Set([
  "abs", "abspath", "alltrue", "anytrue", "base64decode", "base64encode", "base64gzip", "base64sha256",
  "base64sha512", "basename", "bcrypt", "can", "ceil", "chomp", "chunklist", "cidrhost", "cidrnetmask",
  "cidrsubnet", "cidrsubnets", "coalesce", "coalescelist", "compact", "concat", "contains", "csvdecode",
  "dirname", "distinct", "element", "endswith", "ephemeralasnull", "file", "filebase64", "filebase64sha256",
  "filebase64sha512", "fileexists", "filemd5", "fileset", "filesha1", "filesha256", "filesha512", "flatten",
  "floor", "format", "formatdate", "formatlist", "indent", "index", "issensitive", "join", "jsondecode",
  "jsonencode", "keys", "length", "log", "lookup", "lower", "matchkeys", "max", "md5", "merge", "min",
  "nonsensitive", "one", "parseint", "pathexpand", "plantimestamp", "pow", "range", "regex", "regexall",
  "replace", "reverse", "rsadecrypt", "sensitive", "setintersection", "setproduct", "setsubtract",
  "setunion", "sha1", "sha256", "sha512", "signum", "slice", "sort", "split", "startswith", "strcontains",
  "strrev", "substr", "sum", "templatefile", "templatestring", "textdecodebase64", "textencodebase64",
  "timeadd", "timecmp", "timestamp", "title", "tobool", "tolist", "tomap", "tonumber", "toset", "tostring",
  "transpose", "trim", "trimprefix", "trimspace", "trimsuffix", "try", "upper", "urlencode", "uuid",
  "uuidv5", "values", "yamldecode", "yamlencode", "zipmap",
]);

/** True for a built-in (`join`, `core::join`) or a provider-defined function (`provider::aws::arn_parse`). */
export function isKnownFunction(name: string): boolean {
  if (name.startsWith("provider::")) return true;
  return TERRAFORM_FUNCTIONS.has(name.startsWith("core::") ? name.slice("core::".length) : name);
}

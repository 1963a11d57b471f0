import { UserInputError } from "../util/errors";

/** One never-widen or input problem, located by file and YAML path. */
export interface ShimIssue {
  /** The file the path is in, when it is not the config (e.g. the Helm values for `helm:` paths). @default - the config file */
  readonly file?: string;
  readonly path: string;
  readonly message: string;
  /** Stable code; reviewed exceptions may be granted for some codes (see annotations.ts). */
  readonly code: ShimIssueCode;
}

export type ShimIssueCode =
  | "unresolved-variable"
  | "user-provided"
  | "wildcard-host"
  | "public-ip"
  | "stdio-unannotated"
  | "invalid-url"
  | "unsupported-scheme"
  | "schema"
  | "annotation"
  | "literal-secret";

/** Codes a reviewed exception in the annotation file may accept. */
export const EXCEPTABLE_CODES: ReadonlySet<ShimIssueCode> = new Set([
  "unresolved-variable",
  "user-provided",
  "wildcard-host",
  "public-ip",
  "stdio-unannotated",
]);

/** Bad input for the shim: exit 2, every problem listed with its file and YAML path. */
export class ShimInputError extends UserInputError {
  constructor(
    readonly file: string,
    readonly issues: readonly ShimIssue[],
    headline?: string,
  ) {
    super(formatIssues(file, issues, headline));
    this.name = "ShimInputError";
  }
}

/** Problems listed in full; the rest are counted (a 5 MB bad config must not print 500k lines). */
export const MAX_LISTED_ISSUES = 50;

function formatIssues(file: string, issues: readonly ShimIssue[], headline?: string): string {
  const head = headline ?? `${file}: ${issues.length} egress problem${issues.length === 1 ? "" : "s"} (nothing written)`;
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((i) => `  ${i.file ?? file}: ${i.path}: ${i.message}`);
  const more = issues.length - listed.length;
  return [head, ...listed, ...(more > 0 ? [`  … and ${more} more problem${more === 1 ? "" : "s"} in ${file}`] : [])].join("\n");
}

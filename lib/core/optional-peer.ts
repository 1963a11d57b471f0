// Optional peer dependencies (package.json peerDependenciesMeta): the cloud providers and
// librechat-data-provider are installed by the app only when it uses them. A missing one is a
// one-line error naming the package to add, never Node's multi-line "Cannot find module" trace.
import { UserInputError } from "../util/errors";

/** Thrown when a feature needs an optional peer dependency the app has not installed. */
export class MissingPeerDependencyError extends UserInputError {
  constructor(
    readonly packageName: string,
    readonly neededBy: string,
    readonly install: string,
    problem = "which is not installed",
  ) {
    super(`${neededBy} needs ${packageName}, ${problem}: run \`${install}\``);
    this.name = "MissingPeerDependencyError";
  }
}

/** The package a MODULE_NOT_FOUND error is about (`@scope/name` or `name`), when it is a bare import. */
export function missingPackageOf(err: unknown): string | undefined {
  return missingModuleOf(err)?.packageName;
}

/** The bare specifier (`@cdktf/provider-aws/lib/vpc`) and its package, of a MODULE_NOT_FOUND error. */
export function missingModuleOf(err: unknown): { readonly specifier: string; readonly packageName: string } | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  if (!(err instanceof Error) || e?.code !== "MODULE_NOT_FOUND") return undefined;
  const m = /Cannot find module '([^']+)'/.exec(err.message);
  if (!m || m[1].startsWith(".") || m[1].startsWith("/")) return undefined;
  const parts = m[1].split("/");
  return { specifier: m[1], packageName: m[1].startsWith("@") ? parts.slice(0, 2).join("/") : parts[0] };
}

/** The installed version of a package, or undefined when it does not resolve. */
export function installedVersion(packageName: string): string | undefined {
  try {
    return (require(`${packageName}/package.json`) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

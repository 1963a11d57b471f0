// The package root's exports load their module on first access (dist/lib/index.js is generated from
// lib/index.ts by scripts/build/lazy-index.js; the .d.ts stays tsc's). So `require("vca-cdktf")`
// costs next to nothing, and a cloud's constructs (and its provider package) load only when used.
// A construct whose optional peer (a provider) is missing fails with one line naming the package.
import * as fs from "fs";
import * as path from "path";
import { installedVersion, MissingPeerDependencyError, missingModuleOf } from "./optional-peer";

/** Defines `target[name]` as a getter that requires the module once and returns its `member`. */
export function lazyExport(target: object, name: string, load: () => Record<string, unknown>, member: string): void {
  let loaded = false;
  let value: unknown;
  Object.defineProperty(target, name, {
    enumerable: true,
    configurable: false,
    get() {
      if (!loaded) {
        value = loadMember(name, load, member);
        loaded = true;
      }
      return value;
    },
  });
}

function loadMember(name: string, load: () => Record<string, unknown>, member: string): unknown {
  try {
    return load()[member];
  } catch (err) {
    const missing = missingModuleOf(err);
    if (missing === undefined) throw err;
    const pkg = missing.packageName;
    const range = peerRanges()[pkg];
    if (range === undefined && !/^@cdkt[fn]\/provider-/.test(pkg)) throw err;
    const install = range === undefined ? `npm install ${pkg}` : `npm install ${pkg}@"${range}"`;
    const version = installedVersion(pkg);
    if (version !== undefined) {
      // Installed, but a release without this module (e.g. a resource newer than the user's provider).
      throw new MissingPeerDependencyError(missing.specifier, name, install, `which the installed ${pkg} ${version} does not have`);
    }
    throw new MissingPeerDependencyError(
      pkg,
      name,
      install,
      range === undefined ? "which is not installed (no supported release is published yet; see COMPATIBILITY.md)" : undefined,
    );
  }
}

/** peerDependencies of this package (read only on the error path). */
function peerRanges(): Record<string, string> {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; peerDependencies?: Record<string, string> };
    if (pkg.name === "vca-cdktf") return pkg.peerDependencies ?? {};
  }
  return {};
}

// Which CDK core the app installed: cdktf 0.21 (HashiCorp, archived 2025-12-10) or its continuation
// CDK Terrain (cdktn 0.24, the same API under new package names). The package ships one build per
// core (dist/lib imports cdktf + @cdktf/provider-*, dist/cdktn/lib imports cdktn + @cdktn/provider-*;
// scripts/build/cdktn-flavor.js), and the root entry loads the build of the installed core, so a
// construct tree never holds two cores. `vca-cdktf/cdktn` and `vca-cdktf/cdktf` pick one explicitly.
import { MissingPeerDependencyError } from "./optional-peer";

export type CoreName = "cdktf" | "cdktn";
export const CORE_NAMES: readonly CoreName[] = ["cdktf", "cdktn"];
export const CORE_OVERRIDE_ENV = "VCA_CDKTF_CORE";

function resolves(name: string, from: string): boolean {
  try {
    require.resolve(name, { paths: [from] });
    return true;
  } catch {
    return false;
  }
}

/**
 * The core to load: VCA_CDKTF_CORE when set; else the one installed; with both installed, cdktf
 * (import `vca-cdktf/cdktn` or set VCA_CDKTF_CORE=cdktn to choose CDK Terrain).
 */
export function chooseCore(from: string = __dirname, env: NodeJS.ProcessEnv = process.env): CoreName {
  const wanted = env[CORE_OVERRIDE_ENV];
  if (wanted !== undefined && wanted !== "") {
    if (!(CORE_NAMES as readonly string[]).includes(wanted)) {
      throw new Error(`${CORE_OVERRIDE_ENV}=${wanted}: want cdktf or cdktn`);
    }
    return wanted as CoreName;
  }
  const installed = CORE_NAMES.filter((name) => resolves(name, from));
  if (installed.length === 0) {
    throw new MissingPeerDependencyError("cdktf or cdktn", "vca-cdktf", "npm install cdktf@0.21 (or cdktn@0.24 for CDK Terrain)", "and neither is installed");
  }
  return installed[0];
}

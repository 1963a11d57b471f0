// The package root as a consumer loads it (dist/index.js, after `npm run build`): lazy exports, so
// `require("vca-cdktf")` loads no core, provider binding, schema validator or LibreChat schema;
// the same value names as lib/index.ts; a missing optional peer is a one-line error.
import { execFileSync } from "child_process";
import * as path from "path";
import * as ts from "typescript";
import * as fs from "fs";
import { lazyExport } from "../../lib/core/lazy-export";
import { MissingPeerDependencyError, missingPackageOf } from "../../lib/core/optional-peer";
import { chooseCore } from "../../lib/core/choose-core";

const ROOT = path.join(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

function nodeJson(script: string): unknown {
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" }));
}

/** Value exports of lib/index.ts (type-only ones excluded). */
function valueNames(): string[] {
  const file = path.join(ROOT, "lib/index.ts");
  const src = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const st of src.statements) {
    if (!ts.isExportDeclaration(st) || st.isTypeOnly || !st.exportClause || !ts.isNamedExports(st.exportClause)) continue;
    for (const el of st.exportClause.elements) if (!el.isTypeOnly) names.push(el.name.text);
  }
  return names.sort();
}

describe("GIVEN the built package root (dist/index.js)", () => {
  test("WHEN required THEN it loads none of cdktf, providers, ajv, librechat-data-provider or our constructs", () => {
    const loaded = nodeJson(`require("./dist/index.js"); process.stdout.write(JSON.stringify(Object.keys(require.cache)))`) as string[];
    const heavy = loaded.filter(
      (f) =>
        /node_modules[\\/](cdktf|cdktn|@cdktf[\\/]provider-|@cdktn[\\/]provider-|ajv|librechat-data-provider|js-yaml|commander)[\\/]/.test(f) ||
        /dist[\\/]lib[\\/](constructs|aviatrix|validate|shim|preflight)[\\/]/.test(f),
    );
    expect(heavy).toEqual([]);
  });

  test("THEN it exports exactly the value names of lib/index.ts, each resolving to the module's value", () => {
    const names = nodeJson(`process.stdout.write(JSON.stringify(Object.keys(require("./dist/index.js")).sort()))`) as string[];
    expect(names).toEqual(valueNames());
    const same = nodeJson(
      `const root = require("./dist/index.js"); process.stdout.write(JSON.stringify([root.SpokeGateway === require("./dist/lib/constructs/network/spoke-gateway").SpokeGateway, typeof root.EksVcaStack, root.PROTOCOLS === require("./dist/lib/dcf/model").PROTOCOLS]))`,
    );
    expect(same).toEqual([true, "function", true]);
  });

  test("THEN package.json main/types/exports point at it, and `vca-cdktf/cdktn` at the CDK Terrain build without cdktf imports", () => {
    expect(pkg.main).toBe("dist/index.js");
    expect(pkg.exports["."].default).toBe("./dist/index.js");
    expect(pkg.exports["./cdktn"].default).toBe("./dist/cdktn/lib/index.js");
    const seam = fs.readFileSync(path.join(ROOT, "dist/cdktn/lib/core/cdktf.js"), "utf8");
    expect(seam).toContain('require("cdktn")');
    expect(seam).not.toContain('require("cdktf")');
    const vpc = fs.readFileSync(path.join(ROOT, "dist/cdktn/lib/constructs/network/aws-spoke-vpc.js"), "utf8");
    expect(vpc).toContain('require("@cdktn/provider-aws/lib/vpc")');
  });
});

describe("GIVEN an optional peer that is not installed", () => {
  const notFound = (specifier: string) => Object.assign(new Error(`Cannot find module '${specifier}'\nRequire stack:\n- /x.js`), { code: "MODULE_NOT_FOUND" });

  test("WHEN a lazy export needs a provider package THEN one line names the package and the install command with our range", () => {
    const target = {} as Record<string, unknown>;
    // @cdktn/provider-aws is a peer this repo does not install.
    lazyExport(
      target,
      "AwsSpokeVpc",
      () => {
        throw notFound("@cdktn/provider-aws/lib/vpc");
      },
      "AwsSpokeVpc",
    );
    expect(() => target.AwsSpokeVpc).toThrow(MissingPeerDependencyError);
    expect(() => target.AwsSpokeVpc).toThrow(
      `AwsSpokeVpc needs @cdktn/provider-aws, which is not installed: run \`npm install @cdktn/provider-aws@"${pkg.peerDependencies["@cdktn/provider-aws"]}"\``,
    );
  });

  test("WHEN the provider is installed but lacks the module THEN the message names the module and the installed version", () => {
    const target = {} as Record<string, unknown>;
    lazyExport(
      target,
      "AgentCoreStack",
      () => {
        throw notFound("@cdktf/provider-aws/lib/not-a-resource");
      },
      "AgentCoreStack",
    );
    expect(() => target.AgentCoreStack).toThrow(
      /^AgentCoreStack needs @cdktf\/provider-aws\/lib\/not-a-resource, which the installed @cdktf\/provider-aws \d+\.\d+\.\d+ does not have: run `npm install @cdktf\/provider-aws@/,
    );
  });

  test("WHEN a CDK Terrain provider that is not published is missing THEN it says so", () => {
    const target = {} as Record<string, unknown>;
    lazyExport(
      target,
      "KubernetesProviders",
      () => {
        throw notFound("@cdktn/provider-kubernetes/lib/provider");
      },
      "KubernetesProviders",
    );
    expect(() => target.KubernetesProviders).toThrow(
      "KubernetesProviders needs @cdktn/provider-kubernetes, which is not installed (no supported release is published yet; see COMPATIBILITY.md)",
    );
  });

  test("WHEN a module of our own is missing (a bug) THEN the original error propagates", () => {
    const target = {} as Record<string, unknown>;
    lazyExport(
      target,
      "X",
      () => {
        throw notFound("./constructs/x");
      },
      "X",
    );
    expect(() => target.X).toThrow(/Cannot find module '.\/constructs\/x'/);
    expect(missingPackageOf(notFound("@scope/pkg/lib/a"))).toBe("@scope/pkg");
    expect(missingPackageOf(notFound("left-pad"))).toBe("left-pad");
  });

  test("WHEN LibreChat config validation runs without librechat-data-provider THEN one line says what to install", () => {
    jest.isolateModules(() => {
      jest.doMock("librechat-data-provider", () => {
        throw notFound("librechat-data-provider");
      });
      const { dataProvider } = require("../../lib/shim/data-provider") as typeof import("../../lib/shim/data-provider");
      expect(() => dataProvider()).toThrow(
        "LibreChat config validation needs librechat-data-provider, which is not installed: run `npm install --save-dev librechat-data-provider@0.8.524`",
      );
      jest.dontMock("librechat-data-provider");
    });
  });
});

describe("GIVEN which core the app installed", () => {
  test("THEN this repo (cdktf only) chooses cdktf; VCA_CDKTF_CORE overrides; a bad value is an error", () => {
    expect(chooseCore(ROOT, {})).toBe("cdktf");
    expect(chooseCore(ROOT, { VCA_CDKTF_CORE: "cdktn" })).toBe("cdktn");
    expect(() => chooseCore(ROOT, { VCA_CDKTF_CORE: "cdk" })).toThrow("VCA_CDKTF_CORE=cdk: want cdktf or cdktn");
  });

  test("WHEN neither core resolves THEN one line names both", () => {
    const os = require("os") as typeof import("os");
    expect(() => chooseCore(os.tmpdir(), {})).toThrow(/^vca-cdktf needs cdktf or cdktn, and neither is installed: run `npm install cdktf@0.21/);
  });
});

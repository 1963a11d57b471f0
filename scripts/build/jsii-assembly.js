#!/usr/bin/env node
// Compiles the public construct API under jsii (part of `npm run build`), leaving the assembly
// build/jsii/.jsii that jsii-pacmak turns into Python, Java, Go and .NET packages (README "jsii").
//
// Why a staging directory: jsii compiles the package a package.json names, and its entry must
// export only what other languages can use. The npm package's root index (lib/index.ts) also
// exports the TypeScript-only tools (CLI helpers, simulator, analyzer, validators, shim), and its
// dist/ build (lazy root index, CDK Terrain flavor) must stay as it is. So this script copies lib/,
// stacks/ and jsii/ into build/jsii/ next to a generated package.json whose entry is jsii/index.ts
// (the construct API: constructs, stacks, props, enums, the L1 bindings as `aviatrix`/`azapi`)
// and runs jsii there. Sources are not edited; dist/ is not touched.
//
// A run is skipped when nothing it reads changed since the last one (inputs hash next to the
// assembly), so repeated `npm test` runs pay for jsii once.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const root = path.resolve(__dirname, "../..");
const stage = path.join(root, "build/jsii");
const ASSEMBLY = path.join(stage, ".jsii");
const HASH_FILE = path.join(stage, ".inputs-sha256");
const ENTRY = "jsii/index";
// jsii modules the construct API uses (each ships its own .jsii). Non-jsii runtime dependencies
// (ajv, js-yaml, tldts, commander, @cdktf/hcl2json) stay out of the jsii-visible surface.
const JSII_PEERS = ["cdktf", "constructs", "@cdktf/provider-aws", "@cdktf/provider-azurerm", "@cdktf/provider-google", "@cdktf/provider-helm", "@cdktf/provider-kubernetes"];

/** Source files jsii needs: TypeScript sources and the JSON files they import, in a stable order. */
function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if ((entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) || entry.name.endsWith(".json")) out.push(rel);
  }
  return out;
}

function packageJson(pkg) {
  const pins = Object.fromEntries(JSII_PEERS.map((name) => [name, pkg.devDependencies[name]]));
  for (const [name, version] of Object.entries(pins)) {
    if (!version) throw new Error(`package.json: devDependencies has no "${name}" (a jsii peer of the construct API)`);
  }
  return {
    name: pkg.name,
    version: pkg.version,
    description: pkg.description,
    license: pkg.license,
    author: { name: "vca-cdktf maintainers", organization: false },
    homepage: pkg.homepage,
    repository: pkg.repository,
    main: `${ENTRY}.js`,
    types: `${ENTRY}.d.ts`,
    peerDependencies: pins,
    devDependencies: pins,
    jsii: {
      outdir: "dist",
      tsconfig: "tsconfig.json",
      validateTsconfig: "minimal",
      targets: {
        python: { distName: "vca-cdktf", module: "vca_cdktf" },
      },
    },
  };
}

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "commonjs",
    lib: ["ES2022"],
    moduleResolution: "node",
    strict: true,
    declaration: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    experimentalDecorators: true,
    noEmitOnError: true,
    types: ["node"],
  },
  // Only what the entry reaches is compiled (the TS-only tools stay out).
  files: [`${ENTRY}.ts`],
};

function main() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const jsiiBin = path.join(root, "node_modules/.bin/jsii");
  const jsiiVersion = JSON.parse(fs.readFileSync(path.join(root, "node_modules/jsii/package.json"), "utf8")).version;
  const files = ["lib", "stacks", "jsii"].flatMap(sourceFiles);
  const meta = JSON.stringify({ pkg: packageJson(pkg), tsconfig: TSCONFIG, jsiiVersion });
  const hash = crypto.createHash("sha256").update(meta);
  for (const file of files) hash.update(`\0${file}\0`).update(fs.readFileSync(path.join(root, file)));
  const digest = hash.digest("hex");
  if (fs.existsSync(ASSEMBLY) && fs.existsSync(HASH_FILE) && fs.readFileSync(HASH_FILE, "utf8") === digest) {
    process.stderr.write("jsii-assembly: up to date (build/jsii/.jsii)\n");
    return;
  }

  fs.rmSync(stage, { recursive: true, force: true });
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(stage, file));
  }
  fs.writeFileSync(path.join(stage, "package.json"), JSON.stringify(packageJson(pkg), null, 2) + "\n");
  fs.writeFileSync(path.join(stage, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2) + "\n");
  fs.copyFileSync(path.join(root, "README.md"), path.join(stage, "README.md"));
  fs.copyFileSync(path.join(root, "LICENSE"), path.join(stage, "LICENSE"));
  try {
    execFileSync(jsiiBin, ["--silence-warnings=reserved-word"], { cwd: stage, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  } catch (err) {
    // jsii prints its diagnostics with the staged paths; they are the repository's paths below build/jsii/.
    process.stderr.write(`${err.stdout || ""}${err.stderr || ""}`);
    throw new Error(`jsii rejected the construct API (paths above are under build/jsii/, copies of the repository's files; entry ${ENTRY}.ts)`);
  }
  if (!fs.existsSync(ASSEMBLY)) throw new Error("jsii finished without writing build/jsii/.jsii");
  fs.writeFileSync(HASH_FILE, digest);
  const types = Object.keys(JSON.parse(fs.readFileSync(ASSEMBLY, "utf8")).types ?? {}).length;
  process.stderr.write(`jsii-assembly: build/jsii/.jsii with ${types} types\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`jsii-assembly: ${err.message}\n`);
    process.exit(1);
  }
}

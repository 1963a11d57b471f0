#!/usr/bin/env node
// `npm run test:consumers` (also run by .ci/run): the packed tarball in two fresh consumer apps,
// the way a platform team adopts the library (issue 14 "Done when"):
//   - cdktf:  cdktf 0.21 + @cdktf/provider-aws only;
//   - cdktn:  CDK Terrain cdktn 0.24 + @cdktn/provider-aws only (no `cdktf` package anywhere).
// Each app installs OFFLINE from the npm cache (the cache is warmed first from the lockfile with
// `npm cache add`; only that step may use the network), compiles examples/existing-repo/main.ts
// with its imports pointed at the package, synthesizes it, runs `npx vca-cdktf validate`, runs the
// matchers + preflight + simulate on the AgentCore stack, and asserts node_modules holds no
// provider beyond the app's own, no nested copies and no React. Both apps must synthesize the
// same Terraform JSON (CDK Terrain renames packages, nothing else). Prints each step's time.
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const TYPESCRIPT = "5.6.3";
const TYPES_NODE = "20.17.6";

/** The two apps: exact versions (COMPATIBILITY.md "Tested"). */
const APPS = [
  {
    name: "cdktf",
    core: "cdktf",
    pkgImport: "vca-cdktf",
    providerFrom: "@cdktf/provider-aws",
    dependencies: { cdktf: "0.21.0", constructs: "10.4.2", "@cdktf/provider-aws": "21.22.1" },
  },
  {
    name: "cdktn",
    core: "cdktn",
    pkgImport: "vca-cdktf/cdktn",
    providerFrom: "@cdktn/provider-aws",
    dependencies: { cdktn: "0.24.0", constructs: "10.6.0", "@cdktn/provider-aws": "25.7.0" },
  },
];

// A consumer's npm as shipped, whatever this machine's npmrc says: real peer-dependency checks (a
// global legacy-peer-deps=true would hide a peer range conflict) and `resolved` URLs in the lockfile
// (without them `npm ci --offline` needs registry metadata the tarball cache does not hold).
const NPM_ENV = {
  CHECKPOINT_DISABLE: "1",
  npm_config_legacy_peer_deps: "false",
  npm_config_omit_lockfile_registry_resolved: "false",
  npm_config_update_notifier: "false",
  npm_config_fund: "false",
  npm_config_audit: "false",
};

const started = Date.now();
const timings = [];

function step(label, fn) {
  const t = Date.now();
  const result = fn();
  const ms = Date.now() - t;
  timings.push([label, ms]);
  process.stderr.write(`test:consumers: ${label} (${(ms / 1000).toFixed(1)} s)\n`);
  return result;
}

function run(cmd, args, cwd, opts = {}) {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...NPM_ENV, ...opts.env },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    if (opts.allowFail) return { failed: true, status: err.status, stdout: String(err.stdout ?? ""), stderr: String(err.stderr ?? "") };
    throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited ${err.status}:\n${err.stdout ?? ""}${err.stderr ?? ""}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** Every package.json under node_modules (nested included): [relative dir, name, version]. */
function installedPackages(appDir) {
  const out = [];
  (function walk(dir) {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name === ".bin" || e.name === ".cache") continue;
      const p = path.join(dir, e.name);
      if (e.name.startsWith("@")) {
        walk(p);
        continue;
      }
      const pj = path.join(p, "package.json");
      if (fs.existsSync(pj)) {
        const { name, version } = JSON.parse(fs.readFileSync(pj, "utf8"));
        out.push([path.relative(appDir, p), name, version]);
      }
      walk(path.join(p, "node_modules"));
    }
  })(path.join(appDir, "node_modules"));
  return out;
}

function packTarball(work) {
  // prepack builds (generator logs on stderr): stdout must be npm's JSON alone.
  const stdout = run(npm, ["pack", "--json", "--pack-destination", work], root);
  let info;
  try {
    info = JSON.parse(stdout)[0];
  } catch (err) {
    throw new Error(`npm pack --json printed something besides JSON on stdout: ${err.message}\n${stdout.slice(0, 400)}`);
  }
  const files = new Set(info.files.map((f) => f.path));
  for (const f of [
    "LICENSE",
    "RULES.md",
    "COMPATIBILITY.md",
    "README.md",
    "lib/dcf/simulate/README.md",
    "bin/vca-cdktf.js",
    "dist/index.js",
    "dist/lib/index.js",
    "dist/cdktn/lib/index.js",
    "examples/existing-repo/main.ts",
    "examples/blueprints/agentcore/scenarios.yaml",
  ]) {
    assert(files.has(f), `tarball lacks ${f}`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  assert(
    pkg.bin["vca-cdktf"] && !pkg.scripts.prepare && !pkg.scripts.install && !pkg.scripts.postinstall,
    "package.json: bin vca-cdktf, and no install-time scripts",
  );
  return path.join(work, info.filename);
}

function writeApp(app, dir, tarball) {
  fs.mkdirSync(dir, { recursive: true });
  const pkg = {
    name: `consumer-${app.name}`,
    version: "1.0.0",
    private: true,
    dependencies: { ...app.dependencies, "vca-cdktf": `file:${tarball}` },
    devDependencies: { typescript: TYPESCRIPT, "@types/node": TYPES_NODE },
  };
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
  // The cdktf/cdktn project template's compiler settings (strict, skipLibCheck).
  const tsconfig = {
    compilerOptions: {
      target: "ES2020",
      module: "commonjs",
      moduleResolution: "node",
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      types: ["node"],
      outDir: "dist",
    },
    include: ["*.ts"],
  };
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2) + "\n");
  const point = (text) =>
    text
      .replace(/from "\.\.\/\.\.\/lib\/core\/cdktf"/g, `from "${app.core}"`)
      .replace(/from "\.\.\/\.\.\/lib"/g, `from "${app.pkgImport}"`)
      .replace(/from "@cdktf\/provider-aws\//g, `from "${app.providerFrom}/`)
      .replace(/__CORE__/g, app.core)
      .replace(/__PKG__/g, app.pkgImport);
  const main = point(fs.readFileSync(path.join(root, "examples/existing-repo/main.ts"), "utf8"));
  assert(!/\.\.\/\.\.\/|from "cdktf"/.test(main) || app.core === "cdktf", `${app.name}: main.ts still imports the repo or cdktf`);
  fs.writeFileSync(path.join(dir, "main.ts"), main);
  fs.writeFileSync(path.join(dir, "checks.ts"), point(fs.readFileSync(path.join(__dirname, "checks.ts.txt"), "utf8")));
  fs.writeFileSync(path.join(dir, "root-import.ts"), point(fs.readFileSync(path.join(__dirname, "root-import.ts.txt"), "utf8")));
}

/** Warms the npm cache with every package of the app's lockfile; the install itself is offline. */
function warmCache(dir) {
  run(npm, ["install", "--package-lock-only", "--prefer-offline", "--no-audit", "--no-fund"], dir);
  const lock = JSON.parse(fs.readFileSync(path.join(dir, "package-lock.json"), "utf8"));
  // Registry packages: an integrity and a version (npm 11 may omit `resolved`); not links or file: deps.
  const specs = Object.entries(lock.packages)
    .filter(([p, e]) => p.includes("node_modules/") && !e.link && typeof e.integrity === "string" && !String(e.resolved ?? "").startsWith("file:"))
    .map(([p, e]) => `${e.name ?? p.replace(/^.*node_modules\//, "")}@${e.version}`);
  for (let i = 0; i < specs.length; i += 50) run(npm, ["cache", "add", ...specs.slice(i, i + 50)], dir);
  return specs.length;
}

function checkTree(app, dir) {
  const pkgs = installedPackages(dir);
  const providers = pkgs.filter(([, name]) => /^@cdkt[fn]\/provider-/.test(name));
  const own = Object.keys(app.dependencies).filter((n) => /provider-/.test(n));
  assert(
    providers.length === own.length && providers.every(([rel, name]) => own.includes(name) && rel === `node_modules/${name}`),
    `${app.name}: want only the app's own provider (${own}) at top level, got ${providers.map(([rel, n, v]) => `${rel} (${n}@${v})`).join(", ")}`,
  );
  const react = pkgs.filter(([, name]) => /^(react|react-dom|@tanstack\/react-query)$/.test(name));
  assert(react.length === 0, `${app.name}: React reached the install: ${react.map(([rel]) => rel).join(", ")}`);
  for (const single of ["cdktf", "cdktn", "constructs"]) {
    const copies = pkgs.filter(([, name]) => name === single);
    assert(copies.length <= 1, `${app.name}: ${copies.length} copies of ${single}: ${copies.map(([rel]) => rel).join(", ")}`);
  }
  if (app.core === "cdktn") {
    const cdktf = pkgs.filter(([, name]) => name === "cdktf" || name === "cdktf-cli");
    assert(cdktf.length === 0, `cdktn: a cdktf package is installed: ${cdktf.map(([rel]) => rel).join(", ")}`);
  }
  return pkgs.length;
}

/**
 * cdk.tf.json without what legitimately differs between the two apps: core metadata, the local
 * backend's path (each app's own directory) and the aws provider's source/pin (each provider
 * package pins its own hashicorp/aws release). Every resource, data source and output must match.
 */
function normalizedSynth(file) {
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));
  delete doc["//"];
  if (doc.terraform?.backend?.local) doc.terraform.backend.local.path = "<app dir>";
  if (doc.terraform?.required_providers?.aws) doc.terraform.required_providers.aws = "<aws provider source and pin>";
  return JSON.stringify(doc, null, 1);
}

function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "vca-consumers-"));
  const tarball = step("npm pack (prepack builds)", () => packTarball(work));
  const synths = {};
  for (const app of APPS) {
    const dir = path.join(work, app.name);
    writeApp(app, dir, tarball);
    const specs = step(`${app.name}: warm the npm cache from the lockfile`, () => warmCache(dir));
    step(`${app.name}: npm ci --offline (${specs} packages)`, () => run(npm, ["ci", "--offline", "--no-audit", "--no-fund"], dir));
    const count = step(`${app.name}: node_modules checks`, () => checkTree(app, dir));
    step(`${app.name}: tsc`, () => run(npx, ["--no-install", "tsc", "-p", "tsconfig.json"], dir));
    step(`${app.name}: synth examples/existing-repo`, () => run(process.execPath, ["dist/main.js"], dir));
    step(`${app.name}: npx vca-cdktf validate cdktf.out`, () => run(npx, ["--no-install", "vca-cdktf", "validate", "cdktf.out"], dir));
    step(`${app.name}: import "vca-cdktf" (root) loads the ${app.core} build`, () => run(process.execPath, ["dist/root-import.js"], dir));
    const checks = step(`${app.name}: matchers, missing-provider error, synth (checks.out)`, () => run(process.execPath, ["dist/checks.js"], dir));
    process.stderr.write(`  ${checks.trim()}\n`);
    step(`${app.name}: npx vca-cdktf validate / preflight report / simulate on checks.out`, () => {
      run(npx, ["--no-install", "vca-cdktf", "validate", "checks.out"], dir);
      const report = run(npx, ["--no-install", "vca-cdktf", "preflight", "report", "checks.out"], dir);
      assert(
        /preflight payments-agents: /.test(report) && /preflight vca-agentcore: /.test(report),
        `${app.name}: preflight report names both stacks:\n${report}`,
      );
      const scenarios = path.join(dir, "node_modules/vca-cdktf/examples/blueprints/agentcore/scenarios.yaml");
      run(npx, ["--no-install", "vca-cdktf", "simulate", "--synth", "checks.out", "--stack", "vca-agentcore", "--scenarios", scenarios], dir);
      const version = run(npx, ["--no-install", "vca-cdktf", "--version"], dir).trim();
      assert(version === JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version, `${app.name}: --version printed ${version}`);
    });
    synths[app.name] = ["cdktf.out/stacks/payments-agents/cdk.tf.json", "checks.out/stacks/vca-agentcore/cdk.tf.json"].map((f) =>
      normalizedSynth(path.join(dir, f)),
    );
    process.stderr.write(`test:consumers: ${app.name}: ok (${count} packages installed)\n`);
  }
  assert(JSON.stringify(synths.cdktf) === JSON.stringify(synths.cdktn), "the cdktf and cdktn apps synthesize different Terraform JSON (beyond provider pins)");
  fs.rmSync(work, { recursive: true, force: true });
  const total = Date.now() - started;
  process.stderr.write(`test:consumers: both consumer apps pass; same Terraform JSON from both cores; total ${(total / 1000).toFixed(1)} s\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`test:consumers: FAILED: ${err.message}\n`);
  process.exit(1);
}

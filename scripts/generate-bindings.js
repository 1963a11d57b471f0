#!/usr/bin/env node
// Generates cdktf L1 bindings offline (no registry, no terraform binary) from the vendored
// provider schemas, the way `cdktf get` would: lib/aviatrix/gen is build output, never edited.
// Generated files import cdktf through lib/core/cdktf (the seam), so the CDK Terrain build
// (scripts/build/cdktn-flavor.js) rewrites one specifier for them too.
"use strict";
process.env.CHECKPOINT_DISABLE = "1";
// Build logs go to stderr: stdout belongs to the caller (`npm pack --json` prints its JSON there, and
// the generator's logger and the terraform CLI-config warning would otherwise come first).
process.stdout.write = process.stderr.write.bind(process.stderr);
const fs = require("fs");
const path = require("path");
const { CodeMaker } = require("codemaker");
const { TerraformProviderGenerator } = require("@cdktf/provider-generator/lib/get/generator/provider-generator");
const { ConstructsMakerProviderTarget, TerraformProviderConstraint, LANGUAGES } = require("@cdktf/commons");

const root = path.resolve(__dirname, "..");
const schemaDir = path.join(root, "lib/aviatrix/schema");
const outdir = path.join(root, "lib/aviatrix/gen");
const seam = path.join(root, "lib/core/cdktf");

const AVIATRIX_FQPN = "registry.terraform.io/aviatrixsystems/aviatrix";
const AZAPI_FQPN = "registry.terraform.io/azure/azapi";

function readJson(file) {
  return JSON.parse(fs.readFileSync(path.join(schemaDir, file), "utf8"));
}

/** Keeps only the resources/data sources listed in bindings-subset.json (fails on a typo). */
function aviatrixSubset() {
  const full = readJson("provider-schema.json");
  const subset = readJson("bindings-subset.json");
  const provider = full.provider_schemas[AVIATRIX_FQPN];
  const pick = (all, names, kind) =>
    Object.fromEntries(
      names.map((n) => {
        if (!all[n]) throw new Error(`bindings-subset.json: ${kind} ${n} is not in provider-schema.json`);
        return [n, all[n]];
      }),
    );
  // controller_ip/username/password have env-var DefaultFuncs (AVIATRIX_*), so a provider block
  // may omit them; generate them optional (as terraform reports them with the env set).
  const providerBlock = JSON.parse(JSON.stringify(provider.provider));
  for (const name of ["controller_ip", "username", "password"]) {
    const attr = providerBlock.block.attributes[name];
    delete attr.required;
    attr.optional = true;
  }
  return {
    format_version: "1.0",
    provider_schemas: {
      [AVIATRIX_FQPN]: {
        provider: providerBlock,
        resource_schemas: pick(provider.resource_schemas, subset.resources, "resource"),
        data_source_schemas: pick(provider.data_source_schemas, subset.data_sources, "data source"),
      },
    },
  };
}

async function generate(schema, constraint, fqpn, version) {
  // provider_versions is written verbatim as the required_providers pin; the AviatrixProvider
  // construct replaces it with the constraint derived from the stack's controller version.
  schema.provider_versions = { [fqpn]: version };
  const code = new CodeMaker();
  new TerraformProviderGenerator(code, schema).generate(new ConstructsMakerProviderTarget(new TerraformProviderConstraint(constraint), LANGUAGES[0]));
  await code.save(outdir);
}

function rewriteCdktfImports(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) rewriteCdktfImports(file);
    else if (file.endsWith(".ts")) {
      const rel = path.relative(path.dirname(file), seam).split(path.sep).join("/");
      const text = fs.readFileSync(file, "utf8");
      const next = text.replace(/from 'cdktf'/g, `from '${rel.startsWith(".") ? rel : "./" + rel}'`);
      if (next !== text) fs.writeFileSync(file, next);
    }
  }
}

/**
 * One flat module per provider (`gen/aviatrix.ts`): every L1 class of the provider in one namespace,
 * exported as `aviatrix` (lib/aviatrix/l1.ts, the jsii submodule `vca-cdktf.aviatrix`), so the L1
 * names (SmartGroup, SpokeGateway, ...) never share a namespace with the L2 constructs. cdktf's own
 * per-resource namespaces (`smartGroup.SmartGroup`) would collide with the L2 names under jsii.
 */
function writeFlatIndex(provider) {
  const dir = path.join(outdir, "providers", provider);
  const modules = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lines = ["// Build output of scripts/generate-bindings.js: the provider's L1 bindings as one flat namespace."];
  for (const m of modules) lines.push(`export * from "./providers/${provider}/${m}";`);
  fs.writeFileSync(path.join(outdir, `${provider}.ts`), lines.join("\n") + "\n");
}

async function main() {
  fs.rmSync(outdir, { recursive: true, force: true });
  await generate(aviatrixSubset(), "AviatrixSystems/aviatrix@~> 10.0.0", AVIATRIX_FQPN, "10.0.1");
  const azapi = readJson("azapi-schema.json");
  delete azapi._source;
  await generate(azapi, "azure/azapi@~> 2.5", AZAPI_FQPN, "~> 2.5");
  rewriteCdktfImports(outdir);
  writeFlatIndex("aviatrix");
  writeFlatIndex("azapi");
  fs.writeFileSync(path.join(outdir, ".generated"), "Build output of scripts/generate-bindings.js; do not edit.\n");
}

main().catch((err) => {
  console.error(`generate-bindings: ${err.stack || err}`);
  process.exit(1);
});

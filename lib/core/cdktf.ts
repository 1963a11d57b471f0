// The only module in lib/ that imports the CDK core. This source (and the generated bindings,
// which import this seam) is written against cdktf; the build also emits a CDK Terrain copy
// (dist/cdktn, scripts/build/cdktn-flavor.js) where this specifier reads "cdktn" and provider
// imports read "@cdktn/provider-*", so each build holds exactly one core (README "CDK Terrain").
export * from "cdktf";

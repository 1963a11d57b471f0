// The only module in lib/ that imports cdktf. Switching to the CDK Terrain fork (cdktn)
// means changing this one specifier (and regenerating bindings, which import this seam).
export * from "cdktf";

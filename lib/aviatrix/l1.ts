// The generated L1 bindings (scripts/generate-bindings.js) as namespaces: `aviatrix.SmartGroup` is
// the aviatrix_smart_group resource, `SmartGroup` (lib/constructs/dcf) the L2 construct. The root
// index exports these lazily, so naming `aviatrix` loads the bindings and nothing else does.
export * as aviatrix from "./gen/aviatrix";
export * as azapi from "./gen/azapi";

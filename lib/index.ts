// Public API of vca-cdktf: re-exports only.
export * from "./dcf/model";
export * from "./obot";

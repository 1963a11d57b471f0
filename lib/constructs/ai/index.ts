// Zero Trust for AI workloads: staged AI-provider intents over SmartGroups and WebGroups.
export * from "./zero-trust-for-ai";

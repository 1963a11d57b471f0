export * from "./mcp-server";
export * from "./egress-domains";
export * from "./names";
export * from "./translate";
export * from "./servers-file";
export * from "./render";

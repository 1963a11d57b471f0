// Workloads on a contained cluster: Obot (MCP platform) and LibreChat.
export * from "./librechat";
export * from "./obot-platform";

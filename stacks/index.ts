// Public stacks (re-exports only).
export * from "./foundry-byovnet-stack";
export * from "./agentcore-stack";

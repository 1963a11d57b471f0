export * from "./aviatrix-provider";

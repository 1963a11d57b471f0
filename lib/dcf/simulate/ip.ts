// Kept only so existing importers (lib/preflight/rules/fdy3-private-endpoint-routing.ts) keep
// compiling: IP / CIDR logic lives in lib/net. Import from there.
export { parseCidr, ParsedCidr } from "../../net/ip";

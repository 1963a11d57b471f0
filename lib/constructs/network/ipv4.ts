// IPv4 address and CIDR helpers for the network constructs. The logic lives in lib/net (one IP /
// CIDR module for the whole library); these names stay for the constructs and stacks.
export { Ipv4Cidr, parseIpv4, parseIpv4Cidr, formatIpv4, isNetworkAddress, cidrSubnet, ipv4CidrContains as cidrContains } from "../../net/ip";

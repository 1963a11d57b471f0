import * as fc from "fast-check";
import { cidrSubnet, formatIpv4, ipv4CidrContains as cidrContains, isNetworkAddress, parseIpv4, parseIpv4Cidr } from "../../lib/net/ip";
import { spokeNetworkLayout } from "../../lib/constructs/network/spoke-network";

describe("ipv4", () => {
  test("GIVEN any address WHEN formatted and parsed THEN it round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => parseIpv4(formatIpv4(n)) === n),
      { numRuns: 200 },
    );
  });

  test.each(["10.0.0.0/33", "10.0.0/8", "256.0.0.0/8", "10.0.0.01/8", "10.0.0.0", "10.0.0.0/"])("GIVEN %s WHEN parsed THEN it is rejected", (text) => {
    expect(parseIpv4Cidr(text)).toBeUndefined();
  });

  test("GIVEN known values WHEN carved THEN they match Terraform's cidrsubnet", () => {
    const net = parseIpv4Cidr("10.50.0.0/16")!;
    expect(cidrSubnet(net, 8, 10)).toBe("10.50.10.0/24");
    expect(cidrSubnet(parseIpv4Cidr("10.11.0.0/23")!, 5, 1)).toBe("10.11.0.16/28");
    expect(() => cidrSubnet(net, 2, 4)).toThrow(RangeError);
  });

  test("GIVEN any created-network CIDR WHEN laid out THEN gateway and workload subnets are disjoint and inside it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 23 }),
        fc.integer({ min: 0, max: 255 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        (prefix, hi, insane, count) => {
          const base = 10 * 2 ** 24 + hi * 2 ** 16 - ((10 * 2 ** 24 + hi * 2 ** 16) % 2 ** (32 - prefix));
          const cidr = { address: base, prefixLength: prefix };
          expect(isNetworkAddress(cidr)).toBe(true);
          const layout = spokeNetworkLayout(cidr, count, insane);
          const all = [layout.gatewaySubnet, layout.haGatewaySubnet, ...layout.workloadSubnets].map((c) => parseIpv4Cidr(c)!);
          all.forEach((c) => expect(cidrContains(cidr, c)).toBe(true));
          for (let i = 0; i < all.length; i++)
            for (let j = i + 1; j < all.length; j++) {
              expect(cidrContains(all[i], all[j]) || cidrContains(all[j], all[i])).toBe(false);
            }
        },
      ),
      { numRuns: 100 },
    );
  });
});

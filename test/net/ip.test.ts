// One IP / CIDR module: strict parsing, containment (IPv4-mapped aware), the special-purpose
// table behind "Public Internet", and agreement between the shim and the DCF simulator.
import * as fc from "fast-check";
import {
  cidrContainsIp,
  DEFAULT_INTERNAL_SUFFIXES,
  isCatchAllCidr,
  isCidrOrIp,
  isInternalHost,
  isNonPublicIp,
  isPublicIp,
  NON_PUBLIC_IPV4,
  NON_PUBLIC_IPV6,
  parseCidr,
  parseIp,
} from "../../lib/net";
import { classifyHost, isPrivateIp } from "../../lib/shim/hosts";
import { evaluate } from "../../lib/dcf/simulate/evaluate";
import { PolicyModel, WELL_KNOWN } from "../../lib/dcf/model";

describe("parseCidr / isCidrOrIp", () => {
  test.each(["10.0.0.0/", "10.0.0.0/33", "10.0.0.0/1e1", "10.0.0.0/ 8", "10.0.0.0/8/8", "10.0.0.01/8", "::/129", "x/8", ""])(
    "GIVEN %j WHEN parsed THEN it is rejected",
    (text) => {
      expect(parseCidr(text)).toBeUndefined();
      expect(isCidrOrIp(text)).toBe(false);
    },
  );

  test("GIVEN '10.0.0.0/' WHEN asked whether it is a catch-all THEN no (an empty prefix is not /0)", () => {
    expect(isCatchAllCidr("10.0.0.0/")).toBe(false);
    expect(isCatchAllCidr("0.0.0.0/0")).toBe(true);
    expect(isCatchAllCidr("::/0")).toBe(true);
  });

  test("GIVEN host bits set WHEN parsed THEN the base is the network address", () => {
    expect(parseCidr("10.1.2.3/16")).toEqual({ family: 4, base: parseIp("10.1.0.0")!.value, bits: 16 });
    expect(parseCidr("2001:db8::1")).toEqual({ family: 6, base: parseIp("2001:db8::1")!.value, bits: 128 });
  });

  test("GIVEN an IPv4-mapped IPv6 address WHEN tested against an IPv4 CIDR THEN its IPv4 host decides", () => {
    expect(cidrContainsIp("10.0.0.0/8", "::ffff:10.0.0.1")).toBe(true);
    expect(cidrContainsIp("10.0.0.0/8", "::ffff:a00:1")).toBe(true);
    expect(cidrContainsIp("10.0.0.0/8", "::ffff:11.0.0.1")).toBe(false);
    expect(cidrContainsIp("fe80::/10", "fe80::1%eth0")).toBe(true);
  });
});

describe("isPublicIp (IANA special-purpose registries)", () => {
  test.each([...NON_PUBLIC_IPV4, ...NON_PUBLIC_IPV6].map((r) => [r.cidr, r.what]))(
    "GIVEN %s (%s) WHEN classified THEN its first address is not public",
    (cidr) => {
      const first = cidr.split("/")[0];
      expect(isPublicIp(first)).toBe(false);
      expect(isNonPublicIp(first)).toBe(true);
    },
  );

  test.each([
    ["::ffff:10.0.0.1", false],
    ["::ffff:8.8.8.8", true],
    ["64:ff9b::8.8.8.8", true],
    ["64:ff9b::10.0.0.1", false],
    ["192.0.2.1", false],
    ["198.18.0.1", false],
    ["198.19.255.255", false],
    ["198.20.0.1", true],
    ["203.0.113.9", false],
    ["2001:db8::1", false],
    ["3fff::1", false],
    ["2606:4700::1111", true],
    ["4000::1", false],
    ["255.255.255.255", false],
    ["100.63.255.255", true],
    ["100.64.0.1", false],
    ["8.8.8.8", true],
    ["not-an-ip", false],
  ] as const)("GIVEN %s WHEN classified THEN public is %s", (ip, want) => {
    expect(isPublicIp(ip)).toBe(want);
  });
});

describe("isInternalHost", () => {
  test.each([
    ["kubernetes.default.svc.cluster.local", true],
    ["metadata.google.internal", true],
    ["redis", true],
    ["localhost", true],
    ["LOCALHOST.", true],
    ["printer.local", true],
    ["[::1]", true],
    ["10.1.2.3", true],
    ["api.openai.com", false],
    ["8.8.8.8", false],
    ["internal.example.com", false],
  ] as const)("GIVEN %s WHEN classified THEN internal is %s", (host, want) => {
    expect(isInternalHost(host, DEFAULT_INTERNAL_SUFFIXES)).toBe(want);
  });
});

// The shim (internal = listed, never permitted) and the simulator (Public Internet group) used
// to disagree on ::ffff:10.0.0.1, 192.0.2.1 and 198.18.0.1; they now share one table.
const publicInternetModel: PolicyModel = {
  smartGroups: {
    [WELL_KNOWN.anywhere]: { key: WELL_KNOWN.anywhere, name: "Anywhere", kind: "anywhere", expressions: [] },
    [WELL_KNOWN.publicInternet]: { key: WELL_KNOWN.publicInternet, name: "Public Internet", kind: "publicInternet", expressions: [] },
  },
  webGroups: {},
  rules: [
    {
      name: "to-internet",
      tier: "V1",
      priority: 1,
      action: "PERMIT",
      protocol: "ANY",
      portRanges: [],
      srcGroups: [WELL_KNOWN.anywhere],
      dstGroups: [WELL_KNOWN.publicInternet],
      webGroups: [],
      logging: false,
      watch: false,
      decryptPolicy: "DECRYPT_UNSPECIFIED",
      flowAppRequirement: "APP_UNSPECIFIED",
    },
  ],
  defaultAction: { action: "DENY", logging: true },
};

function simulatorSaysPublic(to: { ip?: string; host?: string }): boolean {
  return evaluate(publicInternetModel, { from: {}, to: { ...to, port: 443, protocol: "TCP" } }).rule === "to-internet";
}

describe("shim and simulator agree", () => {
  const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join("."));
  const interesting = fc.constantFrom(
    "::ffff:10.0.0.1",
    "::ffff:8.8.8.8",
    "192.0.2.1",
    "198.18.0.1",
    "2001:db8::5",
    "fd00::1",
    "2606:4700::1",
    "64:ff9b::a00:1",
    "100.64.1.1",
  );
  const mapped = v4.map((a) => `::ffff:${a}`);

  test("GIVEN any address WHEN the shim and the simulator classify it THEN internal ⇔ not Public Internet", () => {
    fc.assert(
      fc.property(fc.oneof(v4, mapped, interesting), (ip) => {
        const shimInternal = classifyHost(ip.includes(":") ? `[${ip}]` : ip, 443, "https", DEFAULT_INTERNAL_SUFFIXES).kind === "internal";
        expect(isPrivateIp(ip)).toBe(shimInternal);
        expect(simulatorSaysPublic({ ip })).toBe(!shimInternal);
      }),
      { numRuns: 300 },
    );
  });

  test.each(["kubernetes.default.svc.cluster.local", "metadata.google.internal", "redis", "localhost", "api.openai.com", "mcp.deepwiki.com"])(
    "GIVEN destination host %s WHEN both classify it THEN shim internal ⇔ simulator not Public Internet",
    (host) => {
      const shimInternal = classifyHost(host, 443, "https", DEFAULT_INTERNAL_SUFFIXES).kind === "internal";
      expect(simulatorSaysPublic({ host })).toBe(!shimInternal);
    },
  );
});

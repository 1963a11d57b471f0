// ipFamilyOf (lib/net/ip.ts) answers exactly what net.isIP answers, but never runs Node's IPv6
// regular expression on text without a ':' (its first use costs a cold synth tens of ms).
import * as net from "net";
import { ipFamilyOf, parseIp } from "../../lib/net/ip";

const SAMPLES = [
  "10.0.0.1",
  "0.0.0.0",
  "255.255.255.255",
  "256.1.1.1",
  "01.2.3.4",
  "1.2.3",
  "1.2.3.4.5",
  "1.2.3.4 ",
  "",
  "::",
  "::1",
  "::/0",
  "fe80::1%eth0",
  "::ffff:10.0.0.1",
  "2001:db8::",
  "2001:db8:0:0:0:0:0:1",
  "1:2:3:4:5:6:7:8",
  "1:2:3:4:5:6:7::",
  "1:2:3:4:5:6:7:8:9",
  ":::",
  "2001:db8::g",
  "[::1]",
  "10.0.0.1:443",
  "api.openai.com",
  "localhost",
  "example.com.",
  "a:b",
  "x::y",
  "1e100",
  "0x7f.0.0.1",
  "١٢٧.0.0.1",
  "10.0.0.1%eth0",
];

describe("ipFamilyOf", () => {
  test.each(SAMPLES)("GIVEN %j THEN it answers as net.isIP", (text) => {
    expect(ipFamilyOf(text)).toBe(net.isIP(text));
  });

  test("GIVEN random short strings over the address alphabet THEN it answers as net.isIP", () => {
    const alphabet = "0123456789abcdef.:%";
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 20_000; i++) {
      let s = "";
      for (let n = next() % 16; n > 0; n--) s += alphabet[next() % alphabet.length];
      expect(ipFamilyOf(s)).toBe(net.isIP(s));
    }
  });

  test("GIVEN host names only THEN Node's IPv6 check never runs", () => {
    const isIPv6 = jest.spyOn(net, "isIPv6");
    const isIP = jest.spyOn(net, "isIP");
    for (const host of ["api.openai.com", "10.0.0.1", "example.com", "10.0.0.0"]) ipFamilyOf(host);
    expect(parseIp("10.1.2.3")).toEqual({ family: 4, value: 0x0a010203n });
    expect(isIPv6).not.toHaveBeenCalled();
    expect(isIP).not.toHaveBeenCalled();
    jest.restoreAllMocks();
  });
});

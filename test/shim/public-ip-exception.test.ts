// A public IP literal cannot be permitted by an FQDN WebGroup; the message names the exception
// that would cover exactly that address: a /32 for IPv4, a /128 for IPv6.
import { classifyHost } from "../../lib/shim/hosts";

describe("public IP literal: the reviewed exception matches the address family", () => {
  test.each([
    ["20.30.40.50", "/32"],
    ["[2606:4700::1111]", "/128"],
  ])("GIVEN %s THEN the message suggests a reviewed %s exception", (host, prefix) => {
    const c = classifyHost(host, 443, "https", []);
    expect(c).toMatchObject({ kind: "issue", code: "public-ip" });
    expect((c as { message: string }).message).toContain(`accept it as a reviewed ${prefix} exception`);
  });
});

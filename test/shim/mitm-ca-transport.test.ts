// Review item 5: AVIATRIX_PASSWORD is only ever posted over TLS, except to a loopback controller
// (a local test double or an SSH tunnel); --controller-insecure only skips certificate checks.
import * as http from "http";
import { AddressInfo } from "net";
import { fetchMitmCa } from "../../lib/shim/mitm-ca";
import { UserInputError } from "../../lib/util/errors";
import { runCli, tmpDir } from "./helpers";
import * as fs from "fs";
import * as path from "path";

const CREDS = { username: "admin", password: "s3cret-pw" };

describe("GIVEN --fetch-mitm-ca with a plaintext controller URL", () => {
  let server: http.Server;
  let requests = 0;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests++;
      res.end("{}");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test.each(["http://ctrl.example.com", "http://10.1.2.3:8080/", "HTTP://controller.corp", "ftp://ctrl.example.com"])(
    "WHEN the controller is %s THEN UserInputError before any request, even with insecure",
    async (controller) => {
      const before = requests;
      const p = fetchMitmCa(controller, CREDS, { insecure: true });
      await expect(p).rejects.toBeInstanceOf(UserInputError);
      await expect(fetchMitmCa(controller, CREDS)).rejects.toThrow(/needs https:\/\//);
      expect(requests).toBe(before);
    },
  );

  test("WHEN the CLI gets an http:// non-loopback controller THEN exit 2, the password never leaves, nothing written", async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, "c.yaml"), 'version: "1.3.17"\n');
    process.env.AVIATRIX_USERNAME = CREDS.username;
    process.env.AVIATRIX_PASSWORD = CREDS.password;
    try {
      const r = await runCli(
        "shim",
        "librechat",
        "--config",
        path.join(dir, "c.yaml"),
        "--fetch-mitm-ca",
        "http://ctrl.example.com",
        "--out",
        path.join(dir, "out"),
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toMatchSnapshot();
      expect(r.stderr).not.toContain(CREDS.password);
    } finally {
      delete process.env.AVIATRIX_USERNAME;
      delete process.env.AVIATRIX_PASSWORD;
    }
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test("WHEN the URL carries user:password@ THEN refused without echoing it", async () => {
    const err = await fetchMitmCa("https://admin:pw-in-url@ctrl.example.com", CREDS).catch((e: Error) => e);
    expect(err).toBeInstanceOf(UserInputError);
    expect((err as Error).message).not.toContain("pw-in-url");
  });

  test.each(["127.0.0.1", "localhost"])("WHEN the controller is http://%s (loopback) THEN the request is made", async (host) => {
    const before = requests;
    // The stub answers {} to get_api_token, so the login step fails — after a request was made.
    await expect(fetchMitmCa(`http://${host}:${port}`, CREDS)).rejects.toThrow(/get_api_token failed/);
    expect(requests).toBe(before + 1);
  });

  test("THEN the help says so", async () => {
    const r = await runCli("shim", "librechat", "--help");
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out.replace(/\s+/g, " ")).toMatch(/https:\/\/ only \(http:\/\/ only to a loopback address\)/);
    expect(out.replace(/\s+/g, " ")).toMatch(/--controller-insecure +skip TLS certificate verification/);
  });
});

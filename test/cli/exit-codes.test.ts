// The exit-code contract of `vca` (docs/ARCHITECTURE.md §6 + review item 1): 0 ok, 1 a check failed, 2 bad
// input or usage, 3 an internal error (a bug): one line and a hint, the stack only with VCA_DEBUG=1.
import { runVca } from "../support/run-cli";
import { CheckFailedError, UserInputError } from "../../lib/util/errors";

// A fake `validate` command whose action throws whatever the test puts in `thrown`.
let thrown: unknown;
jest.mock("../../lib/cli/commands/validate", () => ({
  registerValidate: (program: import("commander").Command) =>
    program
      .command("validate")
      .argument("[x]")
      .action(() => {
        throw thrown;
      }),
}));

function run(): Promise<{ code: number; stderr: string; stdout: string }> {
  return runVca("validate");
}

const STACK_LINE = /^\s+at .+(\(|:\d+)/m;
const savedDebug = process.env.VCA_DEBUG;
afterEach(() => {
  if (savedDebug === undefined) delete process.env.VCA_DEBUG;
  else process.env.VCA_DEBUG = savedDebug;
});

describe("GIVEN a command that fails", () => {
  test("WHEN it throws UserInputError THEN exit 2 with the message", async () => {
    thrown = new UserInputError("x.yaml:3: bad");
    expect(await run()).toEqual({ code: 2, stdout: "", stderr: "vca-cdktf: x.yaml:3: bad\n" });
  });

  test("WHEN it throws CheckFailedError THEN exit 1 with the message", async () => {
    thrown = new CheckFailedError("2 findings");
    expect(await run()).toEqual({ code: 1, stdout: "", stderr: "vca-cdktf: 2 findings\n" });
  });

  test("WHEN a bug throws a plain Error THEN exit 3, one line naming it an internal error and a VCA_DEBUG hint, no stack", async () => {
    delete process.env.VCA_DEBUG;
    thrown = new TypeError("Cannot read properties of undefined (reading 'x')");
    const r = await run();
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toMatchSnapshot();
  });

  test("WHEN VCA_DEBUG=1 THEN the internal error also prints its stack", async () => {
    process.env.VCA_DEBUG = "1";
    thrown = new Error("boom");
    const r = await run();
    expect(r.code).toBe(3);
    expect(r.stderr.split("\n")[0]).toBe("vca-cdktf: internal error: boom");
    expect(r.stderr).toMatch(STACK_LINE);
  });

  test("WHEN something that is not an Error is thrown THEN exit 3 with its text", async () => {
    delete process.env.VCA_DEBUG;
    thrown = 42;
    const r = await run();
    expect(r.code).toBe(3);
    expect(r.stderr.split("\n")[0]).toBe("vca-cdktf: internal error: 42");
  });

  test.each([
    ["EACCES", "open", "/data/out/egress.json", "vca-cdktf: /data/out/egress.json: permission denied (EACCES, open)\n"],
    ["ENOENT", "scandir", "/data/cdktf.out/stacks", "vca-cdktf: /data/cdktf.out/stacks: no such file or directory (ENOENT, scandir)\n"],
    ["EISDIR", "read", "/data/x.yaml", "vca-cdktf: /data/x.yaml: is a directory (EISDIR, read)\n"],
    ["ENOTDIR", "scandir", "/data/file/stacks", "vca-cdktf: /data/file/stacks: not a directory (ENOTDIR, scandir)\n"],
  ])("WHEN a file-system error %s escapes a command THEN it is bad input: exit 2 naming the path", async (code, syscall, p, want) => {
    thrown = Object.assign(new Error(`${code}: failed, ${syscall} '${p}'`), { code, syscall, path: p, errno: -1 });
    expect(await run()).toEqual({ code: 2, stdout: "", stderr: want });
  });
});

describe("GIVEN `vca --help`", () => {
  test("THEN the exit-code contract is part of the help text", async () => {
    const { code, stdout } = await runVca("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("Exit codes: 0 ok, 1 a check failed, 2 bad input or usage");
    expect(stdout).toContain("3 internal error (a bug in vca-cdktf; rerun with VCA_DEBUG=1 for the stack trace)");
  });
});

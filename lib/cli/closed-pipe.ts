// `vca-cdktf preflight rules | head`: when the reader closes the pipe, writes fail with EPIPE.
// That is the reader saying "enough", not an error: end quietly with the exit code so far instead
// of an unhandled 'error' event and a stack trace. Installed once by the bin script, never by main()
// (tests run main() in-process many times).
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

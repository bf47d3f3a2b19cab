import { main } from "../../src/cli/main.js";

/** Runs the CLI in-process with captured output and a fixed clock. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (s) => (out += s.endsWith("\n") ? s : s + "\n"),
    err: (s) => (err += s.endsWith("\n") ? s : s + "\n"),
    interactive: false,
    now: () => new Date("2026-12-01T03:04:05Z"),
  });
  return { code, out, err };
}

import { main } from "../../src/cli/main.js";

/**
 * Runs the CLI in-process with captured output and a fixed clock (`now`: imports refuse bars dated after the
 * clock's date + 1 day, so imports of the shared data, which runs to 2026-08, pass a later one).
 */
export async function runCli(argv: string[], now = "2026-01-02T03:04:05Z"): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (s) => (out += s.endsWith("\n") ? s : s + "\n"),
    err: (s) => (err += s.endsWith("\n") ? s : s + "\n"),
    interactive: false,
    now: () => new Date(now),
  });
  return { code, out, err };
}

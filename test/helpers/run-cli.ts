import { main } from "../../src/cli/main.js";

/**
 * Runs the CLI in-process with captured output and a fixed clock (`now`). Imports refuse bars dated after the
 * clock's date + 1 day, so the default lies after the shared data's last date (2026-08-03).
 */
export async function runCli(argv: string[], now = "2026-12-01T03:04:05Z"): Promise<{ code: number; out: string; err: string }> {
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

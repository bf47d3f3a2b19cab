import cliProgress from "cli-progress";

/** A progress bar on stderr (only when stderr is a terminal); returns an update and a stop function. */
export function startProgress(label: string, total: number, enabled: boolean): { update: (n: number, detail?: string) => void; stop: () => void } {
  if (!enabled || total < 2) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total} {detail}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { detail: "" });
  return {
    update: (n, detail = "") => bar.update(n, { detail: detail.length > 40 ? "…" + detail.slice(-39) : detail }),
    stop: () => bar.stop(),
  };
}

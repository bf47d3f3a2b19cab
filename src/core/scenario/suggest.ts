/** Edit distance (insertions, deletions, substitutions), case-insensitive. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length] as number;
}

/**
 * The closest known name to a mistyped one, for "did you mean …?" hints.
 * @param name - the unknown name.
 * @param known - candidate names.
 * @returns the nearest candidate within max(2, ⌊length/3⌋) edits, or `undefined`.
 * @example suggestName("capx", ["capex", "share"]) // "capex"
 */
export function suggestName(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

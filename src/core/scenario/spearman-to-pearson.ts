/**
 * Pearson correlation of a bivariate normal pair whose Spearman rank correlation is ρ_s:
 * r = 2 sin(π ρ_s / 6). Iman–Conover imposes Pearson correlation on normal scores; this converts the
 * model's rank targets so the achieved rank correlation is the one asked for (0.5 → 0.5176).
 *
 * @param rankCorrelation - target Spearman ρ in [−1, 1].
 * @returns the Pearson r to impose on the normal scores.
 * @example spearmanToPearson(0.5) // 0.5176380902050415
 * @see Pearson, K. (1907); Kruskal, W. H. (1958), JASA 53, 814–861, for ρ_s = (6/π) asin(r/2).
 */
export function spearmanToPearson(rankCorrelation: number): number {
  return 2 * Math.sin((Math.PI * rankCorrelation) / 6);
}

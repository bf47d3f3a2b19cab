/**
 * ECharts names SVG classes and ids after a process-wide instance counter (zr0-cls-3, zr2-c0 …), so the same chart
 * rendered twice differs. Renumbers them in order of first appearance so the same input gives the same SVG
 * (snapshot tests, reproducible reports). Internal.
 */
export function stableSvg(svg: string): string {
  const names = new Map<string, string>();
  return svg.replace(/zr\d+-[a-z]*-?\d+/g, (m) => {
    let n = names.get(m);
    if (n === undefined) names.set(m, (n = `rr-${names.size}`));
    return n;
  });
}

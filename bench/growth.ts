/**
 * The growth exponent of a cost: k in time ≈ c · size^k, fitted by least squares on logs (log t = log c + k · log s).
 * k = 1 is linear, 2 quadratic, 0 constant. Used by bench/scale.bench.ts.
 * @example growthExponent([1, 4, 16], [1, 4, 16]) // 1
 */
export function growthExponent(sizes: readonly number[], costs: readonly number[]): number {
  if (sizes.length !== costs.length || sizes.length < 2) throw new RangeError(`growthExponent needs at least two sizes and one cost per size (got ${sizes.length} sizes, ${costs.length} costs)`);
  const bad = [...sizes, ...costs].find((x) => !(Number.isFinite(x) && x > 0));
  if (bad !== undefined) throw new RangeError(`growthExponent needs positive finite sizes and costs (got ${bad})`);
  const x = sizes.map(Math.log);
  const y = costs.map(Math.log);
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i]! - my);
    sxx += (xi - mx) ** 2;
  });
  if (sxx === 0) throw new RangeError("growthExponent needs at least two different sizes");
  return sxy / sxx;
}

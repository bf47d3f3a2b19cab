/** A number for messages: up to six significant digits, no exponent for everyday magnitudes. Internal. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

/**
 * A round top for a count axis (1, 2, 5 × 10ⁿ steps) so bars and columns share a readable scale;
 * never below 1, so an all-zero chart still draws.
 */
export function niceMax(values: readonly number[]): number {
  const max = Math.max(1, ...values);
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= max) return step * magnitude;
  }
  return 10 * magnitude;
}

/** A share of the axis in percent, for a bar's width or a column's height. */
export const percentOf = (value: number, max: number) => (max <= 0 ? 0 : Math.max(0, Math.min(100, (value / max) * 100)));

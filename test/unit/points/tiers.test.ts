import fc from 'fast-check';
import { clampPoints, tierOf } from '../../../functions/points/points.domain';

describe('tiers (DOMAIN.md)', () => {
  it.each([
    [0, '信用较差'],
    [79, '信用较差'],
    [80, '轻微失信'],
    [99, '轻微失信'],
    [100, '良好'],
    [119, '良好'],
    [120, '优秀'],
    [149, '优秀'],
    [150, '极好'],
    [200, '极好'],
  ])('%i points is %s', (points, label) => {
    expect(tierOf(points).label).toBe(label);
  });

  it('property: clamped points always lie within 0–200', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000, max: 10_000 }), (p) => clampPoints(p) >= 0 && clampPoints(p) <= 200));
  });
});

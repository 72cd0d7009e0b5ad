import { fireEvent, render, screen } from '@testing-library/react';
import DimensionChart, { signedScale } from '../../client/src/packages/resident/components/dimension-chart';
import TierGauge, { bandOf } from '../../client/src/packages/resident/components/tier-gauge';
import TrendChart, { trendAxis } from '../../client/src/packages/resident/components/trend-chart';

const dims = (...points: number[]) =>
  ['honour', 'virtue', 'ethics', 'family', 'law'].map((code, i) => ({ code, label: code, points: points[i] }));

describe('charts drawn with views', () => {
  it('the dimension chart puts the zero axis in the middle of the data: all-negative values grow left', () => {
    render(<DimensionChart dimensions={dims(0, 0, -10, 0, -30)} />);
    const law = screen.getByTestId('dimension-bar-law');
    const ethics = screen.getByTestId('dimension-bar-ethics');
    const axis = parseFloat((screen.getByTestId('dimension-law').querySelector('.cx-dim-chart__axis') as HTMLElement).style.left);
    expect(axis).toBeGreaterThan(50);
    expect(parseFloat(law.style.left)).toBeCloseTo(0);
    expect(parseFloat(law.style.left) + parseFloat(law.style.width)).toBeCloseTo(axis);
    expect(parseFloat(ethics.style.width) * 3).toBeCloseTo(parseFloat(law.style.width));
    expect(screen.getByTestId('dimension-value-law')).toHaveTextContent('\u221230');
    expect(screen.getByTestId('dimension-law')).toHaveAttribute('aria-label', 'law 减30 分');
  });

  it('keeps room for the side without values, on one scale', () => {
    expect(signedScale([10, 25, 0, 0, 0])).toEqual({ negative: 6.25, positive: 25 });
    expect(signedScale([0, 0, 0, 0, 0])).toEqual({ negative: 2.5, positive: 2.5 });
    expect(signedScale([5, 0, 0, 0, -40])).toEqual({ negative: 40, positive: 10 });
  });

  it('the trend axis has round bounds around the data and 2–5 intervals', () => {
    expect(trendAxis([103, 135])).toEqual({ lo: 90, hi: 140, step: 10 });
    expect(trendAxis([135, 135])).toEqual({ lo: 120, hi: 140, step: 10 });
    expect(trendAxis([70, 150])).toEqual({ lo: 60, hi: 160, step: 20 });
    expect(trendAxis([0, 200])).toEqual({ lo: 0, hi: 200, step: 50 });
  });

  it('the trend columns are as tall as their points on that axis', () => {
    const items = [
      { month: '2025-12', points: 100 },
      { month: '2026-01', points: 120 },
    ];
    render(<TrendChart items={items} />);
    const col = (m: string) => screen.getByTestId(`trend-col-${m}`).firstElementChild as HTMLElement;
    // Axis 90–130: 100 is a quarter up, 120 three quarters.
    expect(parseFloat(col('2025-12').style.height)).toBeCloseTo(25);
    expect(parseFloat(col('2026-01').style.height)).toBeCloseTo(75);
    expect(screen.getByTestId('trend-selected')).toHaveTextContent('2026-01：120 分');
    fireEvent.click(screen.getByTestId('trend-col-2025-12'));
    expect(screen.getByTestId('trend-selected')).toHaveTextContent('2025-12：100 分');
  });

  it('the gauge marks the tier band the points fall in, at the tier boundaries of DOMAIN.md', () => {
    expect([0, 79, 80, 99, 100, 119, 120, 149, 150, 200].map((p) => bandOf(p).label)).toEqual([
      '信用较差',
      '信用较差',
      '轻微失信',
      '轻微失信',
      '良好',
      '良好',
      '优秀',
      '优秀',
      '极好',
      '极好',
    ]);
    render(<TierGauge points={92} />);
    expect(screen.getByTestId('tier-gauge-current')).toHaveTextContent('轻微失信');
    expect(parseFloat(screen.getByTestId('tier-gauge-pointer').style.left)).toBeCloseTo(46);
  });
});

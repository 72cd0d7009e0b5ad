import { Text, View } from '@tarojs/components';
import './index.scss';

export const GAUGE_MAX = 200;

/** The tiers of DOMAIN.md as bands of the 0–200 scale. */
export const TIER_BANDS = [
  { code: 'poor', label: '信用较差', from: 0, to: 80, range: '80 分以下' },
  { code: 'minor', label: '轻微失信', from: 80, to: 100, range: '80–99 分' },
  { code: 'good', label: '良好', from: 100, to: 120, range: '100–119 分' },
  { code: 'excellent', label: '优秀', from: 120, to: 150, range: '120–149 分' },
  { code: 'outstanding', label: '极好', from: 150, to: GAUGE_MAX, range: '150 分及以上' },
] as const;

const TICKS = [0, 80, 100, 120, 150, GAUGE_MAX];

const pct = (points: number) => Math.max(0, Math.min(100, (points / GAUGE_MAX) * 100));

export function bandOf(points: number): (typeof TIER_BANDS)[number] {
  return TIER_BANDS.find((b) => points < b.to) ?? TIER_BANDS[TIER_BANDS.length - 1];
}

/** A 0–200 scale split into the five tier bands, a pointer at the points, and a legend. */
export default function TierGauge({ points }: { points: number }) {
  const current = bandOf(points);
  return (
    <View
      className='cx-tier-gauge'
      data-testid='tier-gauge'
      role='meter'
      aria-valuemin={0}
      aria-valuemax={GAUGE_MAX}
      aria-valuenow={points}
      aria-label={`信用积分 ${points} 分，${current.label}，满分 ${GAUGE_MAX}`}
    >
      <View className='cx-tier-gauge__pointer-row'>
        <View className='cx-tier-gauge__pointer' style={{ left: `${pct(points)}%` }} data-testid='tier-gauge-pointer' />
      </View>
      <View className='cx-tier-gauge__bar'>
        {TIER_BANDS.map((b) => (
          <View
            key={b.code}
            className={`cx-tier-gauge__band cx-tier-gauge__band--${b.code}${b.code === current.code ? ' cx-tier-gauge__band--current' : ''}`}
            style={{ width: `${pct(b.to) - pct(b.from)}%` }}
          />
        ))}
      </View>
      <View className='cx-tier-gauge__ticks'>
        {TICKS.map((t, i) => (
          <Text
            key={t}
            className={`cx-tier-gauge__tick${i === 0 ? ' cx-tier-gauge__tick--first' : ''}${i === TICKS.length - 1 ? ' cx-tier-gauge__tick--last' : ''}`}
            style={{ left: `${pct(t)}%` }}
          >
            {t}
          </Text>
        ))}
      </View>
      <View className='cx-tier-gauge__legend'>
        {TIER_BANDS.map((b) => (
          <View
            key={b.code}
            className={`cx-tier-gauge__legend-item${b.code === current.code ? ' cx-tier-gauge__legend-item--current' : ''}`}
            data-testid={b.code === current.code ? 'tier-gauge-current' : undefined}
          >
            <View className={`cx-tier-gauge__swatch cx-tier-gauge__band--${b.code}`} />
            <Text className='cx-tier-gauge__legend-label'>{b.label}</Text>
            <Text className='cx-tier-gauge__legend-range'>{b.range}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

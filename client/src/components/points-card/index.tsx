import { Button, Text, View } from '@tarojs/components';
import type { PointsResponse } from '../../services/api';
import './index.scss';

export const MAX_POINTS = 200;

// Tier breakpoints of DOMAIN.md, drawn as marks on the gauge.
const TIER_MARKS = [80, 100, 120, 150];

interface PointsCardProps {
  points: PointsResponse;
  onDetail?: () => void;
}

export function gaugePercent(points: number): number {
  return Math.max(0, Math.min(100, (points / MAX_POINTS) * 100));
}

/** The resident's points: the big number, the tier and a 0–200 gauge. */
export default function PointsCard({ points, onDetail }: PointsCardProps) {
  const percent = gaugePercent(points.points);
  return (
    <View className='cx-points-card' data-testid='points-card'>
      <View className='cx-points-card__top'>
        <Text className='cx-points-card__caption'>我的信用积分</Text>
        <Text className={`cx-points-card__tier cx-points-card__tier--${points.tier.code}`} data-testid='points-tier'>
          {points.tier.label}
        </Text>
      </View>
      <View className='cx-points-card__value-row'>
        <Text className='cx-points-card__value' data-testid='points-value'>
          {points.points}
        </Text>
        <Text className='cx-points-card__unit'>分</Text>
      </View>
      <View
        className='cx-gauge'
        role='progressbar'
        aria-valuemin={0}
        aria-valuemax={MAX_POINTS}
        aria-valuenow={points.points}
        aria-label={`信用积分 ${points.points}，满分 ${MAX_POINTS}`}
      >
        <View className='cx-gauge__track'>
          <View className='cx-gauge__fill' style={{ width: `${percent}%` }} />
          {TIER_MARKS.map((m) => (
            <View key={m} className='cx-gauge__mark' style={{ left: `${gaugePercent(m)}%` }} />
          ))}
        </View>
        <View className='cx-gauge__scale'>
          <Text>0</Text>
          <Text>100</Text>
          <Text>{MAX_POINTS}</Text>
        </View>
      </View>
      {onDetail && (
        <Button className='cx-btn cx-btn--secondary cx-points-card__detail' data-testid='points-detail' onClick={onDetail}>
          查看明细
        </Button>
      )}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { signedPoints } from '../../shared/format';
import './index.scss';

export interface DimensionValue {
  code: string;
  label: string;
  points: number;
}

/**
 * Where the zero axis sits and how wide one point is: both sides use the same scale, and a side
 * without values keeps a quarter of the other's room so the axis and the sign stay readable.
 */
export function signedScale(values: readonly number[]): { negative: number; positive: number } {
  const pos = Math.max(0, ...values);
  const neg = Math.max(0, ...values.map((v) => -v));
  const largest = Math.max(pos, neg, 10);
  return { negative: Math.max(neg, largest / 4), positive: Math.max(pos, largest / 4) };
}

/** The five dimensions as horizontal bars around a zero axis: 加分 to the right, 减分 to the left. */
export default function DimensionChart({ dimensions }: { dimensions: readonly DimensionValue[] }) {
  const scale = signedScale(dimensions.map((d) => d.points));
  const total = scale.negative + scale.positive;
  const axis = (scale.negative / total) * 100;

  return (
    <View className='cx-dim-chart' data-testid='dimension-chart'>
      <View className='cx-dim-chart__legend'>
        <View className='cx-dim-chart__key'>
          <View className='cx-dim-chart__swatch cx-dim-chart__swatch--down' />
          <Text>减分</Text>
        </View>
        <View className='cx-dim-chart__key'>
          <View className='cx-dim-chart__swatch cx-dim-chart__swatch--up' />
          <Text>加分</Text>
        </View>
      </View>
      {dimensions.map((d) => {
        const sign = d.points > 0 ? 'up' : d.points < 0 ? 'down' : 'zero';
        const width = (Math.abs(d.points) / total) * 100;
        const left = d.points < 0 ? axis - width : axis;
        return (
          <View
            key={d.code}
            className='cx-dim-chart__row'
            data-testid={`dimension-${d.code}`}
            data-sign={sign}
            aria-label={`${d.label} ${d.points > 0 ? '加' : d.points < 0 ? '减' : ''}${Math.abs(d.points)} 分`}
          >
            <Text className='cx-dim-chart__label'>{d.label}</Text>
            <View className='cx-dim-chart__plot'>
              <View className='cx-dim-chart__axis' style={{ left: `${axis}%` }} />
              {d.points !== 0 && (
                <View
                  className={`cx-dim-chart__bar cx-dim-chart__bar--${sign}`}
                  data-testid={`dimension-bar-${d.code}`}
                  style={{ left: `${left}%`, width: `${width}%` }}
                />
              )}
            </View>
            <Text className={`cx-dim-chart__value cx-dim-chart__value--${sign}`} data-testid={`dimension-value-${d.code}`}>
              {signedPoints(d.points)}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

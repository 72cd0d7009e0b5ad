import { Text, View } from '@tarojs/components';
import { niceMax, percentOf } from './scale';
import './charts.scss';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** One of the chart palette's tones (see charts.scss). */
  tone?: string;
}

/** Horizontal bars with their labels and counts, on one scale from zero. */
export default function BarList({ bars, unit = '', testId }: { bars: readonly Bar[]; unit?: string; testId: string }) {
  const max = niceMax(bars.map((b) => b.value));
  return (
    <View className='cx-bars' data-testid={testId}>
      {bars.map((b) => (
        <View key={b.key} className='cx-bars__row' aria-label={`${b.label} ${b.value}${unit}`}>
          <Text className='cx-bars__label'>{b.label}</Text>
          <View className='cx-bars__track'>
            <View
              className={`cx-bars__bar cx-chart-tone--${b.tone ?? 'primary'}`}
              data-testid={`${testId}-bar-${b.key}`}
              style={{ width: `${percentOf(b.value, max)}%` }}
            />
          </View>
          <Text className='cx-bars__value' data-testid={`${testId}-value-${b.key}`}>
            {b.value}
          </Text>
        </View>
      ))}
      <View className='cx-bars__scale'>
        <Text>0</Text>
        <Text>
          {max}
          {unit}
        </Text>
      </View>
    </View>
  );
}

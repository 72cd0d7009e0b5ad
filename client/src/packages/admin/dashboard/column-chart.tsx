import { Text, View } from '@tarojs/components';
import { niceMax, percentOf } from './scale';
import './charts.scss';

export interface Column {
  key: string;
  /** Under the column: kept short (a day or a month number) so 14 of them fit a phone. */
  label: string;
  /** What a screen reader says for the column (default: the label), e.g. 「2026年10月」 for 「10」. */
  spoken?: string;
  value: number;
}

/** Vertical columns with each value on top, a grid line at the top of the scale and at its half. */
export default function ColumnChart({ columns, testId }: { columns: readonly Column[]; testId: string }) {
  const max = niceMax(columns.map((c) => c.value));
  return (
    <View className='cx-columns' data-testid={testId}>
      <View className='cx-columns__plot'>
        <View className='cx-columns__grid' style={{ bottom: '100%' }}>
          <Text className='cx-columns__grid-label'>{max}</Text>
        </View>
        <View className='cx-columns__grid' style={{ bottom: '50%' }}>
          {Number.isInteger(max / 2) && <Text className='cx-columns__grid-label'>{max / 2}</Text>}
        </View>
        <View className='cx-columns__row'>
          {columns.map((c) => (
            <View key={c.key} className='cx-columns__slot' aria-label={`${c.spoken ?? c.label}：${c.value}`}>
              <Text className='cx-columns__value'>{c.value > 0 ? c.value : ''}</Text>
              <View className='cx-columns__col' data-testid={`${testId}-col-${c.key}`} style={{ height: `${percentOf(c.value, max)}%` }} />
            </View>
          ))}
        </View>
      </View>
      <View className='cx-columns__labels'>
        {columns.map((c) => (
          <Text key={c.key} className='cx-columns__label'>
            {c.label}
          </Text>
        ))}
      </View>
    </View>
  );
}

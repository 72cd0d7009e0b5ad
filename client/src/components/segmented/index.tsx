import { Text, View } from '@tarojs/components';
import './index.scss';

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
}

interface SegmentedProps<T extends string> {
  options: readonly SegmentOption<T>[];
  value: T;
  onChange: (value: T) => void;
  testId?: string;
}

/** A row of mutually exclusive choices (tabs within a page). */
export default function Segmented<T extends string>({ options, value, onChange, testId = 'segmented' }: SegmentedProps<T>) {
  return (
    <View className='cx-segmented' data-testid={testId} role='tablist'>
      {options.map((o) => (
        <View
          key={o.value}
          className={`cx-segmented__item${o.value === value ? ' cx-segmented__item--active' : ''}`}
          role='tab'
          aria-selected={o.value === value}
          data-testid={`${testId}-${o.value}`}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  );
}

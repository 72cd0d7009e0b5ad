import { Text, View } from '@tarojs/components';
import './chips.scss';

export interface ChipOption<T extends string | number> {
  value: T;
  label: string;
}

interface ChipsProps<T extends string | number> {
  options: readonly ChipOption<T>[];
  value: T;
  onChange: (value: T) => void;
  /** Each chip gets `${testId}-${value}`. */
  testId: string;
  /** Read by screen readers as the group's name. */
  label?: string;
}

/** One choice among a few, as a row of chips that wraps at 375 px (and in 大字模式). */
export default function Chips<T extends string | number>({ options, value, onChange, testId, label }: ChipsProps<T>) {
  return (
    <View className='cx-loan-chips' role='radiogroup' aria-label={label} data-testid={testId}>
      {options.map((o) => {
        const active = o.value === value;
        return (
          <View
            key={String(o.value)}
            className={`cx-loan-chips__chip${active ? ' cx-loan-chips__chip--active' : ''}`}
            role='radio'
            aria-checked={active}
            data-testid={`${testId}-${o.value}`}
            onClick={() => onChange(o.value)}
          >
            <Text>{o.label}</Text>
          </View>
        );
      })}
    </View>
  );
}

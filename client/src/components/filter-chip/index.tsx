import { Text, View } from '@tarojs/components';
import './index.scss';

interface FilterChipProps {
  label: string;
  active: boolean;
  testId: string;
  onClick: () => void;
}

/** A toggle in a row of list filters (类别, 维度, 只看可享受); the row wraps at 375 px and in 大字模式. */
export default function FilterChip({ label, active, testId, onClick }: FilterChipProps) {
  return (
    <View className={`cx-chip${active ? ' cx-chip--active' : ''}`} data-testid={testId} aria-pressed={active} role='button' onClick={onClick}>
      <Text>{label}</Text>
    </View>
  );
}

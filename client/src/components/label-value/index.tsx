import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

export interface LabelValueProps {
  label: string;
  /** The value; children work as well. */
  value?: ReactNode;
  children?: ReactNode;
  testId?: string;
  /** A variant of the value's look: adds `<block>__value--<tone>`. */
  tone?: string;
}

/**
 * The row component of a screen that lists facts as label and value (报告核验, 记录详情, a
 * measure, an application, a public business page…): each screen keeps its own look through its
 * block's classes `<block>__row`, `<block>__label` and `<block>__value`.
 */
export function labelValueRow(block: string) {
  return function LabelValue({ label, value, children, testId, tone }: LabelValueProps) {
    return (
      <View className={`${block}__row`}>
        <Text className={`${block}__label`}>{label}</Text>
        <Text className={`${block}__value${tone ? ` ${block}__value--${tone}` : ''}`} data-testid={testId}>
          {value ?? children}
        </Text>
      </View>
    );
  };
}

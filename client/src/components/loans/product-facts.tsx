import { Text, View } from '@tarojs/components';
import type { ProductView } from '../../services/loans-api';
import { amountRange, termRange } from '../../services/loans-format';

/**
 * A loan product's 额度 and 期限 ranges as two facts, shown the same on its card in 信易贷 and on
 * its own page; each keeps its look through its block's classes (`<block>__fact`,
 * `<block>__fact-label`, `<block>__fact-value`).
 */
export default function AmountTermFacts({ p, block }: { p: ProductView; block: string }) {
  const facts = [
    { label: '额度', value: amountRange(p.minAmount, p.maxAmount), testId: 'product-amount' },
    { label: '期限', value: termRange(p.minTermMonths, p.maxTermMonths), testId: 'product-term' },
  ];
  return (
    <>
      {facts.map((f) => (
        <View key={f.testId} className={`${block}__fact`}>
          <Text className={`${block}__fact-label`}>{f.label}</Text>
          <Text className={`${block}__fact-value`} data-testid={f.testId}>
            {f.value}
          </Text>
        </View>
      ))}
    </>
  );
}

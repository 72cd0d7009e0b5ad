import { Text, View } from '@tarojs/components';
import type { ProductView } from '../../services/loans-api';
import { criteriaLines, rateRange } from '../../services/loans-format';
import AmountTermFacts from './product-facts';
import './product-card.scss';

interface ProductCardProps {
  product: ProductView;
  /** A business sees its eligibility; anyone else the criteria in words. */
  mode: 'eligibility' | 'catalogue';
  onOpen?: () => void;
}

/** One loan product: bank, rate range, amount and term ranges, and my eligibility or the criteria. */
export default function ProductCard({ product: p, mode, onOpen }: ProductCardProps) {
  const withdrawn = p.status === 'withdrawn';
  return (
    <View
      role={onOpen ? 'button' : undefined}
      className={`cx-card cx-product${withdrawn ? ' cx-product--withdrawn' : ''}`}
      hoverClass={onOpen ? 'cx-product--pressed' : 'none'}
      data-testid='product-card'
      data-product-id={p.id}
      onClick={onOpen}
    >
      <View className='cx-product__head'>
        <View className='cx-product__names'>
          <Text className='cx-product__name' data-testid='product-name'>
            {p.name}
          </Text>
          <Text className='cx-product__bank' data-testid='product-bank'>
            {p.bankName}
          </Text>
        </View>
        {onOpen && <Text className='cx-product__chevron'>›</Text>}
      </View>

      <View className='cx-product__rate'>
        <Text className='cx-product__rate-label'>年利率</Text>
        <Text className='cx-product__rate-value' data-testid='product-rate'>
          {rateRange(p.annualRateMin, p.annualRateMax)}
        </Text>
      </View>

      <View className='cx-product__facts'>
        <AmountTermFacts p={p} block='cx-product' />
      </View>

      {mode === 'eligibility' && p.eligible !== undefined && (
        <View
          className={`cx-product__eligibility cx-product__eligibility--${p.eligible ? 'ok' : 'no'}`}
          data-testid='product-eligibility'
          data-eligible={String(p.eligible)}
        >
          <Text className='cx-product__eligibility-mark'>{p.eligible ? '✓ 符合条件' : '✗ 不符合'}</Text>
          {!p.eligible && p.failedCriteria && p.failedCriteria.length > 0 && (
            <Text className='cx-product__eligibility-why' data-testid='product-failed'>
              {p.failedCriteria[0]}
              {p.failedCriteria.length > 1 ? `（另有 ${p.failedCriteria.length - 1} 项未满足）` : ''}
            </Text>
          )}
        </View>
      )}

      {mode === 'catalogue' && (
        <View className='cx-product__criteria' data-testid='product-criteria'>
          <Text className='cx-product__criteria-title'>申请条件</Text>
          {criteriaLines(p.criteria).map((line) => (
            <Text key={line} className='cx-product__criteria-line'>
              · {line}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

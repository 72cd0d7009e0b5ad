import { Text, View } from '@tarojs/components';
import type { RedemptionView } from '../../services/api';
import { chinaDateTime } from '../../services/time';
import './index.scss';

interface RedemptionRowProps {
  item: RedemptionView;
  /** A resident sees where they used it; a merchant sees whom it served (masked). */
  viewer: 'resident' | 'merchant';
}

/** One redemption in a history list. */
export default function RedemptionRow({ item, viewer }: RedemptionRowProps) {
  return (
    <View className='cx-rrow' data-testid='redemption-item' data-id={item.id}>
      <View className='cx-rrow__top'>
        <Text className='cx-rrow__title'>{item.incentiveTitle}</Text>
        {viewer === 'merchant' && (
          <Text className='cx-rrow__who' data-testid='redemption-who'>
            {item.resident.maskedName}
          </Text>
        )}
      </View>
      <Text className='cx-rrow__benefit'>{item.benefit}</Text>
      <View className='cx-rrow__meta'>
        {viewer === 'resident' && (
          <Text className='cx-rrow__where' data-testid='redemption-where'>
            {item.merchant.name}
          </Text>
        )}
        <Text className='cx-rrow__when'>{chinaDateTime(item.redeemedAt)}</Text>
      </View>
    </View>
  );
}

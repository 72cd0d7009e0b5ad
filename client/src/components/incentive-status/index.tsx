import { Text, View } from '@tarojs/components';
import type { IncentiveView } from '../../services/api';
import { remainingText } from '../../services/incentives';
import './index.scss';

/**
 * A resident's standing on one scenario: 可享受 with what is left of the quota, or 暂不可用 with
 * every reason the server gave (「还差 8 分」, 「今日次数已用完」…). Nothing for anyone else.
 */
export default function IncentiveStatus({ item, testId = 'incentive-status' }: { item: IncentiveView; testId?: string }) {
  if (item.eligible === undefined) return null;
  if (item.eligible) {
    return (
      <View className='cx-istatus cx-istatus--ok' data-testid={testId} data-eligible='true'>
        <Text className='cx-istatus__badge'>可享受</Text>
        {item.remainingQuota !== undefined && (
          <Text className='cx-istatus__text'>{remainingText(item.remainingQuota, item.quota.period)}</Text>
        )}
      </View>
    );
  }
  return (
    <View className='cx-istatus cx-istatus--no' data-testid={testId} data-eligible='false'>
      <Text className='cx-istatus__badge'>暂不可用</Text>
      <View className='cx-istatus__reasons'>
        {(item.reasons ?? []).map((r) => (
          <Text key={r} className='cx-istatus__reason' data-testid='incentive-reason'>
            {r}
          </Text>
        ))}
      </View>
    </View>
  );
}
